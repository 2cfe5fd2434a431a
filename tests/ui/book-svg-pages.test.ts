// @vitest-environment jsdom
// The reader's side of SVG pages listed in the spine (`image/svg+xml`; the index's side is
// tests/book-svg-pages.test.ts). The book reader loads such a page as an XHTML page showing the
// drawing (svg-page.ts), cleans it with the sections' own sanitizer, and finds in it the chunks the
// indexer cut, character for character — in the document epub.js keeps and in the HTML the frame
// reads — so a search hit opens on its page with its word marked. A hostile page keeps its words
// and loses its script, handlers and every address out of the book; a page the XML parser gives up
// on shows the reader's note.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { svgPageText } from '../../main/core/extract/epub/text.js';
import { analyzeQuery } from '../../main/text/analyze.js';
import { readDocument, sectionChunks } from '../../main/text/readable.js';
import { DOM_TREE } from '../../renderer/src/readers/common/dom-text.js';
import { whyUnreadable } from '../../renderer/src/readers/book/readable-sections.js';
import { replaceBrokenSection, sanitizeSection } from '../../renderer/src/readers/book/sanitize-section.js';
import { findMatches } from '../../renderer/src/readers/book/section-text.js';
import { isSvgPage, SVG_PAGE_CLASS, svgPageDocument, svgPageRequest } from '../../renderer/src/readers/book/svg-page.js';
import { HILL, hillPages, HOSTILE, hostilePages, type SpinePage } from '../helpers/svg-page-books.js';

const BROKEN = '이 부분은 파일이 깨져서 보여 줄 수 없습니다';
const SVG = 'http://www.w3.org/2000/svg';

/** The page as the book reader has it once epub.js loaded it and the content hook ran. */
function readerPage(markup: string): Document {
  const doc = svgPageDocument(markup);
  replaceBrokenSection(doc, BROKEN);
  sanitizeSection(doc, '원격 그림');
  return doc;
}

/** The chunks a reader finds in a document, across its sections, as the indexer numbers them. */
const shownChunks = (doc: Document) => readDocument<Node>([doc.documentElement], DOM_TREE).sections.flatMap((s) => sectionChunks(s.raw).chunks);

/** The page as the frame reads it: written out, then parsed as HTML (srcdoc). */
const asFrame = (doc: Document) => new DOMParser().parseFromString(new XMLSerializer().serializeToString(doc), 'text/html');

const indexed = (page: SpinePage) => svgPageText(page.markup, page.href).chunks.map((c) => c.text);

afterEach(() => vi.unstubAllGlobals());

describe('SVG pages in the book reader', () => {
  it('a page is the drawing in an XHTML page: its words and pictures are there, its <title> and <desc> are not read', () => {
    const [p1, , p3] = hillPages();
    const doc = readerPage(p1!.markup);
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    const body = doc.getElementsByTagName('body')[0]!;
    expect(body.getAttribute('class')).toBe(SVG_PAGE_CLASS);
    const svg = body.firstElementChild!;
    expect([svg.localName, svg.namespaceURI, svg.getAttribute('viewBox')]).toEqual(['svg', SVG, '0 0 600 800']);
    expect(svg.getElementsByTagNameNS(SVG, 'path')).toHaveLength(1);
    expect(shownChunks(doc)).toEqual([HILL.firstLine]);
    // The picture of the other page keeps its address inside the book.
    const image = readerPage(p3!.markup).getElementsByTagNameNS(SVG, 'image')[0]!;
    expect(image.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).toBe('p3.png');
    // And the frame draws it: an <svg> of the SVG namespace in the HTML it reads.
    const frame = asFrame(doc);
    expect(frame.body.firstElementChild?.namespaceURI).toBe(SVG);
  });

  it('the reader finds the indexer\'s chunks on every SVG page, character for character, in the XML and in the frame\'s HTML', () => {
    let compared = 0;
    for (const page of [...hillPages(), ...hostilePages()]) {
      if (page.mediaType !== 'image/svg+xml' || page.href === 'h2.svg') continue; // h2: too deep for the indexer (below)
      const doc = readerPage(page.markup);
      expect(shownChunks(doc), page.href).toEqual(indexed(page));
      expect(shownChunks(asFrame(doc)), `${page.href} as HTML`).toEqual(indexed(page));
      compared++;
    }
    expect(compared).toBe(3);
    // Lines as the drawing sets them: a <tspan> placed on a new line is one.
    expect(indexed(hillPages()[2]!)).toEqual([`하늘을 나는 ${HILL.second} 떼가\n바람을 타고 멀리 날아갔다.`]);
  });

  it('a search hit on an SVG page is found and marked in the chunk the index names', () => {
    for (const [page, word] of [[hillPages()[0]!, HILL.first], [hillPages()[2]!, HILL.second], [hostilePages()[0]!, HOSTILE.word], [hostilePages()[0]!, HOSTILE.foreign]] as const) {
      const at = svgPageText(page.markup, page.href).chunks.findIndex((c) => c.text.includes(word));
      expect(at, word).toBeGreaterThanOrEqual(0);
      const { terms, prefix } = analyzeQuery(word);
      const matches = findMatches(readerPage(page.markup), terms, prefix);
      expect(matches.length, word).toBeGreaterThan(0);
      expect(matches[0]!.ordinal, word).toBe(at);
      // The word as written on the page, its particle with it (파도소리가).
      expect(matches[0]!.text.slice(matches[0]!.start, matches[0]!.end), word).toMatch(new RegExp(`^${word}`));
    }
  });

  it('a hostile page keeps its words and loses its script, handlers and every address out of the book', () => {
    const doc = readerPage(hostilePages()[0]!.markup);
    expect(shownChunks(doc).join('\n')).toContain(`${HOSTILE.word}가 들린다`);
    const written = new XMLSerializer().serializeToString(doc);
    expect(written).not.toMatch(/<(\w+:)?script\b/i);
    expect(written).not.toMatch(/__changmunPwned|198\.51\.100\.7|javascript:|@import/);
    for (const el of Array.from(doc.getElementsByTagName('*'))) {
      for (const a of Array.from(el.attributes)) {
        expect(a.name, `${el.localName}[${a.name}]`).not.toMatch(/^on/i);
        // No address with a scheme or a host (a namespace declaration names its namespace, nothing is fetched).
        if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) expect(a.value, `${el.localName}[${a.name}]`).not.toMatch(/^\s*(\w+:|\/\/)/);
      }
    }
    // The frame's HTML reading of it holds no script either, and the remote picture is a note.
    const frame = asFrame(doc);
    expect(frame.querySelectorAll('script')).toHaveLength(0);
    expect(frame.querySelector('iframe')?.hasAttribute('src')).toBe(false);
    expect(frame.body.textContent).toContain('원격 그림');
  });

  it('a page the XML parser gives up on shows the reader\'s note instead, and only that page', () => {
    const broken = '<svg xmlns="http://www.w3.org/2000/svg"><text x="1" y="1">BROKENSVGWORD</svg>';
    const doc = readerPage(broken);
    expect(doc.getElementsByTagName('body')[0]!.textContent).toBe(BROKEN);
    expect(new XMLSerializer().serializeToString(doc)).not.toContain('BROKENSVGWORD');
    // The next page is itself.
    expect(shownChunks(readerPage(hillPages()[0]!.markup))).toEqual([HILL.firstLine]);
  });

  it('a drawing written with prefixes (svg:svg) is drawn by the frame: copied without them', () => {
    const prefixed = `<svg:svg xmlns:svg="${SVG}" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><svg:a xlink:href="p1.svg"><svg:text x="1" y="5">${HILL.firstLine}</svg:text></svg:a></svg:svg>`;
    const doc = readerPage(prefixed);
    const frame = asFrame(doc);
    const svg = frame.body.firstElementChild!;
    expect([svg.localName, svg.namespaceURI]).toEqual(['svg', SVG]);
    expect(svg.querySelector('a')?.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).toBe('p1.svg');
    expect(shownChunks(frame)).toEqual(svgPageText(prefixed, 'x.svg').chunks.map((c) => c.text));
  });

  it('an SVG page is a page of the reading order; a PNG in the spine is still not', () => {
    const file = (name: string) => ({ name, dir: false });
    expect(whyUnreadable('/OEBPS/p1.svg', 'image/svg+xml', file)).toBeNull();
    expect(whyUnreadable('/OEBPS/p1.svg', ' Image/SVG+XML ', file)).toBeNull();
    expect(whyUnreadable('/OEBPS/p1.png', 'image/png', file)).toBe('not-a-page');
    expect(whyUnreadable('/OEBPS/p1.svg', 'image/svg+xml', () => null)).toBe('missing');
    expect(whyUnreadable('/../p1.svg', 'image/svg+xml', file)).toBe('outside');
    expect(isSvgPage('image/svg+xml')).toBe(true);
    expect(isSvgPage('application/xhtml+xml')).toBe(false);
  });

  it('epub.js asks for an SVG page and gets the XHTML page; every other file goes to its own request', async () => {
    const own = vi.fn(async (url: string, type?: string | null) => `own ${url} ${type ?? ''}`);
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(hillPages()[0]!.markup, { status: 200 });
    });
    const request = svgPageRequest(own, () => new Set(['http://127.0.0.1/t/x/books/b.epub/.in/OEBPS/p1.svg']));
    const page = (await request('http://127.0.0.1/t/x/books/b.epub/.in/OEBPS/p1.svg', null)) as Document;
    expect(shownChunks(page)).toEqual([HILL.firstLine]);
    expect(fetched).toEqual(['http://127.0.0.1/t/x/books/b.epub/.in/OEBPS/p1.svg']);
    // The package, a section, and the same picture asked for as something else: epub.js's own.
    await expect(request('http://127.0.0.1/t/x/books/b.epub/.in/OEBPS/content.opf', 'xml')).resolves.toMatch(/^own /);
    await expect(request('http://127.0.0.1/t/x/books/b.epub/.in/OEBPS/p2.xhtml', null)).resolves.toMatch(/^own /);
    await expect(request('http://127.0.0.1/t/x/books/b.epub/.in/OEBPS/p1.svg', 'blob')).resolves.toMatch(/^own /);
    expect(own).toHaveBeenCalledTimes(3);
    // A page the back end refuses is an error, as a section's is.
    vi.stubGlobal('fetch', async () => new Response('', { status: 422 }));
    await expect(request('http://127.0.0.1/t/x/books/b.epub/.in/OEBPS/p1.svg', null)).rejects.toThrow(/422/);
  });
});
