// The EPUB extractor against the real books in the shared corpus and against books built here that
// show what the wild sends: EPUB 2 with only an NCX, Korean file names in every zip encoding,
// damaged and hostile archives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { fstatSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import yazl from 'yazl';
import { extractEpub } from '../main/core/extract/epub/index.js';
import { ExtractError } from '../main/core/errors.js';
import type { BookExtract, TocEntry } from '../main/core/types.js';
import { MAX_CHUNK_CHARS } from '../main/text/chunking.js';
import { CONTENT_SAMPLE, corpusAvailable, corpusPath } from './helpers/paths.js';

type Content = string | Buffer | (() => Readable);
let tmp = '';
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'changmun-epub-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function zipOf(files: Record<string, Content>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === 'function') zip.addReadStream(content(), name, { compress: true });
    else zip.addBuffer(Buffer.from(content), name, { compress: name !== 'mimetype' });
  }
  zip.end();
  const parts: Buffer[] = [];
  for await (const part of zip.outputStream as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

const CONTAINER = (opf = 'OEBPS/content.opf') =>
  `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">` +
  `<rootfiles><rootfile full-path="${opf}" media-type="application/oebps-package+xml"/></rootfiles></container>`;

function xhtml(title: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title></head><body>${body}</body></html>`;
}

/** An EPUB 3 package: `items` are [id, href, media-type, properties?]; the spine lists `spine`. */
function opf(items: string[][], spine: string[], metadata = '<dc:title>Built book</dc:title><dc:language>ko</dc:language>', version = '3.0'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="${version}">` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">${metadata}</metadata><manifest>` +
    items.map(([id, href, type, props]) => `<item id="${id}" href="${href}" media-type="${type}"${props ? ` properties="${props}"` : ''}/>`).join('') +
    `</manifest><spine toc="ncx">${spine.map((s) => `<itemref idref="${s}"/>`).join('')}</spine></package>`;
}

function book(files: Record<string, Content>): Record<string, Content> {
  return { mimetype: 'application/epub+zip', 'META-INF/container.xml': CONTAINER(), ...files };
}

async function save(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(file, bytes);
  return file;
}

async function failure(input: Parameters<typeof extractEpub>[0]): Promise<ExtractError> {
  const e: unknown = await extractEpub(input).then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ExtractError);
  return e as ExtractError;
}

const allText = (b: BookExtract) => b.chunks.map((c) => c.text).join('\n');
const flat = (toc: TocEntry[]): TocEntry[] => toc.flatMap((e) => [e, ...flat(e.children)]);

/** Central-directory records of a zip, for tests that forge what yazl will not write. */
function records(zip: Buffer) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  const out: { at: number; local: number; name: string }[] = [];
  for (let i = zip.readUInt16LE(eocd + 10); i > 0; i--) {
    const n = zip.readUInt16LE(p + 28);
    out.push({ at: p, local: zip.readUInt32LE(p + 42), name: zip.toString('latin1', p + 46, p + 46 + n) });
    p += 46 + n + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/** Rename entries in place (same byte length) and optionally clear the UTF-8 name flag everywhere. */
function forgeNames(zip: Buffer, renames: Record<string, Buffer>, clearUtf8Flag: boolean): Buffer {
  const out = Buffer.from(zip);
  for (const r of records(out)) {
    const to = renames[r.name];
    if (to) {
      to.copy(out, r.at + 46);
      to.copy(out, r.local + 30);
    }
    if (clearUtf8Flag) {
      out.writeUInt16LE(out.readUInt16LE(r.at + 8) & ~0x800, r.at + 8);
      out.writeUInt16LE(out.readUInt16LE(r.local + 6) & ~0x800, r.local + 6);
    }
  }
  return out;
}

describe.skipIf(!corpusAvailable)('EPUB extraction: the shared corpus', () => {
  it('opens every book with title, language, spine, TOC and bounded chapter text', async () => {
    const files = (await readdir(corpusPath('epub'))).filter((f) => f.endsWith('.epub'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const b = await extractEpub({ path: corpusPath('epub', f) });
      const spineHrefs = new Set(b.spine.map((s) => s.href));
      expect(b.title, f).not.toBe('');
      expect(b.language, f).toMatch(/^[a-z]{2}(-[A-Z]{2})?$/);
      expect(b.epubVersion, f).toBe('3.0');
      expect(b.spine.length, f).toBeGreaterThan(0);
      expect(b.toc.length, f).toBeGreaterThan(0);
      expect(allText(b).length, f).toBeGreaterThan(4000);
      for (const e of flat(b.toc)) expect(spineHrefs.has(e.href.split('#')[0]!), `${f} ${e.href}`).toBe(true);
      const ordinals = new Map<string, number>();
      for (const c of b.chunks) {
        expect(c.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
        expect(c.text).toBe(c.text.normalize('NFC'));
        expect(spineHrefs.has(c.locator.href!), `${f} ${c.locator.href}`).toBe(true);
        const expected = ordinals.get(c.locator.href!) ?? 0;
        expect(c.locator.ordinal).toBe(expected);
        ordinals.set(c.locator.href!, expected + 1);
      }
    }
  });

  it('reads the metadata each book declares', async () => {
    const open = (name: string) => extractEpub({ path: corpusPath('epub', `${name}.epub`) });
    const children = await open('childrens-literature');
    expect(children).toMatchObject({ title: "Children's Literature", authors: ['Charles Madison Curry', 'Erle Elsworth Clippinger'], language: 'en' });
    expect(children.cover).toEqual({ href: 'EPUB/images/cover.png', mediaType: 'image/png' });
    expect(children.toc[0]!.children.length).toBeGreaterThan(5);

    const georgia = await open('georgia-cfi');
    expect(georgia).toMatchObject({ title: 'Georgia', authors: ['Various'], language: 'en-US', direction: 'default' });
    expect(georgia.spine[0]).toEqual({ href: 'EPUB/cover.xhtml', mediaType: 'application/xhtml+xml', linear: false });

    const arabic = await open('regime-anticancer-arabic');
    expect(arabic).toMatchObject({ title: 'Le Vrai Régime anti-cancer', language: 'ar', direction: 'rtl' });
    expect(arabic.authors).toEqual(['Pr David Khayat', 'Nathalie Hutter-Lardeau']); // not the translator
    expect(arabic.cover?.href).toBe('EPUB/Image/cover.jpg'); // EPUB 2 <meta name="cover">
    expect(allText(arabic)).toContain('ما هو السرطان');

    const trees = await open('trees');
    expect(trees.description).toBe('Test of canvas element and CSS3 multi-column layout');
    expect(trees.toc.map((e) => [e.label, e.href])).toEqual([['Classification', 'EPUB/c1.xhtml'], ['Morphology', 'EPUB/c2.xhtml']]);
    expect(allText(trees)).not.toContain('does not support canvas');

    const waste = await open('wasteland');
    expect(waste).toMatchObject({ title: 'The Waste Land', authors: ['T.S. Eliot'] });
    expect(waste.toc[0]).toEqual({ label: 'I. THE BURIAL OF THE DEAD', href: 'EPUB/wasteland-content.xhtml#ch1', children: [] });
    expect(allText(waste)).toContain('April is the cruellest month');
  });

  it('reads all of Moby-Dick', async () => {
    const b = await extractEpub({ path: corpusPath('epub', 'moby-dick.epub') });
    expect(b).toMatchObject({ title: 'Moby-Dick', authors: ['Herman Melville'], direction: 'default' });
    expect(b.spine.length).toBeGreaterThan(100);
    expect(flat(b.toc).length).toBeGreaterThan(100);
    expect(b.toc).toContainEqual({ label: 'Chapter 1. Loomings.', href: 'OPS/chapter_001.xhtml', children: [] });
    const ishmael = b.chunks.find((c) => c.text.includes('Call me Ishmael'));
    expect(ishmael?.locator).toEqual({ href: 'OPS/chapter_001.xhtml', ordinal: 0 });
    expect(ishmael?.heading).toBe('Chapter 1. Loomings.');
  });

  it('gives the same book from bytes as from a path', async () => {
    const file = corpusPath('epub', 'wasteland.epub');
    expect(await extractEpub({ bytes: new Uint8Array(await readFile(file)) })).toEqual(await extractEpub({ path: file }));
  });

  it('refuses a truncated copy as corrupt', async () => {
    const copy = path.join(tmp, 'cut.epub');
    await copyFile(corpusPath('epub', 'moby-dick.epub'), copy);
    await truncate(copy, 800_000);
    expect((await failure({ path: copy })).code).toBe('corrupt');
  });
});

describe('EPUB extraction: the content sample', () => {
  it('reads the sample books: Korean file names, EPUB 2 with NCX, a nested TOC', async () => {
    const open = (f: string) => extractEpub({ path: path.join(CONTENT_SAMPLE, 'books', f) });
    const dongbaek = await open('동백꽃.epub');
    expect(dongbaek).toMatchObject({ title: '동백꽃', authors: ['김유정'], language: 'ko', epubVersion: '3.0' });
    expect(dongbaek.cover?.href).toBe('OEBPS/그림/표지.png');
    expect(dongbaek.toc[0]).toEqual({ label: '하나. 감자 세 개', href: 'OEBPS/제1장.xhtml', children: [] });
    expect(dongbaek.chunks.filter((c) => c.locator.href === 'OEBPS/제1장.xhtml').map((c) => c.text).join('')).toContain('점순');
    const night = await open('the-night-train-library.epub');
    expect(night).toMatchObject({ title: 'The Night Train Library', epubVersion: '2.0' });
    expect(night.toc.map((e) => e.href)).toEqual([1, 2, 3, 4].map((n) => `OEBPS/chapter${n}.xhtml`));
    const seasons = await open('창가에서-사계절.epub');
    expect(seasons.toc.map((e) => [e.href, e.children.length])).toEqual([['OEBPS/text/part1.xhtml', 3], ['OEBPS/text/part2.xhtml', 2]]);
  });
});

describe('EPUB extraction: books built here', () => {
  it('reads an EPUB 2 book whose only table of contents is a nested NCX', async () => {
    const ncx = `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
      <navPoint id="p1"><navLabel><text>Part One</text></navLabel><content src="Text/part1.xhtml"/>
        <navPoint id="p1c1"><navLabel><text>Chapter 1</text></navLabel><content src="Text/part1.xhtml#c1"/>
          <navPoint id="p1c1s"><navLabel><text>Scene</text></navLabel><content src="Text/part1.xhtml#s%201"/></navPoint>
        </navPoint></navPoint>
      <navPoint id="p2"><navLabel><text> Part
        Two </text></navLabel><content src="Text/part2.xhtml"/></navPoint></navMap></ncx>`;
    const metadata = `<dc:title>Old Book</dc:title><dc:language>en</dc:language>
      <dc:creator opf:role="aut">Ann Author</dc:creator><dc:creator opf:role="trl">Tom Translator</dc:creator>
      <dc:description>&lt;p&gt;A &lt;b&gt;short&lt;/b&gt; book.&lt;/p&gt;</dc:description><meta name="cover" content="cov"/>`;
    const file = await save('epub2.epub', await zipOf(book({
      'OEBPS/content.opf': opf([['ncx', 'toc.ncx', 'application/x-dtbncx+xml'], ['p1', 'Text/part1.xhtml', 'application/xhtml+xml'],
        ['p2', 'Text/part2.xhtml', 'application/xhtml+xml'], ['cov', 'Images/c.jpg', 'image/jpeg']], ['p1', 'p2'], metadata, '2.0'),
      'OEBPS/toc.ncx': ncx,
      'OEBPS/Text/part1.xhtml': xhtml('Part One', '<h2 id="c1">Chapter 1</h2><p>It was a dark night.</p>'),
      'OEBPS/Text/part2.xhtml': xhtml('Part Two', '<p>The end.</p>'),
      'OEBPS/Images/c.jpg': Buffer.from([0xff, 0xd8, 0xff]),
    })));
    const b = await extractEpub({ path: file });
    expect(b).toMatchObject({ title: 'Old Book', authors: ['Ann Author'], epubVersion: '2.0', description: 'A short book.' });
    expect(b.cover).toEqual({ href: 'OEBPS/Images/c.jpg', mediaType: 'image/jpeg' });
    expect(b.toc).toEqual([
      { label: 'Part One', href: 'OEBPS/Text/part1.xhtml', children: [
        { label: 'Chapter 1', href: 'OEBPS/Text/part1.xhtml#c1', children: [{ label: 'Scene', href: 'OEBPS/Text/part1.xhtml#s 1', children: [] }] },
      ] },
      { label: 'Part Two', href: 'OEBPS/Text/part2.xhtml', children: [] },
    ]);
    expect(b.chunks).toContainEqual({ text: 'Chapter 1\nIt was a dark night.', locator: { href: 'OEBPS/Text/part1.xhtml', ordinal: 0 }, heading: 'Chapter 1' });
    expect(b.chunks).toContainEqual({ text: 'The end.', locator: { href: 'OEBPS/Text/part2.xhtml', ordinal: 0 }, heading: 'Part Two' });
  });

  // yazl writes UTF-8 names with the flag; Windows tools write CP949 or UTF-8 without it.
  it.each(['utf-8 with flag', 'utf-8 without flag', 'cp949'])('finds Korean file names stored as %s', async (how) => {
    const placeholder = 'OEBPS/AB1CD.xhtml';
    const body = `<h1>제1장</h1><p>${'동백꽃이 피었다. '.normalize('NFD')}</p>`;
    const zip = await zipOf(book({
      'OEBPS/content.opf': opf([['nav', 'nav.xhtml', 'application/xhtml+xml', 'nav'],
        ['c1', '%EC%A0%9C1%EC%9E%A5.xhtml', 'application/xhtml+xml']], ['c1']),
      'OEBPS/nav.xhtml': xhtml('차례', '<nav epub:type="toc" xmlns:epub="http://www.idpf.org/2007/ops"><ol><li><a href="제1장.xhtml">첫째 장</a></li></ol></nav>'),
      [how === 'cp949' ? placeholder : 'OEBPS/제1장.xhtml']: xhtml('제1장', body),
    }));
    const forged = how === 'cp949' ? forgeNames(zip, { [placeholder]: iconv.encode('OEBPS/제1장.xhtml', 'cp949') }, true)
      : forgeNames(zip, {}, how === 'utf-8 without flag');
    const b = await extractEpub({ path: await save(`korean-${how}.epub`, forged) });
    expect(b.spine).toEqual([{ href: 'OEBPS/제1장.xhtml', mediaType: 'application/xhtml+xml', linear: true }]);
    expect(b.toc).toEqual([{ label: '첫째 장', href: 'OEBPS/제1장.xhtml', children: [] }]);
    expect(b.chunks[0]).toEqual({ text: '제1장\n동백꽃이 피었다.', locator: { href: 'OEBPS/제1장.xhtml', ordinal: 0 }, heading: '제1장' });
  });

  it('keeps script, hidden text and HTML-style markup out of the chunks', async () => {
    const section = `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>S</title><script>var x = "SCRIPTWORD";</script></head><body>
      <p>Visible&nbsp;words &mdash; here<br>and more.</p><p hidden="hidden">HIDDENWORD</p>
      <div style="display: none">NONEWORD</div><script type="text/javascript">document.write("LATEWORD")</script></body></html>`;
    const b = await extractEpub({ bytes: await zipOf(book({
      'OEBPS/content.opf': opf([['s', 's.xhtml', 'application/xhtml+xml'], ['v', 'v.xhtml', 'application/xhtml+xml']], ['s', 'v']),
      'OEBPS/s.xhtml': section,
      'OEBPS/v.xhtml': xhtml('V', '<p><img src="a.png" alt="A picture"> after the image.</p>'),
    })) });
    const text = allText(b);
    expect(text).toContain('Visible words — here');
    expect(text).toContain('and more.');
    expect(text).toContain('A picture after the image.'); // an unclosed <img> must not swallow the text after it
    for (const word of ['SCRIPTWORD', 'HIDDENWORD', 'NONEWORD', 'LATEWORD', '&mdash;', '&nbsp;']) expect(text).not.toContain(word);
  });

  it('splits a long chapter into numbered chunks no longer than the limit', async () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i} tells of the sea and the whale at some length.</p>`);
    const b = await extractEpub({ bytes: await zipOf(book({
      'OEBPS/content.opf': opf([['s', 's.xhtml', 'application/xhtml+xml']], ['s']),
      'OEBPS/s.xhtml': xhtml('Long', paragraphs.join('')),
    })) });
    expect(b.chunks.length).toBeGreaterThan(5);
    b.chunks.forEach((c, i) => {
      expect(c.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
      expect(c.locator).toEqual({ href: 'OEBPS/s.xhtml', ordinal: i });
    });
    expect(allText(b)).toContain('Paragraph 299 tells');
  });

  it('opens a book whose spine names a missing file, with the other sections', async () => {
    const files = book({
      'OEBPS/content.opf': opf([['a', 'a.xhtml', 'application/xhtml+xml'], ['gone', 'gone.xhtml', 'application/xhtml+xml'],
        ['b', 'b.xhtml', 'application/xhtml+xml']], ['a', 'gone', 'nowhere', 'b', 'b'], '<dc:language>en</dc:language>'),
      'OEBPS/a.xhtml': xhtml('A', '<p>First section.</p>'),
      'OEBPS/b.xhtml': xhtml('B', '<p>Last section.</p>'),
    });
    const b = await extractEpub({ path: await save('Untitled Story.epub', await zipOf(files)) });
    expect(b.title).toBe('Untitled Story'); // no dc:title: the file name, not a page's <title>
    expect(b.spine.map((s) => s.href)).toEqual(['OEBPS/a.xhtml', 'OEBPS/b.xhtml']);
    expect(b.chunks.map((c) => c.text)).toEqual(['First section.', 'Last section.']);
    expect(b.toc.map((e) => e.href)).toEqual(['OEBPS/a.xhtml', 'OEBPS/b.xhtml']); // built from the sections

    delete files['OEBPS/a.xhtml'];
    delete files['OEBPS/b.xhtml'];
    expect((await failure({ bytes: await zipOf(files) })).code).toBe('no-content');
  });

  it('never lets a ../ or absolute entry name stand for a book file', async () => {
    const zip = await zipOf(book({
      'OEBPS/content.opf': opf([['ok', 'ok.xhtml', 'application/xhtml+xml'], ['up', '../../evil.xhtml', 'application/xhtml+xml'],
        ['abs', '/abs.xhtml', 'application/xhtml+xml']], ['up', 'abs', 'ok']),
      'OEBPS/ok.xhtml': xhtml('OK', '<p>Safe text.</p>'),
      'zz/evil.xhtml': xhtml('E', '<p>EVILWORD</p>'),
      'xabs.xhtml': xhtml('A', '<p>ABSWORD</p>'),
    }));
    const forged = forgeNames(zip, { 'zz/evil.xhtml': Buffer.from('../evil.xhtml'), 'xabs.xhtml': Buffer.from('/abs.xhtml') }, false);
    const b = await extractEpub({ bytes: forged });
    expect(b.spine.map((s) => s.href)).toEqual(['OEBPS/ok.xhtml']);
    expect(allText(b)).toBe('Safe text.');
  });

  it('refuses a book locked with DRM, but not one with obfuscated fonts', async () => {
    const enc = (algorithm: string, uri: string) => `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">` +
      `<enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData></encryption>`;
    const files = (encryption: string) => book({
      'META-INF/encryption.xml': encryption,
      'OEBPS/content.opf': opf([['s', 's.xhtml', 'application/xhtml+xml'], ['f', 'f.otf', 'font/otf']], ['s']),
      'OEBPS/s.xhtml': xhtml('S', '<p>Readable.</p>'),
      'OEBPS/f.otf': Buffer.from([1, 2, 3]),
    });
    const locked = await failure({ bytes: await zipOf(files(enc('http://www.w3.org/2001/04/xmlenc#aes128-cbc', 'OEBPS/s.xhtml'))) });
    expect(locked.code).toBe('unsupported');
    expect(locked.detail).toMatch(/DRM/);
    const fonts = await extractEpub({ bytes: await zipOf(files(enc('http://www.idpf.org/2008/embedding', 'OEBPS/f.otf'))) });
    expect(allText(fonts)).toBe('Readable.');
  });

  it('says corrupt for random bytes, a cut-off zip, a zip without container.xml or OPF', async () => {
    let seed = 7;
    const noise = Buffer.from(Array.from({ length: 50_000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff));
    expect((await failure({ path: await save('noise.epub', noise) })).code).toBe('corrupt');
    const good = await zipOf(book({ 'OEBPS/content.opf': opf([['s', 's.xhtml', 'application/xhtml+xml']], ['s']), 'OEBPS/s.xhtml': xhtml('S', '<p>x</p>') }));
    expect((await failure({ bytes: good.subarray(0, good.length - 30) })).code).toBe('corrupt');
    const noContainer = await failure({ bytes: await zipOf({ mimetype: 'application/epub+zip', 'OEBPS/content.opf': opf([], []) }) });
    expect(noContainer.code).toBe('corrupt');
    expect(noContainer.detail).toMatch(/no package document/);
    const noOpf = await failure({ bytes: await zipOf({ 'META-INF/container.xml': CONTAINER('OEBPS/missing.opf') }) });
    expect([noOpf.code, noOpf.detail]).toEqual(['corrupt', 'no package document: OEBPS/missing.opf is not in the archive']);
    expect((await failure({ bytes: new Uint8Array() })).code).toBe('empty');
    expect((await failure({ path: path.join(tmp, 'no-such.epub') })).code).toBe('unreadable');
  });

  it('refuses zip bombs as too-large without inflating them', async () => {
    const zeros = (mib: number) => () => Readable.from((function* () {
      const block = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < mib; i++) yield block;
    })());
    const bombBook = (mib: number) => zipOf(book({
      'OEBPS/content.opf': opf([['s', 'bomb.xhtml', 'application/xhtml+xml']], ['s']),
      'OEBPS/bomb.xhtml': zeros(mib),
    }));
    const gigabyte = await bombBook(1024);
    expect(gigabyte.length).toBeLessThan(3 * 1024 * 1024);
    const file = await save('bomb.epub', gigabyte);
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    expect((await failure({ path: file })).code).toBe('too-large');
    // Under the size cap, but 1000:1: only zeros compress like that.
    const ratio = await failure({ bytes: await bombBook(40) });
    expect([ratio.code, ratio.detail]).toEqual(['too-large', expect.stringMatching(/zip bomb/)]);
    // A header that lies about the size is caught as the bytes come, not after.
    const lying = Buffer.from(gigabyte);
    const bomb = records(lying).find((r) => r.name === 'OEBPS/bomb.xhtml')!;
    lying.writeUInt32LE(5000, bomb.at + 24);
    expect(['corrupt', 'too-large']).toContain((await failure({ bytes: lying })).code);
    expect(process.resourceUsage().maxRSS * 1024 - peakBefore).toBeLessThan(150 * 1024 * 1024);
  }, 30_000);

  it('throws nothing but ExtractError for damaged bytes, and leaves no file open', async () => {
    const good = await zipOf(book({
      'OEBPS/content.opf': opf([['nav', 'nav.xhtml', 'application/xhtml+xml', 'nav'], ['s', 's.xhtml', 'application/xhtml+xml']], ['s']),
      'OEBPS/nav.xhtml': xhtml('N', '<nav epub:type="toc"><ol><li><a href="s.xhtml">S</a></li></ol></nav>'),
      'OEBPS/s.xhtml': xhtml('S', '<h1>Title</h1><p>Some words of text in a small section.</p>'),
    }));
    const openFds = () => Array.from({ length: 2048 }, (_, fd) => fd).filter((fd) => {
      try { fstatSync(fd); return true; } catch { return false; }
    }).length;
    const file = path.join(tmp, 'fuzz.epub');
    const fdsBefore = openFds();
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      async (edits) => {
        const bytes = Buffer.from(good);
        for (const [at, value] of edits) bytes[at] = value;
        await writeFile(file, bytes);
        const outcome = await extractEpub({ path: file }).then(() => 'ok', (e: unknown) => e);
        return outcome === 'ok' || outcome instanceof ExtractError;
      }), { numRuns: 150, seed: 42 });
    expect(openFds() - fdsBefore).toBeLessThan(3);
  });
});
