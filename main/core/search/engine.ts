// The search engine: titles and chunk text of every item, queried the same way whether the index
// was loaded from the drive (segments read in place) or is being built in memory right now (then
// answers say incomplete). A damaged index file met while answering throws IndexDamagedError: the
// caller rebuilds; no answer is ever made from bytes that are not what was written.
import type { Item, ItemBasics } from '../types.js';
import { analyze, analyzeQuery, choseongOf, choseongTerm, matchRanges, normalizeInput, phraseHolds, choseongHolds, termOfWord, type QueryAnalysis } from '../../text/analyze.js';
import { initialOfCode, isChoseongOnly, isHangulCode, isParticleInitials, syllableRangeOf, writtenOnto } from '../../text/korean.js';
import { SURNAMES } from '../../text/lists/surnames.js';
import { NOT_COMPOUND_WORDS } from '../../text/lists/not-compounds.js';
import { TitleIndex } from './title-index.js';
import { MemoryRun, type SearchSegment } from './store/segment.js';
import { Uint32Arena } from './store/postings.js';
import { cutSnippet } from '../../text/snippet.js';
import { termsOf } from './chunk-terms.js';
import { verbFormTerms } from '../../text/word-forms.js';

/** One word of a query: its own term(s), and other forms of it that match more loosely. */
interface QueryGroup {
  exact: string[];
  loose: string[];
}

/** A query, analysed and planned: a group of terms per word. */
interface QueryPlan {
  qa: QueryAnalysis;
  plan: QueryGroup[];
  /** Each group's terms, exact then loose. */
  groups: string[][];
  /** Bits of the groups that have loose forms. */
  looseMask: number;
  /** Every term to highlight. */
  terms: string[];
  /** Every group's bit. */
  full: number;
  /** 초성 queries (ㅈㄱㅈ), one per typed word: a chunk must have a written word each starts. */
  choseong?: string[];
}
import type { SearchHit, SearchOptions, SearchResponse, SearchResultItem } from './types.js';

/** What the engine keeps of an item: everything but its chunks. */
export type IndexedItem = Pick<ItemBasics, 'path' | 'type' | 'title' | 'language' | 'languages' | 'authors' | 'collections'>;

interface EngineItem extends IndexedItem {
  seq: number;
  /** The segment that holds this item's current chunks (older segments may hold stale ones). */
  shard?: string;
  titleTerms: string[];
  /** Title terms and author terms: what the title index holds for the item. */
  indexedTerms: string[];
  titleNorm: string;
  titleChoseong: string;
}

/** Completions of the word being typed that take part in a query, most frequent first. */
const MAX_COMPLETIONS = 12;

/** Words a 초성 query reads the postings of (the most frequent first). */
const MAX_CHOSEONG_WORDS = 16;
/** Chunks a 초성 query reads at most to see a short word's particle (choseongWords). */
const CHOSEONG_READ = 200;

/** A 초성 query word's words of the text: those its initials start, and those a particle short. */
interface ChoseongWords {
  direct: string[];
  short: string[];
}
const MAX_GROUPS = 16;
/** Words ending in a given name read to find its full names (fullNames). */
const MAX_NAME_ENDINGS = 48;
const SURNAME_SET = new Set(SURNAMES);
/** Compounds a noun brings in at most (compoundsOf). */
const MAX_COMPOUNDS = 12;
/**
 * A subtitle hit's own cue is found by reading its chunk: done for the first hits of each item
 * shown; later ones point at their ~30 s window until the reader asks (it finds the line itself).
 */
const CUE_LOOKUPS_PER_ITEM = 50;

/** What one segment matched for a query: its chunks, and per item a count, a best score, a best cover. */
interface SegmentHits {
  segment: SearchSegment;
  /** Matching chunks of accepted, live items. */
  chunks: Uint32Array;
  partial: boolean;
  /** The words (bits) a chunk holds. */
  maskOf: (chunk: number) => number;
  /** Items with at least one such chunk, and their numbers in the segment. */
  items: EngineItem[];
  itemIdx: number[];
  acc: ItemScratch;
}

interface Ranked {
  item: EngineItem;
  /** 0: exact title, 1: title prefix, 2: title words, 3: text, 4: text only through other forms. */
  tier: number;
  coverage: number;
  score: number;
  hits: SegmentHits | undefined;
  /** The item's number in `hits.segment`. */
  idx: number;
}

/** Per-item counters of one segment for one query (stamped, so never cleared). */
class ItemScratch {
  stamp: Uint32Array;
  ok: Uint8Array;
  count: Uint32Array;
  best: Float64Array;
  bestMask: Uint8Array;
  /** 1 when some chunk of the item matched every word as typed (not only by another form). */
  exact: Uint8Array;
  /** Where an item's chunks go on the page being made (-1: not shown). */
  slot: Int32Array;
  epoch = 0;
  constructor(n: number) {
    this.slot = new Int32Array(n).fill(-1);
    this.stamp = new Uint32Array(n);
    this.ok = new Uint8Array(n);
    this.count = new Uint32Array(n);
    this.best = new Float64Array(n);
    this.bestMask = new Uint8Array(n);
    this.exact = new Uint8Array(n);
  }
  next(): number {
    if (++this.epoch >= 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }
}

/** Per-segment scratch arrays for one query at a time, cleared by moving the epoch on. */
class Scratch {
  mark: Uint32Array;
  score: Float64Array;
  mask: Uint32Array;
  /** Candidate chunks of a query. */
  cand: Uint32Array;
  /** Which words' own terms a chunk holds (see SearchEngine.exactness). */
  exStamp: Uint32Array;
  exBits: Uint32Array;
  /** Postings, unions and kept chunks of the query running now. */
  readonly arena = new Uint32Arena();
  epoch = 0;
  constructor(n: number) {
    this.mark = new Uint32Array(n);
    this.score = new Float64Array(n);
    this.mask = new Uint32Array(n);
    this.cand = new Uint32Array(n);
    this.exStamp = new Uint32Array(n);
    this.exBits = new Uint32Array(n);
  }
  /** A fresh base: marks below it are old. Values base+0…base+31 belong to this query. */
  next(): number {
    this.epoch++;
    if (this.epoch * 32 + 32 >= 0xffffffff) {
      this.mark.fill(0);
      this.epoch = 1;
    }
    return this.epoch * 32;
  }
}

export function toIndexedItem(item: Item): IndexedItem {
  const { path, type, title, language, languages, authors, collections } = item;
  return { path, type, title, language, languages, authors, collections };
}

export class SearchEngine {
  private readonly items = new Map<string, EngineItem>();
  private readonly bySeq = new Map<number, EngineItem>();
  private readonly titles = new TitleIndex();
  private segments: SearchSegment[] = [];
  private nextSeq = 0;
  private readonly scratch = new WeakMap<SearchSegment, Scratch>();
  private readonly itemScratch = new WeakMap<SearchSegment, ItemScratch>();
  /** Bumped whenever an item is put, removed or moved: the per-segment item lookups are then stale. */
  private itemsVersion = 0;
  private readonly liveItems = new WeakMap<SearchSegment, { version: number; items: (EngineItem | null | undefined)[] }>();
  /** Other forms of typed words, per word; forgotten when the segments change. */
  private readonly formsMemo = new Map<string, string[]>();
  private readonly choseongMemo = new Map<string, ChoseongWords>();
  private formsVersion = 0;
  /** False while segments are still loading or files are still being indexed. */
  complete = true;

  get itemCount(): number {
    return this.items.size;
  }

  get shardIds(): string[] {
    return this.segments.map((s) => s.id);
  }

  get segmentList(): readonly SearchSegment[] {
    return this.segments;
  }

  /** Register (or replace) an item; `shard` names the segment holding its chunks. */
  putItem(meta: IndexedItem, shard?: string): void {
    this.removeItem(meta.path);
    const seq = this.nextSeq++;
    const titleTerms = analyze(`${meta.title}`);
    const indexedTerms = [...new Set([...titleTerms, ...(meta.authors ?? []).flatMap((a) => analyze(a))])];
    const item: EngineItem = {
      ...meta,
      seq,
      shard,
      titleTerms,
      indexedTerms,
      titleNorm: normalizeInput(meta.title).replace(/\s+/g, ' ').trim(),
      titleChoseong: choseongOf(meta.title),
    };
    this.items.set(meta.path, item);
    this.bySeq.set(seq, item);
    this.titles.add(seq, indexedTerms);
    this.itemsVersion++;
  }

  removeItem(path: string): void {
    const old = this.items.get(path);
    if (!old) return;
    this.items.delete(path);
    this.bySeq.delete(old.seq);
    this.titles.remove(old.seq, old.indexedTerms);
    this.itemsVersion++;
  }

  hasItem(path: string): boolean {
    return this.items.has(path);
  }

  /** Attach a segment. Its items must be registered with `putItem(meta, segment.id)`. */
  addSegment(segment: SearchSegment): void {
    this.segments.push(segment);
    this.formsVersion++;
  }

  /** Put `segment` where the segments named `ids` were (a merge of runs); returns the ones replaced. */
  replaceSegments(ids: readonly string[], segment: SearchSegment): SearchSegment[] {
    const gone = this.segments.filter((s) => ids.includes(s.id));
    const at = this.segments.findIndex((s) => ids.includes(s.id));
    this.segments = this.segments.filter((s) => !ids.includes(s.id));
    this.segments.splice(at < 0 ? this.segments.length : at, 0, segment);
    this.formsVersion++;
    return gone;
  }

  /** Items whose chunks were in the segments `from` now have them in segment `to` (a merge). */
  reassign(from: readonly string[], to: string): void {
    for (const item of this.items.values()) if (item.shard !== undefined && from.includes(item.shard)) item.shard = to;
    this.itemsVersion++;
  }

  removeSegment(segment: SearchSegment): void {
    this.segments = this.segments.filter((s) => s !== segment);
  }

  /**
   * Index these items' chunks in memory, in the segment `segmentId` (made, or grown while it is a
   * run being built), and make it their live one.
   */
  indexItems(segmentId: string, items: Item[]): MemoryRun {
    let run = this.segments.find((s) => s.id === segmentId);
    if (!(run instanceof MemoryRun)) {
      if (run) throw new Error(`changmun: segment ${segmentId} is already written`);
      run = new MemoryRun(segmentId);
      this.segments.push(run);
    }
    const memory = run as MemoryRun;
    for (const item of items) {
      memory.addItem(
        item.path,
        item.chunks.map((c) => ({
          text: c.text,
          terms: termsOf(c),
          place: { locator: c.locator, ...(c.language ? { language: c.language } : {}), ...(c.cues ? { cues: c.cues } : {}) },
        })),
      );
    }
    for (const item of items) this.putItem(toIndexedItem(item), segmentId);
    return memory;
  }

  close(): void {
    for (const s of this.segments) s.close();
  }

  /** Terms starting with `prefix` over every segment, the most frequent first. */
  completions(prefix: string, max: number): string[] {
    if (this.segments.length === 1) return this.segments[0]!.complete(prefix, max).map((c) => c.term);
    const df = new Map<string, number>();
    for (const s of this.segments) for (const c of s.complete(prefix, max)) df.set(c.term, (df.get(c.term) ?? 0) + c.df);
    return [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max).map(([t]) => t);
  }

  /** Chunks of every segment holding the term. */
  frequency(term: string): number {
    return this.segments.reduce((n, s) => n + s.frequency(term), 0);
  }

  private scratchOf(segment: SearchSegment): Scratch {
    let s = this.scratch.get(segment);
    if (!s || s.mark.length < segment.chunkCount) {
      s = new Scratch(Math.max(segment.chunkCount, 1024));
      this.scratch.set(segment, s);
    }
    return s;
  }

  private itemScratchOf(segment: SearchSegment): ItemScratch {
    let s = this.itemScratch.get(segment);
    if (!s || s.stamp.length < segment.itemPaths.length) {
      s = new ItemScratch(Math.max(segment.itemPaths.length, 64));
      this.itemScratch.set(segment, s);
    }
    return s;
  }

  /** The item whose current chunks are in `segment` at item number `idx`, or null (stale or gone). */
  private liveItemsOf(segment: SearchSegment): (EngineItem | null | undefined)[] {
    let c = this.liveItems.get(segment);
    if (!c || c.version !== this.itemsVersion) {
      c = { version: this.itemsVersion, items: new Array(segment.itemPaths.length) };
      this.liveItems.set(segment, c);
    }
    return c.items;
  }

  /**
   * The chunks among `candidates` (the first `n`) whose item is live in this segment and accepted by
   * the filters, counted per item. Scores: `scores[chunk]`, or for one word the chunk's rank in its
   * list (`candidates` is then that list, densest first).
   */
  private collect(
    segment: SearchSegment,
    candidates: ArrayLike<number>,
    n: number,
    accept: (item: EngineItem) => boolean,
    scores: Float64Array | undefined,
    masks: Uint32Array | undefined,
    full: number,
    isExact?: (chunk: number) => boolean,
  ): SegmentHits | undefined {
    const acc = this.itemScratchOf(segment);
    const e = acc.next();
    const live = this.liveItemsOf(segment);
    const chunkItems = segment.chunkItems;
    const { stamp, ok, count, best, bestMask, exact } = acc;
    const items: EngineItem[] = [];
    const itemIdx: number[] = [];
    const chunks = this.scratchOf(segment).arena.take(n);
    let kept = 0;
    const fullBits = popcount(full);
    for (let i = 0; i < n; i++) {
      const id = candidates[i]!;
      const idx = chunkItems[id]!;
      if (stamp[idx] !== e) {
        stamp[idx] = e;
        let item = live[idx];
        if (item === undefined) {
          const found = this.items.get(segment.itemPaths[idx]!);
          item = found !== undefined && found.shard === segment.id ? found : null;
          live[idx] = item;
        }
        const yes = item !== null && accept(item);
        ok[idx] = yes ? 1 : 0;
        count[idx] = 0;
        best[idx] = -1;
        bestMask[idx] = 0;
        exact[idx] = isExact ? 0 : 1;
        if (yes) {
          items.push(item!);
          itemIdx.push(idx);
        }
      }
      if (ok[idx] === 0) continue;
      chunks[kept++] = id;
      count[idx]!++;
      const sc = scores ? scores[id]! : 1 - (0.5 * i) / n;
      if (sc > best[idx]!) best[idx] = sc;
      const pc = masks ? popcount(masks[id]!) : fullBits;
      if (pc > bestMask[idx]!) bestMask[idx] = pc;
      if (isExact && exact[idx] === 0 && isExact(id)) exact[idx] = 1;
    }
    return items.length > 0 ? { segment, chunks: chunks.subarray(0, kept), partial: masks !== undefined, maskOf: masks ? (c) => masks[c]! : () => full, items, itemIdx, acc } : undefined;
  }

  /** Other forms of a typed word the library holds (remembered per word while nothing changes). */
  private formsOf(word: string, term: string, df: (t: string) => number): string[] {
    // While files are still being indexed the vocabulary grows under the memo: not kept then.
    const complete = (prefix: string, max: number) => this.completions(prefix, max);
    if (!this.complete) return verbFormTerms(word, df, term, complete);
    const key = `${this.formsVersion}\u0000${word}`;
    let forms = this.formsMemo.get(key);
    if (!forms) {
      forms = verbFormTerms(word, df, term, complete);
      if (this.formsMemo.size > 2000) this.formsMemo.clear();
      this.formsMemo.set(key, forms);
    }
    return forms;
  }

  /**
   * A Korean word the library never holds as one (df 0) but holds as two words side by side — a
   * full name typed as one word (김첨지, 허생원 for 김 첨지, 허 생원), a phrase typed without its
   * space — as those two words, or undefined. A family name and the rest first; else the split
   * whose rarer part is most common.
   */
  private splitWord(word: string, term: string, df: (t: string) => number): [string, string] | undefined {
    if (word.length < 3 || df(term) > 0) return undefined;
    for (let i = 0; i < word.length; i++) if (!isHangulCode(word.charCodeAt(i))) return undefined;
    // A family name and the rest first: 조선달 is 조 선달 (a title), not 조선 달.
    const rest = word.slice(1);
    if (SURNAMES.includes(word[0]!) && df(word[0]!) > 0 && df(termOfWord(rest) ?? rest) > 0) return [word[0]!, rest];
    let best: [string, string] | undefined;
    let bestDf = 0;
    for (let cut = 1; cut < word.length; cut++) {
      const left = word.slice(0, cut);
      const right = word.slice(cut);
      const d = Math.min(df(termOfWord(left) ?? left), df(termOfWord(right) ?? right));
      if (d > bestDf) [best, bestDf] = [[left, right], d];
    }
    return best;
  }

  /**
   * The words of the text whose initial consonants start with `letters` (ㅈㄱㅈ: 정거장, 중국집), the
   * most frequent first (`direct`), and the words one particle short of them (`short`: 독립군 for
   * ㄷㄹㄱㅇ, typed as 독립군이 is written; a chunk of theirs counts only when its text has the word
   * so written). Read from the one stretch of the vocabulary whose first syllable has the first
   * letter, over every segment.
   */
  choseongWords(letters: string, max: number): ChoseongWords {
    const key = `${this.formsVersion}\u0001${letters}\u0001${max}`;
    const known = this.complete ? this.choseongMemo.get(key) : undefined;
    if (known) return known;
    const words = this.choseongWordsRead(letters, max);
    if (this.complete) {
      if (this.choseongMemo.size > 500) this.choseongMemo.clear();
      this.choseongMemo.set(key, words);
    }
    return words;
  }

  private choseongWordsRead(letters: string, max: number): ChoseongWords {
    const range = syllableRangeOf(letters[0]!);
    if (!range) return { direct: [], short: [] };
    // A word whose initials are the query's, less those of a particle typed after it (독립군 + 이,
    // 창룡 + 의, 어린것 + 까지): two letters of its own at least.
    const accept = (t: string) => {
      // Letter by letter, without building the term's 초성: most terms differ at the second.
      const n = Math.min(t.length, letters.length);
      for (let i = 1; i < n; i++) if (initialOfCode(t.charCodeAt(i)) !== letters[i]) return false;
      if (t.length >= letters.length) return true;
      const c = choseongOf(t);
      return c.length >= 2 && c.length === t.length && letters.startsWith(c) && isParticleInitials(letters.slice(c.length));
    };
    const df = new Map<string, number>();
    for (const s of this.segments) for (const c of s.completeRange(range[0], range[1], max, accept)) df.set(c.term, (df.get(c.term) ?? 0) + c.df);
    const ranked = [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
    const direct: string[] = [];
    const short: string[] = [];
    // The chunks of the short words are read to see the particle: at most CHOSEONG_READ of them in
    // all, the words that fit first (a word in thousands of chunks, 처럼 for ㅊㄹㅇ, would make a
    // keystroke read megabytes).
    let budget = CHOSEONG_READ;
    for (const [t, n] of ranked) {
      if (choseongOf(t).startsWith(letters)) direct.push(t);
      else if (n <= budget) {
        short.push(t);
        budget -= n;
      }
    }
    return { direct, short };
  }

  /** A given name's full names, as the library writes them (관호 → 김관호; lists/surnames.ts). */
  private fullNames(term: string, df: (t: string) => number): string[] {
    if (term.length !== 2 || !isHangulCode(term.charCodeAt(0)) || !isHangulCode(term.charCodeAt(1))) return [];
    // Kept per term once the index is complete.
    const key = `${this.formsVersion}\u0002${term}`;
    const known = this.complete ? this.formsMemo.get(key) : undefined;
    if (known) return known;
    // The library's words of three syllables that end in the term and start with a family name:
    // one completion of the words read backwards (dictionary.ts, ENDING), where a lookup per family
    // name read a block each. Not a word that only starts with a family name's letters (기다리, 오소리:
    // lists/not-compounds.ts).
    const names = new Set<string>();
    for (const s of this.segments) {
      for (const c of s.endingIn(term, MAX_NAME_ENDINGS)) if (c.term.length === 3 && SURNAME_SET.has(c.term[0]!) && !NOT_COMPOUND_WORDS.has(c.term) && df(c.term) > 0) names.add(c.term);
    }
    if (this.complete) {
      if (this.formsMemo.size > 2000) this.formsMemo.clear();
      this.formsMemo.set(key, [...names]);
    }
    return [...names];
  }

  /**
   * The longer words of the library that end in a noun of two syllables or more — the compounds
   * whose last part it is, a Korean compound's head being its last part (바다: 앞바다, 밤바다;
   * 학교: 소학교; 주머니: 호주머니) — the most frequent first. Looser than the word itself: hits found
   * only through them rank after it. Kept per term once the index is complete.
   */
  private compoundsOf(term: string): string[] {
    if (term.length < 2) return [];
    for (let i = 0; i < term.length; i++) if (!isHangulCode(term.charCodeAt(i))) return [];
    const key = `${this.formsVersion}\u0003${term}`;
    const known = this.complete ? this.formsMemo.get(key) : undefined;
    if (known) return known;
    const df = new Map<string, number>();
    // Not a word repeated (어른어른 is not 어른), nor a word that only ends in its letters (lists/not-compounds.ts).
    const add = (t: string, n: number) => {
      if (t !== term + term && !NOT_COMPOUND_WORDS.has(t)) df.set(t, (df.get(t) ?? 0) + n);
    };
    for (const s of this.segments) for (const c of s.endingIn(term, MAX_COMPOUNDS)) add(c.term, c.df);
    // The compounds it starts with 사이시옷, the ㅅ a compound adds to an open last syllable
    // (바다: 바닷가, 바닷물; 과자: 과잣값; 나무: 나뭇잎), which a prefix of the word does not reach.
    const joined = withFinalS(term);
    if (joined !== undefined) for (const s of this.segments) for (const c of s.complete(joined, MAX_COMPOUNDS)) if (c.term.length > joined.length) add(c.term, c.df);
    const words = [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_COMPOUNDS).map(([t]) => t);
    if (this.complete) {
      if (this.formsMemo.size > 2000) this.formsMemo.clear();
      this.formsMemo.set(key, words);
    }
    return words;
  }

  /**
   * Which chunks matched every word that has other forms by the word itself (its exact terms);
   * undefined when no word has other forms (then every match is exact).
   */
  private exactness(segment: SearchSegment, plan: QueryGroup[], looseMask: number): ((chunk: number) => boolean) | undefined {
    if (looseMask === 0) return undefined;
    const s = this.scratchOf(segment);
    const base = s.next();
    const { exStamp, exBits, arena } = s;
    plan.forEach((g, i) => {
      if (g.loose.length === 0) return;
      for (const t of g.exact) {
        const list = segment.postings(t, arena);
        for (let k = 0; k < list.length; k++) {
          const id = list[k]!;
          if (exStamp[id] !== base) {
            exStamp[id] = base;
            exBits[id] = 0;
          }
          exBits[id]! |= 1 << i;
        }
      }
    });
    return (chunk) => exStamp[chunk] === base && (exBits[chunk]! & looseMask) === looseMask;
  }

  /** Chunks in any of the lists, in the order of their best rank (a chunk dense in any form first). */
  private unionOf(segment: SearchSegment, lists: Uint32Array[]): Uint32Array {
    const nonEmpty = lists.filter((l) => l.length > 0);
    if (nonEmpty.length <= 1) return nonEmpty[0] ?? new Uint32Array(0);
    const s = this.scratchOf(segment);
    const seen = s.next();
    const { mark } = s;
    let total = 0;
    for (const l of nonEmpty) total += l.length;
    const out = s.arena.take(total);
    let n = 0;
    let longest = 0;
    for (const l of nonEmpty) if (l.length > longest) longest = l.length;
    for (let i = 0; i < longest; i++) {
      for (const l of nonEmpty) {
        if (i >= l.length) continue;
        const id = l[i]!;
        if (mark[id] !== seen) {
          mark[id] = seen;
          out[n++] = id;
        }
      }
    }
    return out.subarray(0, n);
  }

  /**
   * A query's answer, in five steps: its plan (a group of terms per word), the chunks that hold every
   * word (or, when none does, the most words), the titles that match, the ranking of the items, and
   * the hits shown of the page of items asked for.
   */
  search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
    const offset = Math.max(0, options.offset ?? 0);
    const snippetsPerItem = Math.max(0, options.snippetsPerItem ?? 3);
    const q = this.planQuery(query);
    const empty: SearchResponse = { query, complete: this.complete, partial: false, total: 0, results: [], terms: q.terms };
    if (q.groups.length === 0 && !q.qa.choseong) return empty;

    const accept = (item: EngineItem) =>
      (!options.type || item.type === options.type) &&
      (!options.language || item.language === options.language || (item.languages?.includes(options.language) ?? false)) &&
      (!options.collection || item.collections.includes(options.collection));

    const { found, fullHits } = this.matchChunks(q, accept);
    const titleTier = this.matchTitles(query, q, accept);
    // Whole matches when there are any; else the best partial ones, marked as such.
    const anyFull = titleTier.size > 0 || fullHits;
    const partial = !anyFull && q.groups.length > 1 && found.length > 0;
    // Partial matches count only when nothing matches whole (a title match does).
    const counted = fullHits || partial ? found : [];
    const { chosen, total, top } = this.rank(counted, titleTier, q.groups.length, offset + limit);
    const page = chosen.slice(offset);
    const idsOf = this.shownHits(page, counted, top);
    const results = page.map((r) => this.resultOf(r, idsOf.get(r) ?? [], q, snippetsPerItem));
    return { query, complete: this.complete, partial, total, results, terms: q.terms };
  }

  /** One group per word: its own term (or, for the word being typed, its completions) and, looser,
   * the other forms of the same verb or adjective that the library holds. */
  private planQuery(query: string): QueryPlan {
    const qa = analyzeQuery(query);
    const df = (t: string) => this.frequency(t);
    const plan: QueryGroup[] = [];
    const seen = new Set<string>();
    if (qa.choseong) {
      // Initial consonants only (ㅈㄱㅈ): the words of the text they start, each typed word a group.
      const choseong: string[] = [];
      // What the reader sees marked: a short word only where written with the particle typed.
      const highlight: string[] = [];
      for (const letters of normalizeInput(query).split(/\s+/u).filter((w) => w.length >= 2 && isChoseongOnly(w))) {
        const { direct, short } = this.choseongWords(letters, MAX_CHOSEONG_WORDS);
        if (direct.length + short.length === 0) continue;
        // A short word's chunks are read (withPhrases) unless they hold a direct word too; they rank after.
        plan.push({ exact: direct, loose: short });
        highlight.push(...direct, ...short.map((t) => choseongTerm(t, letters)));
        if (short.length > 0) choseong.push(letters);
      }
      const groups = plan.map((g) => [...g.exact, ...g.loose]);
      const looseMask = plan.reduce((m, g, i) => (g.loose.length > 0 ? m | (1 << i) : m), 0);
      return {
        qa, plan, groups, looseMask, terms: [...new Set(highlight)], full: groups.length > 0 ? (1 << groups.length) - 1 : 0,
        ...(choseong.length > 0 ? { choseong } : {}),
      };
    }
    const phrases: string[][] = [...(qa.phrases ?? [])];
    /** A word the library holds only written apart (김첨지 as 김 첨지): its two parts, and the phrase. */
    const apart = (word: string, term: string): boolean => {
      const split = this.splitWord(word, term, df);
      if (!split) return false;
      for (const part of split) {
        const t = termOfWord(part) ?? part;
        if (seen.has(t)) continue;
        seen.add(t);
        plan.push({ exact: [t], loose: [] });
      }
      phrases.push(split);
      return true;
    };
    qa.terms.forEach((t, i) => {
      if (seen.has(t)) return;
      seen.add(t);
      if (apart(qa.words[i]!, t)) return;
      const forms = this.formsOf(qa.words[i]!, t, df);
      // A verb's forms, or a noun's compounds (a stem's endings are other verbs: 마음먹다 is not 먹다).
      const loose = new Set([...forms, ...this.fullNames(t, df), ...(forms.length === 0 ? this.compoundsOf(t) : []), ...writtenOnto(t).filter((w) => df(w) > 0)]);
      plan.push({ exact: [t], loose: [...loose] });
    });
    if (qa.prefix !== undefined && !seen.has(qa.prefix)) {
      const completions = this.completions(qa.prefix, MAX_COMPLETIONS);
      if (completions.length > 0 || !qa.prefixWord || !apart(qa.prefixWord, qa.prefix)) {
        const exact = completions.length > 0 ? completions : [qa.prefix];
        const forms = qa.prefixWord ? this.formsOf(qa.prefixWord, qa.prefix, df) : [];
        const loose = new Set([...forms, ...this.fullNames(qa.prefix, df), ...(forms.length === 0 ? this.compoundsOf(qa.prefix) : [])]);
        plan.push({ exact, loose: [...loose].filter((t) => !exact.includes(t)) });
      }
    }
    if (phrases.length > 0) qa.phrases = phrases;
    // A phrase the text writes as one word (아침볕 for "아침 볕"): that word stands for each of its
    // words, and phraseHolds reads it as the phrase.
    for (const p of phrases) {
      const joined = termOfWord(p.join('')) ?? p.join('');
      if (df(joined) === 0) continue;
      for (const w of p) {
        const t = termOfWord(w) ?? w;
        for (const g of plan) if (g.exact.includes(t) && !g.exact.includes(joined) && !g.loose.includes(joined)) g.loose.push(joined);
      }
    }
    plan.splice(MAX_GROUPS);
    const groups = plan.map((g) => [...g.exact, ...g.loose]);
    const looseMask = plan.reduce((m, g, i) => (g.loose.length > 0 ? m | (1 << i) : m), 0);
    const terms = [...new Set(groups.flat())];
    return { qa, plan, groups, looseMask, terms, full: groups.length > 0 ? (1 << groups.length) - 1 : 0 };
  }

  /**
   * Chunks. Every word must match: intersect, rarest word first, so common words cost one pass over
   * their list. Only when nothing has every word are partial matches counted. What a query keeps per
   * chunk and per item is in each segment's typed scratch arrays: a common word may touch tens of
   * thousands of chunks, and no object is made for any of them.
   */
  private matchChunks(q: QueryPlan, accept: (item: EngineItem) => boolean): { found: SegmentHits[]; fullHits: boolean } {
    const { groups, full } = q;
    const found: SegmentHits[] = [];
    // No word to look for (초성 that starts no word of the text): titles only.
    if (groups.length === 0) return { found, fullHits: false };
    const lists = new Map<SearchSegment, Uint32Array[]>();
    for (const segment of this.segments) {
      if (segment.chunkCount === 0) continue;
      const arena = this.scratchOf(segment).arena;
      arena.reset();
      const perGroup = groups.map((group) => (group.length === 1 ? segment.postings(group[0]!, arena) : this.unionOf(segment, group.map((t) => segment.postings(t, arena)))));
      lists.set(segment, perGroup);
      if (perGroup.some((l) => l.length === 0)) continue;
      const h = this.wholeMatches(segment, perGroup, q, accept);
      if (h) found.push(h);
    }
    const fullHits = found.length > 0;
    // A quoted phrase asks for those words together: words found apart are not offered instead.
    if (!fullHits && groups.length > 1 && !q.qa.phrases && !q.choseong) {
      for (const [segment, perGroup] of lists) {
        const h = this.partialMatches(segment, perGroup, full, accept);
        if (h) found.push(h);
      }
    }
    return { found, fullHits };
  }

  /** The chunks of one segment that hold every word (a group's list each), scored by density. */
  private wholeMatches(segment: SearchSegment, perGroup: Uint32Array[], q: QueryPlan, accept: (item: EngineItem) => boolean): SegmentHits | undefined {
    const { plan, looseMask, full } = q;
    if (perGroup.length === 1) {
      // One word: its list is the answer, densest first; no marks needed.
      const isExact = this.exactness(segment, plan, looseMask);
      const list = this.withPhrases(segment, perGroup[0]!, perGroup[0]!.length, q, isExact);
      return this.collect(segment, list, list.length, accept, undefined, undefined, full, isExact);
    }
    const order = perGroup.map((_, g) => g).sort((a, b) => perGroup[a]!.length - perGroup[b]!.length);
    const s = this.scratchOf(segment);
    const base = s.next();
    const { mark, score, cand } = s;
    // mark[id] = base + (groups matched so far, rarest first).
    for (let k = 0; k < order.length; k++) {
      const list = perGroup[order[k]!]!;
      if (k === 0) for (let i = 0; i < list.length; i++) mark[list[i]!] = base + 1;
      else for (let i = 0; i < list.length; i++) if (mark[list[i]!] === base + k) mark[list[i]!] = base + k + 1;
    }
    const all = base + order.length;
    const rarest = perGroup[order[0]!]!;
    let nc = 0;
    for (let i = 0; i < rarest.length; i++) {
      const id = rarest[i]!;
      if (mark[id] === all) {
        cand[nc++] = id;
        score[id] = 0;
      }
    }
    if (nc === 0) return undefined;
    const isExact = this.exactness(segment, plan, looseMask);
    if (q.qa.phrases || q.choseong) {
      const held = this.withPhrases(segment, cand, nc, q, isExact);
      nc = held.length;
      cand.set(held);
      if (nc === 0) return undefined;
    }
    for (const list of perGroup) {
      // Earlier in the list means the word is denser in that chunk.
      const n = list.length;
      for (let rank = 0; rank < n; rank++) {
        const id = list[rank]!;
        if (mark[id] === all) score[id]! += 1 - (0.5 * rank) / n;
      }
    }
    return this.collect(segment, cand, nc, accept, score, undefined, full, isExact);
  }

  /**
   * The first `n` of `chunks` that hold every quoted phrase of the query and a written word for
   * every 초성 word, read from their stored text (the index knows which terms a chunk holds, not
   * where, nor the particles they lost): all of them when there is neither.
   */
  private withPhrases(segment: SearchSegment, chunks: Uint32Array, n: number, q: QueryPlan, isExact?: (chunk: number) => boolean): Uint32Array {
    const phrases = q.qa.phrases ?? [];
    const choseong = q.choseong ?? [];
    if (phrases.length === 0 && choseong.length === 0) return n === chunks.length ? chunks : chunks.subarray(0, n);
    const kept: number[] = [];
    for (let i = 0; i < n; i++) {
      const id = chunks[i]!;
      // A chunk with a word the 초성 starts (every 초성 word) is not read for them.
      const read = choseong.length > 0 && !(isExact?.(id) ?? false);
      if (phrases.length === 0 && !read) {
        kept.push(id);
        continue;
      }
      const text = segment.textOf(id);
      if (phrases.every((p) => phraseHolds(text, p)) && (!read || choseong.every((c) => choseongHolds(text, c)))) kept.push(id);
    }
    return Uint32Array.from(kept);
  }

  /** The chunks of one segment that hold some of the words, with the words each holds (bits). */
  private partialMatches(segment: SearchSegment, perGroup: Uint32Array[], full: number, accept: (item: EngineItem) => boolean): SegmentHits | undefined {
    const s = this.scratchOf(segment);
    const base = s.next();
    const { mark, score, mask } = s;
    const touched: number[] = [];
    perGroup.forEach((list, g) => {
      const n = list.length;
      for (let rank = 0; rank < n; rank++) {
        const id = list[rank]!;
        if (mark[id] !== base) {
          mark[id] = base;
          mask[id] = 0;
          score[id] = 0;
          touched.push(id);
        }
        mask[id]! |= 1 << g;
        score[id]! += 1 - (0.5 * rank) / n;
      }
    });
    return this.collect(segment, touched, touched.length, accept, score, mask, full);
  }

  /** Items whose title matches, with their tier (0–2; see titleTier). */
  private matchTitles(query: string, q: QueryPlan, accept: (item: EngineItem) => boolean): Map<EngineItem, number> {
    const { qa, terms } = q;
    // A 초성 word's short words (a particle short) hold only with their particle: not in a title.
    const groups = qa.choseong ? q.plan.map((g) => g.exact) : q.groups;
    const titleTier = new Map<EngineItem, number>();
    const qNorm = normalizeInput(query).replace(/\s+/g, ' ').trim();
    const qSeq = [...qa.terms, ...(qa.prefix !== undefined ? [qa.prefix] : [])];
    const titleCandidates = new Set<EngineItem>();
    for (const t of [...terms, ...(qa.prefix !== undefined ? [qa.prefix] : [])]) {
      for (const seq of this.titles.search(t, 1000)) {
        const item = this.bySeq.get(seq);
        if (item) titleCandidates.add(item);
      }
    }
    if (qa.choseong) for (const item of this.items.values()) if (item.titleChoseong.includes(qa.choseong)) titleCandidates.add(item);
    for (const item of titleCandidates) {
      if (!accept(item)) continue;
      const tier = this.titleTier(item, qNorm, qSeq, groups, qa.prefix, qa.choseong);
      if (tier < 3) titleTier.set(item, tier);
    }
    return titleTier;
  }

  /**
   * Every matching item counted and weighed; a Ranked object made only for those that enter the best
   * `keep` (a common word matches tens of thousands of items).
   */
  private rank(counted: SegmentHits[], titleTier: Map<EngineItem, number>, words: number, keep: number): { chosen: Ranked[]; total: number; top: number } {
    const best = new BestOf(keep);
    let total = 0;
    let top = 0;
    const titled = titleTier.size > 0 ? new Set<EngineItem>() : undefined;
    for (const h of counted) {
      const { count, best: bestScore, bestMask } = h.acc;
      for (let k = 0; k < h.items.length; k++) {
        const item = h.items[k]!;
        const idx = h.itemIdx[k]!;
        // Text only: whole matches as typed first (3), then those found only through other forms (4).
        let tier = h.acc.exact[idx] === 1 ? 3 : 4;
        if (titled) {
          const t = titleTier.get(item);
          if (t !== undefined) {
            tier = t;
            titled.add(item);
          }
        }
        const coverage = tier < 3 ? words : bestMask[idx]!;
        if (coverage > top) top = coverage;
        total++;
        best.offer(item, tier, coverage, bestScore[idx]! + Math.log2(1 + count[idx]!), h, idx);
      }
    }
    for (const [item, tier] of titleTier) {
      if (titled?.has(item)) continue;
      total++;
      if (words > top) top = words;
      best.offer(item, tier, words, 0, undefined, -1);
    }
    return { chosen: best.sorted(), total, top };
  }

  /**
   * The chunks of the items shown, in document order (partial matches: those with the most words,
   * except for an item whose title matched, which keeps them all).
   */
  private shownHits(chosen: Ranked[], counted: SegmentHits[], top: number): Map<Ranked, number[]> {
    const idsOf = new Map<Ranked, number[]>();
    for (const h of counted) {
      // The items shown of this segment, by item number: a slot for each (typed, not a Map: a
      // common word has tens of thousands of chunks to sort out).
      const shown = chosen.filter((r) => r.hits === h);
      if (shown.length === 0) continue;
      const slot = h.acc.slot;
      const lists: number[][] = [];
      const all: boolean[] = [];
      for (const r of shown) {
        slot[r.idx] = lists.length;
        const ids: number[] = [];
        lists.push(ids);
        all.push(!h.partial || r.tier < 3);
        idsOf.set(r, ids);
      }
      const chunkItems = h.segment.chunkItems;
      const e = h.acc.epoch;
      const { stamp } = h.acc;
      // Only items counted in this query (stamped with its epoch) can hold a slot.
      for (const id of h.chunks) {
        const idx = chunkItems[id]!;
        if (stamp[idx] !== e) continue;
        const k = slot[idx]!;
        if (k < 0 || k >= lists.length || shown[k]!.idx !== idx) continue;
        if (all[k] || popcount(h.maskOf(id)) === top) lists[k]!.push(id);
      }
      for (const r of shown) slot[r.idx] = -1;
      for (const ids of lists) ids.sort((a, b) => a - b);
    }
    return idsOf;
  }

  /** One item of the answer: its hits' places, a cue's time for a film, snippets for the first few. */
  private resultOf(r: Ranked, ids: number[], q: QueryPlan, snippetsPerItem: number): SearchResultItem {
    const { item, tier } = r;
    const segment = r.hits?.segment;
    const { terms, qa } = q;
    return {
      path: item.path,
      type: item.type,
      title: item.title,
      language: item.language,
      collections: item.collections,
      ...(item.authors?.length ? { authors: item.authors } : {}),
      ...(tier < 3 ? { titleMatch: (['exact', 'prefix', 'words'] as const)[tier] } : {}),
      hitCount: ids.length,
      hits: ids.map((local, i): SearchHit => {
        const place = segment!.placeOf(local);
        let locator = place.locator;
        if (place.cues && i < CUE_LOOKUPS_PER_ITEM) {
          // A subtitle chunk spans ~30 s: point at the cue that holds the first match.
          const first = matchRanges(segment!.textOf(local), terms, qa.prefix, { first: true })[0];
          if (first) {
            const cue = place.cues.filter(([at]) => at <= first[0]).at(-1);
            if (cue) locator = { ...locator, startMs: cue[1] };
          }
        }
        const hit: SearchHit = { locator, ...(place.language ? { language: place.language } : {}) };
        if (i < snippetsPerItem) Object.assign(hit, cutSnippet(segment!.textOf(local), terms, qa.prefix));
        return hit;
      }),
    };
  }

  /** 0: the title is the query; 1: it starts with it; 2: it holds every word; 3: no title match. */
  private titleTier(item: EngineItem, qNorm: string, qSeq: string[], groups: string[][], prefix: string | undefined, choseong: string | undefined): number {
    if (qNorm !== '' && (item.titleNorm === qNorm || sameTerms(item.titleTerms, qSeq))) return 0;
    if (qNorm !== '' && item.titleNorm.startsWith(qNorm)) return 1;
    if (choseong && item.titleChoseong.startsWith(choseong)) return 1;
    if (qSeq.length > 0 && startsWithTerms(item.titleTerms, qSeq, prefix)) return 1;
    // A title has a handful of words: plain arrays, no set made per item (a 초성 query weighs thousands).
    const words = item.indexedTerms;
    const holds = (g: string[]) => g.some((t) => words.includes(t));
    const lastIsPrefix = prefix !== undefined;
    if (
      groups.length > 0 &&
      groups.every((g, i) => holds(g) || (lastIsPrefix && i === groups.length - 1 && words.some((w) => w.startsWith(prefix))))
    ) return 2;
    if (choseong && item.titleChoseong.includes(choseong)) return 2;
    return 3;
  }
}

function compareRanked(a: Ranked, b: Ranked): number {
  return a.tier - b.tier || b.coverage - a.coverage || b.score - a.score || (a.item.path < b.item.path ? -1 : a.item.path > b.item.path ? 1 : 0);
}

/**
 * The best `k` of the items offered, in order: a heap whose root is the worst kept, so an item that
 * cannot enter costs one comparison and no allocation.
 */
class BestOf {
  private readonly heap: Ranked[] = [];
  constructor(private readonly k: number) {}

  offer(item: EngineItem, tier: number, coverage: number, score: number, hits: SegmentHits | undefined, idx: number): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push({ item, tier, coverage, score, hits, idx });
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (compareRanked(heap[c]!, heap[p]!) <= 0) break;
        [heap[c], heap[p]] = [heap[p]!, heap[c]!];
        c = p;
      }
      return;
    }
    const root = heap[0]!;
    // Better than the worst kept? (tier lower, coverage higher, score higher, path first)
    const better = tier !== root.tier ? tier < root.tier : coverage !== root.coverage ? coverage > root.coverage : score !== root.score ? score > root.score : item.path < root.item.path;
    if (!better) return;
    heap[0] = { item, tier, coverage, score, hits, idx };
    for (let c = 0; ; ) {
      const l = 2 * c + 1;
      const r = l + 1;
      let m = c;
      if (l < heap.length && compareRanked(heap[l]!, heap[m]!) > 0) m = l;
      if (r < heap.length && compareRanked(heap[r]!, heap[m]!) > 0) m = r;
      if (m === c) break;
      [heap[c], heap[m]] = [heap[m]!, heap[c]!];
      c = m;
    }
  }

  sorted(): Ranked[] {
    return [...this.heap].sort(compareRanked);
  }
}

/** The word with ㅅ added under its last syllable when that has no final consonant (바다 → 바닷), else undefined. */
function withFinalS(word: string): string | undefined {
  const c = word.charCodeAt(word.length - 1) - 0xac00;
  if (c < 0 || c > 11171 || c % 28 !== 0) return undefined;
  return word.slice(0, -1) + String.fromCharCode(0xac00 + c + 19);
}

function popcount(m: number): number {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
}

function sameTerms(a: string[], b: string[]): boolean {
  return a.length === b.length && a.length > 0 && a.every((t, i) => t === b[i]);
}

/** The title's words begin with the query's words, the last one possibly half typed. */
function startsWithTerms(title: string[], q: string[], prefix: string | undefined): boolean {
  if (q.length > title.length) return false;
  return q.every((t, i) => (i === q.length - 1 && prefix !== undefined ? title[i]!.startsWith(t) : title[i] === t));
}
