// Where the built UI is: renderer/dist under the package root, found by walking up from this module,
// so the same code works from build/main/preview/ (the command) and from main/preview/ (tests).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export class UiNotBuiltError extends Error {
  override readonly name = 'UiNotBuiltError';
  constructor(readonly distDir: string) {
    super(
      `changmun: 화면(UI)이 아직 만들어지지 않았습니다. 먼저 \`npm run build\`를 실행하세요. / ` +
        `The UI is not built (${path.join(distDir, 'index.html')} is missing): run \`npm run build\` first.`,
    );
  }
}

export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'changmun') return dir;
      } catch {
        // Not our package.json: keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('changmun: cannot find the package root (package.json named "changmun")');
    dir = parent;
  }
}

export function rendererDistDir(): string {
  return path.join(packageRoot(), 'renderer', 'dist');
}

/** The built UI folder, or UiNotBuiltError when its index.html is missing. */
export function requireBuiltUi(distDir: string = rendererDistDir()): string {
  if (!existsSync(path.join(distDir, 'index.html'))) throw new UiNotBuiltError(distDir);
  return distDir;
}
