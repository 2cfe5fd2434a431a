// Highlighting, shared by the search results and the readers. The readers mark words with the
// same analysis search matched them with: 로동 for 노동, 타이타닉을 for 타이타닉.
import { createElement, type ReactNode } from 'react';

import { analyzeQuery, choseongOf, matchRanges } from '../../main/text/analyze';

export { analyzeQuery, matchRanges };
export type { QueryAnalysis } from '../../main/text/analyze';

/**
 * What a title matched, to mark it as the snippets are marked: the searched words, or for a query
 * of initial consonants (ㅌㅇㅌㄴ) the syllables whose initials they are (타이타닉).
 */
export function titleRanges(title: string, query: string, terms: readonly string[]): Array<[number, number]> {
  const choseong = analyzeQuery(query).choseong;
  if (!choseong) return terms.length > 0 ? matchRanges(title, terms) : [];
  const positions: number[] = [];
  const s = title.normalize('NFC');
  if (s !== title) return [];
  for (let i = 0; i < s.length; i++) if (choseongOf(s[i]!) !== '') positions.push(i);
  const at = choseongOf(s).indexOf(choseong);
  if (at < 0) return [];
  return [[positions[at]!, positions[at + choseong.length - 1]! + 1]];
}

/**
 * `text` as React nodes with every [start, end) range wrapped in `<mark>`. Ranges may come in any
 * order, overlap or fall outside the text: they are sorted, merged and clipped.
 */
export function highlightRanges(text: string, ranges: ReadonlyArray<readonly [number, number]> | undefined): ReactNode[] {
  const merged = mergeRanges(text.length, ranges ?? []);
  if (merged.length === 0) return [text];
  const out: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) out.push(text.slice(at, start));
    out.push(createElement('mark', { key: start }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** Sorted, non-overlapping, non-empty ranges inside [0, length). */
export function mergeRanges(length: number, ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const clipped = ranges
    .map(([s, e]): [number, number] => [Math.max(0, Math.min(s, length)), Math.max(0, Math.min(e, length))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of clipped) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
