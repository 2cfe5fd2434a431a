// The browser edition's files on a drive, as `changmun build` writes them (write.ts) and the page
// reads them (main/browser-edition/page/). A page opened from file:// cannot fetch, so every piece of
// data is a classic script that hands one string to a function the page defined first:
//
//   Changmun.html                     the page: a strict CSP, the UI's stylesheet and script
//   Changmun-files/app/               the UI bundle (changmun.js, changmun.css, fonts)
//   Changmun-files/data/library.js    the library: items, settings, problems, where everything is
//   Changmun-files/data/i/<f>-<k>.js  the search index's files, cut into fragments
//   Changmun-files/data/a/<n>.js      an article's HTML (sanitised in the page, as in the app)
//   Changmun-files/data/s/<n>.js      a film's subtitle tracks
//   Changmun-files/covers/<n>.<ext>   book covers, taken out of the EPUBs
//
// Every script but library.js carries a SHA-256 that library.js names: the page checks each one
// before using a byte of it. Nothing here touches Node or the DOM: both sides import it.
import type { LibraryItem, Problem } from '../api.js';
import type { SegmentMeta } from '../core/search/store/segment.js';

export const EDITION_FORMAT = 1;
export const EDITION_PAGE = 'Changmun.html';
export const EDITION_FOLDER = 'Changmun-files';
/** The function every data script calls: `__changmunData(id, payload)`. */
export const DATA_CALLBACK = '__changmunData';
export const LIBRARY_SCRIPT = 'data/library.js';
export const LIBRARY_ID = 'library';

/**
 * Fragments of the index's binary files (dictionary, postings, chunk tables), in bytes. A query
 * reads one dictionary block and each word's list: a few fragments.
 */
export const BINARY_FRAGMENT_BYTES = 256 * 1024;
/**
 * Fragments of the stored text (snippets, a book read as text): smaller, since the snippets of one
 * page of results are scattered over the whole library.
 */
export const TEXT_FRAGMENT_BYTES = 64 * 1024;

/** One file of the saved index, as fragments. */
export interface EditionIndexFile {
  /** Its name under .changmun/index/ (seg-<id>.dict, run-<g>-<k>.text …). */
  name: string;
  size: number;
  /** 'text': each fragment is the UTF-8 text itself (cut between characters); 'binary': base64. */
  kind: 'text' | 'binary';
  /** Where each fragment starts, in bytes of the file, and the file's size at the end. */
  starts: number[];
  /** SHA-256 (hex) of each fragment's bytes. */
  sha256: string[];
}

/** A data script: its number in its folder and the SHA-256 (hex) of its payload's UTF-8 bytes. */
export interface EditionScript {
  n: number;
  sha256: string;
}

/** What `data/library.js` hands the page. */
export interface EditionLibrary {
  format: number;
  builtAt: string;
  title: string;
  appName: string;
  language: 'ko' | 'en';
  collections: string[];
  problems: Problem[];
  /** The items, each with the segment holding its chunks (the engine needs it). */
  items: { item: LibraryItem; shard?: string }[];
  /** The saved index's segments and their files; null when the drive has no index to show. */
  index: { segments: SegmentMeta[]; files: EditionIndexFile[] } | null;
  /** By library path. */
  articles: Record<string, EditionScript>;
  subtitles: Record<string, EditionScript>;
  /** By library path: the cover's file name under covers/. */
  covers: Record<string, string>;
}

/** The id a data script calls back with (`i3.17`, `a12`, `s4`, `library`). */
export function fragmentId(file: number, k: number): string {
  return `i${file}.${k}`;
}

export function fragmentScript(file: number, k: number): string {
  return `data/i/${file}-${k}.js`;
}

export function articleScript(n: number): string {
  return `data/a/${n}.js`;
}

export function subtitleScript(n: number): string {
  return `data/s/${n}.js`;
}

/** The text of a data script. JSON escapes everything a string literal could break out with. */
export function dataScript(id: string, payload: string): string {
  return `${DATA_CALLBACK}(${JSON.stringify(id)},${escapeLineSeparators(JSON.stringify(payload))});\n`;
}

/** U+2028/2029 are line ends in scripts older than ES2019. */
function escapeLineSeparators(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The page's Content-Security-Policy: its own files only (scripts, styles, fonts, pictures, films),
 * nothing fetched, no frames, no forms, no plugins. `'self'` on a file:// page covers the files of
 * the drive; there is no server to send a header, so it is a <meta> tag.
 */
export const EDITION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');
