// The one file-serving function: exact bytes, Range, content types, and a path guard that refuses
// every way out of the library a hostile page could try.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, resolveInsideLibrary, serveLibraryFile, type ServeResponse } from '../main/core/serve/index.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-LIBRARY';
const FILMS = ['바다의 편지.mp4', 'the-lighthouse-keeper.mp4'];
let base: string;
let root: string;

const url = (rel: string) => rel.split('/').map(encodeURIComponent).join('/');
const get = (p: string, headers: Record<string, string> = {}) => serveLibraryFile(root, p, { method: 'GET', headers });

async function bodyOf(r: ServeResponse): Promise<Buffer> {
  if (r.body === undefined) return Buffer.alloc(0);
  if (r.body instanceof Uint8Array) return Buffer.from(r.body);
  const parts: Buffer[] = [];
  for await (const chunk of r.body as Readable) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'changmun-serve-'));
  root = path.join(base, 'library');
  const outside = path.join(base, 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.txt'), SECRET);
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  for (const dir of ['films', 'articles', 'books', '.changmun/index', '한국어 폴더']) mkdirSync(path.join(root, dir), { recursive: true });
  for (const f of FILMS) copyFileSync(path.join(CONTENT_SAMPLE, 'films', f), path.join(root, 'films', f));
  for (const f of ['the-lighthouse-keeper.en.srt', 'the-lighthouse-keeper.ko.vtt', '바다의 편지.smi']) {
    copyFileSync(path.join(CONTENT_SAMPLE, 'films', f), path.join(root, 'films', f));
  }
  copyFileSync(path.join(CONTENT_SAMPLE, 'books', '동백꽃.epub'), path.join(root, 'books', '동백꽃.epub'));
  copyFileSync(path.join(CONTENT_SAMPLE, 'articles/history/titanic.jpg'), path.join(root, 'articles', 'titanic.jpg'));
  copyFileSync(path.join(CONTENT_SAMPLE, 'articles/history/haenyeo.png'), path.join(root, 'articles', 'haenyeo.png'));
  copyFileSync(path.join(CONTENT_SAMPLE, 'articles/daily-life/방패.svg'), path.join(root, 'articles', '방패.svg'));
  writeFileSync(path.join(root, 'articles', 'page.html'), '<script>alert(1)</script><p>hi</p>');
  writeFileSync(path.join(root, 'articles', 'page.xhtml'), '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>');
  writeFileSync(path.join(root, 'articles', 'font.woff2'), 'wOF2');
  writeFileSync(path.join(root, 'articles', 'run.js'), 'alert(1)');
  writeFileSync(path.join(root, 'films', 'clip.webm'), Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
  writeFileSync(path.join(root, 'films', 'empty.mp4'), '');
  writeFileSync(path.join(root, '한국어 폴더', '이름에 공백 있는 글.txt'), '띄어쓰기 있는 이름');
  // Stored decomposed, as a Mac writes it; asked for composed, as the catalog names it.
  writeFileSync(path.join(root, '한국어 폴더', '자모.txt'.normalize('NFD')), 'NFD name');
  writeFileSync(path.join(root, '.changmun', 'index', 'manifest.json'), '{"secret":"derived"}');
  writeFileSync(path.join(root, '.hidden.txt'), SECRET);
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'escape.txt'));
  symlinkSync(outside, path.join(root, 'escapedir'));
  symlinkSync(path.join(root, '.changmun', 'index', 'manifest.json'), path.join(root, 'tohidden.json'));
  symlinkSync(path.join(root, 'films', FILMS[1]!), path.join(root, 'films', 'inside-link.mp4'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('serveLibraryFile: bytes and ranges', () => {
  for (const film of FILMS) {
    it(`serves ${film}: 200, 206, 416 and HEAD with the exact bytes`, async () => {
      const bytes = readFileSync(path.join(CONTENT_SAMPLE, 'films', film));
      const size = bytes.length;
      const p = `films/${url(film)}`;

      const full = await get(p);
      expect(full.status).toBe(200);
      expect(full.headers['Content-Length']).toBe(String(size));
      expect(full.headers['Accept-Ranges']).toBe('bytes');
      expect((await bodyOf(full)).equals(bytes)).toBe(true);

      const cases: [string, number, number][] = [
        ['bytes=0-99', 0, 99],
        ['bytes=100-', 100, size - 1],
        ['bytes=-500', size - 500, size - 1],
        ['bytes=1000-1000', 1000, 1000],
        [`bytes=${size - 10}-${size * 2}`, size - 10, size - 1],
        [`bytes=-${size * 3}`, 0, size - 1],
      ];
      for (const [range, start, end] of cases) {
        const r = await get(p, { range });
        expect(r.status, range).toBe(206);
        expect(r.headers['Content-Range']).toBe(`bytes ${start}-${end}/${size}`);
        expect(r.headers['Content-Length']).toBe(String(end - start + 1));
        expect((await bodyOf(r)).equals(bytes.subarray(start, end + 1)), range).toBe(true);
      }
      // Header names arrive in any case from Electron.
      const upper = await serveLibraryFile(root, p, { method: 'GET', headers: { Range: 'bytes=0-3' } });
      expect(upper.status).toBe(206);
      expect((await bodyOf(upper)).equals(bytes.subarray(0, 4))).toBe(true);

      for (const range of [`bytes=${size}-`, `bytes=${size + 5}-${size + 10}`, 'bytes=-0']) {
        const r = await get(p, { range });
        expect(r.status, range).toBe(416);
        expect(r.headers['Content-Range']).toBe(`bytes */${size}`);
      }
      // Ignored, whole file: several ranges, another unit, a backwards range, nonsense.
      for (const range of ['bytes=0-1,5-6', 'items=0-1', 'bytes=5-2', 'bytes=abc', 'bytes=-']) {
        const r = await get(p, { range });
        expect(r.status, range).toBe(200);
        expect(r.headers['Content-Length']).toBe(String(size));
        await bodyOf(r);
      }

      const head = await serveLibraryFile(root, p, { method: 'HEAD', headers: {} });
      expect(head.status).toBe(200);
      expect(head.headers['Content-Length']).toBe(String(size));
      expect(head.body).toBeUndefined();
      const headRange = await serveLibraryFile(root, p, { method: 'HEAD', headers: { range: 'bytes=10-19' } });
      expect(headRange.status).toBe(206);
      expect(headRange.headers['Content-Range']).toBe(`bytes 10-19/${size}`);
      expect(headRange.body).toBeUndefined();
    });
  }

  it('serves an empty file, and refuses any range of it', async () => {
    expect((await get('films/empty.mp4')).status).toBe(200);
    expect((await get('films/empty.mp4', { range: 'bytes=0-' })).status).toBe(416);
  });

  it('answers only GET and HEAD', async () => {
    const r = await serveLibraryFile(root, 'films/clip.webm', { method: 'POST', headers: {} });
    expect(r.status).toBe(405);
    expect(r.headers['Allow']).toBe('GET, HEAD');
  });

  it('parses ranges the way the RFC says', () => {
    expect(parseRange(undefined, 10)).toBeUndefined();
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=-5', 3)).toEqual({ start: 0, end: 2 });
    expect(parseRange(' BYTES = 2 - 4 ', 10)).toEqual({ start: 2, end: 4 });
  });
});

describe('serveLibraryFile: content types', () => {
  const table: [string, string][] = [
    ['films/바다의 편지.mp4', 'video/mp4'],
    ['films/clip.webm', 'video/webm'],
    ['films/the-lighthouse-keeper.ko.vtt', 'text/vtt; charset=utf-8'],
    ['films/the-lighthouse-keeper.en.srt', 'text/plain; charset=utf-8'],
    ['films/바다의 편지.smi', 'text/plain; charset=utf-8'],
    ['articles/titanic.jpg', 'image/jpeg'],
    ['articles/haenyeo.png', 'image/png'],
    ['articles/방패.svg', 'image/svg+xml'],
    ['articles/font.woff2', 'font/woff2'],
    ['books/동백꽃.epub', 'application/epub+zip'],
    // Raw HTML and scripts from the drive are never a page or a script of ours.
    ['articles/page.html', 'text/plain; charset=utf-8'],
    ['articles/page.xhtml', 'text/plain; charset=utf-8'],
    ['articles/run.js', 'text/plain; charset=utf-8'],
  ];
  for (const [file, type] of table) {
    it(`${file} → ${type}, nosniff, sandboxed, not cached`, async () => {
      const r = await get(url(file));
      expect(r.status).toBe(200);
      expect(r.headers['Content-Type']).toBe(type);
      expect(r.headers['X-Content-Type-Options']).toBe('nosniff');
      expect(r.headers['Cache-Control']).toBe('no-store');
      expect(r.headers['Content-Security-Policy']).toMatch(/^sandbox; default-src 'none'/);
      await bodyOf(r);
    });
  }
});

describe('serveLibraryFile: names people give files', () => {
  it('serves Korean names with spaces, encoded the way the renderer encodes them', async () => {
    const r = await get(url('한국어 폴더/이름에 공백 있는 글.txt'));
    expect(r.status).toBe(200);
    expect((await bodyOf(r)).toString('utf8')).toBe('띄어쓰기 있는 이름');
    const film = await get(`/films/${url('바다의 편지.mp4')}?t=1#x`);
    expect(film.status).toBe(200);
    await bodyOf(film);
  });

  it('finds a file stored decomposed (NFD) when asked for it composed (NFC)', async () => {
    const r = await get(url('한국어 폴더/자모.txt'.normalize('NFC')));
    expect(r.status).toBe(200);
    expect((await bodyOf(r)).toString()).toBe('NFD name');
  });

  it('follows a link that stays inside the library', async () => {
    const r = await get('films/inside-link.mp4');
    expect(r.status).toBe(200);
    await bodyOf(r);
  });
});

// Every kind of way out: parent segments, encodings of them, separators smuggled in encoded,
// absolute paths, NUL, backslashes, drive letters, NTFS streams, Windows name quirks, links that
// leave the root, and the derived .changmun data.
const HOSTILE: string[] = [
  '../secret.txt', '..', '.', '...', '.../secret.txt', '../outside/secret.txt', '../../../../../../etc/passwd',
  'films/../../secret.txt', 'films/../../../etc/passwd', 'films/./바다의 편지.mp4',
  '%2e%2e/secret.txt', '%2E%2E/secret.txt', '.%2e/secret.txt', '%2e./secret.txt', '%2e%2e%2fsecret.txt',
  '..%2fsecret.txt', '..%2Fsecret.txt', 'films%2f..%2f..%2fsecret.txt', 'films/%2e%2e/%2e%2e/secret.txt',
  '%252e%252e/secret.txt', '%252e%252e%252fsecret.txt', '..%252fsecret.txt', '%25252e%25252e/secret.txt',
  'films%252f%EB%B0%94%EB%8B%A4%EC%9D%98%2520%ED%8E%B8%EC%A7%80.mp4',
  '%c0%ae%c0%ae/secret.txt', '%e0%80%ae%e0%80%ae/secret.txt', '%u002e%u002e/secret.txt', '%', '%zz', '%2',
  '/etc/passwd', '//etc/passwd', '%2fetc%2fpasswd', '/%2fetc/passwd', '///secret.txt',
  '..\\secret.txt', '..%5csecret.txt', '..%5Csecret.txt', 'films\\..\\..\\secret.txt', 'films%5c..%5c..%5csecret.txt',
  '%5c%5c%3f%5cC%3a%5csecret.txt', '\\\\server\\share\\secret.txt',
  'secret.txt%00.mp4', 'films/the-lighthouse-keeper.mp4%00', '%00', 'films/%00/x', 'films/the-lighthouse-keeper.mp4\u0000',
  'films/the-lighthouse-keeper.mp4%0a', 'films/%0d%0aSet-Cookie:%20x', 'films/%09',
  'C:/Windows/win.ini', 'C%3a/Windows/win.ini', 'C:%5cWindows%5cwin.ini', 'c:secret.txt', '%43%3A/x', 'films/C:',
  'films/the-lighthouse-keeper.mp4:stream', 'films/the-lighthouse-keeper.mp4::$DATA', 'films/the-lighthouse-keeper.mp4%3a%3a%24DATA',
  'films/the-lighthouse-keeper.mp4%3AZone.Identifier',
  'films/the-lighthouse-keeper.mp4.', 'films/the-lighthouse-keeper.mp4%20', '.. /secret.txt', '..%20/secret.txt', '..%2e/secret.txt',
  '..;/secret.txt', 'NUL', 'con.txt', 'films/aux', 'LPT1.mp4', 'COM1', 'films/*.mp4', 'films/%3Cx%3E', 'films/a%7Cb',
  'escape.txt', 'escapedir/secret.txt', 'escapedir', 'tohidden.json',
  '.changmun/index/manifest.json', '.changmun%2findex%2fmanifest.json', '%2echangmun/index/manifest.json', '.CHANGMUN/index/manifest.json',
  'films/../.changmun/index/manifest.json', '.hidden.txt', '%2ehidden.txt',
  'films//the-lighthouse-keeper.mp4', '', '/', 'films/', 'films', '한국어 폴더',
];

describe('serveLibraryFile: the path guard', () => {
  it(`has a table of at least 60 hostile paths (${HOSTILE.length})`, () => {
    expect(new Set(HOSTILE).size).toBe(HOSTILE.length);
    expect(HOSTILE.length).toBeGreaterThanOrEqual(60);
  });

  it('refuses every one of them with 403 or 404, and says nothing of where files are', async () => {
    const served: string[] = [];
    for (const p of HOSTILE) {
      const r = await get(p);
      const body = (await bodyOf(r)).toString('utf8');
      if (![403, 404].includes(r.status) || body.includes(SECRET) || body.includes(base) || body.includes('derived') || body.length > 40) {
        served.push(`${JSON.stringify(p)} → ${r.status} ${body.slice(0, 60)}`);
      }
      const resolved = await resolveInsideLibrary(root, p);
      if (resolved.ok) served.push(`${JSON.stringify(p)} resolved to ${resolved.relPath}`);
    }
    expect(served).toEqual([]);
  });

  it('refuses an absolute path to a real file outside, however it is spelled', async () => {
    const abs = path.join(base, 'outside', 'secret.txt');
    for (const p of [abs, url(abs), encodeURIComponent(abs), `..${abs}`]) {
      expect([403, 404], p).toContain((await get(p)).status);
    }
  });

  it('gives 403 to what looks hostile and 404 to what is merely missing', async () => {
    expect((await get('../secret.txt')).status).toBe(403);
    expect((await get('escape.txt')).status).toBe(403);
    expect((await get('.changmun/index/manifest.json')).status).toBe(403);
    expect((await get('films/nothing-here.mp4')).status).toBe(404);
  });
});
