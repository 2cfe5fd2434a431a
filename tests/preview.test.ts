// `changmun preview`: the real command in a child process, on a temp copy of content-sample.
// The HTTP half of "both transports implement every method" lives here: every API_METHODS method
// is called over HTTP with valid arguments and its answer checked.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ChangmunApi } from '../main/api.js';
import { APP_CSP } from '../main/core/serve/index.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { startPreviewServer } from '../main/preview/server.js';
import { rendererDistDir, UiNotBuiltError } from '../main/preview/ui-dist.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';

const DIST_INDEX = path.join(REPO_ROOT, 'renderer', 'dist', 'index.html');
const FILM = 'films/바다의 편지.mp4';
const enc = (p: string) => p.split('/').map(encodeURIComponent).join('/');

let dir: string;
let child: ChildProcess;
let base: string;
let port: number;
let exited: Promise<number | null>;
let stderr = '';

/**
 * The command from the TypeScript sources, as vitest sees them (a stale build/ cannot fool it).
 * The entry is a file, not `-e`: worker threads inherit the process's flags, and `--input-type`
 * makes every worker fail to start.
 */
function startPreview(tmp: string, args: string[]): ChildProcess {
  const entry = path.join(tmp, 'changmun-dev.mjs');
  const main = pathToFileURL(path.join(REPO_ROOT, 'main', 'cli', 'main.ts')).href;
  writeFileSync(entry, `const { runCli } = await import(${JSON.stringify(main)});\nprocess.exitCode = await runCli(process.argv);\n`);
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function api(method: string, args: unknown[]): Promise<{ status: number; value: unknown }> {
  const res = await fetch(`${base}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
  return { status: res.status, value: await res.json() };
}

beforeAll(async () => {
  if (!existsSync(DIST_INDEX)) {
    // npm test builds first; a bare `vitest run` on a fresh clone builds the UI here.
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'renderer', '--logLevel', 'warn'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vite build renderer failed: ${r.stderr}`);
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'changmun-preview-'));
  dir = path.join(tmp, 'library');
  cpSync(CONTENT_SAMPLE, dir, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  child = startPreview(tmp, ['preview', dir, '--port', '0', '--no-open']);
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`preview exited ${code}: ${stderr}`)));
  });
  base = first;
  port = Number(new URL(first).port);
  // Wait until the index is complete so search answers are whole.
  for (let i = 0; i < 600; i++) {
    const s = (await api('getIndexStatus', [])).value as { complete: boolean; phase: string };
    if (s.complete || s.phase === 'done') break; // 'done' but not complete: it failed, and the tests say how
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(path.dirname(dir), { recursive: true, force: true });
});

describe('changmun preview', () => {
  it('prints http://127.0.0.1:PORT/t/TOKEN/ as its first line, and a bilingual line on stderr', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]{32}\/$/);
    expect(stderr).toMatch(/미리보기.*preview/);
  });

  it('refuses every request without the right token', async () => {
    const token = new URL(base).pathname.split('/')[2]!;
    const wrong = token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const p of ['/', '/index.html', '/t/', `/t/${wrong}/`, `/t/${wrong}/api/getLibrary`, `/t/${token.slice(1)}/`, `/t/${token}x/`, `/assets/x.js`, `/api/getLibrary`]) {
      const res = await fetch(`http://127.0.0.1:${port}${p}`);
      expect(res.status, p).toBe(403);
      expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    }
    const post = await fetch(`http://127.0.0.1:${port}/t/${wrong}/api/getLibrary`, { method: 'POST', body: '[]' });
    expect(post.status).toBe(403);
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: new URL(base).pathname, headers: { Host: `evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('serves the built UI with the CSP and the other headers on every answer', async () => {
    const res = await fetch(base);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toBe(readFileSync(DIST_INDEX, 'utf8'));
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${base}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(APP_CSP);
  });

  it('answers every contract method over HTTP with the right kind of result', async () => {
    const s = { language: 'en', fontSize: 20, theme: 'dark', remember: false };
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    // A mapped type: leaving out a method of the contract does not compile.
    const calls: { [K in keyof ChangmunApi]: [unknown[], (v: unknown) => void] } = {
      getLibrary: [[], (v) => expect(v).toMatchObject({ items: expect.toSatisfy((i: unknown[]) => i.length === 15), problems: [], version: expect.any(Number) })],
      // A version from no run of this preview: the whole list comes back.
      getLibraryChanges: [[0], (v) => expect(v).toMatchObject({ full: true, items: expect.toSatisfy((i: unknown[]) => i.length === 15), removed: [] })],
      getIndexStatus: [[], (v) => expect(v).toMatchObject({ complete: true, phase: 'done' })],
      search: [['동백꽃', { limit: 5 }], (v) => expect((v as { results: { path: string }[] }).results[0]!.path).toBe('books/동백꽃.epub')],
      getArticle: [['articles/history/타이타닉호의-마지막-밤.html'], (v) => expect((v as { html: string }).html).toContain('타이타닉')],
      getSubtitles: [[FILM], (v) => expect((v as { language: string }[]).map((t) => t.language).sort()).toEqual(['en', 'ko'])],
      getSettings: [[], (v) => expect(Object.keys(v as object).sort()).toEqual(['fontSize', 'language', 'remember', 'rememberPlaces', 'theme', 'volume'])],
      saveSettings: [[s], (v) => expect(v).toEqual({ saved: false, reason: 'not-remembering' })],
      getPositions: [[], (v) => expect(isObject(v)).toBe(true)],
      savePosition: [[FILM, { at: 12.5, updatedAt: new Date().toISOString() }], (v) => expect(v).toEqual({ saved: false, reason: 'not-remembering' })],
      forgetEverything: [[], (v) => expect(v).toEqual({ saved: true })],
      getRememberStatus: [[], (v) => expect(v).toEqual({ onDrive: false, sessionPlaces: 0 })],
      resumeRemembering: [[], (v) => expect(v).toEqual({ saved: true })],
      quit: [[], (v) => expect(v).toBeNull()],
      getDriveCheck: [[], (v) => expect(v).toMatchObject({ state: 'none', signature: 'unsigned' })],
    };
    expect(Object.keys(calls).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) {
      const [args, check] = calls[method];
      const { status, value } = await api(method, args);
      expect(status, `${method}: ${JSON.stringify(value)}`).toBe(200);
      check(value);
    }
  });

  it('keeps state in memory between calls and forgets it on quit', async () => {
    await api('saveSettings', [{ language: 'en', fontSize: 22, theme: 'dark', remember: false }]);
    expect((await api('getSettings', [])).value).toMatchObject({ fontSize: 22 });
    await api('quit', []);
    expect((await api('getSettings', [])).value).toMatchObject({ fontSize: 18, remember: false });
  });

  it('exposes only the contract: other names are 404, wrong arguments 400, errors { error: { code, ko, en } } without paths', async () => {
    const isError = (code: string) => ({ error: { code, ko: expect.stringMatching(/[가-힣]/), en: expect.any(String) } });
    for (const name of ['close', 'coverBytes', 'constructor', '__proto__', 'toString', 'ready', 'scrub', 'forgetMemory', 'bookEntry']) {
      const r = await api(name, []);
      expect(r.status, name).toBe(404);
      expect(r.value, name).toEqual(isError('unknown-method'));
    }
    const get = await fetch(`${base}api/getLibrary`);
    expect(get.status).toBe(405);
    expect(await get.json()).toEqual(isError('bad-argument'));
    const bad = await fetch(`${base}api/getLibrary`, { method: 'POST', body: '{"not":"an array"}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual(isError('bad-argument'));
    for (const [method, args] of [['search', []], ['search', [42]], ['getArticle', ['a.md', 'extra']], ['savePosition', ['a.md', 'not a place']], ['getLibraryChanges', ['1']]] as const) {
      const r = await api(method, [...args]);
      expect(r.status, `${method} ${JSON.stringify(args)}`).toBe(400);
      expect(r.value).toEqual(isError('bad-argument'));
    }
    const missing = await api('getArticle', ['../../etc/passwd.txt']);
    expect(missing.status).toBe(404);
    expect(missing.value).toEqual(isError('not-found'));
    expect(JSON.stringify(missing.value)).not.toContain(dir);
    const film = await api('getArticle', [FILM]);
    expect(film.status).toBe(422);
    expect(film.value).toEqual(isError('unsupported'));
  });

  it('serves films with Range, raw HTML as text, covers as images, and refuses ways out', async () => {
    const bytes = readFileSync(path.join(CONTENT_SAMPLE, FILM));
    const res = await fetch(`${base}files/${enc(FILM)}`, { headers: { Range: 'bytes=100-1099' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100-1099/${bytes.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(100, 1100))).toBe(true);
    expect(res.headers.get('content-security-policy')).toContain(APP_CSP);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    const head = await fetch(`${base}files/${enc(FILM)}`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(bytes.length));

    const article = await fetch(`${base}files/${enc('articles/history/타이타닉호의-마지막-밤.html')}`);
    expect(article.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    await article.arrayBuffer();

    const cover = await fetch(`${base}covers/${enc('books/동백꽃.epub')}`);
    expect(cover.status).toBe(200);
    expect(cover.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await cover.arrayBuffer()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    for (const p of ['files/%2e%2e/%2e%2e/etc/passwd', 'files/..%2f..%2fetc%2fpasswd', 'files/.changmun/index/manifest.json', 'covers/..%2fx.epub']) {
      const r = await fetch(`${base}${p}`);
      expect([403, 404], p).toContain(r.status);
      await r.arrayBuffer();
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    for (const host of ['127.0.0.2', '[::1]']) {
      await expect(fetch(`http://${host}:${port}/`), host).rejects.toThrow();
    }
    if (existsSync('/proc/net/tcp')) {
      const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
      const listening = [...readFileSync('/proc/net/tcp', 'utf8').split('\n'), ...(existsSync('/proc/net/tcp6') ? readFileSync('/proc/net/tcp6', 'utf8').split('\n') : [])]
        .map((l) => l.trim().split(/\s+/))
        .filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A');
      expect(listening.map((f) => f[1])).toEqual([`0100007F:${hexPort}`]);
    }
  });

  it('stops on SIGINT with exit code 0', async () => {
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(base)).rejects.toThrow();
  });
});

describe('changmun preview without a built UI', () => {
  it('fails with a message saying to run npm run build', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'changmun-nodist-'));
    try {
      const location = resolveLibraryFolder(CONTENT_SAMPLE);
      // Refused before anything starts: no worker, no socket, nothing written.
      await expect(startPreviewServer({ location, distDir: empty })).rejects.toThrow(UiNotBuiltError);
      await expect(startPreviewServer({ location, distDir: empty })).rejects.toThrow(/npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('finds renderer/dist from the package root', () => {
    expect(rendererDistDir()).toBe(path.join(REPO_ROOT, 'renderer', 'dist'));
  });
});
