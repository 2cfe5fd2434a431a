// A short piece of a chunk around its first match, with the matched words marked. Snippets are cut
// only for hits on screen: in Kiwix they were most of the search time (kiwix/libkiwix#146).
import { matchRanges } from './analyze.js';

export interface Snippet {
  snippet: string;
  highlights: [number, number][];
}

/**
 * White space runs as one space: `\s+` → ' ', written so a lone space (most of them) is not
 * replaced — the same result, a few times faster on a long chunk.
 */
const SPACE_RUNS = /\s{2,}|[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

export function flattenSpaces(text: string): string {
  return text.replace(SPACE_RUNS, ' ');
}

export function cutSnippet(text: string, terms: readonly string[], prefix: string | undefined, width = 160): Snippet {
  const flat = flattenSpaces(text);
  // Find the first match, then mark only inside the window shown: the rest is never read.
  const first = matchRanges(flat, terms, prefix, { first: true })[0];
  let start = 0;
  if (first && first[0] > width / 3) {
    start = first[0] - Math.floor(width / 3);
    // Start at a word boundary so the snippet does not open mid-word.
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < first[0]) start = space + 1;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + width / 2 && (!first || space > first[1])) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const tail = end < flat.length ? '…' : '';
  const highlights = matchRanges(flat.slice(start, end), terms, prefix)
    .map(([s, e]) => [s + lead.length, e + lead.length] as [number, number]);
  return { snippet: `${lead}${flat.slice(start, end)}${tail}`, highlights };
}

/** The snippet with «» around each highlight, for terminals and logs. */
export function markSnippet(s: Snippet, open = '«', close = '»'): string {
  let out = '';
  let at = 0;
  for (const [a, b] of s.highlights) {
    out += s.snippet.slice(at, a) + open + s.snippet.slice(a, b) + close;
    at = b;
  }
  return out + s.snippet.slice(at);
}
