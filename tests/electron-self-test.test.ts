// `--self-test`, run here against a page made of what the real one is made of: the preload's
// invoke over IPC (callApi, the contract's dispatcher, on the real LibraryService, on a temp copy of
// content-sample), and fetch() answered by the app:// protocol, with the shell's request policy in
// front of it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiAnswer } from '../main/api.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { LibraryService } from '../main/core/library-service.js';
import { callApi } from '../main/electron/ipc.js';
import { isRequestAllowed } from '../main/electron/policy.js';
import { handleAppRequest } from '../main/electron/protocol.js';
import { runSelfTest, searchWordOf, type SelfTestHost } from '../main/electron/self-test.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';

let dir: string;
let service: LibraryService;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'changmun-selftest-'));
  cpSync(CONTENT_SAMPLE, dir, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  service = new LibraryService(resolveLibraryFolder(dir), { workers: 2 });
});
afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A page: window.changmun as the preload builds it (or, with `errors: 'message-only'`, a door that
 * loses the code on the way, as a rejected invoke would), and fetch as Chromium with our guards.
 */
function page(options: { exposes?: 'invoke' | 'api'; errors?: 'message-only'; network?: boolean } = {}): SelfTestHost & { lines: string[] } {
  const invoke = async (method: string, args: unknown[]): Promise<ApiAnswer> => {
    const answer = await callApi(service, method, args);
    if (!answer.ok && options.errors === 'message-only') return { ok: false, error: { en: answer.error.en } } as unknown as ApiAnswer;
    return answer;
  };
  const changmun = options.exposes === 'api' ? { api: Object.fromEntries(API_METHODS.map((m) => [m, (...a: unknown[]) => invoke(m, a)])) } : { invoke };
  const fetch = async (url: string, init: RequestInit = {}) => {
    if (!isRequestAllowed(url, { development: false })) {
      if (options.network) return new Response('hello');
      throw new TypeError('Failed to fetch');
    }
    return handleAppRequest(new Request(url, init), {
      libraryRoot: service.location.libraryRoot,
      distDir: path.join(dir, 'no-ui'),
      cover: (p) => service.coverBytes(p),
      book: (p, req) => service.bookEntry(p, req),
    });
  };
  const window = { changmun };
  const lines: string[] = [];
  return {
    lines,
    pageLoaded: Promise.resolve(),
    evaluate: async (expression) => vm.runInNewContext(expression, { window, fetch, Object, Array, Uint8Array, JSON, Promise }),
    runtimeFiles: () => ['profile/Local State'],
    log: (line) => lines.push(line),
  };
}

const limits = { pageMs: 5000, indexMs: 60_000, pollMs: 100 };

describe('--self-test', () => {
  it('passes on the sample library: contract, library, search, one item of each type, no network', async () => {
    const host = page();
    const code = await runSelfTest(host, limits);
    expect(host.lines.filter((l) => l.includes('FAIL'))).toEqual([]);
    expect(code).toBe(0);
    const text = host.lines.join('\n');
    expect(text).toContain(`self-test: ok   contract: invoke through the preload for ${API_METHODS.length} methods; an unknown method and a wrong argument refused with their codes`);
    expect(text).toMatch(/ok {3}library: 15 items \(\d+ articles, 3 books, \d+ films\)/);
    expect(text).toMatch(/ok {3}search: ".+" found \d+ items/);
    expect(text).toMatch(/ok {3}article: articles\//);
    expect(text).toMatch(/ok {3}book: books\/.+\.epub \(200, a zip; cover 200\)/);
    expect(text).toMatch(/ok {3}film: films\/.+ \(206 bytes 0-99\/\d+; \d+ subtitle tracks\)/);
    expect(text).toContain('ok   network: a fetch to https://example.com/ was blocked');
    expect(text).toContain('runtime folder holds 1 files: profile/Local State');
    expect(host.lines.at(-1)).toBe('self-test: passed');
  });

  it('fails, saying which, when the preload exposes anything but its one door', async () => {
    const host = page({ exposes: 'api' });
    expect(await runSelfTest(host, limits)).toBe(1);
    expect(host.lines.join('\n')).toContain('FAIL contract: the preload exposes [api], not [invoke]');
  });

  it('fails when an error reaches the page without its code', async () => {
    const host = page({ errors: 'message-only' });
    expect(await runSelfTest(host, limits)).toBe(1);
    expect(host.lines.join('\n')).toMatch(/FAIL contract: window\.changmun\.invoke\('noSuchMethod', \[\]\) answered .*, not unknown-method/);
  });

  it('fails when a request reaches the network', async () => {
    const host = page({ network: true });
    expect(await runSelfTest(host, limits)).toBe(1);
    expect(host.lines.join('\n')).toContain('FAIL network');
  });

  it('fails when the window never loads', async () => {
    const host = { ...page(), pageLoaded: new Promise<void>(() => {}) };
    expect(await runSelfTest(host, { ...limits, pageMs: 50 })).toBe(1);
    expect(host.lines.join('\n')).toContain('FAIL window: the UI did not load within 0.05 s');
  });

  it('searches for a word out of a title', () => {
    const item = (title: string) => ({ title }) as Parameters<typeof searchWordOf>[0][number];
    expect(searchWordOf([item('동백꽃'), item('x')])).toBe('동백꽃');
    expect(searchWordOf([item('A'), item('The lighthouse keeper')])).toBe('The');
    expect(searchWordOf([item('—')])).toBeUndefined();
  });
});
