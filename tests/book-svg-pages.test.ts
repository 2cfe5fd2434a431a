// EPUB pages that are SVG documents listed in the spine itself (`image/svg+xml`: a picture book's or
// a comic's pages, their words in <text>). What a person notices, through the app's own index
// (LibraryIndex, in memory): a word drawn on such a page finds the book at that page; the book is
// not called "pictures only"; a book whose SVG pages say nothing still is; a hostile page gives its
// drawn words and nothing of its script, and a page nested too deep to parse costs only that page.
// The reader's side of the same pages (shown, cleaned, the indexer's chunks found again, character
// for character) is tests/ui/book-svg-pages.test.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { extractEpub, picturesOnly } from '../main/core/extract/epub/index.js';
import { svgPageText } from '../main/core/extract/epub/text.js';
import { LibraryIndex } from '../main/core/search/library-index.js';
import type { BookExtract } from '../main/core/types.js';
import { removeTemps, tempDir } from './helpers/volunteer.js';
import { HILL, hillBook, hillPages, HOSTILE, hostileBook, hostilePages, SILENT, silentBook, silentPages } from './helpers/svg-page-books.js';

const HILL_BOOK = 'books/언덕.epub';
const SILENT_BOOK = 'books/숲.epub';
const HOSTILE_BOOK = 'books/파도.epub';

let library: string;
let index: LibraryIndex;
const extracts = new Map<string, BookExtract>();

beforeAll(async () => {
  library = path.join(tempDir('changmun-svg-pages-'), 'library');
  mkdirSync(path.join(library, 'books'), { recursive: true });
  for (const [file, bytes] of [[HILL_BOOK, hillBook()], [SILENT_BOOK, silentBook()], [HOSTILE_BOOK, hostileBook()]] as const) {
    writeFileSync(path.join(library, file), bytes);
    extracts.set(file, await extractEpub({ path: path.join(library, file) }));
  }
  index = new LibraryIndex(resolveLibraryFolder(library), { workers: 1, save: false, warmUp: false });
  await index.start();
}, 120_000);
afterAll(() => {
  index?.close();
  removeTemps();
});

const search = (query: string) => index.engine.search(query, { limit: 10, snippetsPerItem: 5 }).results;
const found = (query: string) => search(query).map((r) => r.path);
/** The pages (zip paths) a word is found on in a book. */
const pagesOf = (query: string, book: string) => (search(query).find((r) => r.path === book)?.hits ?? []).map((h) => h.locator.href);

describe('SVG pages in the spine', () => {
  it('a word drawn on an SVG page finds the book at that page, as the page sets it', () => {
    expect(found(HILL.first)).toEqual([HILL_BOOK]);
    expect(pagesOf(HILL.first, HILL_BOOK)).toContain('OEBPS/p1.svg');
    expect(found(HILL.second)).toEqual([HILL_BOOK]);
    expect(pagesOf(HILL.second, HILL_BOOK)).toEqual(['OEBPS/p3.svg']);
    // The XHTML page between them is read as before.
    expect(pagesOf(HILL.xhtml, HILL_BOOK)).toEqual(['OEBPS/p2.xhtml']);
    // The snippet shows the words of the page; the <tspan> on a new line is a line of its own.
    const hit = search(HILL.first)[0]!.hits.find((h) => h.locator.href === 'OEBPS/p1.svg')!;
    expect(hit.snippet).toContain(HILL.firstLine);
    const hill = extracts.get(HILL_BOOK)!;
    const second = hill.chunks.filter((c) => c.locator.href === 'OEBPS/p3.svg').map((c) => c.text);
    expect(second).toEqual([`하늘을 나는 ${HILL.second} 떼가\n바람을 타고 멀리 날아갔다.`]);
    // Every page in reading order, each chunk numbered from 0 within its page.
    expect(hill.chunks.map((c) => `${c.locator.href}#${c.locator.ordinal}`)).toEqual(['OEBPS/p1.svg#0', 'OEBPS/p2.xhtml#0', 'OEBPS/p3.svg#0']);
    expect(hill.spine.map((s) => s.mediaType)).toEqual(['image/svg+xml', 'application/xhtml+xml', 'image/svg+xml']);
  });

  it('what the drawing does not draw (<title>, <desc>, <defs>, hidden text) is not found', () => {
    for (const word of HILL.undrawn) expect(found(word), word).toEqual([]);
  });

  it('a book whose SVG pages carry its words is not "pictures only"', () => {
    expect(extracts.get(HILL_BOOK)!.picturesOnly).toBeUndefined();
    expect(index.snapshot().problems.filter((p) => p.path === HILL_BOOK)).toEqual([]);
  });

  it('an SVG page with no words (a drawing, an <image>, a page number\'s dash) is a picture: a book of them is pictures only, found by title and author', () => {
    const silent = extracts.get(SILENT_BOOK)!;
    expect(silent.picturesOnly).toBe(true);
    // Not a letter in it (the dash is there, as it is drawn).
    expect(silent.chunks.map((c) => c.text).join('')).not.toMatch(/[\p{L}\p{N}]/u);
    const notes = index.snapshot().problems.filter((p) => p.path === SILENT_BOOK);
    expect(notes).toEqual([expect.objectContaining({ code: 'pictures-only', kind: 'notice' })]);
    expect(found(SILENT.title)[0]).toBe(SILENT_BOOK);
    expect(found(SILENT.author)).toContain(SILENT_BOOK);
    // Page by page: no text, and a picture each (the drawing itself when it shows no <image>).
    for (const page of silentPages().slice(0, 3)) {
      const read = svgPageText(page.markup, page.href);
      expect(read.letters, page.href).toBe(0);
      expect(read.pictures, page.href).toBeGreaterThanOrEqual(1);
      expect(picturesOnly([read]), page.href).toBe(true);
    }
    // A page of words over a drawing is text; over a picture, its words count against the picture.
    const [p1, , p3] = hillPages();
    expect(picturesOnly([svgPageText(p1!.markup, p1!.href)])).toBe(false);
    expect(svgPageText(p3!.markup, p3!.href).pictures).toBe(1);
  });

  it('a hostile SVG page: its drawn words are indexed, nothing of its script, handlers or addresses', () => {
    expect(found(HOSTILE.word)).toEqual([HOSTILE_BOOK]);
    expect(pagesOf(HOSTILE.word, HOSTILE_BOOK)).toEqual(['OEBPS/h1.svg']);
    // HTML in a <foreignObject> is drawn by the browser, so it is read too.
    expect(pagesOf(HOSTILE.foreign, HOSTILE_BOOK)).toEqual(['OEBPS/h1.svg']);
    const text = extracts.get(HOSTILE_BOOK)!.chunks.map((c) => c.text).join('\n');
    expect(text).not.toMatch(/__changmunPwned|svg-page-|198\.51\.100\.7|javascript|@import|font-face/);
    expect(index.snapshot().problems.filter((p) => p.path === HOSTILE_BOOK)).toEqual([]);
  });

  it('an SVG page nested too deep to parse costs only that page: the pages after it are found, the book is no problem', () => {
    expect(pagesOf(HOSTILE.after, HOSTILE_BOOK)).toEqual(['OEBPS/h3.xhtml']);
    expect(found('DEEPSVGLOST')).toEqual([]);
    const deep = hostilePages()[1]!;
    expect(() => svgPageText(deep.markup, deep.href)).toThrow(/nested more than/);
    // In the silent book the same page is one more picture; the book is still read.
    expect(index.snapshot().items.map((i) => i.path).sort()).toEqual([HILL_BOOK, HOSTILE_BOOK, SILENT_BOOK].sort());
  });
});
