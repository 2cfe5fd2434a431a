// The chunks a term occurs in, kept as four lists by how often it occurs there (bucket 0: five times
// or more, 1: three or four, 2: twice, 3: once), each in chunk order. Read one after another they give
// the term's chunks densest first — the rank that scoring uses. On disk: a byte with one bit per
// non-empty bucket, the sizes of those buckets but the last (the term's chunk count in the
// dictionary gives it), then each bucket's chunk ids as gaps (varints).
import { ByteReader, ByteWriter, MalformedBytes } from './bytes.js';

export const BUCKETS = 4;

/** The bucket of a term that occurs `n` times in a chunk: denser is lower. */
export function bucketOf(n: number): number {
  return n >= 5 ? 0 : n >= 3 ? 1 : n === 2 ? 2 : 3;
}

export function encodePostings(w: ByteWriter, buckets: readonly ArrayLike<number>[]): void {
  let mask = 0;
  for (let b = 0; b < BUCKETS; b++) if ((buckets[b]?.length ?? 0) > 0) mask |= 1 << b;
  w.varint(mask);
  let lastNonEmpty = -1;
  for (let b = 0; b < BUCKETS; b++) if (mask & (1 << b)) lastNonEmpty = b;
  for (let b = 0; b < lastNonEmpty; b++) if (mask & (1 << b)) w.varint(buckets[b]!.length);
  for (let b = 0; b < BUCKETS; b++) {
    const ids = buckets[b];
    if (!ids || ids.length === 0) continue;
    let prev = -1;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      w.varint(id - prev - 1);
      prev = id;
    }
  }
}

/**
 * The chunk ids of a term in rank order (densest first, chunk order within a density), checked:
 * `df` ids in all, each below `chunkCount`, rising within each bucket.
 */
export function decodePostings(bytes: Uint8Array, df: number, chunkCount: number, into?: Uint32Array): Uint32Array {
  const r = new ByteReader(bytes);
  const out = into && into.length === df ? into : new Uint32Array(df);
  const sizes = bucketSizes(r, df);
  // The gaps, decoded inline (a common word has hundreds of thousands): a gap is below 2^28 in
  // practice; a longer one, or one that runs past the end, is damage.
  let pos = r.pos;
  const end = bytes.length;
  let n = 0;
  for (let b = 0; b < BUCKETS; b++) {
    let prev = -1;
    for (let i = 0; i < sizes[b]!; i++) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        if (pos >= end || shift > 21) throw new MalformedBytes('a chunk gap runs past the end or is too long');
        byte = bytes[pos++]!;
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      const id = prev + 1 + gap;
      if (id >= chunkCount) throw new MalformedBytes(`a chunk number (${id}) is past the segment's ${chunkCount}`);
      out[n++] = id;
      prev = id;
    }
  }
  if (pos !== end) throw new MalformedBytes('bytes left over after a term\'s chunks');
  return out;
}

/**
 * Room for the numbers one query works with (postings, unions, candidates), taken in turn and given
 * back all at once when the next query starts: a common word's list is a few hundred kilobytes, and
 * allocating it anew each time keeps the garbage collector busy on other cores.
 */
export class Uint32Arena {
  private buffer = new Uint32Array(1 << 14);
  private used = 0;

  take(n: number): Uint32Array {
    if (this.used + n > this.buffer.length) {
      // Earlier views keep the old buffer alive until the next query; the new one is kept after that.
      this.buffer = new Uint32Array(Math.max(this.buffer.length * 2, n * 2));
      this.used = 0;
    }
    const out = this.buffer.subarray(this.used, this.used + n);
    this.used += n;
    return out;
  }

  reset(): void {
    this.used = 0;
  }
}

/** The four buckets apart (merging segments re-numbers and joins them bucket by bucket). */
export function decodeBuckets(bytes: Uint8Array, df: number, chunkCount: number): Uint32Array[] {
  const all = decodePostings(bytes, df, chunkCount);
  const sizes = bucketSizes(new ByteReader(bytes), df);
  const out: Uint32Array[] = [];
  let at = 0;
  for (let b = 0; b < BUCKETS; b++) {
    out.push(all.subarray(at, at + sizes[b]!));
    at += sizes[b]!;
  }
  return out;
}

function bucketSizes(r: ByteReader, df: number): number[] {
  const mask = r.bounded(15);
  if ((mask === 0) !== (df === 0)) throw new MalformedBytes('a term\'s chunk lists do not match its count');
  let lastNonEmpty = -1;
  for (let b = 0; b < BUCKETS; b++) if (mask & (1 << b)) lastNonEmpty = b;
  const sizes = [0, 0, 0, 0];
  let sum = 0;
  for (let b = 0; b < lastNonEmpty; b++) {
    if (mask & (1 << b)) {
      const n = r.bounded(df);
      if (n === 0) throw new MalformedBytes('an empty chunk list is marked as used');
      sizes[b] = n;
      sum += n;
    }
  }
  if (lastNonEmpty >= 0) {
    if (sum >= df) throw new MalformedBytes('a term\'s chunk lists add up to more than its count');
    sizes[lastNonEmpty] = df - sum;
  }
  return sizes;
}
