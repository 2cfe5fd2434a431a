// What the packaged app holds besides Electron (packaging/package-plan.ts, printed by `npm run dist`),
// worked out from electron-builder.yml and the installed production tree of this checkout after
// `npm run build`: the built UI with its Korean font as WOFF2 only, the compiled back end, and the
// runtime dependencies — no UI library, no development tool, no command line, no source maps.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPlan, planPackage } from '../packaging/package-plan.js';
import { REPO_ROOT } from './helpers/paths.js';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const built = existsSync(path.join(REPO_ROOT, 'renderer', 'dist', 'index.html')) && existsSync(path.join(REPO_ROOT, 'build', 'main', 'electron', 'entry.js'));
if (!built) throw new Error('changmun tests: the packaged app is made of the build: run `npm run build` first (npm test does)');

describe('the packaged app, as electron-builder.yml packs it', () => {
  const plan = planPackage(REPO_ROOT);
  const paths = plan.files.map((f) => f.path);
  const packageNames = plan.packages.map((p) => p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length));

  it('holds the built UI, the compiled back end and the runtime dependencies', () => {
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'renderer/dist/index.html', 'build/main/electron/entry.js', 'build/main/core/search/search-worker.js']));
    for (const dep of Object.keys(pkg.dependencies).filter((d) => d !== 'commander')) {
      expect(paths.some((p) => p.startsWith(`node_modules/${dep}/`)), dep).toBe(true);
    }
    for (const p of paths) expect(p, p).toMatch(/^(?:package\.json$|renderer\/dist\/|build\/main\/|node_modules\/)/);
  });

  it('holds no UI library, no development tool, not the command line nor the preview server', () => {
    for (const name of ['react', 'react-dom', 'epubjs', 'i18next', 'react-i18next', 'dompurify', '@fontsource/noto-sans-kr', 'typescript', 'vite', 'electron', 'core-js', 'better-sqlite3', 'minisearch']) {
      expect(packageNames, name).not.toContain(name);
    }
    expect(paths.filter((p) => p.startsWith('node_modules/commander/') || p.startsWith('build/main/cli/') || p.startsWith('build/main/preview/'))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.map') || p.endsWith('.d.ts'))).toEqual([]);
  });

  it('ships the Korean font as WOFF2 only, and every face the UI names is there', () => {
    const assets = readdirSync(path.join(REPO_ROOT, 'renderer', 'dist', 'assets'));
    expect(assets.filter((f) => f.endsWith('.woff'))).toEqual([]);
    const css = assets.filter((f) => f.endsWith('.css')).map((f) => readFileSync(path.join(REPO_ROOT, 'renderer', 'dist', 'assets', f), 'utf8')).join('\n');
    const faces = [...css.matchAll(/@font-face\s*{[^}]*}/g)].map((m) => m[0]).filter((f) => f.includes('Noto Sans KR'));
    expect(faces.length).toBeGreaterThan(100);
    for (const face of faces) {
      const urls = [...face.matchAll(/url\(\s*['"]?([^'")]+)/g)].map((m) => m[1]!);
      expect(urls.length, face).toBe(1);
      expect(urls[0]!, face).toMatch(/\.woff2$/);
      expect(paths, urls[0]).toContain(`renderer/dist/assets/${path.posix.basename(urls[0]!)}`);
    }
  });

  it('adds up: the parts are every file once, the UI beside the asar', () => {
    expect(plan.parts.reduce((s, p) => s + p.size, 0)).toBe(plan.total);
    expect(plan.parts.reduce((s, p) => s + p.files, 0)).toBe(plan.files.length);
    const ui = plan.files.filter((f) => f.path.startsWith('renderer/dist/')).reduce((s, f) => s + f.size, 0);
    expect(plan.unpacked).toBe(ui);
    const report = formatPlan(plan);
    expect(report).toContain('renderer/dist: the Korean font (.woff2)');
    expect(report).toContain('build/main: the back end');
  });
});
