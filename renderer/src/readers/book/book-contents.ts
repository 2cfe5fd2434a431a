// A book's table of contents against its reading order: which contents entry a place on a page
// falls under. epub.js gives the entries (its navigation) and the spine; nothing here touches
// epub.js itself, so it is tested on its own (tests/ui/book-contents.test.ts).
//
// Interface: new BookContents(nav, spine) → toc() (the entries, labels trimmed), entryAt(index,
// doc, at) (the entry of section `index` a node or range falls under), entryBefore(index, doc, at)
// (that, or else the last entry of an earlier section).
import type { BookTocEntry } from './book-types';
import { normPath } from './book-paths';

/** A contents entry as epub.js's navigation has it. */
export interface NavItem {
  label?: string;
  href: string;
  subitems?: NavItem[];
}

/** A spine section as epub.js has it: its index and the names it goes by. */
export interface SpineSection {
  index: number;
  url?: string;
  canonical?: string;
  href?: string;
}

export class BookContents {
  private readonly entries: BookTocEntry[];
  private bySection: Map<number, BookTocEntry[]> | undefined;

  constructor(
    nav: readonly NavItem[] | undefined,
    private readonly spine: readonly SpineSection[],
  ) {
    const convert = (items: readonly NavItem[] | undefined): BookTocEntry[] =>
      (items ?? []).map((i) => ({ label: (i.label ?? '').trim() || i.href, href: i.href, children: convert(i.subitems) }));
    this.entries = convert(nav);
  }

  toc(): BookTocEntry[] {
    return this.entries;
  }

  /** Contents entries by spine index, in book order (worked out once). */
  private entriesBySection(): Map<number, BookTocEntry[]> {
    if (this.bySection) return this.bySection;
    const bySection = new Map<number, BookTocEntry[]>();
    // One lookup table of the spine by its paths, rather than a search of the spine per entry.
    const byPath = new Map<string, number>();
    for (const s of this.spine) for (const p of [s.url, s.canonical, s.href]) if (p) byPath.set(normPath(p), s.index);
    const indexOf = (href: string): number | undefined => {
      const want = normPath(href);
      const direct = byPath.get(want);
      if (direct !== undefined) return direct;
      for (const [p, i] of byPath) if (p.endsWith(`/${want}`) || want.endsWith(`/${p}`)) return i;
      return undefined;
    };
    const walk = (entries: BookTocEntry[]) => {
      for (const e of entries) {
        const i = indexOf(e.href);
        if (i !== undefined) bySection.set(i, [...(bySection.get(i) ?? []), e]);
        walk(e.children);
      }
    };
    walk(this.entries);
    this.bySection = bySection;
    return bySection;
  }

  /**
   * The entry of section `index` that `at` (a node of that section's document, or a range in it)
   * falls under: the last whose #fragment element starts at or before it; an entry without a
   * fragment starts at the top. Undefined when the section has no entry.
   */
  entryAt(index: number, doc: Document | undefined, at: Node | Range | undefined): BookTocEntry | undefined {
    const entries = this.entriesBySection().get(index);
    if (!entries || entries.length === 0) return undefined;
    if (entries.length === 1 || !doc || !at) return entries[0];
    let best = entries[0];
    for (const e of entries) {
      const hash = e.href.indexOf('#');
      if (hash < 0) continue;
      let id = e.href.slice(hash + 1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // as written
      }
      const el = doc.getElementById(id);
      if (!el) continue;
      // (A range from the book's frame is of another window: no instanceof.)
      const before = 'comparePoint' in at ? at.comparePoint(el, 0) <= 0 : (el.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 || el.contains(at);
      if (before) best = e;
    }
    return best;
  }

  /** The entry `at` falls under in section `index`, or else the last entry of an earlier section. */
  entryBefore(index: number, doc?: Document, at?: Node | Range): BookTocEntry | undefined {
    const here = this.entryAt(index, doc, at);
    if (here) return here;
    for (let i = index - 1; i >= 0; i--) {
      const entries = this.entriesBySection().get(i);
      if (entries?.length) return entries[entries.length - 1];
    }
    return undefined;
  }

  /** The spine section a link or a search hit's href names (as written in the book, or as served), or undefined. */
  sectionIndexOf(href: string): number | undefined {
    const want = normPath(href);
    return (
      this.spine.find((s) => normPath(s.url) === want || normPath(s.canonical) === want) ??
      this.spine.find((s) => want.endsWith(`/${normPath(s.href)}`) || normPath(s.href) === want)
    )?.index;
  }
}
