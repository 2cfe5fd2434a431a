// The app:// protocol as each Electron calls it, through the shell's adapter
// (main/electron/shell-adapter.ts) on a stand-in session: protocol.handle on today's Electron (a web
// Request in, a web Response out), registerStreamProtocol on Electron 22, the legacy build's
// ({ url, method, headers } in, { statusCode, headers, data: a Node stream } out). Either way the
// shared serve function answers, on the sample library: Range for films, the path guard, content
// types, covers, and the CSP on every answer.
import type { Readable } from 'node:stream';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEpubCover } from '../main/core/serve/cover.js';
import { BookEntries } from '../main/core/serve/book-entries.js';
import { APP_CSP, LIBRARY_FILE_CSP } from '../main/core/serve/index.js';
import { coverUrl, fileUrl } from '../main/electron/app-url.js';
import { serveAppRequest, type AppProtocolContext, type StreamProtocolResponse } from '../main/electron/protocol.js';
import { currentAdapter, legacyAdapter, type ShellAdapter } from '../main/electron/shell-adapter.js';
import { FakeSession } from './helpers/electron-stand-in.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';

const FILM = 'films/바다의 편지.mp4';
const BOOK = 'books/동백꽃.epub';
let dir: string;
let context: AppProtocolContext;
let books: BookEntries;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'changmun-protocol-'));
  const dist = path.join(dir, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>창문</title>');
  writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(dist, 'assets', 'link.txt'));
  books = new BookEntries(CONTENT_SAMPLE);
  context = {
    libraryRoot: CONTENT_SAMPLE,
    distDir: dist,
    cover: (p) => readEpubCover(path.join(CONTENT_SAMPLE, p)),
    book: (p, req) => books.serve(p, req),
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One answer as the page would see it, whichever Electron made it. */
interface Answer {
  status: number;
  headers: { get(name: string): string | null };
  /** The body's bytes; empty for no body. */
  bytes(): Promise<Buffer>;
  text(): Promise<string>;
}

/** app:// served on a stand-in session of this adapter's Electron, asked as that Electron asks. */
function protocolOf(adapter: ShellAdapter) {
  const ses = new FakeSession('changmun', adapter.line, (what) => {
    throw new Error(`${adapter.line}: the adapter reached for ${what}`);
  });
  adapter.serveScheme(ses as never, 'app', (request) => serveAppRequest(request, context));
  const handler = ses.protocolHandlers.get('app')!;
  return async (request: { url: string; method: string; headers: Record<string, string> }): Promise<Answer> => {
    if (adapter.line === 'current') {
      const r = (await handler(request)) as Response;
      const body = r.arrayBuffer().then((b) => Buffer.from(b));
      return { status: r.status, headers: r.headers, bytes: () => body, text: async () => (await body).toString('utf8') };
    }
    const r = await new Promise<StreamProtocolResponse>((resolve) => handler({ ...request, referrer: '' }, resolve));
    const body = readAll(r.data);
    const headers = {
      get(name: string): string | null {
        const hit = Object.entries(r.headers).filter(([k]) => k.toLowerCase() === name.toLowerCase()).flatMap(([, v]) => (Array.isArray(v) ? v : [v]));
        return hit.length === 0 ? null : hit.join(', ');
      },
    };
    return { status: r.statusCode, headers, bytes: () => body, text: async () => (await body).toString('utf8') };
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

describe.each([currentAdapter, legacyAdapter])('app:// on the $line Electron', (adapter) => {
  const ask = protocolOf(adapter);
  // A web Request (as Chromium hands it over) canonicalises the URL; a raw string keeps what it says.
  const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => {
    const r = new Request(url, { method, headers });
    return ask({ url: r.url, method: r.method, headers: Object.fromEntries(r.headers) });
  };
  const raw = (url: string) => ask({ url, method: 'GET', headers: {} });

  describe('app:// answers', () => {
    it('serves the UI at the root with the app CSP', async () => {
      const r = await get('app://changmun/');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(await r.text()).toContain('<title>창문</title>');
      expect((await get('app://changmun/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    });

    it('plays a film: the whole file, then a seek answered 206 with exactly the bytes asked', async () => {
      const bytes = readFileSync(path.join(CONTENT_SAMPLE, FILM));
      const whole = await get(fileUrl(FILM));
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-type')).toBe('video/mp4');
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      expect((await whole.bytes()).equals(bytes)).toBe(true);

      const seek = await get(fileUrl(FILM), { Range: 'bytes=1000-1999' });
      expect(seek.status).toBe(206);
      expect(seek.headers.get('content-range')).toBe(`bytes 1000-1999/${bytes.length}`);
      expect(seek.headers.get('content-length')).toBe('1000');
      expect((await seek.bytes()).equals(bytes.subarray(1000, 2000))).toBe(true);

      const open = await get(fileUrl(FILM), { Range: `bytes=${bytes.length - 10}-` });
      expect(open.status).toBe(206);
      expect((await open.bytes()).equals(bytes.subarray(bytes.length - 10))).toBe(true);

      const suffix = await get(fileUrl(FILM), { Range: 'bytes=-5' });
      expect((await suffix.bytes()).equals(bytes.subarray(bytes.length - 5))).toBe(true);
    });

    it('answers 416 to a range past the end', async () => {
      const size = statSync(path.join(CONTENT_SAMPLE, FILM)).size;
      const r = await get(fileUrl(FILM), { Range: `bytes=${size}-` });
      expect(r.status).toBe(416);
      expect(r.headers.get('content-range')).toBe(`bytes */${size}`);
    });

    it('answers HEAD without a body', async () => {
      const r = await get(fileUrl(FILM), {}, 'HEAD');
      expect(r.status).toBe(200);
      expect((await r.bytes()).length).toBe(0);
      expect(r.headers.get('content-length')).toBe(String(statSync(path.join(CONTENT_SAMPLE, FILM)).size));
    });

    it('sends a library file with both policies: the app CSP and the sandbox of library files', async () => {
      const r = await get(fileUrl('articles/daily-life/방패.svg'));
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/svg+xml');
      expect(r.headers.get('content-security-policy')).toBe(`${APP_CSP}, ${LIBRARY_FILE_CSP}`);
    });

    it('sends raw HTML from the library as plain text, never as a page', async () => {
      const r = await get(fileUrl('articles/daily-life/안전한-읽기.html'));
      expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    });

    it('serves a book whole, and its cover out of the EPUB', async () => {
      const book = await get(fileUrl(BOOK));
      expect(book.status).toBe(200);
      expect(book.headers.get('content-type')).toBe('application/epub+zip');
      expect((await book.bytes()).subarray(0, 2).toString('latin1')).toBe('PK');
      const cover = await get(coverUrl(BOOK));
      expect(cover.status).toBe(200);
      expect(cover.headers.get('content-type')).toMatch(/^image\//);
      expect(cover.headers.get('content-security-policy')).toBe(`${APP_CSP}, ${LIBRARY_FILE_CSP}`);
      expect((await get(coverUrl('articles/history/titanic.jpg'))).status).toBe(404);
    });
  });

  describe('app:// refuses every way out', () => {
    // Passed as raw strings: a web Request (like Chromium) would already have resolved `..`.
    it.each([
      'app://changmun/files/%2e%2e/%2e%2e/etc/passwd',
      'app://changmun/files/%2E%2E/library.json',
      'app://changmun/files/..%2f..%2fsecret.txt',
      'app://changmun/files/films%5c..%5c..%5csecret.txt',
      'app://changmun/files/%252e%252e/secret.txt',
      'app://changmun/files/C:/Windows/win.ini',
      'app://changmun/files/films/a.mp4%3Astream',
      'app://changmun/files/.changmun/index/manifest.json',
      'app://changmun/files/%00.txt',
      'app://changmun/covers/%2e%2e/books/%EB%8F%99%EB%B0%B1%EA%BD%83.epub',
      'app://changmun/assets/link.txt',
      'app://changmun/%2e%2e/secret.txt',
    ])('%s', async (url) => {
      const r = await raw(url);
      expect([403, 404]).toContain(r.status);
      expect(await r.text()).not.toContain('SECRET');
    });

    it('answers nothing for another host', async () => {
      expect((await raw('app://evil/files/films/a.mp4')).status).toBe(404);
    });

    it('takes GET and HEAD only', async () => {
      const r = await ask({ url: fileUrl(FILM), method: 'POST', headers: {} });
      expect(r.status).toBe(405);
    });

    it('a web Request resolves `..` before we see it: what is left is still inside the app', async () => {
      const r = await get('app://changmun/files/../../../secret.txt');
      expect(new URL('app://changmun/files/../../../secret.txt').pathname).toBe('/secret.txt');
      expect(r.status).toBe(404);
    });
  });
});
