// Issue 14: the highlighting every screen shares (search results, the readers' marks): whatever
// ranges come from the search, what a person sees is the snippet's own text, every character once,
// with the matched words in <mark>.
import fc from 'fast-check';
import { isValidElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { analyzeQuery, highlightRanges, matchRanges, mergeRanges } from '../../renderer/src/highlight';

/** The text a list of nodes shows, and the marked parts. */
function shown(nodes: ReactNode[]): { text: string; marked: string[] } {
  let text = '';
  const marked: string[] = [];
  for (const n of nodes) {
    if (typeof n === 'string') text += n;
    else if (isValidElement<{ children: string }>(n)) {
      expect(n.type).toBe('mark');
      text += n.props.children;
      marked.push(n.props.children);
    }
  }
  return { text, marked };
}

describe('highlighting', () => {
  it('marks the words the search matched, with their particles, and shows the snippet unchanged', () => {
    const snippet = '로동자들은 새벽부터 일터로 나갔다. 노동의 값은 낮았다.';
    const { terms, prefix } = analyzeQuery('노동');
    const ranges = matchRanges(snippet, terms, prefix);
    const { text, marked } = shown(highlightRanges(snippet, ranges));
    expect(text).toBe(snippet);
    expect(marked.length).toBe(2);
    expect(marked[0]!.startsWith('로동')).toBe(true);
    expect(marked[1]!.startsWith('노동')).toBe(true);
  });

  it('merges overlapping and touching ranges, drops empty ones and clips what falls outside', () => {
    expect(mergeRanges(10, [[5, 8], [0, 2], [1, 3], [3, 4], [7, 7], [9, 40], [-5, 0]])).toEqual([[0, 4], [5, 8], [9, 10]]);
    expect(mergeRanges(0, [[0, 3]])).toEqual([]);
  });

  it('never loses, repeats or reorders a character, whatever ranges it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.tuple(fc.integer({ min: -5, max: 50 }), fc.integer({ min: -5, max: 50 })), { maxLength: 8 }), (text, ranges) => {
        const { text: out, marked } = shown(highlightRanges(text, ranges));
        expect(out).toBe(text);
        const merged = mergeRanges(text.length, ranges);
        expect(marked).toEqual(merged.map(([s, e]) => text.slice(s, e)));
        for (let i = 1; i < merged.length; i++) expect(merged[i]![0]).toBeGreaterThan(merged[i - 1]![1]);
      }),
    );
  });
});
