// Searching inside an open book, section by section, with the search's own analysis (Korean
// particles, North/South spelling), falling back to plain text for what the analysis drops
// (punctuation, a part of a word). Sections that were not loaded are unloaded again, one at a time,
// so a long book never sits whole in memory.
//
// Interface: searchBook(book, query, options) → the matches in book order, each with its CFI, an
// excerpt and the contents entry it falls under.
import type { EpubSection } from 'epubjs';
import { analyzeQuery } from '../../../../main/text/analyze';
import type { BookContents } from './book-contents';
import { cfiOf, rangeOf } from './book-cfi';
import type { BookSearchOptions, BookSearchResult } from './book-types';
import { excerptOf, findMatches } from './section-text';

export interface SearchableBook {
  sections: readonly EpubSection[];
  readable(section: EpubSection): boolean;
  load(section: EpubSection): Promise<Document>;
  contents: BookContents;
  /** True once the reader has closed: the search stops. */
  closed(): boolean;
}

export async function searchBook(book: SearchableBook, query: string, options: BookSearchOptions = {}): Promise<BookSearchResult[]> {
  const { signal, limit = 500, onProgress } = options;
  const q = query.normalize('NFC').trim();
  const results: BookSearchResult[] = [];
  if (q === '') return results;
  const { terms, prefix } = analyzeQuery(q);
  const { sections, contents } = book;
  for (let i = 0; i < sections.length && results.length < limit; i++) {
    if (signal?.aborted || book.closed()) break;
    const section = sections[i]!;
    if (!book.readable(section)) {
      onProgress?.(i + 1, sections.length, results.slice());
      continue;
    }
    const wasLoaded = section.contents !== undefined;
    try {
      const doc = await book.load(section);
      const matches = terms.length > 0 || prefix ? findMatches(doc, terms, prefix, limit - results.length) : [];
      for (const m of matches) {
        const cfi = cfiOf(doc, m, section.cfiBase);
        if (!cfi) continue;
        const ex = excerptOf(m);
        results.push({ cfi, excerpt: ex.text, start: ex.start, end: ex.end, sectionIndex: i, sectionLabel: contents.entryBefore(i, doc, m.node)?.label ?? '' });
      }
      if (matches.length === 0) {
        for (const f of section.find(q).slice(0, limit - results.length)) {
          const at = f.excerpt.toLowerCase().indexOf(q.toLowerCase());
          const label = contents.entryBefore(i, doc, rangeOf(f.cfi, doc))?.label ?? '';
          results.push({ cfi: f.cfi, excerpt: f.excerpt, start: Math.max(0, at), end: at < 0 ? 0 : at + q.length, sectionIndex: i, sectionLabel: label });
        }
      }
    } catch {
      // One unreadable section does not stop the search.
    } finally {
      if (!wasLoaded && !book.closed()) section.unload();
    }
    onProgress?.(i + 1, sections.length, results.slice());
    await new Promise((r) => setTimeout(r, 0));
  }
  return results;
}
