// The book engine the reader talks to (BookEngine, book-types.ts), on epub.js, assembled from
// modules with one job each, in the manner of foliate-js:
//   book-open.ts      opening the book the back end serves entry by entry; sections cleaned
//   book-contents.ts  the table of contents against the reading order
//   book-progress.ts  how far through the book a page is
//   book-marks.ts     the searched words marked, and the current passage
//   book-search.ts    searching inside the book
//   book-look.ts      colours, Korean line breaking, the bundled font inside the frame
//   book-paths.ts, book-cfi.ts   names of files, places as CFIs
// What stays here is the page on screen: where the reader is, where a re-layout must come back
// to, and the order of epub.js's calls.
import type { EpubBook, EpubLocation, EpubRendition, EpubSection } from 'epubjs';
import type { BookLocationsData } from '../../../../main/api';
import { BookContents } from './book-contents';
import { applyLook } from './book-look';
import { BookMarks } from './book-marks';
import { openBook } from './book-open';
import { cfiOf, rangeOf } from './book-cfi';
import { placeOf } from './book-progress';
import { searchBook } from './book-search';
import type { BookEngine, BookPlace, BookSearchOptions, BookSearchResult, BookTheme, BookTocEntry, EngineOptions } from './book-types';
import { findMatches, matchForOrdinal } from './section-text';

export type { BookEngine, BookPlace, BookSearchOptions, BookSearchResult, BookTheme, BookTocEntry, EngineOptions } from './book-types';
export { BookRefused } from './book-open';
export { pageFontCss } from './book-look';

class EpubJsEngine implements BookEngine {
  private book: EpubBook | null = null;
  private rendition: EpubRendition | null = null;
  private readonly marks = new BookMarks();
  private contents: BookContents | undefined;
  private place: BookPlace | null = null;
  private locationsReady = false;
  private built: BookLocationsData | undefined;
  /** Spine indexes of the sections that cannot be shown (see readable-sections.ts). */
  private unreadable = new Set<number>();
  /** The page area changed size before the first page was located: resize once it is. */
  private resizeWanted = false;
  /**
   * Where the reader chose to be: the passage of a hit, or the start of the page they turned to.
   * A re-layout (a resize, a text size) goes back here, not to epub.js's idea of the page start,
   * which drifts a page back at every re-layout (and several in a right-to-left book).
   */
  private anchor: string | null = null;
  /** Set by a move the reader made; the next location report takes the anchor from it. */
  private moved: { cfi: string | null } | null = null;
  private relocatedFns: ((p: BookPlace) => void)[] = [];
  private keyFns: ((e: KeyboardEvent) => void)[] = [];
  private destroyed = false;

  constructor(private readonly options: EngineOptions) {}

  private get b(): EpubBook {
    if (!this.book || this.destroyed) throw new Error('changmun: the book is closed');
    return this.book;
  }

  private get r(): EpubRendition {
    if (!this.rendition || this.destroyed) throw new Error('changmun: the book is not shown');
    return this.rendition;
  }

  private get c(): BookContents {
    this.contents ??= new BookContents(this.b.navigation?.toc, this.b.spine.spineItems);
    return this.contents;
  }

  async open(base: string): Promise<void> {
    const { unreadable } = await openBook(base, this.options, (book) => {
      this.book = book;
    });
    this.unreadable = unreadable;
  }

  useBuiltLocations(locations: BookLocationsData): void {
    this.built = locations.total > 0 ? locations : undefined;
  }

  private readable(section: EpubSection | null | undefined): boolean {
    return !!section && !this.unreadable.has(section.index);
  }

  /**
   * Where to go instead of `target`: the first page for none, and the nearest readable section
   * after (or else before) one that cannot be shown.
   */
  private readableTarget(target?: string): string | undefined {
    const sections = this.b.spine.spineItems;
    if (target === undefined) {
      if (this.unreadable.size === 0) return undefined;
      return (sections.find((s) => s.linear && this.readable(s)) ?? sections.find((s) => this.readable(s)))?.href;
    }
    let section: EpubSection | null;
    try {
      section = this.b.spine.get(target);
    } catch {
      return target;
    }
    if (!section || this.readable(section)) return target;
    const i = section.index;
    return (sections.slice(i + 1).find((s) => this.readable(s)) ?? sections.slice(0, i).reverse().find((s) => this.readable(s)))?.href;
  }

  attach(element: HTMLElement, { direction }: { direction: 'ltr' | 'rtl' }): void {
    const rendition = this.b.renderTo(element, {
      width: '100%',
      height: '100%',
      flow: 'paginated',
      spread: 'none',
      manager: 'default',
      allowScriptedContent: false,
      allowPopups: false,
      defaultDirection: direction,
    });
    this.rendition = rendition;
    applyLook(rendition, this.options.fontCss);
    rendition.on('relocated', (location: EpubLocation) => this.relocated(location));
    // Our own listener (epub.js's 'keydown' event comes from a passive listener, which cannot
    // preventDefault).
    rendition.hooks.content.register((contents) => {
      contents.document.addEventListener('keydown', (e) => {
        for (const fn of this.keyFns) fn(e);
      });
    });
    rendition.on('rendered', (section: EpubSection, view) => {
      const doc = view.contents?.document;
      if (!doc) return;
      this.marks.markSection(rendition, section.index, section.cfiBase, doc);
      // Highlights are boxes measured once; the Korean web font arrives after the first layout
      // (and more of it with every new page), moving the words: measure again when it lands.
      const remeasure = () => view.pane?.render();
      doc.fonts?.addEventListener('loadingdone', remeasure);
      void doc.fonts?.ready.then(remeasure);
    });
    rendition.on('displayError', () => undefined);
  }

  private relocated(location: EpubLocation): void {
    const book = this.b;
    this.place = placeOf(location, {
      sections: book.spine.spineItems.length,
      built: this.built,
      fromLocations: this.locationsReady ? (cfi) => book.locations.percentageFromCfi(cfi) ?? undefined : undefined,
    });
    if (this.moved) {
      this.anchor = this.moved.cfi ?? location.start.cfi;
      this.moved = null;
    }
    for (const fn of this.relocatedFns) fn(this.place);
    this.remeasure();
    if (this.resizeWanted) {
      this.resizeWanted = false;
      setTimeout(() => this.resize(), 0);
    }
  }

  /** Highlight boxes are measured once: after a reflow (text size, colours, fonts) measure again. */
  private remeasure(delayMs = 0): void {
    setTimeout(() => {
      if (this.destroyed || !this.rendition) return;
      const views = this.rendition.views?.();
      for (const view of Array.isArray(views) ? views : (views?.all() ?? [])) view.pane?.render();
    }, delayMs);
  }

  async display(requested?: string): Promise<void> {
    const target = this.readableTarget(requested);
    this.moved = { cfi: target?.startsWith('epubcfi(') ? target : null };
    await this.r.display(target);
    if (!target?.startsWith('epubcfi(')) return;
    // Pictures and the web font arriving after the first layout move the words to other pages:
    // once they have, go to the passage again.
    if (await this.settle()) await this.rendition?.display(target);
    this.remeasure();
  }

  /** Waits (up to 2 s) for the shown sections' images and fonts; true when anything was loading. */
  private async settle(): Promise<boolean> {
    const waits: Promise<unknown>[] = [];
    for (const contents of this.rendition?.getContents() ?? []) {
      const doc = contents.document;
      for (const img of Array.from(doc.images)) {
        if (img.complete) continue;
        waits.push(
          new Promise((resolve) => {
            img.addEventListener('load', resolve, { once: true });
            img.addEventListener('error', resolve, { once: true });
          }),
        );
      }
      if (doc.fonts?.status === 'loading') waits.push(doc.fonts.ready);
    }
    if (waits.length === 0) return false;
    await Promise.race([Promise.all(waits), new Promise((resolve) => setTimeout(resolve, 2000))]);
    return !this.destroyed;
  }

  next(): Promise<void> {
    this.moved = { cfi: null };
    return this.r.next();
  }

  prev(): Promise<void> {
    this.moved = { cfi: null };
    return this.r.prev();
  }

  /** After a re-layout: back to where the reader was (see `anchor`). */
  private backToAnchor(delayMs: number): void {
    setTimeout(() => {
      const r = this.rendition;
      if (this.destroyed || !r || !this.anchor) return;
      void r.display(this.anchor).catch(() => undefined);
    }, delayMs);
  }

  toc(): BookTocEntry[] {
    return this.c.toc();
  }

  private async loadDocument(section: EpubSection): Promise<Document> {
    const book = this.b;
    const contents = await section.load(book.load.bind(book) as (url: string) => Promise<unknown>);
    return contents.ownerDocument;
  }

  async findHit(href: string, ordinal: number, terms: readonly string[]) {
    const index = this.c.sectionIndexOf(href);
    const section = index === undefined ? null : this.b.spine.spineItems[index];
    if (!section || !this.readable(section)) return { cfi: null, section: null };
    const doc = await this.loadDocument(section);
    const m = matchForOrdinal(findMatches(doc, terms), ordinal);
    return { cfi: m ? cfiOf(doc, m, section.cfiBase) : null, section: section.href };
  }

  setTerms(terms: readonly string[]): void {
    this.marks.setTerms(terms);
  }

  currentTocHref(): string | undefined {
    const place = this.place;
    if (!place || !this.book) return undefined;
    const contents = this.rendition?.getContents().find((c) => c.sectionIndex === place.sectionIndex) ?? this.rendition?.getContents()[0];
    // The chapter on screen: one whose heading is on this page counts (so, the page's end).
    return this.c.entryBefore(place.sectionIndex, contents?.document, contents ? rangeOf(place.endCfi, contents.document) : undefined)?.href;
  }

  search(query: string, options: BookSearchOptions = {}): Promise<BookSearchResult[]> {
    return searchBook(
      {
        sections: this.b.spine.spineItems,
        readable: (s) => this.readable(s),
        load: (s) => this.loadDocument(s),
        contents: this.c,
        closed: () => this.destroyed,
      },
      query,
      options,
    );
  }

  highlight(cfi: string | null): void {
    if (this.rendition) this.marks.highlight(this.rendition, cfi);
  }

  setFontSize(px: number): void {
    this.rendition?.themes.fontSize(`${px}px`);
    // The text reflows into other pages: back to the same words, and the page figures follow.
    if (this.place) this.backToAnchor(50);
    this.remeasure(300);
  }

  setTheme(theme: BookTheme): void {
    this.rendition?.themes.select(theme);
    this.remeasure(300);
  }

  skippedSections(): number {
    return this.unreadable.size;
  }

  async generateLocations(): Promise<void> {
    await this.b.locations.generate(1600);
    if (this.destroyed) return;
    this.locationsReady = this.b.locations.length() > 0;
    const loc = this.rendition?.location;
    if (loc) this.relocated(loc);
  }

  progress(): BookPlace | null {
    return this.place;
  }

  onRelocated(fn: (place: BookPlace) => void): void {
    this.relocatedFns.push(fn);
  }

  onKey(fn: (e: KeyboardEvent) => void): void {
    this.keyFns.push(fn);
  }

  resize(): void {
    // Before epub.js has reported where the first page is, its resize clears the page and has no
    // place to show again (a blank reader): wait for that report (relocated() calls back here).
    if (!this.place) {
      this.resizeWanted = true;
      return;
    }
    try {
      // epub.js lays the book out again and shows the anchor; when it had already done so itself
      // (its own window listener, at its own page start), the size is unchanged and it does
      // nothing: then the anchor is shown here.
      this.rendition?.resize(undefined, undefined, this.anchor ?? undefined);
      this.backToAnchor(300);
    } catch {
      // not rendered yet
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.relocatedFns = [];
    this.keyFns = [];
    try {
      this.rendition?.destroy();
    } catch {
      // already gone
    }
    try {
      this.book?.destroy();
    } catch {
      // already gone
    }
    this.rendition = null;
    this.book = null;
  }
}

export function createBookEngine(options: EngineOptions): BookEngine {
  return new EpubJsEngine(options);
}
