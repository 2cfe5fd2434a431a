// The shapes every part of Changmun shares: what an extractor returns, what the catalog holds. The
// ones the UI sees too (an item's type, a locator, a book's contents, a problem) are the contract's
// (main/contract/types.ts), re-exported here: the core imports the contract, never the other way.
import type { ItemBasics, ItemType, Locator, Problem, SubtitleFormat, TocEntry } from '../contract/types.js';

export type { ItemBasics, ItemType, Locator, Problem, SubtitleFormat, TocEntry };

/** A bounded piece of searchable text (NFC) and the place it came from. */
export interface Chunk {
  text: string;
  locator: Locator;
  /** The heading or chapter title the chunk sits under, when there is one. */
  heading?: string;
  /** Language of this chunk when it differs by chunk (bilingual subtitles). */
  language?: string;
  /** Subtitles: [offset in `text`, start ms] of each cue after the first, so a hit opens at its line. */
  cues?: [number, number][];
  /** Its search terms, when worked out beside the extraction (search/chunk-terms.ts). */
  terms?: ChunkTerms;
}

/** The terms of a chunk: `table` (shared by the chunks of one file) and [term index, count] pairs. */
export interface ChunkTerms {
  table: string[];
  pairs: Uint32Array;
}

export interface ArticleExtract {
  kind: 'article';
  format: 'html' | 'markdown' | 'text';
  title: string;
  language?: string;
  /** Local images the article refers to, relative to the article's folder, as written. */
  images: string[];
  chunks: Chunk[];
}

export interface SpineEntry {
  href: string;
  mediaType: string;
  linear: boolean;
}

export interface BookExtract {
  kind: 'book';
  title: string;
  authors: string[];
  language?: string;
  description?: string;
  /** Path of the cover image inside the zip, when the book declares one. */
  cover?: { href: string; mediaType: string };
  direction: 'ltr' | 'rtl' | 'default';
  epubVersion: string;
  toc: TocEntry[];
  spine: SpineEntry[];
  chunks: Chunk[];
  /** A book of pictures (a comic, a picture book): its words are in its pictures, which search
   * cannot read (see picturesOnly in extract/epub). Absent when the book has text. */
  picturesOnly?: true;
}

export interface Cue {
  startMs: number;
  endMs: number;
  /** Plain text, lines joined with "\n", NFC. */
  text: string;
}

export interface SubtitleTrack {
  /** BCP 47-ish language code when known ('ko', 'en'), else undefined. */
  language?: string;
  /** The name the file gave the track (SAMI class such as KRCC, ASS style), when any. */
  label?: string;
  cues: Cue[];
}

export interface SubtitleExtract {
  kind: 'subtitle';
  format: SubtitleFormat;
  /** The title the file declares in its header (SAMI <TITLE>, ASS Title:, WEBVTT <text>), if any. */
  title?: string;
  tracks: SubtitleTrack[];
  chunks: Chunk[];
}

export type Extract = ArticleExtract | BookExtract | SubtitleExtract;

/** A subtitle file that belongs to a video item. */
export interface SubtitleRef {
  path: string;
  format: SubtitleFormat;
  /** Languages of the tracks in the file ('ko', 'en', …), in file order. */
  languages: string[];
}

/** One thing on the drive a person can open, as extracted: the contract's basics and its text. */
export interface Item extends ItemBasics {
  chunks: Chunk[];
  /** Books: the extracted book details the reader needs. */
  book?: Omit<BookExtract, 'kind' | 'chunks' | 'title' | 'authors' | 'language' | 'description'>;
  /** Articles: format and local images. */
  article?: { format: ArticleExtract['format']; images: string[] };
  /** Videos: the subtitle files paired with this video. Subtitle-only items: the file itself. */
  subtitles?: SubtitleRef[];
  /** Videos: the container the first bytes show ('' when the item is a subtitle file with no video). */
  video?: { container: string; hasVideo: boolean; hasSubtitles: boolean; sidecar?: string };
}
