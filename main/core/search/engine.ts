// The search engine: titles and chunk text of every item, queried the same way whether the index
// was loaded from the drive (segments read in place) or is being built in memory right now (then
// answers say incomplete). A damaged index file met while answering throws IndexDamagedError: the
// caller rebuilds; no answer is ever made from bytes that are not what was written.
import type { Item, ItemType } from '../types.js';
import { analyze, analyzeQuery, choseongOf, matchRanges, normalizeInput } from './analyze.js';
import { createTitleIndex, RAW_TERM } from './config.js';
import { MemoryRun, type SearchSegment } from './store/segment.js';
import { cutSnippet } from './snippet.js';
import type { SearchHit, SearchOptions, SearchResponse, SearchResultItem } from './types.js';

/** What the engine keeps of an item: everything but its chunks. */
export interface IndexedItem {
  path: string;
  type: ItemType;
  title: string;
  language?: string;
  languages?: string[];
  authors?: string[];
  collections: string[];
}

interface EngineItem extends IndexedItem {
  seq: number;
  /** The segment that holds this item's current chunks (older segments may hold stale ones). */
  shard?: string;
  titleTerms: string[];
  titleNorm: string;
  titleChoseong: string;
}

/** Completions of the word being typed that take part in a query, most frequent first. */
const MAX_COMPLETIONS = 12;
const MAX_GROUPS = 16;
/**
 * A subtitle hit's own cue is found by reading its chunk: done for the first hits of each item
 * shown; later ones point at their ~30 s window until the reader asks (it finds the line itself).
 */
const CUE_LOOKUPS_PER_ITEM = 50;

/** An item's matching chunks: numbers only (a query may touch tens of thousands of chunks). */
interface ItemHits {
  segment: SearchSegment;
  ids: number[];
  /** Which words each chunk has (partial matches only; a whole match has them all). */
  masks: number[] | undefined;
  best: number;
  bestMask: number;
}

/** Per-segment scratch arrays for one query at a time, cleared by moving the epoch on. */
class Scratch {
  mark: Uint32Array;
  score: Float64Array;
  mask: Uint32Array;
  epoch = 0;
  constructor(n: number) {
    this.mark = new Uint32Array(n);
    this.score = new Float64Array(n);
    this.mask = new Uint32Array(n);
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
  private readonly titles = createTitleIndex();
  private segments: SearchSegment[] = [];
  private nextSeq = 0;
  private readonly scratch = new WeakMap<SearchSegment, Scratch>();
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
    const item: EngineItem = {
      ...meta,
      seq,
      shard,
      titleTerms,
      titleNorm: normalizeInput(meta.title).replace(/\s+/g, ' ').trim(),
      titleChoseong: choseongOf(meta.title),
    };
    this.items.set(meta.path, item);
    this.bySeq.set(seq, item);
    this.titles.add({ id: seq, title: meta.title, authors: (meta.authors ?? []).join(' ') });
  }

  removeItem(path: string): void {
    const old = this.items.get(path);
    if (!old) return;
    this.items.delete(path);
    this.bySeq.delete(old.seq);
    this.titles.remove(old.seq);
  }

  hasItem(path: string): boolean {
    return this.items.has(path);
  }

  /** Attach a segment. Its items must be registered with `putItem(meta, segment.id)`. */
  addSegment(segment: SearchSegment): void {
    this.segments.push(segment);
  }

  /** Put `segment` where the segments named `ids` were (a merge of runs); returns the ones replaced. */
  replaceSegments(ids: readonly string[], segment: SearchSegment): SearchSegment[] {
    const gone = this.segments.filter((s) => ids.includes(s.id));
    const at = this.segments.findIndex((s) => ids.includes(s.id));
    this.segments = this.segments.filter((s) => !ids.includes(s.id));
    this.segments.splice(at < 0 ? this.segments.length : at, 0, segment);
    return gone;
  }

  /** Items whose chunks were in the segments `from` now have them in segment `to` (a merge). */
  reassign(from: readonly string[], to: string): void {
    for (const item of this.items.values()) if (item.shard !== undefined && from.includes(item.shard)) item.shard = to;
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
          terms: analyze(c.text),
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

  /** Chunks in any of the lists, in the order of their best rank (a chunk dense in any form first). */
  private unionOf(segment: SearchSegment, lists: Uint32Array[]): Uint32Array {
    const nonEmpty = lists.filter((l) => l.length > 0);
    if (nonEmpty.length <= 1) return nonEmpty[0] ?? new Uint32Array(0);
    const s = this.scratchOf(segment);
    const seen = s.next();
    const { mark } = s;
    let total = 0;
    for (const l of nonEmpty) total += l.length;
    const out = new Uint32Array(total);
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

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
    const offset = Math.max(0, options.offset ?? 0);
    const snippetsPerItem = Math.max(0, options.snippetsPerItem ?? 3);
    const qa = analyzeQuery(query);

    const groups: string[][] = [];
    const seen = new Set<string>();
    for (const t of qa.terms) {
      if (!seen.has(t)) groups.push([t]);
      seen.add(t);
    }
    if (qa.prefix !== undefined && !seen.has(qa.prefix)) {
      const completions = this.completions(qa.prefix, MAX_COMPLETIONS);
      groups.push(completions.length > 0 ? completions : [qa.prefix]);
    }
    groups.splice(MAX_GROUPS);
    const terms = [...new Set(groups.flat())];
    const empty: SearchResponse = { query, complete: this.complete, partial: false, total: 0, results: [], terms };
    if (groups.length === 0 && !qa.choseong) return empty;

    const accept = (item: EngineItem) =>
      (!options.type || item.type === options.type) &&
      (!options.language || item.language === options.language || (item.languages?.includes(options.language) ?? false)) &&
      (!options.collection || item.collections.includes(options.collection));

    // Chunks. Every word must match: intersect, rarest word first, so common words cost one pass
    // over their list. Only when nothing has every word are partial matches counted.
    const full = groups.length > 0 ? (1 << groups.length) - 1 : 0;
    const hitsByItem = new Map<EngineItem, ItemHits>();
    const itemOf = (segment: SearchSegment, cache: (EngineItem | null | undefined)[], local: number): EngineItem | null => {
      const idx = segment.itemIndexOf(local);
      let item = cache[idx];
      if (item === undefined) {
        const found = this.items.get(segment.itemPaths[idx]!);
        item = found && found.shard === segment.id && accept(found) ? found : null;
        cache[idx] = item;
      }
      return item;
    };
    const addHit = (segment: SearchSegment, item: EngineItem, local: number, mask: number, score: number, withMasks: boolean) => {
      let h = hitsByItem.get(item);
      if (!h) hitsByItem.set(item, (h = { segment, ids: [], masks: withMasks ? [] : undefined, best: 0, bestMask: 0 }));
      h.ids.push(local);
      h.masks?.push(mask);
      if (score > h.best) h.best = score;
      const pc = popcount(mask);
      if (pc > h.bestMask) h.bestMask = pc;
    };
    const lists = new Map<SearchSegment, Uint32Array[]>();
    for (const segment of this.segments) {
      if (segment.chunkCount === 0) continue;
      // Item acceptance depends on the filters: a fresh lookup table per query and segment.
      const cache: (EngineItem | null | undefined)[] = new Array(segment.itemPaths.length);
      const perGroup = groups.map((group) => (group.length === 1 ? segment.postings(group[0]!) : this.unionOf(segment, group.map((t) => segment.postings(t)))));
      lists.set(segment, perGroup);
      if (perGroup.some((l) => l.length === 0)) continue;
      const order = perGroup.map((_, g) => g).sort((a, b) => perGroup[a]!.length - perGroup[b]!.length);
      const s = this.scratchOf(segment);
      const base = s.next();
      const { mark, score } = s;
      // mark[id] = base + (groups matched so far, rarest first).
      for (let k = 0; k < order.length; k++) {
        const list = perGroup[order[k]!]!;
        if (k === 0) for (let i = 0; i < list.length; i++) mark[list[i]!] = base + 1;
        else for (let i = 0; i < list.length; i++) if (mark[list[i]!] === base + k) mark[list[i]!] = base + k + 1;
      }
      const all = base + order.length;
      const rarest = perGroup[order[0]!]!;
      let any = false;
      for (let i = 0; i < rarest.length; i++) {
        if (mark[rarest[i]!] === all) {
          any = true;
          score[rarest[i]!] = 0;
        }
      }
      if (!any) continue;
      for (const list of perGroup) {
        // Earlier in the list means the word is denser in that chunk.
        const n = list.length;
        for (let rank = 0; rank < n; rank++) {
          const id = list[rank]!;
          if (mark[id] === all) score[id]! += 1 - (0.5 * rank) / n;
        }
      }
      for (let i = 0; i < rarest.length; i++) {
        const id = rarest[i]!;
        if (mark[id] !== all) continue;
        const item = itemOf(segment, cache, id);
        if (item) addHit(segment, item, id, full, score[id]!, false);
      }
    }
    const fullHits = hitsByItem.size > 0;
    if (!fullHits && groups.length > 1) {
      for (const [segment, perGroup] of lists) {
        const cache: (EngineItem | null | undefined)[] = new Array(segment.itemPaths.length);
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
        for (const id of touched) {
          const item = itemOf(segment, cache, id);
          if (item) addHit(segment, item, id, mask[id]!, score[id]!, true);
        }
      }
    }

    // Titles.
    const titleTier = new Map<EngineItem, number>();
    const qNorm = normalizeInput(query).replace(/\s+/g, ' ').trim();
    const qSeq = [...qa.terms, ...(qa.prefix !== undefined ? [qa.prefix] : [])];
    const candidates = new Set<EngineItem>();
    for (const t of [...terms, ...(qa.prefix !== undefined ? [qa.prefix] : [])]) {
      const res = this.titles.search(RAW_TERM + t, { limit: 1000 }) as unknown as { result: number[] }[];
      for (const field of res) for (const seq of field.result) {
        const item = this.bySeq.get(seq);
        if (item) candidates.add(item);
      }
    }
    if (qa.choseong) for (const item of this.items.values()) if (item.titleChoseong.includes(qa.choseong)) candidates.add(item);
    for (const item of candidates) {
      if (!accept(item)) continue;
      const tier = this.titleTier(item, qNorm, qSeq, groups, qa.prefix, qa.choseong);
      if (tier < 3) titleTier.set(item, tier);
    }

    // Whole matches when there are any; else the best partial ones, marked as such.
    const anyFull = titleTier.size > 0 || fullHits;
    const partial = !anyFull && groups.length > 1 && hitsByItem.size > 0;
    const ranked: { item: EngineItem; hits: ItemHits | undefined; tier: number; coverage: number; score: number }[] = [];
    const all = new Set<EngineItem>([...hitsByItem.keys(), ...titleTier.keys()]);
    for (const item of all) {
      // Partial matches count only when nothing matches whole (a title match does).
      const hits = fullHits || partial ? hitsByItem.get(item) : undefined;
      const tier = titleTier.get(item) ?? 3;
      const n = hits?.ids.length ?? 0;
      if (n === 0 && tier === 3) continue;
      const coverage = tier < 3 ? groups.length : (hits?.bestMask ?? 0);
      ranked.push({ item, hits, tier, coverage, score: (hits?.best ?? 0) + Math.log2(1 + n) });
    }
    const top = partial ? Math.max(...ranked.map((r) => r.coverage)) : 0;
    ranked.sort((a, b) => a.tier - b.tier || b.coverage - a.coverage || b.score - a.score || (a.item.path < b.item.path ? -1 : 1));

    const page = ranked.slice(offset, offset + limit).map((r) => {
      // Document order, only for the items shown; partial matches: the ones with the most words.
      const h = r.hits;
      let ids: number[] = [];
      if (h) {
        ids = h.masks && r.tier === 3 ? h.ids.filter((_, i) => popcount(h.masks![i]!) === top) : [...h.ids];
        ids.sort((a, b) => a - b);
      }
      return { item: r.item, tier: r.tier, segment: h?.segment, ids };
    });
    const results: SearchResultItem[] = page.map(({ item, ids, segment, tier }) => ({
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
    }));
    return { query, complete: this.complete, partial, total: ranked.length, results, terms };
  }

  /** 0: the title is the query; 1: it starts with it; 2: it holds every word; 3: no title match. */
  private titleTier(item: EngineItem, qNorm: string, qSeq: string[], groups: string[][], prefix: string | undefined, choseong: string | undefined): number {
    if (qNorm !== '' && (item.titleNorm === qNorm || sameTerms(item.titleTerms, qSeq))) return 0;
    if (qNorm !== '' && item.titleNorm.startsWith(qNorm)) return 1;
    if (choseong && item.titleChoseong.startsWith(choseong)) return 1;
    if (qSeq.length > 0 && startsWithTerms(item.titleTerms, qSeq, prefix)) return 1;
    const words = new Set([...item.titleTerms, ...(item.authors ?? []).flatMap((a) => analyze(a))]);
    const holds = (g: string[]) => g.some((t) => words.has(t));
    const lastIsPrefix = prefix !== undefined;
    if (
      groups.length > 0 &&
      groups.every((g, i) => holds(g) || (lastIsPrefix && i === groups.length - 1 && [...words].some((w) => w.startsWith(prefix))))
    ) return 2;
    if (choseong && item.titleChoseong.includes(choseong)) return 2;
    return 3;
  }
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
