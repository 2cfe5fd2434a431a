// Issue 14: the layers hold because the linter refuses a wrong import (eslint.config.js). These are
// the imports a hurried change would add; `npm test` runs the same linter over the whole tree.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/paths.js';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function refused(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layers, as the linter enforces them', () => {
  it('the UI reaches the back end only through the contract and the text rules', async () => {
    expect(await refused('renderer/src/x.ts', "import { scanLibrary } from '../../main/core/catalog/scan';\nexport { scanLibrary };\n")).toHaveLength(1);
    expect(await refused('renderer/src/readers/x.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n")).toHaveLength(1);
    expect(await refused('renderer/src/x.ts', "import type { LibraryApi } from '../../main/api';\nimport { matchRanges } from '../../main/text/analyze';\nexport type { LibraryApi };\nexport { matchRanges };\n")).toEqual([]);
  });

  it("the browser edition's back end runs in the page: the contract, the text rules and the core's Node-free reading side only", async () => {
    const page = 'main/browser-edition/page/x.ts';
    expect(await refused(page, "import { SearchEngine } from '../../core/search/engine.js';\nimport { DiskSegment } from '../../core/search/store/segment.js';\nimport { cleanSettings } from '../../core/state/settings-rules.js';\nimport { ApiError } from '../../contract/errors.js';\nimport { analyze } from '../../text/analyze.js';\nexport { SearchEngine, DiskSegment, cleanSettings, ApiError, analyze };\n")).toEqual([]);
    // Anything else of the core may reach for Node: refused, as are Node's modules themselves.
    expect(await refused(page, "import { readSavedIndex } from '../../core/search/saved-index.js';\nexport { readSavedIndex };\n")).toHaveLength(1);
    expect(await refused(page, "import { SealedFile } from '../../core/search/store/sealed.js';\nexport { SealedFile };\n")).toHaveLength(1);
    expect(await refused(page, "import { createHash } from 'node:crypto';\nexport { createHash };\n")).toHaveLength(1);
    expect(await refused(page, "import { App } from '../../../renderer/src/App';\nexport { App };\n")).toHaveLength(1);
    // Only the page's entry picks that back end; the rest of the UI knows the contract only.
    expect(await refused('renderer/src/main-page.tsx', "import { createPageBackend } from '../../main/browser-edition/page/backend';\nexport { createPageBackend };\n")).toEqual([]);
    expect(await refused('renderer/src/screens/x.ts', "import { createPageBackend } from '../../../main/browser-edition/page/backend';\nexport { createPageBackend };\n")).toHaveLength(1);
    expect(await refused('renderer/src/main-page.tsx', "import { SearchEngine } from '../../main/core/search/engine';\nexport { SearchEngine };\n")).toHaveLength(1);
  });

  it('the core never imports a shell or the UI', async () => {
    expect(await refused('main/core/x.ts', "import { startPreview } from '../preview/server.js';\nexport { startPreview };\n")).toHaveLength(1);
    expect(await refused('main/core/search/x.ts', "import { app } from 'electron';\nexport { app };\n")).toHaveLength(1);
    expect(await refused('main/core/x.ts', "import { BookReader } from '../../renderer/src/readers/book/BookReader.js';\nexport { BookReader };\n")).toHaveLength(1);
    expect(await refused('main/core/x.ts', "import { analyze } from '../text/analyze.js';\nexport { analyze };\n")).toEqual([]);
  });

  it('the text rules stand alone: nothing of ours, no Node', async () => {
    expect(await refused('main/text/x.ts', "import type { Item } from '../core/types.js';\nexport type { Item };\n")).toHaveLength(1);
    expect(await refused('main/text/x.ts', "import { createHash } from 'node:crypto';\nexport { createHash };\n")).toHaveLength(1);
  });

  it('no networking module anywhere in the app but the preview', async () => {
    for (const file of ['main/core/x.ts', 'main/electron/x.ts', 'main/cli/x.ts', 'main/text/x.ts', 'main/api.ts']) {
      expect((await refused(file, "import http from 'node:http';\nexport { http };\n")).length, file).toBeGreaterThanOrEqual(1);
    }
    expect(await refused('main/electron/x.ts', "import { shell } from 'electron';\nexport { shell };\n")).toHaveLength(1);
  });
});
