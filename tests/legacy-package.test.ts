// electron-builder packs the legacy build's configuration (packaging/legacy-config.ts) — around a
// stand-in Electron folder, since no Electron binary can be had here. What that leaves out, and the
// README says so: the Windows executable (electron-builder writes the asar's hash into the real
// PE file) and the fuses (flipped inside the real binary); so the stand-in is packed for Linux, with
// no fuses. What it shows: the app.asar the legacy build ships holds exactly its CommonJS bundles, the
// package.json pointing at them, and the UI unpacked beside it, with no node_modules; the locales are
// trimmed to Korean and English; the afterPack hook runs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLegacyBundles, LEGACY_MAIN } from '../packaging/legacy-bundle.js';
import { legacyBuilderConfig } from '../packaging/legacy-config.js';
import { REPO_ROOT } from './helpers/paths.js';

const asar = createRequire(import.meta.url)('@electron/asar') as {
  listPackage(file: string, o: { isPack: boolean }): string[];
  extractFile(file: string, inner: string): Buffer;
  createPackage(src: string, dest: string): Promise<void>;
};
const LEGACY_ELECTRON = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'electron-legacy', 'package.json'), 'utf8')) as { version: string }).version;
const dir = mkdtempSync(path.join(tmpdir(), 'changmun-legacy-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('electron-builder and the legacy configuration', () => {
  it('packs the CommonJS bundles and the UI, and no node_modules', async () => {
    // A project as `npm run dist` leaves it: package.json, node_modules, build/legacy, renderer/dist.
    const project = path.join(dir, 'project');
    mkdirSync(path.join(project, 'renderer', 'dist', 'assets'), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'package.json'), path.join(project, 'package.json'));
    cpSync(path.join(REPO_ROOT, 'packaging', 'after-pack.cjs'), path.join(project, 'packaging', 'after-pack.cjs'));
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(project, 'node_modules'));
    writeFileSync(path.join(project, 'renderer', 'dist', 'index.html'), '<!doctype html><title>창문</title>');
    writeFileSync(path.join(project, 'renderer', 'dist', 'assets', 'app.js'), 'console.log(1)');
    await buildLegacyBundles(path.join(project, 'build', 'legacy'), REPO_ROOT);
    // The stand-in Electron: an executable, locales, and the default app a hand-supplied one carries.
    const electronDist = path.join(dir, 'electron-22');
    mkdirSync(path.join(electronDist, 'locales'), { recursive: true });
    mkdirSync(path.join(electronDist, 'resources'));
    writeFileSync(path.join(electronDist, 'electron'), '\x7fELF stand-in', { mode: 0o755 });
    for (const l of ['ko', 'en-US', 'fr', 'ja']) writeFileSync(path.join(electronDist, 'locales', `${l}.pak`), l);
    mkdirSync(path.join(dir, 'default-app'));
    writeFileSync(path.join(dir, 'default-app', 'package.json'), '{"name":"electron","main":"main.js"}');
    await asar.createPackage(path.join(dir, 'default-app'), path.join(electronDist, 'resources', 'default_app.asar'));
    const config = legacyBuilderConfig(readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8'), LEGACY_ELECTRON);
    delete config['electronFuses'];
    delete config['win'];
    Object.assign(config, { directories: { output: path.join(dir, 'out') }, electronDist, linux: { target: [{ target: 'dir', arch: ['x64'] }] } });
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));

    const r = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'electron-builder'), ['--projectDir', project, '--config', path.join(dir, 'config.json'), '--linux', '--publish', 'never'], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);

    const app = path.join(dir, 'out', 'linux-unpacked');
    const archive = path.join(app, 'resources', 'app.asar');
    const files = asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    // (The asar's header lists the unpacked UI too; its files are beside it, checked below.)
    const bundles = files.filter((f) => (f.endsWith('.js') || f.endsWith('.json')) && !f.startsWith('/renderer/')).sort();
    expect(bundles).toEqual(
      ['/build/legacy/electron/check-worker.js', '/build/legacy/electron/entry.js', '/build/legacy/electron/extract-worker.js', '/build/legacy/electron/preload/index.js', '/build/legacy/electron/search-worker.js', '/build/legacy/package.json', '/package.json'].sort(),
    );
    expect(files.some((f) => f.includes('node_modules'))).toBe(false);
    expect(files.some((f) => f.startsWith('/build/main'))).toBe(false);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(pkg.main).toBe(LEGACY_MAIN);
    expect(JSON.parse(asar.extractFile(archive, 'build/legacy/package.json').toString('utf8'))).toEqual({ type: 'commonjs' });
    // The UI beside the asar, as in the current build (Electron copies a file out of an asar to read it).
    expect(readFileSync(path.join(app, 'resources', 'app.asar.unpacked', 'renderer', 'dist', 'index.html'), 'utf8')).toContain('창문');
    expect(readdirSync(path.join(app, 'locales')).sort()).toEqual(['en-US.pak', 'ko.pak']);
    expect(existsSync(path.join(app, 'resources', 'default_app.asar'))).toBe(false);
    expect(existsSync(path.join(app, 'Reader'))).toBe(true);
  }, 300_000);
});
