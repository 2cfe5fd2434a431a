// What the book reader knows of a book engine: the interface the reader talks to (BookEngine) and
// the shapes that cross it. epub.js 0.3.93 is the last release and may be replaced (foliate-js is
// the usual successor): only book-engine.ts and the modules it assembles know epub.js.
import type { BookLocationsData } from '../../../../main/api';

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
