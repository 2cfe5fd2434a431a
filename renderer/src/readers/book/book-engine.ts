// The book reader talks to this interface, not to epub.js: epub.js 0.3.93 is the last release and
// may be replaced (foliate-js is the usual successor). One implementation below.
import ePub, { EpubCFI, type EpubBook, type EpubLocation, type EpubNavItem, type EpubRendition, type EpubSection } from 'epubjs';
import { analyzeQuery } from '../../../../main/text/analyze';
import type { BookLocationsData } from '../../../../main/api';
import { excerptOf, findMatches, matchForOrdinal, type TextMatch } from './section-text';
import { replaceBrokenSection, sanitizeSection } from './sanitize-section';
import { whyUnreadable } from './readable-sections';

export type BookTheme = 'light' | 'sepia' | 'dark';

export interface BookTocEntry {
  label: string;
  /** Where display() goes (relative to the package, as the book wrote it). */
  href: string;
  children: BookTocEntry[];
}

/** Where the reader is, after every page turn. */
export interface BookPlace {
  cfi: string;
  /** Where the page ends (in the same section when the page shows one section). */
  endCfi: string;
  /** Spine section (as the package names it) and its index. */
  href: string;
  sectionIndex: number;
  /** 0–1 through the whole book. */
  fraction: number;
  /** True when `fraction` comes from generated locations rather than the spine position. */
  exact: boolean;
  /** Page within the section, from 1, and the section's page count. */
  page: number;
  pages: number;
  atStart: boolean;
  atEnd: boolean;
}

export interface BookSearchResult {
  cfi: string;
  excerpt: string;
  /** [start, end) of the match inside `excerpt`. */
  start: number;
  end: number;
  sectionIndex: number;
  sectionLabel: string;
}

export interface BookSearchOptions {
  signal?: AbortSignal;
  limit?: number;
  onProgress?: (done: number, total: number, results: BookSearchResult[]) => void;
}

export interface BookEngine {
  /** Opens the book the back end serves at `base` (FileUrls.book); rejects with BookRefused or on damage. */
  open(base: string): Promise<void>;
  /** Renders into `element`, one page at a time. */
  attach(element: HTMLElement, options: { direction: 'ltr' | 'rtl' }): void;
  /** Locations worked out when the drive was built: exact progress without generating any here. */
  useBuiltLocations(locations: BookLocationsData): void;
  /** Goes to a CFI or an href (the first page when undefined). */
  display(target?: string): Promise<void>;
  /** Forward / back in reading order (a right-to-left book turns the other way on screen). */
  next(): Promise<void>;
  prev(): Promise<void>;
  toc(): BookTocEntry[];
  /** The CFI of the passage a search hit points at: the words `terms` in chunk `ordinal` of the
   * section at zip path `href`; `cfi` null when the words are not found, `section` null when the
   * section is not in the book. */
  findHit(href: string, ordinal: number, terms: readonly string[]): Promise<{ cfi: string | null; section: string | null }>;
  /** Words to mark lightly wherever a section is shown. */
  setTerms(terms: readonly string[]): void;
  /** Searches every section, Korean-aware (the search's own analysis), falling back to plain text. */
  search(query: string, options?: BookSearchOptions): Promise<BookSearchResult[]>;
  /** Marks the current passage (and unmarks the previous one); null clears it. */
  highlight(cfi: string | null): void;
  setFontSize(px: number): void;
  setTheme(theme: BookTheme): void;
  /** The contents entry (its href) of the page on screen: in a book of one file with #chapters,
   * the last chapter that starts before the end of the page. */
  currentTocHref(): string | undefined;
  /** How many spine sections are left out because they cannot be shown (missing, unsafe, not a page). */
  skippedSections(): number;
  /** Generates exact locations for the progress figure (slow on big books: call only for small). */
  generateLocations(): Promise<void>;
  /** The last known place. */
  progress(): BookPlace | null;
  onRelocated(fn: (place: BookPlace) => void): void;
  /** Key presses inside the book's frame (they do not reach the page by themselves). */
  onKey(fn: (e: KeyboardEvent) => void): void;
  resize(): void;
  destroy(): void;
}

export interface EngineOptions {
  /** Shown in place of a remote image. */
  remoteImageLabel: string;
  /** Shown in place of a section the browser cannot parse. */
  brokenSectionLabel: string;
  /** @font-face rules to put inside the book's frame (the bundled Korean font). */
  fontCss?: string;
}

const OPEN_TIMEOUT_MS = 30_000;

/** A book the back end would not serve: its reason, in Korean and English, as the error. */
export class BookRefused extends Error {
  constructor(
    readonly status: number,
    readonly ko: string,
    readonly en: string,
  ) {
    super(`${ko} / ${en}`);
  }
}

async function bookRefusal(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => undefined)) as { error?: { ko?: string; en?: string } } | undefined;
  if (res.status === 404) return new BookRefused(404, '책 파일을 찾을 수 없습니다', 'the book file was not found');
  return new BookRefused(res.status, body?.error?.ko ?? '이 책을 열 수 없습니다', body?.error?.en ?? 'this book cannot be opened');
}

/** The document's one <base>, pointing at `href`. */
function setBase(doc: Document, href: string): void {
  const XHTML = 'http://www.w3.org/1999/xhtml';
  const root = doc.documentElement;
  if (!root) return;
  let head = Array.from(root.children).find((c) => c.localName === 'head');
  if (!head) {
    head = doc.createElementNS(XHTML, 'head');
    root.insertBefore(head, root.firstChild);
  }
  const base = doc.createElementNS(XHTML, 'base');
  base.setAttribute('href', href);
  head.insertBefore(base, head.firstChild);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`changmun: ${what} took longer than ${ms / 1000} s`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * The path of a book's file inside the book, percent-encoded as epub.js keeps it: what follows the
 * `/.in/` of the address the back end serves it at (see main/core/serve/book-entries.ts).
 */
function bookPath(u: string): string {
  const at = u.indexOf('/.in/');
  return at < 0 ? u.replace(/^\/+/, '') : u.slice(at + '/.in/'.length);
}

function normPath(u: string | undefined): string {
  if (!u) return '';
  let x = bookPath(u.split('#')[0]!).replace(/^\/+/, '');
  try {
    x = decodeURIComponent(x);
  } catch {
    // as written
  }
  return x.normalize('NFC');
}

/** The range a CFI names in `doc`, or undefined when it is not there. */
function rangeOf(cfi: string, doc: Document): Range | undefined {
  try {
    return new EpubCFI(cfi).toRange(doc) ?? undefined;
  } catch {
    return undefined;
  }
}

const THEMES: Record<BookTheme, { bg: string; fg: string; link: string }> = {
  light: { bg: '#ffffff', fg: '#1d1f21', link: '#1b5fc4' },
  sepia: { bg: '#f5ecd7', fg: '#3a2e1f', link: '#7a4b12' },
  dark: { bg: '#16181b', fg: '#e3e5e8', link: '#8ab4ff' },
};

const MATCH_STYLE = { fill: '#ffd400', 'fill-opacity': '0.32' };
const CURRENT_STYLE = { fill: '#ff7a00', 'fill-opacity': '0.45' };

class EpubJsEngine implements BookEngine {
  private book: EpubBook | null = null;
  private rendition: EpubRendition | null = null;
  private terms: readonly string[] = [];
  private current: string | null = null;
  private marked = new Map<number, string[]>();
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

  useBuiltLocations(locations: BookLocationsData): void {
    this.built = locations.total > 0 ? locations : undefined;
  }

  /** Progress from the build's character counts: the section's start plus the page's share of it. */
  private builtFraction(index: number, page: number, pages: number): number | undefined {
    const b = this.built;
    const sec = b?.sections[index];
    if (!b || !sec || sec.start < 0 || b.sections.length !== this.b.spine.spineItems.length) return undefined;
    return (sec.start + (pages > 0 ? (sec.chars * (page - 1)) / pages : 0)) / b.total;
  }
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

  async open(base: string): Promise<void> {
    // The back end serves the book entry by entry, through the scan's bounded zip reader (see
    // main/core/serve/book-entries.ts): first the list of its entries, or why the book cannot be
    // opened; then epub.js opens it as an unpacked folder and asks for each file when it needs it.
    // Nothing is inflated here, nothing is fetched ahead ('none': no copies as data or blob URLs).
    const listed = await fetch(`${base}.list`);
    if (!listed.ok) throw await bookRefusal(listed);
    const names = new Set(((await listed.json()) as { entries: string[] }).entries);
    const folded = new Map<string, string | null>();
    for (const n of names) folded.set(n.toLowerCase(), folded.has(n.toLowerCase()) ? null : n);
    const exists = (name: string) => (names.has(name) || folded.get(name.toLowerCase()) ? { name, dir: false } : null);
    const book = ePub({ replacements: 'none' });
    this.book = book;
    book.spine.hooks.content.register((doc, section) => {
      replaceBrokenSection(doc, this.options.brokenSectionLabel);
      sanitizeSection(doc, this.options.remoteImageLabel);
      // epub.js's own <base> (the section's address, so its pictures and styles load from the same
      // place): the sanitizer drops every <base>, this one is put back.
      if (section?.url) setBase(doc, section.url);
    });
    await withTimeout(book.open(`${base}.in/`, 'directory'), OPEN_TIMEOUT_MS, 'opening the book');
    await withTimeout(book.ready, OPEN_TIMEOUT_MS, 'reading the book');
    if (book.spine.spineItems.length === 0) throw new Error('changmun: the book has no sections');
    // Sections that name missing files, entries climbing out of the zip, or pictures: out of the
    // reading order (epub.js's next/prev skip non-linear sections), never displayed or searched.
    const manifest = book.packaging?.manifest ?? {};
    for (const section of book.spine.spineItems) {
      const why = whyUnreadable(`/${bookPath(section.url)}`, manifest[section.idref]?.type, exists);
      if (why) {
        this.unreadable.add(section.index);
        section.linear = false;
      }
    }
    if (this.unreadable.size === book.spine.spineItems.length) throw new Error('changmun: none of the book\'s sections can be read');
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
    rendition.themes.default({
      body: { 'word-break': 'keep-all', 'line-height': '1.8', 'font-family': "'Noto Sans KR', 'Malgun Gothic', sans-serif" },
      img: { 'max-width': '100%' },
      '.cm-r-broken': { border: '1px solid #c77', padding: '1em', 'margin-top': '2em' },
      '.cm-r-remote': { border: '1px dashed #999', padding: '0.4em 0.8em', 'font-size': '0.85em', display: 'inline-block' },
    });
    for (const [name, c] of Object.entries(THEMES)) {
      rendition.themes.register(name, {
        'html, body': { background: `${c.bg} !important`, color: `${c.fg} !important` },
        'body *': { color: 'inherit !important', 'background-color': 'transparent !important', 'border-color': `${c.fg} !important` },
        'a, a *': { color: `${c.link} !important` },
      });
    }
    const fontCss = this.options.fontCss;
    if (fontCss) rendition.hooks.content.register((contents) => void contents.addStylesheetCss(fontCss, 'cm-fonts'));
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
      this.markSection(section, doc);
      // Highlights are boxes measured once; the Korean web font arrives after the first layout
      // (and more of it with every new page), moving the words: measure again when it lands.
      const remeasure = () => view.pane?.render();
      doc.fonts?.addEventListener('loadingdone', remeasure);
      void doc.fonts?.ready.then(remeasure);
    });
    rendition.on('displayError', () => undefined);
  }

  private relocated(location: EpubLocation): void {
    const start = location.start;
    const n = this.b.spine.spineItems.length || 1;
    let fraction = (start.index + (start.displayed.total > 0 ? (start.displayed.page - 1) / start.displayed.total : 0)) / n;
    let exact = false;
    const fromBuild = this.builtFraction(start.index, start.displayed.page, start.displayed.total);
    if (fromBuild !== undefined) {
      fraction = fromBuild;
      exact = true;
    } else if (this.locationsReady) {
      const p = this.b.locations.percentageFromCfi(start.cfi);
      if (typeof p === 'number' && Number.isFinite(p)) {
        fraction = p;
        exact = true;
      }
    }
    // Locations are coarse in a short book: only the very last page says 100%.
    fraction = location.atEnd ? 1 : Math.min(fraction, 0.99);
    this.place = {
      cfi: start.cfi, endCfi: location.end.cfi, href: start.href, sectionIndex: start.index, fraction, exact,
      page: start.displayed.page, pages: start.displayed.total, atStart: !!location.atStart, atEnd: !!location.atEnd,
    };
    if (this.moved) {
      this.anchor = this.moved.cfi ?? start.cfi;
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

  private markSection(section: EpubSection, doc: Document): void {
    const r = this.rendition;
    if (!r || this.terms.length === 0 || this.marked.has(section.index)) return;
    const cfis: string[] = [];
    for (const m of findMatches(doc, this.terms, undefined, 300)) {
      const cfi = this.cfiOf(doc, m, section.cfiBase);
      if (cfi && cfi !== this.current) {
        r.annotations.highlight(cfi, {}, undefined, 'cm-r-book-match', MATCH_STYLE);
        cfis.push(cfi);
      }
    }
    this.marked.set(section.index, cfis);
  }

  private cfiOf(doc: Document, m: TextMatch, cfiBase: string): string | null {
    try {
      const range = doc.createRange();
      if (m.node.nodeType === Node.TEXT_NODE) {
        range.setStart(m.node, m.start);
        range.setEnd(m.node, m.end);
      } else {
        range.selectNode(m.node);
      }
      return new EpubCFI(range, cfiBase).toString();
    } catch {
      return null;
    }
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
    const convert = (items: EpubNavItem[] | undefined): BookTocEntry[] =>
      (items ?? []).map((i) => ({ label: (i.label ?? '').trim() || i.href, href: i.href, children: convert(i.subitems) }));
    return convert(this.b.navigation?.toc);
  }

  private sectionFor(href: string): EpubSection | null {
    const want = normPath(href);
    const items = this.b.spine.spineItems;
    return (
      items.find((s) => normPath(s.url) === want || normPath(s.canonical) === want) ??
      items.find((s) => want.endsWith(`/${normPath(s.href)}`) || normPath(s.href) === want) ??
      null
    );
  }

  private async loadDocument(section: EpubSection): Promise<Document> {
    const book = this.b;
    const contents = await section.load(book.load.bind(book) as (url: string) => Promise<unknown>);
    return contents.ownerDocument;
  }

  async findHit(href: string, ordinal: number, terms: readonly string[]) {
    const section = this.sectionFor(href);
    if (!section || !this.readable(section)) return { cfi: null, section: null };
    const doc = await this.loadDocument(section);
    const m = matchForOrdinal(findMatches(doc, terms), ordinal);
    return { cfi: m ? this.cfiOf(doc, m, section.cfiBase) : null, section: section.href };
  }

  setTerms(terms: readonly string[]): void {
    this.terms = terms;
  }

  /** Contents entries by spine index, in book order (worked out once). */
  private tocBySection: Map<number, BookTocEntry[]> | undefined;

  private tocEntriesBySection(): Map<number, BookTocEntry[]> {
    if (this.tocBySection) return this.tocBySection;
    const bySection = new Map<number, BookTocEntry[]>();
    // One lookup table of the spine by its paths, rather than a search of the spine per entry.
    const byPath = new Map<string, number>();
    for (const s of this.b.spine.spineItems) for (const p of [s.url, s.canonical, s.href]) if (p) byPath.set(normPath(p), s.index);
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
    walk(this.toc());
    this.tocBySection = bySection;
    return bySection;
  }

  /**
   * The entry of section `index` that `at` (a node of that section's document, or a range in it)
   * falls under: the last whose #fragment element starts at or before it; an entry without a
   * fragment starts at the top. Undefined when the section has no entry.
   */
  private entryAt(index: number, doc: Document | undefined, at: Node | Range | undefined): BookTocEntry | undefined {
    const entries = this.tocEntriesBySection().get(index);
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
  private entryBefore(index: number, doc?: Document, at?: Node | Range): BookTocEntry | undefined {
    const here = this.entryAt(index, doc, at);
    if (here) return here;
    for (let i = index - 1; i >= 0; i--) {
      const entries = this.tocEntriesBySection().get(i);
      if (entries?.length) return entries[entries.length - 1];
    }
    return undefined;
  }

  currentTocHref(): string | undefined {
    const place = this.place;
    if (!place || !this.book) return undefined;
    const contents = this.rendition?.getContents().find((c) => c.sectionIndex === place.sectionIndex) ?? this.rendition?.getContents()[0];
    // The chapter on screen: one whose heading is on this page counts (so, the page's end).
    return this.entryBefore(place.sectionIndex, contents?.document, contents ? rangeOf(place.endCfi, contents.document) : undefined)?.href;
  }

  async search(query: string, options: BookSearchOptions = {}): Promise<BookSearchResult[]> {
    const { signal, limit = 500, onProgress } = options;
    const q = query.normalize('NFC').trim();
    const results: BookSearchResult[] = [];
    if (q === '') return results;
    const { terms, prefix } = analyzeQuery(q);
    const sections = this.b.spine.spineItems;
    for (let i = 0; i < sections.length && results.length < limit; i++) {
      if (signal?.aborted || this.destroyed) break;
      const section = sections[i]!;
      if (!this.readable(section)) {
        onProgress?.(i + 1, sections.length, results.slice());
        continue;
      }
      const wasLoaded = section.contents !== undefined;
      try {
        const doc = await this.loadDocument(section);
        const matches = terms.length > 0 || prefix ? findMatches(doc, terms, prefix, limit - results.length) : [];
        for (const m of matches) {
          const cfi = this.cfiOf(doc, m, section.cfiBase);
          if (!cfi) continue;
          const ex = excerptOf(m);
          results.push({ cfi, excerpt: ex.text, start: ex.start, end: ex.end, sectionIndex: i, sectionLabel: this.entryBefore(i, doc, m.node)?.label ?? '' });
        }
        if (matches.length === 0) {
          // Plain text, for what the analysis drops (punctuation, a part of a word).
          for (const f of section.find(q).slice(0, limit - results.length)) {
            const at = f.excerpt.toLowerCase().indexOf(q.toLowerCase());
            const label = this.entryBefore(i, doc, rangeOf(f.cfi, doc))?.label ?? '';
            results.push({ cfi: f.cfi, excerpt: f.excerpt, start: Math.max(0, at), end: at < 0 ? 0 : at + q.length, sectionIndex: i, sectionLabel: label });
          }
        }
      } catch {
        // One unreadable section does not stop the search.
      } finally {
        if (!wasLoaded && !this.destroyed) section.unload();
      }
      onProgress?.(i + 1, sections.length, results.slice());
      await new Promise((r) => setTimeout(r, 0));
    }
    return results;
  }

  highlight(cfi: string | null): void {
    const r = this.rendition;
    if (!r) return;
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

/**
 * The @font-face rules of the bundled Korean font, with absolute URLs, for the book's frame: a
 * document inside an iframe does not see the page's fonts.
 */
export function pageFontCss(family = 'Noto Sans KR'): string {
  const out: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    const base = sheet.href ?? document.baseURI;
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      if (!rule.style.getPropertyValue('font-family').includes(family)) continue;
      out.push(
        rule.cssText.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (m, _q: string, ref: string) => {
          try {
            const abs = new URL(ref, base);
            return abs.protocol === 'http:' || abs.protocol === 'https:' || abs.protocol === 'app:' || abs.protocol === 'data:' ? `url("${abs.href}")` : m;
          } catch {
            return m;
          }
        }),
      );
    }
  }
  return out.join('\n');
}
