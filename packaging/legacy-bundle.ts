// The legacy desktop build's code (issue 17 §1): the same shell, back end and preload as the current
// build, compiled for Electron 22 — Node 16.17 in the main process and its workers, Chromium 108 in
// the preload. The current build loads build/main as ES modules; Electron 22 cannot load an ES
// module as its main script (that came with Electron 28), so here each entry is one CommonJS file:
//   build/legacy/package.json                    { "type": "commonjs" }: the .js files below are CommonJS
//   build/legacy/electron/entry.js               the main process (package.json "main" of the legacy app)
//   build/legacy/electron/{search,extract,check}-worker.js   the worker threads, beside the entry,
//                                                where startWorker(import.meta.url, …) looks for them
//   build/legacy/electron/preload/index.js       the preload, for Chromium 108
// Dependencies are bundled in, so the legacy app needs no node_modules. The UI (renderer/dist) is
// shared: renderer/vite.config.ts compiles it for Chromium 108 too. packaging/legacy-compat.ts
// checks all of it; `npm run dist` builds it (and `npm run build:legacy` alone).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 22's Node and Chromium (electron-legacy's versions). */
export const LEGACY_NODE_TARGET = 'node16.17';
export const LEGACY_CHROME_TARGET = 'chrome108';

/** The main process's bundles: the entry and the worker threads it starts, by output name. */
export const LEGACY_MAIN_ENTRIES: Readonly<Record<string, string>> = {
  entry: 'main/electron/entry.ts',
  'search-worker': 'main/core/search/search-worker.ts',
  'extract-worker': 'main/core/catalog/extract-worker.ts',
  'check-worker': 'main/core/manifest/check-worker.ts',
};

/** Where the legacy app starts (its package.json "main", set by electron-builder's extraMetadata). */
export const LEGACY_MAIN = 'build/legacy/electron/entry.js';

export interface LegacyBundle {
  /** The folder written (build/legacy unless told otherwise). */
  outDir: string;
  /** Every JavaScript file written, absolute, with the target it was compiled for. */
  files: { path: string; target: 'node' | 'chrome' }[];
}

/**
 * Build the legacy bundles into `outDir` (emptied first). import.meta.url, which the entry and
 * startWorker use to find the package root, the preload and the workers, becomes the CommonJS
 * file's own URL.
 */
export async function buildLegacyBundles(outDir: string = path.join(ROOT, 'build', 'legacy'), root: string = ROOT): Promise<LegacyBundle> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'electron', 'preload'), { recursive: true });
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
    charset: 'utf8',
  };
  await build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(LEGACY_MAIN_ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
    outdir: path.join(outDir, 'electron'),
    platform: 'node',
    target: LEGACY_NODE_TARGET,
    define: { 'import.meta.url': '__changmun_module_url' },
    // "use strict" first, so the bundle stays strict code with the line before esbuild's own.
    banner: { js: '"use strict";\nvar __changmun_module_url = require("node:url").pathToFileURL(__filename).href;' },
  });
  await build({
    ...common,
    entryPoints: [path.join(root, 'main/electron/preload/index.ts')],
    outfile: path.join(outDir, 'electron', 'preload', 'index.js'),
    // Electron's sandboxed preload: a CommonJS script whose require knows 'electron' and a few others.
    platform: 'node',
    target: LEGACY_CHROME_TARGET,
  });
  return {
    outDir,
    files: [
      ...Object.keys(LEGACY_MAIN_ENTRIES).map((name) => ({ path: path.join(outDir, 'electron', `${name}.js`), target: 'node' as const })),
      { path: path.join(outDir, 'electron', 'preload', 'index.js'), target: 'chrome' as const },
    ],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bundle = await buildLegacyBundles();
  process.stdout.write(`changmun: the legacy build's code (Electron 22: ${LEGACY_NODE_TARGET}, ${LEGACY_CHROME_TARGET}) is in ${path.relative(ROOT, bundle.outDir)}/\n`);
}
