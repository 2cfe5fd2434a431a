// @vitest-environment jsdom
// Issue 14: one text model. The indexer (htmlparser2, in Node) and the readers (the page's DOM) read
// a document by the same rules (main/text/readable.ts), so the chunk a hit names is the chunk the
// reader finds. Here both sides run on real files — the sample articles, and every section of the
// sample books and of the corpus's EPUBs — the reader's side over a real DOM (jsdom), parsed the way
// the page parses it: the chunks must be the same, character for character.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/core/extract/article/index.js';
import { articleHtml } from '../../main/core/serve/article-html.js';
import { openBookPackage } from '../../main/core/extract/epub/index.js';
import { decodeMarkup, sectionText } from '../../main/core/extract/epub/text.js';
import { openZip } from '../../main/core/extract/epub/zip.js';
import { decodeText } from '../../main/core/extract/encoding.js';
import { readDocument, sectionChunks } from '../../main/text/readable.js';
import { tidyText } from '../../main/text/chunking.js';
import { analyzeQuery } from '../../main/text/analyze.js';
import { tidyOffsets } from '../../main/text/tidy-offsets.js';
import { DOM_TREE, domTreeWithIds } from '../../renderer/src/readers/common/dom-text.js';
import { ID_PREFIX, sanitizeArticle } from '../../renderer/src/readers/article/sanitize.js';
import { findMatches } from '../../renderer/src/readers/book/section-text.js';
import { markForLocator, markTerms } from '../../renderer/src/readers/article/marks.js';
import { CONTENT_SAMPLE, corpusPath } from '../helpers/paths.js';
import { MATH_WORDS, mathPages, pictureBookPages, PICTURE_BOOK, SVG_WORDS, svgPages } from '../helpers/text-gap-books.js';

// jsdom has no CSS.escape (Chromium does); the ids here need none of its escaping.
(globalThis as { CSS?: { escape(s: string): string } }).CSS ??= { escape: (s: string) => s };

const sanitizeOptions = {
  fileUrl: (p: string) => `files/${p}`,
  labels: { remoteImage: '원격 그림', remoteMedia: '원격 미디어', missingImage: '없는 그림', externalLink: (u: string) => u, localLink: '고리' },
};

/** The chunks the reader finds in an article, by anchor, as the article reader shows it. */
function readerArticleChunks(html: string, articlePath: string): Map<string, string[]> {
  const host = document.createElement('article');
  host.append(sanitizeArticle(html, { ...sanitizeOptions, articlePath }));
  const out = new Map<string, string[]>();
  for (const s of readDocument<Node>(Array.from(host.childNodes), domTreeWithIds(ID_PREFIX)).sections) out.set(s.anchor, sectionChunks(s.raw).chunks);
  return out;
}

function articleFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(html?|md|txt)$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(CONTENT_SAMPLE, 'articles'));
  return out;
}

async function bookSections(file: string): Promise<{ href: string; mediaType: string; markup: string }[]> {
  const zip = await openZip({ path: file });
  try {
    const { pkg } = await openBookPackage(zip);
    const out: { href: string; mediaType: string; markup: string }[] = [];
    for (const ref of pkg.spine) {
      const item = pkg.manifest.get(ref.idref);
      if (!item || !/html/.test(item.mediaType)) continue;
      const name = zip.find(item.href);
      if (name === undefined) continue;
      out.push({ href: item.href, mediaType: item.mediaType, markup: decodeMarkup(await zip.read(name)) });
    }
    return out;
  } finally {
    zip.close();
  }
}

describe('one text model for the indexer and the readers', () => {
  it('the reader\'s offset map tidies text exactly as the indexer does', () => {
    const piece = fc.constantFrom('가', '나다', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\f', 'x', '.', ' \n ', '\n\n\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const raw = parts.join('');
        const t = tidyOffsets(raw);
        expect(t.text).toBe(tidyText(raw));
        // Offsets only ever move forward, and stay inside the tidied text.
        let last = 0;
        for (let i = 0; i <= raw.length; i++) {
          const at = t.at(i);
          expect(at).toBeGreaterThanOrEqual(last);
          expect(at).toBeLessThanOrEqual(t.text.length);
          last = at;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every sample article: the reader finds the indexer\'s chunks, section by section', async () => {
    const files = articleFiles().filter((f) => !f.endsWith('.txt'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const bytes = readFileSync(file);
      const rel = path.relative(CONTENT_SAMPLE, file).split(path.sep).join('/');
      const extract = await extractArticle(bytes, rel);
      const indexed = new Map<string, string[]>();
      for (const c of extract.chunks) {
        const anchor = (c.locator as { anchor: string }).anchor;
        indexed.set(anchor, [...(indexed.get(anchor) ?? []), c.text]);
      }
      const format = /\.md$/.test(file) ? 'markdown' : 'html';
      const shown = readerArticleChunks(articleHtml(format, decodeText(bytes).text), rel);
      expect(shown, rel).toEqual(indexed);
    }
  });

  it('every section of the sample books and the corpus\'s EPUBs: the reader finds the indexer\'s chunks', async () => {
    const books = [
      ...readdirSync(path.join(CONTENT_SAMPLE, 'books')).map((f) => path.join(CONTENT_SAMPLE, 'books', f)),
      ...['moby-dick.epub', 'childrens-literature.epub', 'wasteland.epub', 'georgia-cfi.epub', 'trees.epub'].map((f) => corpusPath('epub', f)),
    ];
    let compared = 0;
    for (const book of books) {
      for (const s of await bookSections(book)) {
        const indexed = sectionText(s.markup, s.href, s.mediaType).chunks.map((c) => c.text);
        // As epub.js loads it: XHTML as XML, HTML as HTML.
        const type = /\.html?$/i.test(s.href) || s.mediaType === 'text/html' ? 'text/html' : 'application/xhtml+xml';
        const doc = new DOMParser().parseFromString(s.markup, type);
        if (doc.getElementsByTagName('parsererror').length > 0) continue; // the reader shows its note instead
        let shown: string[] = [];
        for (const section of readDocument<Node>([doc.documentElement], DOM_TREE).sections) shown = shown.concat(sectionChunks(section.raw).chunks);
        expect(shown, `${path.basename(book)} ${s.href}`).toEqual(indexed);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 120_000);

  it('SVG pages and MathML: the reader finds the indexer\'s chunks, with the words of <text> and of formulas in them', () => {
    /** The chunks a reader finds in a section as epub.js loads it (XML), and as the frame shows it (the same written out and read as HTML). */
    const shownChunks = (doc: Document) => readDocument<Node>([doc.documentElement], DOM_TREE).sections.flatMap((s) => sectionChunks(s.raw).chunks);
    const all: string[] = [];
    for (const page of [...svgPages(), ...mathPages(), ...pictureBookPages(2)]) {
      const indexed = sectionText(page.xhtml, page.href, 'application/xhtml+xml').chunks.map((c) => c.text);
      const xml = new DOMParser().parseFromString(page.xhtml, 'application/xhtml+xml');
      expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(shownChunks(xml), page.href).toEqual(indexed);
      // The frame's HTML parser knows <svg> and <math> but not prefixes (svg:svg is an unknown
      // element there, drawn as nothing): the pages written without prefixes are compared as HTML too.
      if (!/<(svg|m):/.test(page.xhtml)) {
        const html = new DOMParser().parseFromString(new XMLSerializer().serializeToString(xml), 'text/html');
        expect(shownChunks(html), `${page.href} as HTML`).toEqual(indexed);
      }
      all.push(...indexed);
    }
    const text = all.join('\n');
    for (const word of [SVG_WORDS.text, SVG_WORDS.prefixed, SVG_WORDS.switchShown, MATH_WORDS.identifier, MATH_WORDS.mtext, MATH_WORDS.alttext, PICTURE_BOOK.title]) {
      expect(text, word).toContain(word);
    }
    for (const word of [SVG_WORDS.switchFallback, ...SVG_WORDS.undrawn, ...MATH_WORDS.unshown]) expect(text, word).not.toContain(word);
    // The two lines of one <text>, each on a line; a formula's tokens as words.
    expect(text).toContain(`강가의 ${SVG_WORDS.text}는\n밤새 쉬지 않고 돌았다.`);
    expect(text).toMatch(/sin\s+\u2061?\s*θ\s+=\s+높이\s+빗변/);
    expect(text).toContain('2 π r');

    // A search hit in the SVG's <text> and in a formula is found again in the reader, in its chunk.
    for (const [page, word] of [[svgPages()[0]!, SVG_WORDS.text], [mathPages()[0]!, MATH_WORDS.identifier], [mathPages()[0]!, MATH_WORDS.alttext]] as const) {
      const at = sectionText(page.xhtml, page.href, 'application/xhtml+xml').chunks.findIndex((c) => c.text.includes(word));
      const doc = new DOMParser().parseFromString(page.xhtml, 'application/xhtml+xml');
      const { terms, prefix } = analyzeQuery(word);
      const matches = findMatches(doc, terms, prefix);
      expect(matches.length, word).toBeGreaterThan(0);
      expect(matches[0]!.ordinal, word).toBe(at);
    }
  });

  it('a word in the third chunk of a long book section is found in chunk 2, where the indexer put it', () => {
    const para = (n: number) => `<p>${'긴 문단의 낱말들이 이어집니다. '.repeat(40)}${n === 5 ? '유일한낱말' : ''}</p>`;
    const xhtml = `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><h1>첫 장</h1>${[0, 1, 2, 3, 4, 5, 6, 7].map(para).join('')}</body></html>`;
    const indexed = sectionText(xhtml, 'c.xhtml', 'application/xhtml+xml').chunks;
    const at = indexed.findIndex((c) => c.text.includes('유일한낱말'));
    expect(at).toBeGreaterThanOrEqual(2);
    const doc = new DOMParser().parseFromString(xhtml, 'application/xhtml+xml');
    const matches = findMatches(doc, ['유일한낱말']);
    expect(matches.map((m) => m.ordinal)).toEqual([at]);
  });

  it('an article hit lands on the mark in its own chunk and section, not the first one on the page', async () => {
    const long = (word: string) => `<p>${'바다 이야기가 길게 이어지는 문단입니다. '.repeat(45)}${word}</p>`;
    const html = `<html><body><nav><h2>차례 (세어지지만 보이지 않는 제목)</h2></nav><p>머리말 바다</p><h2>첫째</h2>${long('바다')}${long('바다')}<h2>둘째</h2>${long('바다')}${long('바다')}${long('바다')}</body></html>`;
    const extract = await extractArticle(new TextEncoder().encode(html), 'a.html');
    const target = extract.chunks.filter((c) => (c.locator as { anchor: string }).anchor !== '').at(-1)!;
    const locator = target.locator as { anchor: string; ordinal: number };
    // The heading in <nav> is counted: the second visible heading is h-3.
    expect(locator.anchor).toBe('h-3');
    expect(locator.ordinal).toBeGreaterThanOrEqual(1);
    const host = document.createElement('article');
    host.append(sanitizeArticle(html, { ...sanitizeOptions, articlePath: 'a.html' }));
    document.body.append(host);
    const marks = markTerms(host, ['바다']);
    const { index, anchor } = markForLocator(host, marks, locator as never);
    expect(anchor?.id).toBe(`${ID_PREFIX}h-3`);
    // The mark chosen is in the chunk the hit names: the text before it, in its section, is as long
    // as the chunks before that one.
    const chosen = marks[index]!;
    const range = document.createRange();
    range.setStartAfter(anchor!);
    range.setEndBefore(chosen);
    const before = tidyText(range.toString()).length;
    const chunksBefore = extract.chunks.filter((c) => (c.locator as { anchor: string }).anchor === 'h-3' && (c.locator as { ordinal: number }).ordinal < locator.ordinal);
    expect(before).toBeGreaterThanOrEqual(chunksBefore.reduce((n, c) => n + c.text.length, 0) - '둘째'.length - 2);
    host.remove();
  });
});
