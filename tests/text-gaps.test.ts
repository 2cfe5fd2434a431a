// Issue 15, "Text that never reaches the index", closed on small EPUBs made here (no corpus file has
// SVG pages, MathML or a comic): a word only inside an SVG <text> and a word only in a formula are
// found by search; a picture book is named "pictures only, not searchable by its text" in the scan
// and the report, and found by its title and its author; the report says subtitles without their
// film are searchable. What a volunteer sees is checked through the `changmun` command itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanLibrary } from '../main/core/catalog/scan.js';
import { extractEpub } from '../main/core/extract/epub/index.js';
import { SearchEngine } from '../main/core/search/engine.js';
import type { DriveReport } from '../main/core/drive-build/report.js';
import type { Catalog } from '../main/core/catalog/scan.js';
import { changmun, changmunJson, removeTemps, tempDir } from './helpers/volunteer.js';
import { bookOf, MATH_WORDS, mathBook, PICTURE_BOOK, pictureBook, SVG_WORDS, svgBook } from './helpers/text-gap-books.js';

const SVG_BOOK = 'books/물레방아.epub';
const MATH_BOOK = 'books/삼각함수.epub';
const PICTURE_BOOK_PATH = 'books/달토끼.epub';
const ORPHAN = 'films/바다.ko.srt';
const ORPHAN_WORD = '등대지기';

let library: string;
let catalog: Catalog;
let engine: SearchEngine;

beforeAll(async () => {
  library = path.join(tempDir('changmun-text-gaps-'), 'library');
  mkdirSync(path.join(library, 'books'), { recursive: true });
  mkdirSync(path.join(library, 'films'));
  writeFileSync(path.join(library, SVG_BOOK), svgBook());
  writeFileSync(path.join(library, MATH_BOOK), mathBook());
  writeFileSync(path.join(library, PICTURE_BOOK_PATH), pictureBook());
  writeFileSync(path.join(library, ORPHAN), `1\n00:00:01,000 --> 00:00:03,000\n${ORPHAN_WORD}가 불을 켰다.\n`);
  ({ catalog } = await scanLibrary(library, { workers: 1 }));
  engine = new SearchEngine();
  engine.indexItems('test', catalog.items);
}, 60_000);
afterAll(() => removeTemps());

const found = (query: string) => engine.search(query, { snippetsPerItem: 5 }).results.map((r) => r.path);

describe('text that used to never reach the index', () => {
  it('a book whose pages are SVG: the words of its <text> are indexed and found, nothing of its undrawn parts', async () => {
    const book = catalog.items.find((i) => i.path === SVG_BOOK)!;
    expect(book.chunks.length).toBeGreaterThan(0);
    for (const word of [SVG_WORDS.text, SVG_WORDS.prefixed, SVG_WORDS.switchShown]) expect(found(word), word).toEqual([SVG_BOOK]);
    for (const word of [SVG_WORDS.switchFallback, ...SVG_WORDS.undrawn]) expect(found(word), word).toEqual([]);
    // The snippet shows the words as the page sets them.
    const hit = engine.search(SVG_WORDS.text, { snippetsPerItem: 1 }).results[0]!.hits.find((h) => h.snippet)!;
    expect(hit.snippet).toContain(`강가의 ${SVG_WORDS.text}는`);
    expect(catalog.problems.filter((p) => p.path === SVG_BOOK)).toEqual([]);
    // A page of words over a picture is text, not a picture book.
    expect((await extractEpub({ path: path.join(library, SVG_BOOK) })).picturesOnly).toBeUndefined();
  });

  it('a book with MathML: a formula\'s identifiers, its words and its alttext are found; its TeX source is not', () => {
    for (const word of [MATH_WORDS.identifier, MATH_WORDS.mtext, MATH_WORDS.alttext]) expect(found(word), word).toEqual([MATH_BOOK]);
    for (const word of MATH_WORDS.unshown) expect(found(word), word).toEqual([]);
    // Two tokens of one formula, typed as words.
    expect(found('높이 빗변')).toEqual([MATH_BOOK]);
  });

  it('a picture book: noted as pictures only (not an error), and found by its title and by its author', async () => {
    const notes = catalog.problems.filter((p) => p.path === PICTURE_BOOK_PATH);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ code: 'pictures-only', kind: 'notice' });
    expect(notes[0]!.messageEn).toContain('pictures only, not searchable by its text');
    expect(notes[0]!.messageKo).toContain('그림뿐인 책');
    expect(catalog.items.map((i) => i.path)).toContain(PICTURE_BOOK_PATH);
    expect(found(PICTURE_BOOK.title)[0]).toBe(PICTURE_BOOK_PATH);
    expect(found(PICTURE_BOOK.author)).toContain(PICTURE_BOOK_PATH);
    // No other book is noted.
    expect(catalog.problems.filter((p) => p.kind === 'notice').map((p) => p.path)).toEqual([PICTURE_BOOK_PATH]);
    expect((await extractEpub({ path: path.join(library, PICTURE_BOOK_PATH) })).picturesOnly).toBe(true);
  });

  it('a comic whose spine lists its pictures themselves is pictures only too; a novel with a cover picture is not', async () => {
    const dir = tempDir('changmun-comic-');
    const comic = path.join(dir, 'comic.epub');
    writeFileSync(comic, bookOf('만화', '한그림', [], [], ['p1.png', 'p2.png', 'p3.png']));
    expect((await extractEpub({ path: comic })).picturesOnly).toBe(true);
    const novel = path.join(dir, 'novel.epub');
    const chapter = (n: number) => ({ href: `c${n}.xhtml`, xhtml: `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${n}</title></head><body><h1>${n}장</h1><p>${'바람이 불었다. '.repeat(40)}</p></body></html>` });
    const cover = { href: 'cover.xhtml', xhtml: '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>표지</title></head><body><img src="cover.png" alt="표지"/></body></html>' };
    writeFileSync(novel, bookOf('소설', '김글', [cover, chapter(1), chapter(2)], ['cover.png']));
    expect((await extractEpub({ path: novel })).picturesOnly).toBeUndefined();
  });

  it('changmun scan names the picture book as a notice, Korean first, and counts it apart from the problems', async () => {
    const r = await changmun(['scan', library]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/문제 Problems 0 · 알림 Notices 1/);
    const lines = r.stdout.split('\n');
    const ko = lines.findIndex((l) => l.includes(PICTURE_BOOK_PATH) && l.includes('그림뿐인 책이라 글로는 검색되지 않습니다'));
    const en = lines.findIndex((l) => l.includes(PICTURE_BOOK_PATH) && l.includes('pictures only, not searchable by its text'));
    expect(ko).toBeGreaterThan(0);
    expect(en).toBe(ko + 1);
    // Its line in the list of items says so too.
    expect(lines.find((l) => l.includes(`${PICTURE_BOOK.title} — ${PICTURE_BOOK_PATH}`))).toContain('[그림뿐인 책 pictures only]');
    const json = await changmunJson<{ problems: unknown[]; notices: { path: string; code: string }[] }>(['scan', library]);
    expect(json.value.problems).toEqual([]);
    expect(json.value.notices).toEqual([expect.objectContaining({ path: PICTURE_BOOK_PATH, code: 'pictures-only' })]);
  }, 60_000);

  it('changmun report: the picture book is not searchable by its text, the subtitles without their film are searchable', async () => {
    const r = await changmun(['report', library, '--no-html', '--no-ffprobe']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const picture = lines.find((l) => l.includes(PICTURE_BOOK_PATH))!;
    expect(picture).toMatch(/그림뿐인 책, 글로는 검색되지 않음.* \/ pictures only, not searchable by its text/);
    const orphan = lines.filter((l) => l.includes(ORPHAN));
    expect(orphan).toHaveLength(1);
    expect(orphan[0]).toMatch(/자막의 글은 검색되고.* \/ their text is searchable/);
    expect(orphan[0]).not.toMatch(/not searchable|no searchable/);
    // Nothing here could not be read; the SVG and MathML books are not on the list.
    expect(r.stdout).toMatch(/읽을 수 없는 파일 \/ files that could not be read: 0/);
    expect(r.stdout).not.toContain(SVG_BOOK);
    expect(r.stdout).not.toContain(MATH_BOOK);
    // And it is so: the subtitles are found by a word they say.
    expect(found(ORPHAN_WORD)).toEqual([ORPHAN]);

    const json = await changmunJson<DriveReport>(['report', library, '--no-html', '--no-ffprobe']);
    const f = json.value.fix;
    expect(f.notSearchable.map((x) => [x.path, x.reason])).toEqual([[PICTURE_BOOK_PATH, 'pictures-only']]);
    expect(f.subtitlesWithoutFilm.map((x) => x.path)).toEqual([ORPHAN]);
    expect(f.unreadable).toEqual([]);
  }, 60_000);

  it('on a built drive, the report reads the same from the saved index', async () => {
    const drive = path.join(path.dirname(library), 'DRIVE');
    const built = await changmun(['build', library, '--out', drive, '--no-app', '--no-launchers']);
    expect(built.code, built.stderr).toBe(0);
    // The build's summary counts the picture book as a notice, not as a file it could not use.
    expect(built.stdout).toMatch(/문제 problems 0 · 알림 notices 1/);
    const json = await changmunJson<DriveReport>(['report', drive, '--no-html', '--no-ffprobe']);
    expect(json.value.source).toBe('saved-index');
    expect(json.value.fix.notSearchable.map((x) => [x.path, x.reason])).toEqual([[PICTURE_BOOK_PATH, 'pictures-only']]);
    expect(json.value.fix.subtitlesWithoutFilm.map((x) => x.path)).toEqual([ORPHAN]);
    expect(json.value.fix.unreadable).toEqual([]);
  }, 90_000);
});
