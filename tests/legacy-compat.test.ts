// The legacy desktop build's code runs on Electron 22: Node 16.17 in the main process and its
// workers, Chromium 108 in the page and the preload (issue 17 §1). No Node 16 and no Electron 22
// can be had here, so: the bundles as `npm run dist` builds them are parsed as ECMAScript 2022 and
// searched for built-ins newer than those versions (packaging/legacy-compat.ts), and the legacy main
// process is run whole in a Node with everything newer than 16.17 taken away, on a stand-in of
// Electron 22: it must find the library, index it in its workers, answer a search and play a film.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLegacyBundles, LEGACY_MAIN_ENTRIES, type LegacyBundle } from '../packaging/legacy-bundle.js';
import { checkLegacyCompat, checkLegacyCss, CURRENT_SIDE_ONLY } from '../packaging/legacy-compat.js';
import { API_CHANNEL } from '../main/electron/ipc.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';
import { loadPreload } from './helpers/preload-sandbox.js';

const LEGACY_ELECTRON = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'electron-legacy', 'package.json'), 'utf8')) as { version: string }).version;

let dir: string;
let bundle: LegacyBundle;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'changmun-legacy-'));
  bundle = await buildLegacyBundles(path.join(dir, 'build', 'legacy'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the compatibility check itself', () => {
  const problems = (code: string, runtime: 'node' | 'chrome' = 'node') => checkLegacyCompat(code, runtime, 'x.js').map((p) => p.message);

  it('refuses syntax newer than ECMAScript 2022 and built-ins newer than Node 16.17', () => {
    expect(problems('const re = /[\\p{L}--[a-z]]/v;')[0]).toMatch(/not ECMAScript 2022/);
    expect(problems('#!/usr/bin/env node\n1;')[0]).toMatch(/not ECMAScript 2022/);
    expect(problems('[1, 2].findLast((x) => x > 1);')).toEqual(['the method findLast is not in Node 16.17']);
    expect(problems('const copy = structuredClone({ a: 1 });')).toEqual(['the global structuredClone is not in Node 16.17']);
    expect(problems('fetch("app://changmun/");')).toEqual(['the global fetch is not in Node 16.17']);
    expect(problems('const g = Object.groupBy(list, (x) => x.type);')).toEqual(['Object.groupBy is not in Node 16.17']);
    expect(problems('require("node:test");')).toEqual(['the module node:test is not in Node 16.17']);
    expect(problems('fs.readdirSync(dir, { withFileTypes: true, recursive: true });')).toEqual(['readdirSync({ recursive }) is not in Node 16.17']);
    expect(problems('const n = os.availableParallelism();')).toEqual(['the method availableParallelism is not in Node 16.17']);
  });

  it('knows what Chromium 108 has that Node 16 lacks, and the reverse', () => {
    expect(problems('structuredClone(x); [1].findLast(Boolean);', 'chrome')).toEqual([]);
    expect(problems('[3, 1].toSorted();', 'chrome')).toEqual(['the method toSorted is not in Chromium 108']);
    expect(problems('const { promise } = Promise.withResolvers();', 'chrome')).toEqual(['Promise.withResolvers is not in Chromium 108']);
  });

  it('refuses CSS Chromium 108 lacks, and takes what it has', () => {
    const css = (text: string) => checkLegacyCss(text, 'x.css').map((p) => p.message);
    expect(css('.a{color:color-mix(in srgb,red 50%,blue)}')).toEqual(['color-mix() is not in Chromium 108 (from 111)']);
    expect(css('.card{padding:1rem;&:hover{color:red}}')).toEqual(['nested rules (&) is not in Chromium 108 (from 112)']);
    expect(css('@container (min-width: 30rem){.a:has(img){height:100dvh}}')).toEqual([]);
  });

  it('lets through a local of the same name and a feature test', () => {
    expect(problems('function f(fetch) { return fetch(1); }')).toEqual([]);
    expect(problems('const n = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;')).toEqual([]);
    expect(problems('const c = typeof structuredClone === "function" ? structuredClone(v) : JSON.parse(JSON.stringify(v));')).toEqual([]);
  });
});

describe('the legacy bundles', () => {
  it('are CommonJS files for Electron 22: the main process, its three workers and the preload', () => {
    expect(JSON.parse(readFileSync(path.join(bundle.outDir, 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    expect(bundle.files.map((f) => path.relative(bundle.outDir, f.path)).sort()).toEqual(
      [...Object.keys(LEGACY_MAIN_ENTRIES).map((n) => `electron/${n}.js`), 'electron/preload/index.js'].sort(),
    );
    const entry = readFileSync(path.join(bundle.outDir, 'electron', 'entry.js'), 'utf8');
    // Electron is the one module left to require; no ES module syntax, no import.meta.
    expect(entry).toContain('require("electron")');
    expect(entry).not.toMatch(/\bimport\.meta\b|^\s*(?:import|export)\s/m);
  });

  it('use no syntax or built-in that Node 16.17 (main, workers) or Chromium 108 (preload) lacks', () => {
    for (const f of bundle.files) {
      const found = checkLegacyCompat(readFileSync(f.path, 'utf8'), f.target, path.relative(dir, f.path), { allow: CURRENT_SIDE_ONLY });
      expect(found.map((p) => `${p.file}:${p.line} ${p.message}`), f.path).toEqual([]);
    }
  });

  it('carry the same preload: run as the sandbox runs it, it needs only electron and exposes { invoke } on the one channel', async () => {
    const calls: unknown[][] = [];
    const loaded = loadPreload(async (...call) => (calls.push(call), { ok: true, value: 'answer' }), readFileSync(path.join(bundle.outDir, 'electron', 'preload', 'index.js'), 'utf8'));
    expect(loaded.required).toEqual(['electron']);
    const bridge = loaded.exposed.get('changmun') as { invoke(method: string, args: unknown[]): Promise<unknown> };
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(await bridge.invoke('search', ['로동'])).toEqual({ ok: true, value: 'answer' });
    expect(calls).toEqual([[API_CHANNEL, 'search', ['로동']]]);
  });

  it('run the main process on Node 16.17 built-ins and a stand-in Electron 22: library, index, search, a film, quit', async () => {
    const library = path.join(dir, 'DRIVE', 'library');
    cpSync(CONTENT_SAMPLE, library, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
    const standIn = path.join(dir, 'stand-in.cjs');
    await esbuild({ entryPoints: [path.join(REPO_ROOT, 'tests', 'helpers', 'electron-stand-in.ts')], outfile: standIn, bundle: true, format: 'cjs', platform: 'node', logLevel: 'silent' });
    const run = spawnSync(process.execPath, ['--require', path.join(REPO_ROOT, 'tests', 'helpers', 'node16-preload.cjs'), path.join(REPO_ROOT, 'tests', 'helpers', 'legacy-main-harness.cjs')], {
      cwd: dir,
      env: { ...process.env, ENTRY: path.join(bundle.outDir, 'electron', 'entry.js'), STAND_IN: standIn, LIBRARY: library, ELECTRON_VERSION: LEGACY_ELECTRON, NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    let report: {
      gone: string[];
      error?: string;
      forbidden?: string[];
      steps: { windows?: number; loaded?: string; items?: string[]; search?: { total: number; paths: string[] }; protocols?: string[]; film?: { status: number; range: string; bytes: number }; exit?: number };
    };
    try {
      report = JSON.parse(line) as typeof report;
    } catch {
      throw new Error(`no report (exit ${String(run.status)}): ${run.stdout}\n${run.stderr}`);
    }
    expect(report.error, report.error).toBeUndefined();
    // Node 20's newer built-ins really were gone.
    expect(report.gone).toEqual(expect.arrayContaining(['structuredClone', 'fetch', 'Response', 'Array.prototype.findLast', 'os.availableParallelism', 'Readable.toWeb']));
    expect(report.steps.windows).toBe(1);
    expect(report.steps.loaded).toBe('app://changmun/index.html');
    expect(report.steps.items).toEqual(expect.arrayContaining([expect.stringMatching(/^article:/), expect.stringMatching(/^book:/), expect.stringMatching(/^video:/)]));
    // The North Korean spelling finds the article about Wonsan's workers.
    expect(report.steps.search?.total).toBeGreaterThan(0);
    expect(report.steps.search?.paths).toContain('articles/history/원산-로동자들의-력사.html');
    // app:// served through registerStreamProtocol, with Range: the first 100 bytes of the film.
    expect(report.steps.protocols).toEqual(['app']);
    expect(report.steps.film).toMatchObject({ status: 206, bytes: 100 });
    expect(report.steps.film?.range).toMatch(/^bytes 0-99\/\d+$/);
    expect(report.steps.exit).toBe(0);
    expect(report.forbidden).toEqual([]);
    // The session's folder on the drive is gone with the app.
    expect(readdirSync(path.join(dir, 'DRIVE', 'library', '.changmun')).filter((n) => n === 'runtime')).toEqual([]);
  }, 300_000);
});

describe('the UI for Chromium 108', () => {
  it('is built by renderer/vite.config.ts with no syntax or built-in Chromium 108 lacks', async () => {
    const out = path.join(dir, 'renderer-dist');
    await viteBuild({ root: path.join(REPO_ROOT, 'renderer'), configFile: path.join(REPO_ROOT, 'renderer', 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    const scripts = readdirSync(path.join(out, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) {
      const found = checkLegacyCompat(readFileSync(path.join(out, 'assets', f), 'utf8'), 'chrome', f, { module: true });
      expect(found.map((p) => `${p.file}:${p.line} ${p.message}`), f).toEqual([]);
    }
    const sheets = readdirSync(path.join(out, 'assets')).filter((f) => f.endsWith('.css'));
    expect(sheets.length).toBeGreaterThan(0);
    for (const f of sheets) expect(checkLegacyCss(readFileSync(path.join(out, 'assets', f), 'utf8'), f).map((p) => p.message), f).toEqual([]);
  }, 180_000);
});
