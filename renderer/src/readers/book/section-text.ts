// The text of a book section as the indexer read it, by the same rules (main/text/readable.ts): the
// same elements dropped, the same sections at headings, the same ~2000-character chunks, so a hit's
// `ordinal` finds its chunk again. Matches come from matchRanges, the search's own analysis.
import { matchRanges } from '../../../../main/text/analyze';
import { readDocument, sectionChunks } from '../../../../main/text/readable';
import { DOM_TREE } from '../common/dom-text';

export interface TextMatch {
  /** A text node, or an image whose alt text matched. */
  node: Text | Element;
  /** The text `start` and `end` point into (the node's text, or the alt text). */
  text: string;
  start: number;
  end: number;
  /** The chunk of the section (as the indexer numbered them) this match falls in. */
  ordinal: number;
}

/** Every match of `terms` (and of `prefix` as the start of a word) in the section, in order. */
export function findMatches(doc: Document, terms: readonly string[], prefix?: string, limit = 2000): TextMatch[] {
  const root = doc.documentElement;
  if (!root) return [];
  const out: TextMatch[] = [];
  // A book numbers its chunks across the whole file, heading section after heading section.
  let first = 0;
  for (const section of readDocument<Node>([root], DOM_TREE).sections) {
    const chunks = sectionChunks(section.raw);
    for (const piece of section.pieces) {
      const text = piece.text;
      if (text.trim() === '') continue;
      for (const [start, end] of matchRanges(text, terms, prefix)) {
        out.push({ node: piece.node as Text | Element, text, start, end, ordinal: first + chunks.ordinalAt(piece.at + start) });
        if (out.length >= limit) return out;
      }
    }
    first += chunks.chunks.length;
  }
  return out;
}

/** The match a hit points at: the first in chunk `ordinal`, else the nearest after, else before. */
export function matchForOrdinal(matches: TextMatch[], ordinal: number): TextMatch | undefined {
  return matches.find((m) => m.ordinal === ordinal) ?? matches.find((m) => m.ordinal > ordinal) ?? matches.at(-1);
}

/** A short excerpt around a match, and where the match sits in it. */
export function excerptOf(m: TextMatch, around = 60): { text: string; start: number; end: number } {
  const raw = m.text;
  const from = Math.max(0, m.start - around);
  const to = Math.min(raw.length, m.end + around);
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const before = (from > 0 ? '…' : '') + squash(raw.slice(from, m.start)).trimStart();
  const hit = squash(raw.slice(m.start, m.end));
  const after = squash(raw.slice(m.end, to)).trimEnd() + (to < raw.length ? '…' : '');
  return { text: before + hit + after, start: before.length, end: before.length + hit.length };
}
