// The term dictionary of a segment: every term in sorted order (JavaScript string order) with the
// number of chunks it occurs in and where its chunk list lies in the postings file. Terms are
// written in blocks of 64, each term as what it shares with the one before plus the rest (front
// coding); only the first term of each block is held in memory, so a lookup reads one block. The
// block index sits at the end of the file, found through its last 8 bytes.
import { ByteReader, ByteWriter, MalformedBytes, readF64 } from './bytes.js';
import type { Blob, BlobSink } from './blob.js';

const TERMS_PER_BLOCK = 64;
const MAX_TERM_UNITS = 1024;
/** Blocks a range completion (초성) reads at most: those holding the range's most frequent terms. */
const COMPLETE_RANGE_BLOCKS = 48;

/**
 * Words by their ending: after the terms, a dictionary holds every all-Hangul term of three
 * syllables or more once more, written backwards behind U+FFFF (a noncharacter no analysed term
 * holds), with the term's df and no postings of its own. Completing a word's ending backwards lists
 * the longer words that end in it — the compounds whose last part it is (바다: 앞바다, 학교: 소학교).
 */
export const ENDING = '\uffff';

/** The ending key of `term`, or undefined when it has none (not all Hangul, or under 3 syllables). */
export function endingKeyOf(term: string): string | undefined {
  if (term.length < 3) return undefined;
  let key = ENDING;
  for (let i = term.length - 1; i >= 0; i--) {
    const c = term.charCodeAt(i);
    if (c < 0xac00 || c > 0xd7a3) return undefined;
    key += term[i];
  }
  return key;
}

/** The term an ending key was made of. */
export function termOfEndingKey(key: string): string {
  let term = '';
  for (let i = key.length - 1; i >= 1; i--) term += key[i];
  return term;
}

export interface TermEntry {
  term: string;
  df: number;
  offset: number;
  length: number;
}

export class DictionaryWriter {
  private readonly block = new ByteWriter(8192);
  private readonly index = new ByteWriter(8192);
  private blocks = 0;
  private inBlock = 0;
  private blockStart = 0;
  private blockFirst = '';
  private blockMaxDf = 0;
  private prev = '';
  private written = 0;
  private offsetEnd = 0;
  /** The ending keys of the terms added, with their df, written after them by `end`. */
  private endings: [string, number][] = [];
  terms = 0;

  constructor(private readonly sink: BlobSink) {}

  /**
   * Terms must come in strictly rising order, their postings one after another (ending keys are
   * made here: a term may not start with ENDING).
   */
  add(term: string, df: number, offset: number, length: number): void {
    if (term.startsWith(ENDING)) throw new Error('changmun: a term starts with the ending mark');
    const key = endingKeyOf(term);
    if (key !== undefined) this.endings.push([key, df]);
    this.offsetEnd = offset + length;
    this.put(term, df, offset, length);
  }

  private put(term: string, df: number, offset: number, length: number): void {
    if (this.terms > 0 && !(term > this.prev)) throw new Error(`changmun: dictionary terms out of order (${this.prev} ≥ ${term})`);
    if (term.length > MAX_TERM_UNITS) throw new Error('changmun: a term is too long for the dictionary');
    if (this.inBlock === 0) {
      this.blockFirst = term;
      this.blockMaxDf = 0;
      this.block.reset();
      this.block.varint(offset);
      this.prev = '';
    }
    let shared = 0;
    const limit = Math.min(this.prev.length, term.length);
    while (shared < limit && this.prev.charCodeAt(shared) === term.charCodeAt(shared)) shared++;
    this.block.varint(shared);
    this.block.varint(term.length - shared);
    this.block.utf16(term, shared);
    this.block.varint(df);
    this.block.varint(length);
    this.prev = term;
    if (df > this.blockMaxDf) this.blockMaxDf = df;
    this.inBlock++;
    this.terms++;
    if (this.inBlock === TERMS_PER_BLOCK) this.endBlock();
  }

  private endBlock(): void {
    if (this.inBlock === 0) return;
    const bytes = this.block.view();
    this.index.string(this.blockFirst);
    this.index.varint(this.blockStart);
    this.index.varint(this.inBlock);
    this.index.varint(this.blockMaxDf);
    this.sink.append(bytes);
    this.written += bytes.length;
    this.blockStart = this.written;
    this.blocks++;
    this.inBlock = 0;
  }

  /** Writes the block index and its position; the sink is left to the caller to finish. */
  end(): void {
    const endings = this.endings.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.endings = [];
    let last = '';
    for (const [key, df] of endings) {
      // Two terms cannot reverse to one key; kept strict all the same.
      if (key === last) continue;
      this.put(key, df, this.offsetEnd, 0);
      last = key;
    }
    this.endBlock();
    const head = new ByteWriter(16);
    head.varint(this.blocks);
    head.varint(this.terms);
    this.sink.append(head.view());
    this.sink.append(this.index.view());
    const tail = new ByteWriter(8);
    tail.f64(this.written);
    this.sink.append(tail.view());
  }
}

export class DictionaryReader {
  private readonly firsts: string[] = [];
  private readonly starts: number[] = [];
  private readonly counts: number[] = [];
  private readonly maxDfs: number[] = [];
  readonly terms: number;
  private readonly indexStart: number;

  /** Reads and checks the block index; throws MalformedBytes on anything that cannot be right. */
  constructor(private readonly blob: Blob, private readonly postingsSize: number) {
    if (blob.size < 8) throw new MalformedBytes('the dictionary is too short');
    this.indexStart = readF64(blob.read(blob.size - 8, 8), 0);
    if (!Number.isInteger(this.indexStart) || this.indexStart < 0 || this.indexStart > blob.size - 8) {
      throw new MalformedBytes('the dictionary\'s block index is out of place');
    }
    const r = new ByteReader(blob.read(this.indexStart, blob.size - 8 - this.indexStart));
    const blocks = r.bounded(1 << 26);
    this.terms = r.bounded(2 ** 31);
    let total = 0;
    for (let b = 0; b < blocks; b++) {
      const first = r.string(MAX_TERM_UNITS);
      const start = r.varint();
      const count = r.bounded(TERMS_PER_BLOCK);
      const maxDf = r.varint();
      if (count === 0 || (b > 0 && !(first > this.firsts[b - 1]!)) || (b > 0 && !(start > this.starts[b - 1]!)) || start >= this.indexStart) {
        throw new MalformedBytes('the dictionary\'s block index is not in order');
      }
      if (b === 0 && start !== 0) throw new MalformedBytes('the dictionary\'s first block is out of place');
      this.firsts.push(first);
      this.starts.push(start);
      this.counts.push(count);
      this.maxDfs.push(maxDf);
      total += count;
    }
    if (!r.done || total !== this.terms) throw new MalformedBytes('the dictionary\'s block index does not add up');
  }

  /** The block that would hold `term`, or -1 when it sorts before every term. */
  private blockOf(term: string): number {
    let lo = 0;
    let hi = this.firsts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.firsts[mid]! <= term) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Decoded blocks most recently read (a query looks up the same neighbourhoods again and again). */
  private readonly decoded = new Map<number, TermEntry[]>();

  /** Every entry of block `b`, checked. */
  private readBlock(b: number): TermEntry[] {
    const hit = this.decoded.get(b);
    if (hit) return hit;
    const entries = this.decodeBlock(b);
    this.decoded.set(b, entries);
    if (this.decoded.size > 512) this.decoded.delete(this.decoded.keys().next().value!);
    return entries;
  }

  private decodeBlock(b: number): TermEntry[] {
    const start = this.starts[b]!;
    const end = b + 1 < this.starts.length ? this.starts[b + 1]! : this.indexStart;
    const r = new ByteReader(this.blob.read(start, end - start));
    let offset = r.varint();
    const out: TermEntry[] = [];
    let prev = '';
    for (let i = 0; i < this.counts[b]!; i++) {
      const shared = r.bounded(prev.length);
      const rest = r.bounded(MAX_TERM_UNITS);
      const term = prev.slice(0, shared) + r.utf16(rest);
      const df = r.varint();
      const length = r.varint();
      if ((i === 0 && term !== this.firsts[b]) || (i > 0 && !(term > prev)) || df === 0 || offset + length > this.postingsSize) {
        throw new MalformedBytes('a dictionary block does not hold what its index says');
      }
      out.push({ term, df, offset, length });
      offset += length;
      prev = term;
    }
    if (!r.done) throw new MalformedBytes('bytes left over in a dictionary block');
    return out;
  }

  lookup(term: string): TermEntry | undefined {
    const b = this.blockOf(term);
    if (b < 0) return undefined;
    for (const e of this.readBlock(b)) {
      if (e.term === term) return e;
      if (e.term > term) return undefined;
    }
    return undefined;
  }

  /**
   * Terms starting with `prefix` (a `prefix` of '' never completes), at most `max` of them, those in
   * the most chunks first. Blocks that cannot beat the ones found so far are not read.
   */
  complete(prefix: string, max: number): { term: string; df: number }[] {
    if (prefix === '' || max <= 0) return [];
    const best: { term: string; df: number }[] = [];
    const floor = () => (best.length < max ? 0 : best[best.length - 1]!.df);
    for (let b = Math.max(0, this.blockOf(prefix)); b < this.firsts.length; b++) {
      const first = this.firsts[b]!;
      if (first > prefix && !first.startsWith(prefix)) break;
      if (this.maxDfs[b]! <= floor() && b !== Math.max(0, this.blockOf(prefix))) continue;
      for (const e of this.readBlock(b)) {
        if (!e.term.startsWith(prefix)) {
          if (e.term > prefix) break;
          continue;
        }
        if (best.length >= max && e.df <= floor()) continue;
        best.push({ term: e.term, df: e.df });
        best.sort((x, y) => y.df - x.df || (x.term < y.term ? -1 : 1));
        if (best.length > max) best.pop();
      }
    }
    return best;
  }

  /**
   * The `max` most frequent terms in [from, to) that `accept` takes (초성: every term whose first
   * syllable has that initial consonant is in one such range). Blocks whose most frequent term
   * could not make the list are never read.
   */
  completeRange(from: string, to: string, max: number, accept: (term: string) => boolean, blocks = COMPLETE_RANGE_BLOCKS): { term: string; df: number }[] {
    if (max <= 0 || from >= to) return [];
    const best: { term: string; df: number }[] = [];
    const floor = () => (best.length < max ? 0 : best[best.length - 1]!.df);
    const start = Math.max(0, this.blockOf(from));
    // The range's blocks, the one with the most frequent term first, at most `blocks` of them: a
    // range is a nineteenth of the vocabulary, and the frequent words are what is asked for.
    const order: number[] = [];
    for (let b = start; b < this.firsts.length && (b === start || this.firsts[b]! < to); b++) order.push(b);
    order.sort((x, y) => this.maxDfs[y]! - this.maxDfs[x]!);
    for (const b of order.slice(0, blocks)) {
      if (this.maxDfs[b]! <= floor()) break;
      for (const e of this.readBlock(b)) {
        if (e.term < from) continue;
        if (e.term >= to) break;
        if ((best.length >= max && e.df <= floor()) || !accept(e.term)) continue;
        best.push({ term: e.term, df: e.df });
        best.sort((x, y) => y.df - x.df || (x.term < y.term ? -1 : 1));
        if (best.length > max) best.pop();
      }
    }
    return best;
  }

  /** The `n` terms in the most chunks (read from the blocks whose most frequent term is highest). */
  frequent(n: number): { term: string; df: number }[] {
    const order = this.maxDfs.map((df, b) => [df, b] as const).sort((x, y) => y[0] - x[0]).slice(0, n);
    const found: { term: string; df: number }[] = [];
    for (const [, b] of order) for (const e of this.readBlock(b)) if (!e.term.startsWith(ENDING)) found.push({ term: e.term, df: e.df });
    return found.sort((x, y) => y.df - x.df || (x.term < y.term ? -1 : 1)).slice(0, n);
  }

  /** Every term's entry in order (for merging segments; the ending keys are made anew). */
  *entries(): Generator<TermEntry> {
    for (let b = 0; b < this.firsts.length; b++) {
      if (this.firsts[b]!.startsWith(ENDING)) return;
      for (const e of this.readBlock(b)) {
        if (e.term.startsWith(ENDING)) return;
        yield e;
      }
    }
  }

  /**
   * The terms of three syllables or more that end in `suffix` (all Hangul) and are longer than it,
   * at most `max`, those in the most chunks first.
   */
  endingIn(suffix: string, max: number): { term: string; df: number }[] {
    let key = ENDING;
    for (let i = suffix.length - 1; i >= 0; i--) key += suffix[i];
    return this.complete(key, max + 1)
      .filter((e) => e.term !== key)
      .slice(0, max)
      .map((e) => ({ term: termOfEndingKey(e.term), df: e.df }));
  }
}
