// The app:// protocol as protocol.handle calls it: a web Request in, a web Response out, answered by
// the shared serve function on the sample library: Range for films, the path guard, content types,
// covers, and the CSP on every answer.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEpubCover } from '../main/core/serve/cover.js';
import { BookEntries } from '../main/core/serve/book-entries.js';
import { APP_CSP, LIBRARY_FILE_CSP } from '../main/core/serve/index.js';
import { coverUrl, fileUrl } from '../main/electron/app-url.js';
import { handleAppRequest, type AppProtocolContext } from '../main/electron/protocol.js';
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

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => handleAppRequest(new Request(url, { method, headers }), context);
const raw = (url: string) => handleAppRequest({ url, method: 'GET', headers: {} }, context);

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
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const seek = await get(fileUrl(FILM), { Range: 'bytes=1000-1999' });
    expect(seek.status).toBe(206);
    expect(seek.headers.get('content-range')).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(seek.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await seek.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);

    const open = await get(fileUrl(FILM), { Range: `bytes=${bytes.length - 10}-` });
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer()).equals(bytes.subarray(bytes.length - 10))).toBe(true);

    const suffix = await get(fileUrl(FILM), { Range: 'bytes=-5' });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(bytes.subarray(bytes.length - 5))).toBe(true);
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
    expect(r.body).toBeNull();
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
    expect(Buffer.from(await book.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
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
    const r = await handleAppRequest({ url: fileUrl(FILM), method: 'POST', headers: {} }, context);
    expect(r.status).toBe(405);
  });

  it('a web Request resolves `..` before we see it: what is left is still inside the app', async () => {
    const r = await get('app://changmun/files/../../../secret.txt');
    expect(new URL('app://changmun/files/../../../secret.txt').pathname).toBe('/secret.txt');
    expect(r.status).toBe(404);
  });
});
