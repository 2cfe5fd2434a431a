// The search engine: titles and chunk text of every item, queried the same way whether the index
// was loaded from the drive or is being built in memory right now (then answers say incomplete).
import type { Item, ItemType } from '../types.js';
import { analyze, analyzeQuery, choseongOf, matchRanges, normalizeInput } from './analyze.js';
import { createTitleIndex, RAW_TERM } from './config.js';
import { ContentShard } from './shard.js';
import { cutSnippet } from './snippet.js';
import type { SearchHit, SearchOptions, SearchResponse, SearchResultItem } from './types.js';
import { Vocabulary } from './vocabulary.js';

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
  /** The shard that holds this item's current chunks (older shards may hold stale ones). */
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

interface ChunkHit {
  shard: ContentShard;
  local: number;
  mask: number;
  score: number;
}

export function toIndexedItem(item: Item): IndexedItem {
  const { path, type, title, language, languages, authors, collections } = item;
  return { path, type, title, language, languages, authors, collections };
}

export class SearchEngine {
  private readonly items = new Map<string, EngineItem>();
  private readonly bySeq = new Map<number, EngineItem>();
  private readonly titles = createTitleIndex();
  private readonly shards: ContentShard[] = [];
  readonly vocabulary: Vocabulary;
  private nextSeq = 0;
  /** False while shards are still loading or files are still being indexed. */
  complete = true;

  constructor(vocabulary = new Vocabulary()) {
    this.vocabulary = vocabulary;
  }

  get itemCount(): number {
    return this.items.size;
  }

  get shardIds(): string[] {
    return this.shards.map((s) => s.id);
  }

  /** Register (or replace) an item; `shard` names the shard holding its chunks. */
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

  /** Attach a loaded shard. Its items must be registered with `putItem(meta, shard.id)`. */
  addShard(shard: ContentShard): void {
    this.shards.push(shard);
  }

  /** Index these items' chunks as a new shard, and make it their live one. */
  /** Index these items' chunks into the shard `shardId` (made, or grown while still open). */
  indexItems(shardId: string, items: Item[], vocabulary: Vocabulary = this.vocabulary): ContentShard {
    let shard = this.shards.find((s) => s.id === shardId);
    if (shard) shard.append(items, vocabulary);
    else this.shards.push((shard = ContentShard.build(shardId, items, vocabulary)));
    for (const item of items) this.putItem(toIndexedItem(item), shardId);
    return shard;
  }

  close(): void {
    for (const s of this.shards) s.close();
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
      const completions = this.vocabulary.complete(qa.prefix, MAX_COMPLETIONS);
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
    // over their list and no bookkeeping. Only when nothing has every word are partial matches
    // counted (a second, rarer pass).
    const full = groups.length > 0 ? (1 << groups.length) - 1 : 0;
    const hitsByItem = new Map<EngineItem, ChunkHit[]>();
    const addHit = (shard: ContentShard, local: number, mask: number, score: number) => {
      const item = this.items.get(shard.itemPathOf(local));
      if (!item || item.shard !== shard.id || !accept(item)) return;
      let list = hitsByItem.get(item);
      if (!list) hitsByItem.set(item, (list = []));
      list.push({ shard, local, mask, score });
    };
    const lists = new Map<ContentShard, number[][]>();
    for (const shard of this.shards) {
      const perGroup = groups.map((group) => (group.length === 1 ? shard.lookup(group[0]!) : unionOf(group.map((t) => shard.lookup(t)))));
      lists.set(shard, perGroup);
      if (perGroup.some((l) => l.length === 0)) continue;
      const order = perGroup.map((l, g) => g).sort((a, b) => perGroup[a]!.length - perGroup[b]!.length);
      let candidates = new Set(perGroup[order[0]!]);
      for (const g of order.slice(1)) {
        const next = new Set<number>();
        for (const id of perGroup[g]!) if (candidates.has(id)) next.add(id);
        candidates = next;
        if (candidates.size === 0) break;
      }
      if (candidates.size === 0) continue;
      const scores = new Map<number, number>();
      for (const list of perGroup) {
        // Earlier in FlexSearch's answer means the word is denser in that chunk.
        list.forEach((id, rank) => {
          if (candidates.has(id)) scores.set(id, (scores.get(id) ?? 0) + 1 - (0.5 * rank) / list.length);
        });
      }
      for (const id of candidates) addHit(shard, id, full, scores.get(id) ?? 0);
    }
    if (hitsByItem.size === 0 && groups.length > 1) {
      for (const [shard, perGroup] of lists) {
        const masks = new Map<number, number>();
        const scores = new Map<number, number>();
        perGroup.forEach((list, g) => {
          list.forEach((id, rank) => {
            masks.set(id, (masks.get(id) ?? 0) | (1 << g));
            scores.set(id, (scores.get(id) ?? 0) + 1 - (0.5 * rank) / list.length);
          });
        });
        for (const [id, mask] of masks) addHit(shard, id, mask, scores.get(id) ?? 0);
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
    const popcount = (m: number) => {
      let n = 0;
      for (; m; m &= m - 1) n++;
      return n;
    };
    const anyFull = titleTier.size > 0 || [...hitsByItem.values()].some((hs) => hs.some((h) => h.mask === full));
    const partial = !anyFull && groups.length > 1 && hitsByItem.size > 0;
    const ranked: { item: EngineItem; hits: ChunkHit[]; tier: number; coverage: number; score: number }[] = [];
    const all = new Set<EngineItem>([...hitsByItem.keys(), ...titleTier.keys()]);
    for (const item of all) {
      let hits = hitsByItem.get(item) ?? [];
      if (!partial) hits = hits.filter((h) => h.mask === full);
      const tier = titleTier.get(item) ?? 3;
      if (hits.length === 0 && tier === 3) continue;
      let bestMask = 0;
      let best = 0;
      for (const h of hits) {
        if (h.score > best) best = h.score;
        if (popcount(h.mask) > bestMask) bestMask = popcount(h.mask);
      }
      const coverage = tier < 3 ? groups.length : bestMask;
      ranked.push({ item, hits, tier, coverage, score: best + Math.log2(1 + hits.length) });
    }
    if (partial) {
      const top = Math.max(...ranked.map((r) => r.coverage));
      for (const r of ranked) r.hits = r.hits.filter((h) => popcount(h.mask) === top || r.tier < 3);
    }
    ranked.sort((a, b) => a.tier - b.tier || b.coverage - a.coverage || b.score - a.score || (a.item.path < b.item.path ? -1 : 1));

    const page = ranked.slice(offset, offset + limit);
    // Document order, only for the items shown.
    for (const r of page) r.hits.sort((a, b) => a.local - b.local);
    const results: SearchResultItem[] = page.map(({ item, hits, tier }) => ({
      path: item.path,
      type: item.type,
      title: item.title,
      language: item.language,
      collections: item.collections,
      ...(item.authors?.length ? { authors: item.authors } : {}),
      ...(tier < 3 ? { titleMatch: (['exact', 'prefix', 'words'] as const)[tier] } : {}),
      hitCount: hits.length,
      hits: hits.map((h, i): SearchHit => {
        const meta = h.shard.chunks[h.local]!;
        let locator = meta.locator;
        if (meta.cues && i < CUE_LOOKUPS_PER_ITEM) {
          // A subtitle chunk spans ~30 s: point at the cue that holds the first match.
          const first = matchRanges(h.shard.textOf(h.local), terms, qa.prefix)[0];
          if (first) {
            const cue = meta.cues.filter(([offset]) => offset <= first[0]).at(-1);
            if (cue) locator = { ...locator, startMs: cue[1] };
          }
        }
        const hit: SearchHit = { locator, ...(meta.language ? { language: meta.language } : {}) };
        if (i < snippetsPerItem) Object.assign(hit, cutSnippet(h.shard.textOf(h.local), terms, qa.prefix));
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

/** Ids in any of the lists, in the order of their best rank (a chunk dense in any form first). */
function unionOf(lists: number[][]): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const l of lists) {
      const id = l[i];
      if (id !== undefined && !seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
    }
  }
  return out;
}

function sameTerms(a: string[], b: string[]): boolean {
  return a.length === b.length && a.length > 0 && a.every((t, i) => t === b[i]);
}

/** The title's words begin with the query's words, the last one possibly half typed. */
function startsWithTerms(title: string[], q: string[], prefix: string | undefined): boolean {
  if (q.length > title.length) return false;
  return q.every((t, i) => (i === q.length - 1 && prefix !== undefined ? title[i]!.startsWith(t) : title[i] === t));
}
