// The searched words marked in a book: light marks wherever a section is shown, one stronger mark
// on the passage the reader is at. epub.js draws them (annotations) as boxes over the text.
//
// Interface: new BookMarks() → setTerms(terms), markSection(rendition, index, cfiBase, doc) (once
// per section, when it is rendered), highlight(rendition, cfi | null) (moves the current mark).
import type { EpubRendition } from 'epubjs';
import { cfiOf } from './book-cfi';
import { findMatches } from './section-text';

const MATCH_STYLE = { fill: '#ffd400', 'fill-opacity': '0.32' };
const CURRENT_STYLE = { fill: '#ff7a00', 'fill-opacity': '0.45' };
/** Light marks per section at most: a word on every line of a long chapter is not worth more. */
const MARKS_PER_SECTION = 300;

export class BookMarks {
  private terms: readonly string[] = [];
  private current: string | null = null;
  /** The light marks drawn, by spine index. */
  private readonly marked = new Map<number, string[]>();

  setTerms(terms: readonly string[]): void {
    this.terms = terms;
  }

  markSection(r: EpubRendition, index: number, cfiBase: string, doc: Document): void {
    if (this.terms.length === 0 || this.marked.has(index)) return;
    const cfis: string[] = [];
    for (const m of findMatches(doc, this.terms, undefined, MARKS_PER_SECTION)) {
      const cfi = cfiOf(doc, m, cfiBase);
      if (cfi && cfi !== this.current) {
        r.annotations.highlight(cfi, {}, undefined, 'cm-r-book-match', MATCH_STYLE);
        cfis.push(cfi);
      }
    }
    this.marked.set(index, cfis);
  }

  highlight(r: EpubRendition, cfi: string | null): void {
    if (this.current) {
      r.annotations.remove(this.current, 'highlight');
      // It may also have been one of the light marks: put that back.
      for (const cfis of this.marked.values()) {
        if (cfis.includes(this.current)) r.annotations.highlight(this.current, {}, undefined, 'cm-r-book-match', MATCH_STYLE);
      }
    }
    this.current = cfi;
    if (cfi) r.annotations.highlight(cfi, {}, undefined, 'cm-r-book-current', CURRENT_STYLE);
  }
}
