// A segment: the chunks of one indexing pass, searchable by term. On disk it is a dictionary, a
// postings file and one or more parts (chunk tables and text), described by `seg-<id>.json`; while
// files are being read it is a MemoryRun, searchable the same way. Runs are written out when they
// hold enough text (so building never holds the whole library in memory) and merged into one
// segment at the end of the pass.
import { ByteWriter, MalformedBytes } from './bytes.js';
import { DictionaryReader, DictionaryWriter, endingKeyOf, type TermEntry } from './dictionary.js';
import { IndexDamagedError } from './damage.js';
import { BUCKETS, bucketOf, decodeBuckets, decodePostings, encodePostings, type Uint32Arena } from './postings.js';
import { PartReader, PartWriter, type ChunkPlace, type PartMeta } from './part.js';
import type { Blob, IndexStorage, Seal } from './blob.js';
import type { ChunkTerms } from '../../types.js';

export const SEGMENT_FORMAT = 1;

/** What every segment answers, on disk or in memory. Chunk numbers are the segment's own. */
export interface SearchSegment {
  readonly id: string;
  readonly chunkCount: number;
  /** Paths of the items whose chunks the segment holds; `itemIndexOf` points into it. */
  readonly itemPaths: readonly string[];
  /** Chunks holding an (analysed) term, densest first (in room taken from `arena` when given). */
  postings(term: string, arena?: Uint32Arena): Uint32Array;
  /** Chunks holding the term (its df), without reading the list. */
  frequency(term: string): number;
  complete(prefix: string, max: number): { term: string; df: number }[];
  /** The `max` most frequent terms in [from, to) that `accept` takes. */
  completeRange(from: string, to: string, max: number, accept: (term: string) => boolean): { term: string; df: number }[];
  /** The `n` terms in the most chunks. */
  frequent(n: number): { term: string; df: number }[];
  /** The `max` most frequent all-Hangul terms longer than `suffix` that end in it (dictionary.ts, ENDING). */
  endingIn(suffix: string, max: number): { term: string; df: number }[];
  itemIndexOf(chunk: number): number;
  /** Every chunk's item number at once (what itemIndexOf reads), for loops over many chunks. */
  readonly chunkItems: ArrayLike<number>;
  textOf(chunk: number): string;
  placeOf(chunk: number): ChunkPlace;
  close(): void;
}

const EMPTY = new Uint32Array(0);
/** Lists at least this long are kept decoded (shorter ones decode in well under a millisecond). */
const FREQUENT_LIST = 8192;
/** What a segment may keep of them. */
const FREQUENT_LISTS_BYTES = 12 * 1024 * 1024;

// ---- In memory, while indexing -------------------------------------------------------------

export interface RunChunk {
  text: string;
  terms: ChunkTerms;
  place: ChunkPlace;
}

export class MemoryRun implements SearchSegment {
  /** Per term, its chunks as `chunk * 4 + bucket`, chunks rising. */
  private readonly terms = new Map<string, number[]>();
  private readonly itemOf: number[] = [];
  private readonly texts: string[] = [];
  private readonly places: ChunkPlace[] = [];
  readonly itemPaths: string[] = [];
  textChars = 0;

  constructor(readonly id: string) {}

  get chunkCount(): number {
    return this.itemOf.length;
  }

  get chunkItems(): ArrayLike<number> {
    return this.itemOf;
  }

  /** A file's term table, resolved to this run's lists once (its chunks share the table). */
  private readonly resolved = new WeakMap<string[], (number[] | undefined)[]>();

  addItem(path: string, chunks: RunChunk[]): void {
    const item = this.itemPaths.push(path) - 1;
    for (const c of chunks) {
      const id = this.itemOf.length;
      this.itemOf.push(item);
      this.texts.push(c.text);
      this.places.push(c.place);
      this.textChars += c.text.length;
      const { table, pairs } = c.terms;
      let lists = this.resolved.get(table);
      if (!lists) this.resolved.set(table, (lists = new Array(table.length)));
      for (let k = 0; k < pairs.length; k += 2) {
        const ti = pairs[k]!;
        let list = lists[ti];
        if (!list) {
          const t = table[ti]!;
          list = this.terms.get(t);
          if (!list) this.terms.set(t, (list = []));
          lists[ti] = list;
        }
        list.push(id * 4 + bucketOf(pairs[k + 1]!));
      }
    }
  }

  postings(term: string, arena?: Uint32Arena): Uint32Array {
    const list = this.terms.get(term);
    if (!list) return EMPTY;
    const out = arena ? arena.take(list.length) : new Uint32Array(list.length);
    let n = 0;
    for (let b = 0; b < BUCKETS; b++) for (const p of list) if ((p & 3) === b) out[n++] = p >>> 2;
    return out;
  }

  frequency(term: string): number {
    return this.terms.get(term)?.length ?? 0;
  }

  complete(prefix: string, max: number): { term: string; df: number }[] {
    if (prefix === '') return [];
    const found: { term: string; df: number }[] = [];
    for (const [term, list] of this.terms) if (term.startsWith(prefix)) found.push({ term, df: list.length });
    return found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1)).slice(0, max);
  }

  completeRange(from: string, to: string, max: number, accept: (term: string) => boolean): { term: string; df: number }[] {
    const found: { term: string; df: number }[] = [];
    for (const [term, list] of this.terms) if (term >= from && term < to && accept(term)) found.push({ term, df: list.length });
    return found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1)).slice(0, max);
  }

  endingIn(suffix: string, max: number): { term: string; df: number }[] {
    const found: { term: string; df: number }[] = [];
    for (const [term, list] of this.terms) {
      if (term.length > suffix.length && term.endsWith(suffix) && endingKeyOf(term) !== undefined) found.push({ term, df: list.length });
    }
    return found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1)).slice(0, max);
  }

  itemIndexOf(chunk: number): number {
    return this.itemOf[chunk]!;
  }

  frequent(n: number): { term: string; df: number }[] {
    return [...this.terms].map(([term, list]) => ({ term, df: list.length })).sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1)).slice(0, n);
  }

  textOf(chunk: number): string {
    return this.texts[chunk] ?? '';
  }

  placeOf(chunk: number): ChunkPlace {
    return this.places[chunk]!;
  }

  close(): void {}

  /** Writes the run as run-<id>.dict/.post and its part; returns what a DiskSegment needs. */
  async write(storage: IndexStorage, name: string): Promise<WrittenRun> {
    const sorted = [...this.terms.keys()].sort();
    const postSink = await storage.create(`${name}.post`);
    const dictSink = await storage.create(`${name}.dict`);
    const dict = new DictionaryWriter(dictSink);
    const w = new ByteWriter(1 << 16);
    const buckets: number[][] = [[], [], [], []];
    let offset = 0;
    for (const term of sorted) {
      const list = this.terms.get(term)!;
      for (const b of buckets) b.length = 0;
      for (const p of list) buckets[p & 3]!.push(p >>> 2);
      const before = w.length;
      encodePostings(w, buckets);
      dict.add(term, list.length, offset, w.length - before);
      offset += w.length - before;
      if (w.length > 1 << 20) {
        postSink.append(w.view());
        w.reset();
      }
    }
    postSink.append(w.view());
    dict.end();
    const textSink = await storage.create(`${name}.text`);
    const chunksSink = await storage.create(`${name}.chunks`);
    const part = new PartWriter(textSink, chunksSink);
    for (const p of this.itemPaths) part.addItem(p);
    for (let i = 0; i < this.itemOf.length; i++) {
      const place = this.places[i]!;
      part.addChunk(this.itemOf[i]!, { text: this.texts[i]!, locator: place.locator, ...(place.language ? { language: place.language } : {}), ...(place.cues ? { cues: place.cues } : {}) });
    }
    const { count, items, strings } = part.end();
    const [post, dictDone, text, chunks] = [await postSink.finish(), await dictSink.finish(), await textSink.finish(), await chunksSink.finish()];
    const partMeta: PartMeta = { count, items, strings, text: text.seal, chunks: chunks.seal };
    return {
      name,
      terms: dict.terms,
      dict: { blob: dictDone.blob, seal: dictDone.seal },
      post: { blob: post.blob, seal: post.seal },
      part: { meta: partMeta, text: text.blob, chunks: chunks.blob },
    };
  }
}

export interface WrittenRun {
  name: string;
  terms: number;
  dict: { blob: Blob; seal: Seal };
  post: { blob: Blob; seal: Seal };
  part: { meta: PartMeta; text: Blob; chunks: Blob };
}

// ---- On disk -------------------------------------------------------------------------------

/** `seg-<id>.json`: what the segment's files must be. */
export interface SegmentMeta {
  format: number;
  id: string;
  chunkCount: number;
  terms: number;
  dict: Seal;
  post: Seal;
  /** Each part's files are named by the part's run: `<run>.text`, `<run>.chunks`. */
  parts: (PartMeta & { run: string })[];
}

export class DiskSegment implements SearchSegment {
  readonly chunkCount: number;
  readonly itemPaths: string[] = [];
  private readonly dict: DictionaryReader;
  private readonly partStarts: number[] = [];
  private readonly itemStarts: number[] = [];
  private readonly parts: PartReader[] = [];
  /** Each chunk's item (a number into itemPaths): 4 bytes a chunk, looked up for every hit. */
  readonly chunkItems: Uint32Array;
  /** Decoded lists of the most frequent words, least recently used dropped first. */
  private readonly frequentLists = new Map<string, Uint32Array>();
  private frequentBytes = 0;

  /** Everything is checked here or when read: damage is an IndexDamagedError naming the file. */
  constructor(
    readonly id: string,
    private readonly post: Blob,
    dictBlob: Blob,
    parts: { meta: PartMeta; text: Blob; chunks: Blob; name: string }[],
    private readonly blobs: Blob[],
    private readonly names: { dict: string; post: string },
  ) {
    this.dict = guard(names.dict, () => new DictionaryReader(dictBlob, post.size));
    let chunks = 0;
    for (const p of parts) {
      this.partStarts.push(chunks);
      this.itemStarts.push(this.itemPaths.length);
      this.parts.push(guard(p.name, () => new PartReader(p.meta, p.text, p.chunks)));
      this.itemPaths.push(...p.meta.items);
      chunks += p.meta.count;
    }
    this.chunkCount = chunks;
    this.chunkItems = new Uint32Array(chunks);
    for (let p = 0; p < this.parts.length; p++) {
      const part = this.parts[p]!;
      const at = this.partStarts[p]!;
      const items = this.itemStarts[p]!;
      for (let c = 0; c < part.count; c++) this.chunkItems[at + c] = items + part.itemIndexOf(c);
    }
  }

  static open(meta: SegmentMeta, storage: IndexStorage): DiskSegment {
    const blobs: Blob[] = [];
    const open = (name: string, seal: Seal) => {
      const b = storage.open(name, seal);
      blobs.push(b);
      return b;
    };
    try {
      const names = { dict: `seg-${meta.id}.dict`, post: `seg-${meta.id}.post` };
      const post = open(names.post, meta.post);
      const dict = open(names.dict, meta.dict);
      const parts = meta.parts.map((p) => ({ meta: p, name: `${p.run}.chunks`, text: open(`${p.run}.text`, p.text), chunks: open(`${p.run}.chunks`, p.chunks) }));
      return new DiskSegment(meta.id, post, dict, parts, blobs, names);
    } catch (e) {
      for (const b of blobs) b.close();
      throw e;
    }
  }

  /** A run just written, searchable before it is merged. */
  static ofRun(run: WrittenRun): DiskSegment {
    const { dict, post, part } = run;
    return new DiskSegment(run.name, post.blob, dict.blob, [{ ...part, name: `${run.name}.chunks` }], [dict.blob, post.blob, part.text, part.chunks], {
      dict: `${run.name}.dict`,
      post: `${run.name}.post`,
    });
  }

  private part(chunk: number): number {
    let lo = 0;
    let hi = this.partStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.partStarts[mid]! <= chunk) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  postings(term: string, arena?: Uint32Arena): Uint32Array {
    const cached = this.frequentLists.get(term);
    if (cached) {
      // Most recently used last.
      this.frequentLists.delete(term);
      this.frequentLists.set(term, cached);
      return cached;
    }
    const e = guard(this.names.dict, () => this.dict.lookup(term));
    if (!e) return EMPTY;
    if (e.df < FREQUENT_LIST) return guard(this.names.post, () => decodePostings(this.post.read(e.offset, e.length), e.df, this.chunkCount, arena?.take(e.df)));
    // A word in thousands of chunks comes back with most queries typed (노동, 노동자, 노동자들…):
    // its decoded list is kept, within a budget.
    const list = guard(this.names.post, () => decodePostings(this.post.read(e.offset, e.length), e.df, this.chunkCount));
    this.frequentLists.set(term, list);
    this.frequentBytes += list.byteLength;
    while (this.frequentBytes > FREQUENT_LISTS_BYTES && this.frequentLists.size > 1) {
      const [oldest, l] = this.frequentLists.entries().next().value as [string, Uint32Array];
      this.frequentLists.delete(oldest);
      this.frequentBytes -= l.byteLength;
    }
    return list;
  }

  frequency(term: string): number {
    return guard(this.names.dict, () => this.dict.lookup(term)?.df ?? 0);
  }

  complete(prefix: string, max: number): { term: string; df: number }[] {
    return guard(this.names.dict, () => this.dict.complete(prefix, max));
  }

  completeRange(from: string, to: string, max: number, accept: (term: string) => boolean): { term: string; df: number }[] {
    return guard(this.names.dict, () => this.dict.completeRange(from, to, max, accept));
  }

  frequent(n: number): { term: string; df: number }[] {
    return guard(this.names.dict, () => this.dict.frequent(n));
  }

  endingIn(suffix: string, max: number): { term: string; df: number }[] {
    return guard(this.names.dict, () => this.dict.endingIn(suffix, max));
  }

  itemIndexOf(chunk: number): number {
    return this.chunkItems[chunk]!;
  }

  textOf(chunk: number): string {
    const p = this.part(chunk);
    return guard(`${this.id} text`, () => this.parts[p]!.textOf(chunk - this.partStarts[p]!));
  }

  textBytesOf(chunk: number): number {
    const p = this.part(chunk);
    return this.parts[p]!.textBytesOf(chunk - this.partStarts[p]!);
  }

  placeOf(chunk: number): ChunkPlace {
    const p = this.part(chunk);
    return guard(`${this.id} chunks`, () => this.parts[p]!.placeOf(chunk - this.partStarts[p]!));
  }

  /** For merging: every term with its four buckets, chunk numbers of this segment. */
  *entries(): Generator<TermEntry> {
    const it = guard(this.names.dict, () => this.dict.entries());
    for (;;) {
      const next = guard(this.names.dict, () => it.next());
      if (next.done) return;
      yield next.value;
    }
  }

  bucketsOf(e: TermEntry): Uint32Array[] {
    return guard(this.names.post, () => decodeBuckets(this.post.read(e.offset, e.length), e.df, this.chunkCount));
  }

  close(): void {
    for (const b of this.blobs) b.close();
    this.frequentLists.clear();
  }
}

/** MalformedBytes become IndexDamagedError naming the file. */
function guard<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof MalformedBytes) throw new IndexDamagedError(file, e.message);
    throw e;
  }
}

/**
 * Merge runs written in one pass (in order: each run's chunks come after the previous run's) into
 * segment `id`: one dictionary and postings file over all of them; their parts are kept as they are.
 */
export async function mergeRuns(
  id: string,
  runs: { run: WrittenRun; segment: DiskSegment }[],
  storage: IndexStorage,
): Promise<{ meta: SegmentMeta; segment: DiskSegment; dropRuns: () => Promise<void> }> {
  const postSink = await storage.create(`seg-${id}.post`);
  const dictSink = await storage.create(`seg-${id}.dict`);
  const dict = new DictionaryWriter(dictSink);
  const w = new ByteWriter(1 << 16);
  const starts: number[] = [];
  let total = 0;
  for (const r of runs) {
    starts.push(total);
    total += r.segment.chunkCount;
  }
  // A heap of the runs' next terms: the smallest term next, ties in run order.
  const its = runs.map((r) => r.segment.entries());
  const heads: (TermEntry | undefined)[] = its.map((it) => it.next().value as TermEntry | undefined);
  const heap: number[] = [];
  const less = (a: number, b: number) => heads[a]!.term < heads[b]!.term || (heads[a]!.term === heads[b]!.term && a < b);
  const push = (i: number) => {
    heap.push(i);
    let c = heap.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!less(heap[c]!, heap[p]!)) break;
      [heap[c], heap[p]] = [heap[p]!, heap[c]!];
      c = p;
    }
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === c) break;
        [heap[c], heap[m]] = [heap[m]!, heap[c]!];
        c = m;
      }
    }
    return top;
  };
  heads.forEach((h, i) => h && push(i));
  let offset = 0;
  const merged: number[][] = [[], [], [], []];
  while (heap.length > 0) {
    const term = heads[heap[0]!]!.term;
    for (const b of merged) b.length = 0;
    let df = 0;
    while (heap.length > 0 && heads[heap[0]!]!.term === term) {
      const i = pop();
      const e = heads[i]!;
      const buckets = runs[i]!.segment.bucketsOf(e);
      for (let b = 0; b < BUCKETS; b++) for (const c of buckets[b]!) merged[b]!.push(c + starts[i]!);
      df += e.df;
      const next = its[i]!.next();
      heads[i] = next.done ? undefined : next.value;
      if (heads[i]) push(i);
    }
    // Runs are in chunk order, so each bucket is still rising.
    const before = w.length;
    encodePostings(w, merged);
    dict.add(term, df, offset, w.length - before);
    offset += w.length - before;
    if (w.length > 1 << 20) {
      postSink.append(w.view());
      w.reset();
    }
  }
  postSink.append(w.view());
  dict.end();
  const post = await postSink.finish();
  const dictDone = await dictSink.finish();
  const meta: SegmentMeta = {
    format: SEGMENT_FORMAT,
    id,
    chunkCount: total,
    terms: dict.terms,
    dict: dictDone.seal,
    post: post.seal,
    parts: runs.map((r) => ({ ...r.run.part.meta, run: r.run.name })),
  };
  const parts = runs.map((r) => ({ meta: r.run.part.meta, name: `${r.run.name}.chunks`, text: r.run.part.text, chunks: r.run.part.chunks }));
  const blobs = [post.blob, dictDone.blob, ...runs.flatMap((r) => [r.run.part.text, r.run.part.chunks])];
  const segment = new DiskSegment(id, post.blob, dictDone.blob, parts, blobs, { dict: `seg-${id}.dict`, post: `seg-${id}.post` });
  // Once the merged segment has taken the runs' place: their dictionaries and postings go (their
  // parts stay, the merged segment reads them).
  const dropRuns = async () => {
    for (const r of runs) {
      r.run.dict.blob.close();
      r.run.post.blob.close();
      await storage.remove(`${r.run.name}.dict`);
      await storage.remove(`${r.run.name}.post`);
    }
  };
  return { meta, segment, dropRuns };
}
