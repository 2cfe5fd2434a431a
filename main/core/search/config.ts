// The one FlexSearch configuration. FlexSearch can import an exported index only into an index made
// with the identical options, so building and loading both call these functions and nothing else.
import FlexSearch, { type Document } from 'flexsearch';
import { analyze } from './analyze.js';

/** Bumped whenever the analysis or these options change: saved indexes of another format are rebuilt. */
export const INDEX_FORMAT = 2;

/**
 * Terms prefixed with this character are already analysed and are looked up as they are. Text
 * never starts with it (analyze drops control characters), so it cannot collide with content.
 */
export const RAW_TERM = '\u0001';

let last: { text: string; terms: string[] } | undefined;

export function encode(text: string): string[] {
  if (text.startsWith(RAW_TERM)) return [text.slice(RAW_TERM.length)];
  const terms = analyze(text);
  last = { text, terms };
  return terms;
}

/** The terms of `text` if it was the last text encoded (saves analysing a chunk twice). */
export function encodedTerms(text: string): string[] {
  return last?.text === text ? last.terms : analyze(text);
}

/** Score buckets by how often a term occurs in the chunk: bucket 0 holds the densest chunks. */
export const RESOLUTION = 4;

const termCounts = new WeakMap<string[], Map<string, number>>();

/** Each distinct term of an analysed text with its count (computed once per text, shared). */
export function countsOf(content: string[]): Map<string, number> {
  let counts = termCounts.get(content);
  if (!counts) {
    counts = new Map();
    for (const t of content) counts.set(t, (counts.get(t) ?? 0) + 1);
    termCounts.set(content, counts);
  }
  return counts;
}

function scoreByFrequency(content: string[], term: string): number {
  const n = countsOf(content).get(term) ?? 1;
  // 1 → 3, 2 → 2, 3–4 → 1, 5+ → 0
  return n >= 5 ? 0 : n >= 3 ? 1 : n === 2 ? 2 : 3;
}

export type TextDoc = {
  id: number;
  text: string;
};

export type TitleDoc = {
  id: number;
  title: string;
  authors: string;
};

/** Chunk text of one shard; ids are local to the shard (small numbers keep the export small). */
export function createTextIndex(): Document<TextDoc> {
  return new FlexSearch.Document<TextDoc>({
    document: {
      id: 'id',
      index: [{ field: 'text', tokenize: 'strict', encode, resolution: RESOLUTION, score: scoreByFrequency }],
    },
  });
}

/** Titles and authors of every item; forward tokenisation so a title is found while it is typed. */
export function createTitleIndex(): Document<TitleDoc> {
  return new FlexSearch.Document<TitleDoc>({
    document: {
      id: 'id',
      index: [
        { field: 'title', tokenize: 'forward', encode },
        { field: 'authors', tokenize: 'forward', encode },
      ],
    },
  });
}
