// The search in the browser edition's page: the app's own engine (main/core/search/engine.ts) over
// the drive's saved segments, read from fragments (fragments.ts). Every item's title is searchable
// at once; the segments open as their tables arrive. A fragment that is missing or not what was
// written costs its whole segment (no answer is made from bytes that are not what was written):
// the items in it are still found by their titles, and the library's problems say so plainly.
import { SearchEngine, type IndexedItem } from '../../core/search/engine.js';
import { DiskSegment, type SearchSegment, type SegmentMeta } from '../../core/search/store/segment.js';
import { checkAgainstCatalog } from '../../core/search/catalog-check.js';
import { IndexDamagedError } from '../../core/search/store/damage.js';
import type { IndexStorage } from '../../core/search/store/blob.js';
import type { EditionLibrary } from '../format.js';
import type { SearchOptions, SearchResponse } from '../../api.js';
import { FragmentDamaged, FragmentsNeeded, type FragmentStore } from './fragments.js';

/** One spine section of a book, as the index holds its text. */
export interface BookTextSection {
  href: string;
  /** Its chunks: chunk i is what a hit's locator calls ordinal i. */
  chunks: number;
}

/** A run that keeps needing fragments this many times is stopped: the index cannot be right. */
const MAX_ROUNDS = 500;

export class PageIndex {
  readonly engine = new SearchEngine();
  /** Files (names) found damaged or missing, and the segments given up for them. */
  readonly damaged: string[] = [];
  private readonly segments = new Map<string, DiskSegment>();
  private readonly dropped = new Set<string>();
  private readonly shardOf = new Map<string, string | undefined>();
  private opened: Promise<void> | undefined;
  private loaded = false;
  /** Runs one after another: a run's fragments stay pinned until it ends. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly library: EditionLibrary,
    private readonly store: FragmentStore | undefined,
  ) {
    for (const { item, shard } of library.items) {
      const meta: IndexedItem = { path: item.path, type: item.type, title: item.title, collections: item.collections };
      if (item.language) meta.language = item.language;
      if (item.languages) meta.languages = item.languages;
      if (item.authors) meta.authors = item.authors;
      this.engine.putItem(meta, shard);
      this.shardOf.set(item.path, shard);
    }
    this.engine.complete = library.index === null || library.index.segments.length === 0;
  }

  /** True once every segment is open (or given up). */
  get ready(): boolean {
    return this.loaded;
  }

  get segmentCount(): number {
    return this.library.index?.segments.length ?? 0;
  }

  get openSegments(): number {
    return this.segments.size;
  }

  /** Opens the segments, one after another (the first searches answer from titles meanwhile). */
  open(): Promise<void> {
    this.opened ??= this.openAll();
    return this.opened;
  }

  private async openAll(): Promise<void> {
    const index = this.library.index;
    if (index && this.store) {
      const store = this.store;
      const storage: IndexStorage = {
        persistent: false,
        create: () => Promise.reject(new Error('changmun: the browser edition writes nothing')),
        open: (name) => store.blob(name),
        remove: () => Promise.resolve(),
      };
      for (const meta of index.segments) {
        const segment = await this.run(() => (this.dropped.has(meta.id) ? undefined : DiskSegment.open(meta, storage)), meta.id).catch(() => undefined);
        if (segment) {
          this.segments.set(meta.id, segment);
          this.engine.addSegment(segment);
        }
      }
      try {
        checkAgainstCatalog(
          this.library.items.filter(({ shard }) => shard === undefined || !this.dropped.has(shard)).map(({ item, shard }) => ({ path: item.path, chunkCount: item.chunkCount, ...(shard !== undefined ? { shard } : {}) })),
          [...this.segments.values()],
        );
      } catch (e) {
        // The catalog and the segments disagree: none of them can be trusted.
        this.damaged.push(e instanceof IndexDamagedError && e.file ? e.file : 'catalog');
        for (const id of [...this.segments.keys()]) this.drop(id);
      }
    }
    this.engine.complete = this.damaged.length === 0;
    this.loaded = true;
  }

  search(query: string, options: SearchOptions): Promise<SearchResponse> {
    return this.run(() => this.engine.search(query, options));
  }

  /** The spine sections of a book that the index holds text for, in reading order. */
  async bookSections(path: string): Promise<BookTextSection[]> {
    await this.open();
    return this.run(() => {
      const found = this.chunksOf(path);
      if (!found) return [];
      const sections: BookTextSection[] = [];
      for (const c of found.chunks) {
        const href = found.segment.placeOf(c).locator.href ?? '';
        const last = sections.at(-1);
        if (last && last.href === href) last.chunks++;
        else sections.push({ href, chunks: 1 });
      }
      return sections;
    });
  }

  /** The text of one section of a book, chunk by chunk (by ordinal). */
  async bookSection(path: string, href: string): Promise<string[]> {
    await this.open();
    return this.run(() => {
      const found = this.chunksOf(path);
      if (!found) return [];
      const out: string[] = [];
      for (const c of found.chunks) {
        const place = found.segment.placeOf(c);
        if ((place.locator.href ?? '') !== href) continue;
        out[place.locator.ordinal ?? out.length] = found.segment.textOf(c);
      }
      return Array.from(out, (t) => t ?? '');
    });
  }

  /** The chunks of an item in the segment that holds them now. */
  private chunksOf(path: string): { segment: SearchSegment; chunks: number[] } | undefined {
    const shard = this.shardOf.get(path);
    const segment = shard === undefined ? undefined : this.segments.get(shard);
    if (!segment) return undefined;
    const idx = segment.itemPaths.lastIndexOf(path);
    if (idx < 0) return undefined;
    const chunks: number[] = [];
    const items = segment.chunkItems;
    for (let c = 0; c < segment.chunkCount; c++) if (items[c] === idx) chunks.push(c);
    return { segment, chunks };
  }

  /**
   * Runs `fn` until it has every fragment it reads: after each round, what it lacked is loaded and
   * it runs again. Damage gives up the segment it was met in (or `segmentId`'s) and runs again.
   */
  private run<T>(fn: () => T, segmentId?: string): Promise<T> {
    const next = this.queue.then(() => this.rounds(fn, segmentId));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async rounds<T>(fn: () => T, segmentId: string | undefined): Promise<T> {
    const store = this.store;
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        let need: number[] = [];
        try {
          store?.beginRun();
          const value = fn();
          need = store?.missedKeys() ?? [];
          if (need.length === 0) return value;
        } catch (e) {
          if (e instanceof FragmentsNeeded) need = e.keys;
          else if (this.giveUp(e, segmentId)) continue;
          else throw e;
        }
        try {
          await store!.load(need);
        } catch (e) {
          if (!this.giveUp(e, segmentId)) throw e;
        }
      }
      throw new Error('changmun: the index kept asking for more of itself');
    } finally {
      store?.endRun();
    }
  }

  /** Damage met: the segment it belongs to is dropped. False when `e` is no damage. */
  private giveUp(e: unknown, segmentId: string | undefined): boolean {
    let name: string;
    if (e instanceof FragmentDamaged) name = e.fileName;
    else if (e instanceof IndexDamagedError) name = e.file;
    else return false;
    const id = segmentId ?? this.segmentOfFile(name);
    this.damaged.push(name || 'index');
    if (id === undefined) {
      for (const s of [...this.segments.keys()]) this.drop(s);
      if (segmentId !== undefined) this.dropped.add(segmentId);
    } else {
      this.drop(id);
    }
    this.engine.complete = false;
    return true;
  }

  private drop(id: string): void {
    this.dropped.add(id);
    const segment = this.segments.get(id);
    if (!segment) return;
    this.segments.delete(id);
    this.engine.removeSegment(segment);
  }

  /** The segment an index file belongs to (by the names the engine and the writer give them). */
  private segmentOfFile(name: string): string | undefined {
    const seg = /^seg-(.+)\.(dict|post)$/.exec(name) ?? /^(\S+) (text|chunks)$/.exec(name);
    if (seg) return seg[1];
    const run = /^(run-[0-9]+-[0-9]+)\.(text|chunks)$/.exec(name);
    if (run) return this.library.index?.segments.find((s: SegmentMeta) => s.parts.some((p) => p.run === run[1]))?.id;
    return undefined;
  }
}
