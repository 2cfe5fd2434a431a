// A failure reaches the page with its code and its Korean, on both transports, from the real back
// end: in the Electron window (the shell run on a stand-in electron module, the preload as the
// sandbox runs it, behind a bridge that drops an Error's own properties as contextBridge does) and
// in the preview (the server over HTTP, the page's HTTP transport). The page gets the same ApiError
// either way; the article reader tells "not found" from "cannot be read" by its code alone.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type ApiAnswer, type ChangmunApi } from '../main/api.js';
import { createApiClient } from '../main/contract/client.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { LibraryService } from '../main/core/library-service.js';
import { APP_INDEX_URL } from '../main/electron/app-url.js';
import { API_CHANNEL } from '../main/electron/ipc.js';
import { startShell } from '../main/electron/main.js';
import { startPreviewServer, type PreviewServer } from '../main/preview/server.js';
import { createHttpBackend } from '../renderer/src/api/http.js';
import { createElectronStandIn, type StandIn } from './helpers/electron-stand-in.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';
import { loadPreload } from './helpers/preload-sandbox.js';

const FILM = 'films/바다의 편지.mp4';
const HANGUL = /[가-힣]/;

let tmp: string;
let standIn: StandIn;
let preview: PreviewServer;
/** The page's client in the Electron window, and its raw door. */
let ipcApi: ChangmunApi;
let ipcInvoke: (method: unknown, args: unknown) => Promise<ApiAnswer>;
let httpApi: ChangmunApi;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-contract-'));
  const drive = path.join(tmp, 'DRIVE');
  mkdirSync(path.join(drive, 'app', 'linux'), { recursive: true });
  cpSync(CONTENT_SAMPLE, path.join(drive, 'library'), { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  const systemTemp = path.join(tmp, 'system-temp');
  mkdirSync(systemTemp);

  standIn = createElectronStandIn({ isPackaged: true });
  const execPath = path.join(drive, 'app', 'linux', 'reader');
  const shell = startShell(standIn.electron, {
    argv: [execPath],
    execPath,
    packageRoot: REPO_ROOT,
    preload: '/app.asar/build/main/electron/preload/index.js',
    systemTemp,
    pid: 4242,
    env: {},
    nonce: () => 'abc123',
    onProcessExit: () => {},
    log: () => {},
    createService: (location, options) => new LibraryService(location, { ...options, workers: 1 }),
  });
  standIn.ready();
  await shell.ready;
  const handler = standIn.ipcHandlers.get(API_CHANNEL)!;
  // The window's page asks; the main process's handler answers, as ipcMain.handle would.
  const preload = loadPreload((_channel, ...args) => Promise.resolve(handler({ senderFrame: { url: APP_INDEX_URL } }, ...args)));
  const bridge = preload.exposed.get('changmun') as { invoke: (m: unknown, a: unknown) => Promise<ApiAnswer> };
  ipcInvoke = (m, a) => bridge.invoke(m, a);
  ipcApi = createApiClient((m, a) => bridge.invoke(m, a));

  preview = await startPreviewServer({ location: resolveLibraryFolder(path.join(drive, 'library')), workers: 1, distDir: await builtUiOrStandIn() });
  httpApi = createHttpBackend(preview.url).api;
});

afterAll(async () => {
  await preview?.close();
  if (standIn && standIn.exitCode === undefined) {
    standIn.electron.app.quit();
    await standIn.exited;
  }
  rmSync(tmp, { recursive: true, force: true });
});

/** The built UI when there is one; else a folder with an index.html (only the API is asked here). */
async function builtUiOrStandIn(): Promise<string> {
  const { existsSync, writeFileSync } = await import('node:fs');
  const dist = path.join(REPO_ROOT, 'renderer', 'dist');
  if (existsSync(path.join(dist, 'index.html'))) return dist;
  const own = path.join(tmp, 'ui');
  mkdirSync(own);
  writeFileSync(path.join(own, 'index.html'), '<!doctype html><title>창문</title>');
  return own;
}

async function thrown(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe.each([
  ['Electron (preload, IPC)', () => ipcApi],
  ['preview (HTTP)', () => httpApi],
])('an error reaches the page with its code and Korean: %s', (_name, api) => {
  it('a file that is not there: not-found, named in Korean and English', async () => {
    const e = await thrown(api().getArticle('articles/없는-글.md'));
    expect(e.code).toBe('not-found');
    expect(e.ko).toBe('파일을 찾을 수 없습니다: articles/없는-글.md');
    expect(e.en).toBe('file not found: articles/없는-글.md');
  });

  it('a film asked for as an article: unsupported', async () => {
    const e = await thrown(api().getArticle(FILM));
    expect(e.code).toBe('unsupported');
    expect(e.ko).toMatch(/^글이 아닙니다: /);
  });

  it('a place that is not a place: bad-argument, from the back end itself', async () => {
    const e = await thrown(api().savePosition('books/동백꽃.epub', { at: true, updatedAt: 'now' } as never));
    expect(e.code).toBe('bad-argument');
    expect(e.ko).toMatch(HANGUL);
  });

  it('a path outside the library names no folder of this computer', async () => {
    const e = await thrown(api().getArticle('../../../etc/passwd.txt'));
    expect(e.code).toBe('not-found');
    expect(`${e.ko} ${e.en}`).not.toContain(tmp);
  });

  it('an answer still arrives whole after the errors', async () => {
    const s = await api().getSettings();
    expect(s.language).toBe('ko');
  });
});

describe('the one door refuses what the table does not allow, with { code, ko, en }', () => {
  it.each([
    ['an unknown method', 'noSuchMethod', [], 'unknown-method'],
    ['a name from the prototype', 'constructor', [], 'unknown-method'],
    ['a method of the service outside the contract', 'scrub', ['x'], 'unknown-method'],
    ['too few arguments', 'getArticle', [], 'bad-argument'],
    ['too many arguments', 'getIndexStatus', [1], 'bad-argument'],
    ['an argument of the wrong type', 'search', [{ q: 'x' }], 'bad-argument'],
    ['an options object that is a list', 'search', ['x', [1]], 'bad-argument'],
    ['arguments that are not a list', 'getLibrary', { 0: 1 }, 'bad-argument'],
  ] as const)('over IPC: %s', async (_what, method, args, code) => {
    const answer = await ipcInvoke(method, args);
    expect(answer).toEqual({ ok: false, error: { code, ko: expect.stringMatching(HANGUL), en: expect.any(String) } });
  });

  it.each([
    ['an unknown method', 'noSuchMethod', [], 404, 'unknown-method'],
    ['a name from the prototype', '__proto__', [], 404, 'unknown-method'],
    ['too few arguments', 'getArticle', [], 400, 'bad-argument'],
    ['an argument of the wrong type', 'getLibraryChanges', ['7'], 400, 'bad-argument'],
    ['a missing file', 'getSubtitles', ['films/없는-영화.mp4'], 404, 'not-found'],
  ] as const)('over HTTP: %s is %i', async (_what, method, args, status, code) => {
    const res = await fetch(`${preview.url}api/${method}`, { method: 'POST', body: JSON.stringify(args) });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, ko: expect.stringMatching(HANGUL), en: expect.any(String) } });
  });

  it('a Korean message that names nothing the page should not see', async () => {
    const answer = await ipcInvoke('getArticle', ['noSuchFolder/글.md']);
    expect(answer.ok).toBe(false);
    expect(JSON.stringify(answer)).not.toContain(tmp);
  });
});
