// A chunk's terms, worked out where the chunk was extracted (a worker of the extraction pool, in
// parallel with indexing) and handed over compactly: the distinct terms of the file once, and per
// chunk its (term, count) pairs. The indexer then does no text analysis and hashes each term once a
// file, not once a word.
import type { Chunk, ChunkTerms } from '../types.js';
import { analyze } from '../../text/analyze.js';

export function attachTerms(chunks: Chunk[]): void {
  const table: string[] = [];
  const index = new Map<string, number>();
  const counts = new Map<number, number>();
  for (const c of chunks) {
    counts.clear();
    for (const t of analyze(c.text)) {
      let i = index.get(t);
      if (i === undefined) {
        i = table.push(t) - 1;
        index.set(t, i);
      }
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const pairs = new Uint32Array(counts.size * 2);
    let k = 0;
    for (const [i, n] of counts) {
      pairs[k++] = i;
      pairs[k++] = n;
    }
    c.terms = { table, pairs };
  }
}

/** The terms of a chunk: the pairs worked out beside it, or analysed now. */
export function termsOf(chunk: Chunk): ChunkTerms {
  if (chunk.terms) return chunk.terms;
  const one: Chunk = { text: chunk.text, locator: chunk.locator };
  attachTerms([one]);
  return one.terms!;
}
