// Every shape that crosses the contract between the UI and the back end (main/api.ts): plain
// JSON-serialisable data, and nothing else. This file imports nothing: the back end (core) and the
// UI both import it, never the other way round.

/** What kind of thing a person opens. */
export type ItemType = 'article' | 'book' | 'video';

/**
 * Where a chunk of text lives inside its item, precise enough for a reader to open it there.
 * - article: `anchor` (an element id in the rendered article; empty string for the top)
 * - book: `href` (the spine section, relative to the zip root) and `ordinal` (chunk number inside it)
 * - video / subtitles: `startMs` of the first cue of the chunk
 */
export interface Locator {
  href?: string;
  ordinal?: number;
  startMs?: number;
  anchor?: string;
}

export interface TocEntry {
  label: string;
  href: string;
  children: TocEntry[];
}

export type SubtitleFormat = 'srt' | 'vtt' | 'sami' | 'ass';

/**
 * A file that could not be used, or (kind 'notice') one that is in the library but something about
 * it needs saying, with a plain message in Korean and English.
 */
export interface Problem {
  path: string;
  code: string;
  message: string;
  messageKo: string;
  messageEn: string;
  /**
   * Absent: the file could not be read (an error; it is not in the library). 'notice': the item is
   * there and opens, but a reader should know something about it — code 'pictures-only': a book of
   * pictures (a comic, a picture book), not searchable by its text, found by its title and author.
   */
  kind?: 'notice';
}

// What a search returns, shared by the engine, the command line and the UI.
export interface SearchOptions {
  type?: ItemType;
  language?: string;
  collection?: string;
  /** Items per page. */
  limit?: number;
  offset?: number;
  /** Snippets are cut for this many hits of each item shown (the rest carry only locators). */
  snippetsPerItem?: number;
}

export interface SearchHit {
  locator: Locator;
  /** Present for the hits a snippet was cut for. */
  snippet?: string;
  /** [start, end) ranges of `snippet` to highlight. */
  highlights?: [number, number][];
  language?: string;
}

export interface SearchResultItem {
  path: string;
  type: ItemType;
  title: string;
  language?: string;
  collections: string[];
  authors?: string[];
  /** How the title matched the query, if it did. */
  titleMatch?: 'exact' | 'prefix' | 'words';
  /** Number of chunks that hit. */
  hitCount: number;
  /** Every hit, in document order. */
  hits: SearchHit[];
}

export interface SearchResponse {
  query: string;
  /** False while parts of the index are still loading or being built: more answers may come. */
  complete: boolean;
  /** True when no item matched every word and these are the best partial matches. */
  partial: boolean;
  /** Number of items that matched (all pages). */
  total: number;
  results: SearchResultItem[];
  /** The analysed words the highlights are for. */
  terms: string[];
}

/** What every item is, wherever it is told: paths relative to the library root, with '/'. */
export interface ItemBasics {
  path: string;
  type: ItemType;
  title: string;
  language?: string;
  /** Every language the item has (a film with Korean and English subtitles: ['ko', 'en']). */
  languages?: string[];
  authors?: string[];
  description?: string;
  /** Collections (from library.json) this item belongs to. */
  collections: string[];
  size: number;
  mtimeMs: number;
}

/** An item as the home screen and the readers need it (no text). */
export interface LibraryItem extends ItemBasics {
  /** Searchable chunks; 0 means nothing in it can be searched (image-only book, film without subtitles). */
  chunkCount: number;
  /** Books. `locations` (from `changmun build`): characters per spine section, for reading progress. */
  book?: { direction: 'ltr' | 'rtl' | 'default'; hasCover: boolean; toc: TocEntry[]; locations?: BookLocationsData };
  /** Films (and subtitle files without a film, where hasVideo is false). */
  video?: { hasVideo: boolean; subtitles: { path: string; format: SubtitleFormat; languages: string[] }[] };
  /**
   * A picture the home screen may ask for at covers/<path>: a book's own cover, an article's first
   * local picture, a film's poster beside it or the frame `changmun build` took. `source` is the
   * library file it comes from (two items with the same source would show the same picture). Absent,
   * or when covers/<path> answers with none, the UI draws a cover from the title.
   */
  cover?: { source: string };
}

/** How far through a book each spine section starts, in characters (spine order; non-linear: start -1). */
export interface BookLocationsData {
  total: number;
  sections: { href: string; chars: number; start: number }[];
}

export interface IndexStatus {
  /** True once every file is indexed and the saved index (if any) is fully loaded. */
  complete: boolean;
  phase: 'loading' | 'checking' | 'indexing' | 'saving' | 'done';
  done: number;
  total: number;
  current?: string;
  /**
   * Why the index is being built again although the drive had one: it was damaged (read back, it
   * was not what was written), or on a signed drive it was not the one that was signed. Shown as one
   * line; stays once the rebuild is done.
   */
  notice?: 'damaged' | 'not-as-signed';
}

export interface LibraryInfo {
  /** From library.json, else the folder name. */
  title: string;
  /** The name shown in the window title (neutral by default). */
  appName: string;
  /** Default interface language from library.json. */
  language: 'ko' | 'en';
  collections: string[];
  items: LibraryItem[];
  problems: Problem[];
  index: IndexStatus;
  /** Whether anything can be saved on this drive (false on a read-only stick). */
  writable: boolean;
  /** The catalog's version: ask getLibraryChanges(version) for what changes after it. */
  version: number;
}

/**
 * What changed in the library since a version the page holds: the page keeps the list it was sent
 * once and applies these, instead of being sent 10,000 items on every poll.
 */
export interface LibraryChanges {
  version: number;
  /** True when `items` is the whole list (the version asked for is not known here): replace, not merge. */
  full: boolean;
  /** Items added or changed. */
  items: LibraryItem[];
  /** Paths of items no longer there. */
  removed: string[];
  /** The problems list, when it changed. */
  problems?: Problem[];
  index: IndexStatus;
  writable: boolean;
}

export interface ArticleContent {
  path: string;
  title: string;
  language?: string;
  format: 'html' | 'markdown' | 'text';
  /**
   * The article as HTML (Markdown rendered, text wrapped in paragraphs), NOT yet sanitised: the
   * renderer sanitises it with DOMPurify before it touches the page.
   */
  html: string;
}

export interface SubtitleCue {
  startMs: number;
  endMs: number;
  text: string;
}

export interface SubtitleTrackData {
  /** The subtitle file this track comes from. */
  path: string;
  format: SubtitleFormat;
  language?: string;
  /** A label to show: the SAMI class or the language. */
  label: string;
  cues: SubtitleCue[];
}

/** Settings a person can change. Kept on the drive only when `remember` is on. */
export interface Settings {
  language: 'ko' | 'en';
  fontSize: number;
  theme: 'light' | 'dark' | 'sepia';
  /**
   * "Remember where I was": reading places are kept (in memory for the session; on the drive too
   * while `remember` is on). On by default; off, no place is kept and those kept are dropped.
   * Always present in what getSettings answers.
   */
  rememberPlaces?: boolean;
  /** The films' volume, 0–1: starts low, and is kept like the other settings. Always present in getSettings. */
  volume?: number;
  /**
   * "Remember on this drive": off by default, and on only when the person using the app now turned
   * it on (or chose to continue what the drive remembered): a state file on the drive never turns
   * it on by itself.
   */
  remember: boolean;
}

/**
 * What is remembered, and where. Reading places are always kept for the session, in memory; on the
 * drive only while `onDrive` is on (the screen then says so).
 */
export interface RememberStatus {
  /** Settings and places are written to this drive (`.changmun/state/`) as they change. */
  onDrive: boolean;
  /**
   * Found on the drive at start and not chosen yet: nothing is read from it or written to it until
   * the person continues (`resumeRemembering`) or forgets it (`forgetEverything`). `places`: how many
   * reading places it holds; `unreadable`: something is there that is not a state file of this app.
   */
  found?: { places: number } | { unreadable: true };
  /** Places remembered in this session (in memory; on the drive too while `onDrive`). */
  sessionPlaces: number;
}

/** Where a person stopped in an item. */
export interface ReadingPosition {
  /** Book: an EPUB CFI; article: a scroll fraction 0–1; video: seconds. */
  at: string | number;
  updatedAt: string;
}

export interface SaveResult {
  /**
   * False when nothing was written: not remembering, the drive is read-only, or the place to write
   * (`.changmun` or `.changmun/state`) is not a plain folder of this drive (a link elsewhere, a file).
   */
  saved: boolean;
  reason?: 'not-remembering' | 'read-only' | 'refused';
}

/**
 * What the quick check at start found about the drive against its signed manifest (the same check
 * as `changmun verify`, in a worker thread). Paths are relative to the drive root. Changes to the
 * drive's derived data (.changmun/index, which the app may rebuild itself) are not counted here.
 */
export interface DriveCheck {
  /**
   * 'checking' until the check ends; 'none' for a plain folder of content (never built, no
   * manifest); 'unknown' for a drive nobody vouches for: built (an index or book locations in
   * `.changmun/`, an app folder or launchers) but without its manifest, or with a manifest nobody
   * signed (`unknownBecause` says which).
   */
  state: 'checking' | 'none' | 'unknown' | 'intact' | 'changed' | 'manifest-damaged' | 'failed';
  unknownBecause?: 'no-manifest' | 'unsigned';
  /** Whether manifest.json is exactly what its signer signed. */
  signature: 'valid' | 'invalid' | 'unsigned';
  /** The key named in the manifest: its fingerprint in full and in the short form people compare. */
  signer?: { fingerprint: string; display: string };
  /** When the drive was signed (ISO time). */
  signedAt?: string;
  /** Files whose content or size changed, files gone, files added, files that could not be read. */
  changed: string[];
  missing: string[];
  added: string[];
  damaged: string[];
  /** Full counts (the lists above stop at 200 names each). */
  counts: { changed: number; missing: number; added: number; damaged: number };
  /** Files whose time moved and that the quick check had no time to read: unknown, not wrong. */
  unverified: number;
  /**
   * 'rebuilt': on this signed drive the search index (or the book locations) was not the one that
   * was signed; the app did not use it and built its own from the library's files.
   */
  derived?: 'rebuilt';
}
