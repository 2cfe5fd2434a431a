// The Electron half of "both transports implement every method" (the HTTP half is in
// preview.test.ts): the preload, run as Electron's sandbox runs it (a CommonJS script whose
// `require` knows only 'electron'), exposes exactly the contract through contextBridge, each method
// on the one channel with its arguments, and file URLs the app:// protocol answers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { API_METHODS, type ChangmunApi, type FileUrls } from '../main/api.js';
import { APP_ORIGIN, coverUrl, fileUrl } from '../main/electron/app-url.js';
import { API_CHANNEL } from '../main/electron/ipc.js';
import { REPO_ROOT } from './helpers/paths.js';

const SOURCE = path.join(REPO_ROOT, 'main', 'electron', 'preload', 'index.ts');

interface Loaded {
  exposed: Map<string, unknown>;
  invoked: unknown[][];
  required: string[];
  answer: { current: unknown };
  ipcRenderer: object;
}

/** The preload compiled as the build compiles it (CommonJS), run with a sandbox's require. */
function loadPreload(): Loaded {
  const js = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const answer = { current: { ok: true, value: null } as unknown };
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return answer.current;
    },
    send: () => {
      throw new Error('the preload must not send');
    },
    on: () => {
      throw new Error('the preload must not listen');
    },
  };
  const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) }, ipcRenderer };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`the sandbox cannot require ${id}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(`(function (require, module, exports) {${js}\n})`, { Error, Promise, String, encodeURIComponent })(sandboxRequire, module, module.exports);
  return { exposed, invoked, required, answer, ipcRenderer };
}

describe('the preload', () => {
  it('needs nothing but electron, as the sandbox allows', () => {
    expect(loadPreload().required).toEqual(['electron']);
  });

  it('exposes window.changmun = { api, urls } and nothing else', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['changmun']);
    expect(Object.keys(exposed.get('changmun') as object).sort()).toEqual(['api', 'urls']);
  });

  it('exposes every method of the contract, and only those', () => {
    const { api } = loadPreload().exposed.get('changmun') as { api: ChangmunApi };
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const m of API_METHODS) expect(typeof api[m], m).toBe('function');
  });

  it('never hands the page ipcRenderer or anything that holds it', () => {
    const { exposed, ipcRenderer } = loadPreload();
    const seen = new Set<unknown>();
    const walk = (v: unknown): void => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
      seen.add(v);
      expect(v).not.toBe(ipcRenderer);
      for (const k of Object.getOwnPropertyNames(v)) walk((v as Record<string, unknown>)[k]);
    };
    walk(exposed.get('changmun'));
  });

  it('sends each method on the one channel with its arguments', async () => {
    const loaded = loadPreload();
    const { api } = loaded.exposed.get('changmun') as { api: ChangmunApi };
    const position = { at: 0.5, updatedAt: '2024-01-01T00:00:00Z' };
    const settings = { language: 'en', fontSize: 20, theme: 'dark', remember: true } as const;
    const calls: Record<(typeof API_METHODS)[number], () => Promise<unknown>> = {
      getLibrary: () => api.getLibrary(),
      getLibraryChanges: () => api.getLibraryChanges(42),
      getIndexStatus: () => api.getIndexStatus(),
      search: () => api.search('로동', { type: 'book', limit: 5 }),
      getArticle: () => api.getArticle('articles/a.md'),
      getSubtitles: () => api.getSubtitles('films/바다의 편지.mp4'),
      getSettings: () => api.getSettings(),
      saveSettings: () => api.saveSettings(settings),
      getPositions: () => api.getPositions(),
      savePosition: () => api.savePosition('books/a.epub', position),
      forgetEverything: () => api.forgetEverything(),
      getRememberStatus: () => api.getRememberStatus(),
      resumeRemembering: () => api.resumeRemembering(),
      quit: () => api.quit(),
      getDriveCheck: () => api.getDriveCheck(),
    };
    expect(Object.keys(calls).sort()).toEqual([...API_METHODS].sort());
    for (const m of API_METHODS) await calls[m]();
    expect(loaded.invoked.map((c) => c[0])).toEqual(API_METHODS.map(() => API_CHANNEL));
    expect(loaded.invoked.map((c) => c[1])).toEqual([...API_METHODS]);
    const argsOf = (m: string) => loaded.invoked.find((c) => c[1] === m)![2];
    expect(argsOf('search')).toEqual(['로동', { type: 'book', limit: 5 }]);
    expect(argsOf('savePosition')).toEqual(['books/a.epub', position]);
    expect(argsOf('saveSettings')).toEqual([settings]);
    expect(argsOf('getLibrary')).toEqual([]);
    await api.search('x');
    expect(loaded.invoked.at(-1)![2]).toEqual(['x']);
  });

  it("returns the main process's value, and throws its message as an Error", async () => {
    const loaded = loadPreload();
    const { api } = loaded.exposed.get('changmun') as { api: ChangmunApi };
    loaded.answer.current = { ok: true, value: { saved: false, reason: 'read-only' } };
    expect(await api.savePosition('a', { at: 1, updatedAt: 'x' })).toEqual({ saved: false, reason: 'read-only' });
    loaded.answer.current = { ok: false, error: '파일을 찾을 수 없습니다: a.md / file not found: a.md' };
    await expect(api.getArticle('a.md')).rejects.toThrow('file not found: a.md');
    loaded.answer.current = { ok: true, value: null };
    expect(await api.quit()).toBeUndefined();
  });

  it('makes the same file and cover URLs as the main process serves', () => {
    const { urls } = loadPreload().exposed.get('changmun') as { urls: FileUrls };
    for (const p of ['films/바다의 편지.mp4', 'a/100% #1?.txt', 'books/동백꽃.epub']) {
      expect(urls.file(p)).toBe(fileUrl(p));
      expect(urls.cover(p)).toBe(coverUrl(p));
    }
  });

  it('repeats the channel and the origin of main/electron exactly', () => {
    const source = readFileSync(SOURCE, 'utf8');
    expect(source).toContain(`const API_CHANNEL = '${API_CHANNEL}';`);
    expect(source).toContain(`const APP_ORIGIN = '${APP_ORIGIN}';`);
  });
});
