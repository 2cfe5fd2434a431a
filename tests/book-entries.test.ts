// Issue 12 §2: one way to open a book. The reader gets a book entry by entry from the back end,
// through the scan's bounded zip reader and the scan's checks (BookEntries), never as a whole file
// for epub.js to inflate in the page. These tests ask the route what the reader would ask, on the
// sample books and on books made to hurt: a bomb listed in the manifest, a bomb nobody lists, a
// header that lies, names that climb, a book replaced on the drive after the scan.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookEntries } from '../main/core/serve/book-entries.js';
import type { ServeResponse } from '../main/core/serve/index.js';
import { scanLibrary } from '../main/core/catalog/scan.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';
import { zipOf, type ZipEntry } from './hostile/zip.js';

const XHTML = 'application/xhtml+xml';
const CONTAINER = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`;

function opf(title: string, items: [string, string, string][], spine: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:changmun:test:${encodeURIComponent(title)}</dc:identifier><dc:title>${title}</dc:title><dc:language>ko</dc:language></metadata>` +
    `<manifest>${items.map(([id, href, type]) => `<item id="${id}" href="${href}" media-type="${type}"/>`).join('')}</manifest>` +
    `<spine>${spine.map((s) => `<itemref idref="${s}"/>`).join('')}</spine></package>`;
}

const section = (text: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title><link rel="stylesheet" href="style.css"/></head><body><p>${text}</p></body></html>`;

function epub(title: string, items: [string, string, string][], spine: string[], files: ZipEntry[]): Buffer {
  return zipOf([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf(title, items, spine) },
    ...files,
  ]);
}

/** A small book that is fine, plus whatever `extra` entries (listed nowhere). */
function fineBook(word: string, extra: ZipEntry[] = []): Buffer {
  return epub('멀쩡한 책', [['c1', 'c1.xhtml', XHTML], ['css', 'style.css', 'text/css']], ['c1'], [
    { name: 'OEBPS/c1.xhtml', data: section(`${word} 이 책은 멀쩡합니다.`) },
    { name: 'OEBPS/style.css', data: 'p { color: #333 }' },
    ...extra,
  ]);
}

let tmp = '';
let root = '';
let entries: BookEntries;

// As the preview and the app protocol pass it on: the address after `books/`.
const get = (url: string, method = 'GET') => entries.serve(url.replace(/^books\//, ''), { method, headers: {} });
const text = (r: ServeResponse) => new TextDecoder().decode((r.body as Uint8Array | undefined) ?? new Uint8Array());
const bookUrl = (p: string) => p.split('/').map(encodeURIComponent).join('/');

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-book-entries-'));
  root = path.join(tmp, 'library');
  mkdirSync(path.join(root, 'books'), { recursive: true });
  copyFileSync(path.join(CONTENT_SAMPLE, 'books', '동백꽃.epub'), path.join(root, 'books', '동백꽃.epub'));
  const w = (name: string, bytes: Buffer) => writeFileSync(path.join(root, 'books', name), bytes);
  w('fine.epub', fineBook('FINEWORD'));
  // A picture the manifest lists that inflates to 4 GiB: never a spine section, but the reader
  // would inflate it to show it. The book is refused whole, by the scan and by the route alike.
  w('bomb-picture.epub', epub('그림 폭탄', [['c1', 'c1.xhtml', XHTML], ['pic', 'pic.png', 'image/png']], ['c1'], [
    { name: 'OEBPS/c1.xhtml', data: section('BOMBPICTURE') },
    { name: 'OEBPS/pic.png', data: { zerosMiB: 4095 } },
  ]));
  // The same picture, with a header that says 5000 bytes.
  w('bomb-lying.epub', epub('거짓 폭탄', [['c1', 'c1.xhtml', XHTML], ['pic', 'pic.png', 'image/png']], ['c1'], [
    { name: 'OEBPS/c1.xhtml', data: section('BOMBLYING') },
    { name: 'OEBPS/pic.png', data: { zerosMiB: 3000 }, declaredSize: 5000 },
  ]));
  // A bomb nobody lists: the book reads, the entry is refused if anything asks for it.
  w('bomb-unlisted.epub', fineBook('UNLISTEDBOOK', [{ name: 'OEBPS/hidden.bin', data: { zerosMiB: 2000 } }]));
  writeFileSync(path.join(tmp, 'outside.epub'), fineBook('OUTSIDEWORD'));
  entries = new BookEntries(root);
});

afterAll(() => {
  entries?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a book, entry by entry (books/<path>/.list, books/<path>/.in/<entry>)', () => {
  it('lists a sample book and serves its package, sections and pictures with their types, as files that cannot run', async () => {
    const base = `books/books/${bookUrl('동백꽃.epub')}`;
    const list = await get(`${base}/.list`);
    expect(list.status).toBe(200);
    const names = (JSON.parse(text(list)) as { entries: string[] }).entries;
    expect(names).toContain('META-INF/container.xml');
    const container = await get(`${base}/.in/META-INF/container.xml`);
    expect(container.status).toBe(200);
    const opfPath = /full-path="([^"]+)"/.exec(text(container))![1]!;
    const pkg = await get(`${base}/.in/${opfPath}`);
    expect(text(pkg)).toMatch(/<spine/);
    const firstSection = names.find((n) => /\.x?html$/.test(n) && !/nav/.test(n))!;
    const sec = await get(`${base}/.in/${firstSection.split('/').map(encodeURIComponent).join('/')}`);
    expect(sec.status).toBe(200);
    // Sections are plain text to the browser (epub.js parses them itself, then the sanitizer runs):
    // opened directly they show as text and never run, and nothing may be loaded from anywhere.
    expect(sec.headers['Content-Type']).toMatch(/^text\/plain/);
    expect(sec.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(sec.headers['Content-Security-Policy']).toMatch(/sandbox/);
    expect(text(sec)).toMatch(/[가-힣]{2}/);
    const picture = names.find((n) => /\.(png|jpe?g|gif|svg)$/i.test(n));
    if (picture) expect((await get(`${base}/.in/${picture.split('/').map(encodeURIComponent).join('/')}`)).headers['Content-Type']).toMatch(/^image\//);
    const head = await get(`${base}/.in/META-INF/container.xml`, 'HEAD');
    expect([head.status, head.body, head.headers['Content-Length']]).toEqual([200, undefined, container.headers['Content-Length']]);
    expect((await get(`${base}/.in/META-INF/container.xml`, 'POST')).status).toBe(405);
  });

  it('refuses, with the scan\'s own reason in Korean and English, a book whose listed picture is a zip bomb', async () => {
    const list = await get('books/books/bomb-picture.epub/.list');
    expect(list.status).toBe(422);
    const { error } = JSON.parse(text(list)) as { error: { code: string; ko: string; en: string } };
    expect(error.code).toBe('too-large');
    expect(error.ko).toMatch(/[가-힣]/);
    expect(error.en).toMatch(/[a-z]/);
    // Nothing of it is served either, section or picture.
    expect((await get('books/books/bomb-picture.epub/.in/OEBPS/c1.xhtml')).status).toBe(422);
    expect((await get('books/books/bomb-picture.epub/.in/OEBPS/pic.png')).status).toBe(422);
    // The scan says the same: a problem, not a book.
    const scanned = (await scanLibrary(root)).catalog;
    expect(scanned.problems.find((p) => p.path.endsWith('bomb-picture.epub'))?.code).toBe('too-large');
    expect(scanned.items.map((i) => path.basename(i.path))).toEqual(expect.arrayContaining(['fine.epub', 'bomb-unlisted.epub', '동백꽃.epub']));
  }, 60_000);

  it('a picture whose header lies about its size is refused when asked for, stopped at the size it claimed', async () => {
    // The header says 5000 bytes: nothing can tell before inflating. The book opens; the picture is
    // cut off where the header said it ends, and refused.
    expect((await get('books/books/bomb-lying.epub/.list')).status).toBe(200);
    expect(text(await get('books/books/bomb-lying.epub/.in/OEBPS/c1.xhtml'))).toContain('BOMBLYING');
    const before = process.memoryUsage().arrayBuffers;
    const pic = await get('books/books/bomb-lying.epub/.in/OEBPS/pic.png');
    expect(pic.status).toBe(422);
    expect(['corrupt', 'too-large']).toContain((JSON.parse(text(pic)) as { error: { code: string } }).error.code);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  it('an entry nobody lists that is a bomb costs that entry only: refused, and the book still reads', async () => {
    const bomb = await get('books/books/bomb-unlisted.epub/.in/OEBPS/hidden.bin');
    expect(bomb.status).toBe(422);
    expect((JSON.parse(text(bomb)) as { error: { code: string } }).error.code).toBe('too-large');
    const sec = await get('books/books/bomb-unlisted.epub/.in/OEBPS/c1.xhtml');
    expect(text(sec)).toContain('UNLISTEDBOOK');
  }, 60_000);

  it('answers nothing outside the book or the library: climbing entry names, encoded or not, and book paths that leave the library', async () => {
    const refused = [
      'books/books/fine.epub/.in/../../outside.epub',
      'books/books/fine.epub/.in/OEBPS/%2E%2E/%2E%2E/outside.epub',
      'books/books/fine.epub/.in/OEBPS%2F..%2F..%2Foutside.epub',
      'books/books/fine.epub/.in/OEBPS%5Cc1.xhtml',
      'books/books/fine.epub/.in//etc/passwd',
      'books/books/fine.epub/.in/',
      'books/books/fine.epub/.in/OEBPS/missing.xhtml',
      'books/../outside.epub/.list',
      'books/%2E%2E/outside.epub/.list',
      'books/books/fine.epub',
      'books/books/fine.epub/c1.xhtml',
      'books/books/동백꽃.txt/.list',
    ];
    for (const url of refused) {
      const r = await get(url);
      expect([403, 404], url).toContain(r.status);
      expect(text(r), url).not.toMatch(/OUTSIDEWORD|FINEWORD|root:/);
    }
    // The same entry, asked properly, is served.
    expect(text(await get('books/books/fine.epub/.in/OEBPS/c1.xhtml'))).toContain('FINEWORD');
  });

  it('a book replaced on the drive after it was opened is read anew: a bomb in its place is refused', async () => {
    const file = path.join(root, 'books', 'swapped.epub');
    writeFileSync(file, fineBook('BEFORESWAP'));
    expect(text(await get('books/books/swapped.epub/.in/OEBPS/c1.xhtml'))).toContain('BEFORESWAP');
    writeFileSync(file, epub('바뀐 책', [['c1', 'c1.xhtml', XHTML]], ['c1'], [{ name: 'OEBPS/c1.xhtml', data: { zerosMiB: 1000 } }]));
    const after = await get('books/books/swapped.epub/.in/OEBPS/c1.xhtml');
    expect(after.status).toBe(422);
    expect(text(after)).not.toContain('BEFORESWAP');
  }, 60_000);

  it('a stylesheet goes out through the cleaner the service gives it', async () => {
    const cleaning = new BookEntries(root, (css) => css.replace(/color/g, 'CLEANED'));
    const css = await cleaning.serve('books/fine.epub/.in/OEBPS/style.css', { method: 'GET', headers: {} });
    cleaning.close();
    expect(css.headers['Content-Type']).toMatch(/^text\/css/);
    expect(text(css)).toBe('p { CLEANED: #333 }');
  });
});
