// The Electron half of "both transports carry every method" (the HTTP half is in preview.test.ts):
// the preload, run as Electron's sandbox runs it (a CommonJS script whose `require` knows only
// 'electron'), exposes one door through contextBridge, invoke(method, args), on the one channel;
// the page's one client (main/contract/client.ts) makes every method of the contract over it, and
// a failure reaches the page as an ApiError with its code, although contextBridge drops an Error's
// own properties. The URLs the page makes are the ones app:// serves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API, API_METHODS, ApiError, type ApiAnswer, type ChangmunApi } from '../main/api.js';
import { createApiClient, fileUrlsAt } from '../main/contract/client.js';
import { APP_INDEX_URL, APP_ORIGIN, bookUrl, coverUrl, fileUrl } from '../main/electron/app-url.js';
import { API_CHANNEL } from '../main/electron/ipc.js';
import { loadPreload, PRELOAD_SOURCE } from './helpers/preload-sandbox.js';

type Invoke = (method: string, args: unknown[]) => Promise<ApiAnswer>;

/** The preload with a main process that answers `answer`, and the page's client made over it. */
function pageWith(answer: () => ApiAnswer = () => ({ ok: true, value: null })) {
  const loaded = loadPreload(async () => answer());
  const bridge = loaded.exposed.get('changmun') as { invoke: Invoke };
  return { loaded, bridge, api: createApiClient((m, a) => bridge.invoke(m, a)) };
}

describe('the preload', () => {
  it('needs nothing but electron, as the sandbox allows', () => {
    expect(pageWith().loaded.required).toEqual(['electron']);
  });

  it('exposes window.changmun = { invoke } and nothing else', () => {
    const { loaded } = pageWith();
    expect([...loaded.exposed.keys()]).toEqual(['changmun']);
    expect(Object.keys(loaded.exposed.get('changmun') as object)).toEqual(['invoke']);
  });

  it('never hands the page ipcRenderer or anything that holds it', () => {
    const { loaded } = pageWith();
    const seen = new Set<unknown>();
    const walk = (v: unknown): void => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
      seen.add(v);
      expect(v).not.toBe(loaded.ipcRenderer);
      for (const k of Object.getOwnPropertyNames(v)) walk((v as Record<string, unknown>)[k]);
    };
    walk(loaded.exposed.get('changmun'));
  });

  it("the page's client has every method of the contract's table, and only those", () => {
    const { api } = pageWith();
    expect(Object.keys(api).sort()).toEqual(Object.keys(API).sort());
    for (const m of API_METHODS) expect(typeof api[m], m).toBe('function');
  });

  it('sends each method on the one channel with its arguments', async () => {
    const { loaded, api } = pageWith();
    const position = { at: 0.5, updatedAt: '2024-01-01T00:00:00Z' };
    const settings = { language: 'en', fontSize: 20, theme: 'dark', remember: true } as const;
    // A mapped type: leaving out a method of the contract does not compile.
    const calls: { [K in keyof ChangmunApi]: () => Promise<unknown> } = {
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
    for (const m of API_METHODS) await calls[m]();
    expect(loaded.invoked.map((c) => c[0])).toEqual(API_METHODS.map(() => API_CHANNEL));
    expect(loaded.invoked.map((c) => c[1])).toEqual([...API_METHODS]);
    const argsOf = (m: string) => loaded.invoked.find((c) => c[1] === m)![2];
    expect(argsOf('search')).toEqual(['로동', { type: 'book', limit: 5 }]);
    expect(argsOf('savePosition')).toEqual(['books/a.epub', position]);
    expect(argsOf('saveSettings')).toEqual([settings]);
    expect(argsOf('getLibrary')).toEqual([]);
    // A left-out optional argument is not sent.
    await api.search('x');
    await api.search('y', undefined);
    expect(loaded.invoked.slice(-2).map((c) => c[2])).toEqual([['x'], ['y']]);
  });

  it("returns the main process's value, and throws its error as an ApiError with code, Korean and English", async () => {
    let next: ApiAnswer = { ok: true, value: { saved: false, reason: 'read-only' } };
    const { api } = pageWith(() => next);
    expect(await api.savePosition('a', { at: 1, updatedAt: 'x' })).toEqual({ saved: false, reason: 'read-only' });
    next = { ok: false, error: { code: 'not-found', ko: '파일을 찾을 수 없습니다: a.md', en: 'file not found: a.md' } };
    const e = await api.getArticle('a.md').then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'not-found', ko: '파일을 찾을 수 없습니다: a.md', en: 'file not found: a.md' });
    next = { ok: true, value: null };
    expect(await api.quit()).toBeUndefined();
  });

  it('a main process that answers something else than the contract fails as an ApiError too', async () => {
    const { api } = pageWith(() => ({ nonsense: true }) as unknown as ApiAnswer);
    await expect(api.getLibrary()).rejects.toMatchObject({ name: 'ApiError', code: 'failed' });
  });

  it("the page's file, cover and book URLs, made beside the window's page, are the ones app:// serves", () => {
    const urls = fileUrlsAt(new URL('./', APP_INDEX_URL).href);
    for (const p of ['films/바다의 편지.mp4', 'a/100% #1?.txt', 'books/동백꽃.epub']) {
      expect(urls.file(p)).toBe(fileUrl(p));
      expect(urls.cover(p)).toBe(coverUrl(p));
      expect(urls.book(p)).toBe(bookUrl(p));
    }
    expect(fileUrl('a/100% #1?.txt')).toBe(`${APP_ORIGIN}/files/a/100%25%20%231%3F.txt`);
  });

  it('repeats the channel of main/electron exactly', () => {
    expect(readFileSync(PRELOAD_SOURCE, 'utf8')).toContain(`const API_CHANNEL = '${API_CHANNEL}';`);
  });
});
