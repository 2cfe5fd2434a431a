// A library's search index over its life: load what the drive has saved (titles first, then shard
// by shard), notice files added, changed or removed since, index just those, and save the result
// when the drive is writable. Queries can run at every moment; answers say when they are complete.
import { setImmediate as yieldToQueries } from 'node:timers/promises';
import type { Item, Problem } from '../types.js';
import type { LibraryLocation } from '../drive/locate.js';
import { collectionsOf, type LibrarySettings } from '../drive/library-json.js';
import type { LibraryFile } from '../drive/walk.js';
import { listContentFiles, readLibrarySettings, skipProblems } from '../catalog/scan.js';
import { assembleCatalog, type FileResult } from '../catalog/assemble.js';
import { ExtractPool } from '../catalog/pool.js';
import { fileKindOf } from '../catalog/file-kinds.js';
import { SearchEngine, toIndexedItem } from './engine.js';
import { ContentShard } from './shard.js';
import {
  commitGeneration, indexDir, isWritable, readManifest, readSavedCatalog, readVocabulary,
  type IndexManifest, type SavedCatalog, type SavedFile, type SavedItem, type ShardEntry,
} from './store.js';

export interface IndexProgress {
  phase: 'loading' | 'checking' | 'indexing' | 'saving' | 'done';
  done: number;
  total: number;
  current?: string;
}

export interface IndexOptions {
  /** Extraction worker threads (see ExtractPool). */
  workers?: number;
  onProgress?: (p: IndexProgress) => void;
  /** Keep the index on the drive when it is writable (default true). */
  save?: boolean;
  /** Ignore the saved index and read every file again. */
  rebuild?: boolean;
  /** Characters of text per shard before a new one is started. */
  shardChars?: number;
  /** Files read before their items become searchable (whole folders at a time). */
  batchFiles?: number;
}

export interface IndexSummary {
  items: number;
  problems: number;
  /** Files read this time (the rest came from the saved index). */
  extracted: number;
  reusedFiles: number;
  shards: number;
  saved: boolean;
  /** Why nothing was saved, when it was not. */
  notSavedReason?: 'read-only' | 'disabled';
  loadedFromDrive: boolean;
}

/** Characters of text per shard (about 4–6 MB of Korean in UTF-8). */
const DEFAULT_SHARD_CHARS = 2 * 1024 * 1024;
/** Past this share of replaced chunks, an update rebuilds the whole index instead of adding a shard. */
const MAX_STALE_SHARE = 0.4;

const TYPE_ORDER: Record<string, number> = { article: 0, subtitle: 1, video: 1, book: 2 };

export class LibraryIndex {
  private current = new SearchEngine();
  catalog: SavedCatalog = { settings: { language: 'ko', collections: {}, exclude: [] }, items: [], problems: [], files: [] };
  private manifest: IndexManifest | undefined;
  /** Shards built in this process and not yet saved. */
  private fresh: ContentShard[] = [];
  private shardCounter = 0;

  constructor(readonly location: LibraryLocation, private readonly options: IndexOptions = {}) {
    this.current.complete = false;
  }

  /** The engine to query; it answers (incompletely) from the first moment. */
  get engine(): SearchEngine {
    return this.current;
  }

  private resetEngine(): void {
    this.current.close();
    this.current = new SearchEngine();
    this.current.complete = false;
    this.catalog = { ...this.catalog, items: [], problems: [], files: [] };
    this.shardOfNew.clear();
    this.fresh = [];
  }

  /** Load, bring up to date, save. Resolves when answers are complete. */
  async start(): Promise<IndexSummary> {
    const progress = this.options.onProgress ?? (() => {});
    let loadedFromDrive = false;
    if (!this.options.rebuild) loadedFromDrive = await this.loadSaved(progress);

    const { settings, problems: settingsProblems } = await readLibrarySettings(this.location.libraryRoot);
    const { files, skipped } = await listContentFiles(this.location.libraryRoot, settings);
    progress({ phase: 'checking', done: 0, total: files.length });
    const oldSettings = this.catalog.settings;
    let plan = planUpdate(this.catalog, files);
    const liveChunks = this.catalog.items.reduce((n, i) => n + i.chunkCount, 0);
    const stale = (this.manifest?.staleChunks ?? 0) + plan.replacedChunks;
    if (loadedFromDrive && stale > MAX_STALE_SHARE * Math.max(1, liveChunks + (this.manifest?.staleChunks ?? 0))) {
      // Too much of the saved index is out of date: read everything again rather than pile up shards.
      this.resetEngine();
      plan = planUpdate(this.catalog, files);
    }

    this.inProgress = { dropped: new Set(plan.droppedItems), items: [], problems: [] };
    const { newItems, newProblems, extracted } = await this.extractAndIndex(plan.toExtract, settings, progress);
    this.inProgress = undefined;

    // The new catalog: what did not change, plus what was read again.
    const dropped = new Set(plan.droppedItems);
    for (const path of dropped) if (!newItems.some((i) => i.path === path)) this.engine.removeItem(path);
    const reread = new Set(plan.toExtract.map((f) => f.path));
    const gone = new Set(plan.removed);
    const items: SavedItem[] = [
      ...this.catalog.items.filter((i) => !dropped.has(i.path)),
      ...newItems.map((i) => toSavedItem(i, this.shardOfNew.get(i.path))),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const keptProblems = this.catalog.problems.filter(
      (p) => p.code !== 'settings' && p.code !== 'link-outside' && p.code !== 'unreadable-dir' && !reread.has(p.path) && !gone.has(p.path) && files.some((f) => f.path === p.path),
    );
    const problems: Problem[] = [...settingsProblems, ...[...keptProblems, ...newProblems].sort((a, b) => (a.path < b.path ? -1 : 1)), ...skipProblems(skipped)];
    this.refreshCollections(items, settings);
    this.catalog = { settings, items, problems, files: fileRecords(files, items) };

    const changed = plan.toExtract.length > 0 || plan.removed.length > 0 || JSON.stringify(oldSettings) !== JSON.stringify(settings);
    let saved = false;
    let notSavedReason: IndexSummary['notSavedReason'];
    if (this.options.save === false) notSavedReason = 'disabled';
    else if (changed || !loadedFromDrive) {
      if (await isWritable(this.location.dataDir)) {
        const total = this.fresh.length;
        progress({ phase: 'saving', done: 0, total });
        await this.save((done) => progress({ phase: 'saving', done, total }));
        saved = true;
      } else notSavedReason = 'read-only';
    }
    this.engine.complete = true;
    progress({ phase: 'done', done: files.length, total: files.length });
    return {
      items: items.length,
      problems: problems.length,
      extracted,
      reusedFiles: files.length - plan.toExtract.length,
      shards: this.engine.shardIds.length,
      saved,
      notSavedReason,
      loadedFromDrive,
    };
  }

  close(): void {
    this.engine.close();
  }

  private readonly shardOfNew = new Map<string, string>();
  /** While files are being indexed: what is new so far, so the library can be shown as it grows. */
  private inProgress: { dropped: Set<string>; items: SavedItem[]; problems: Problem[] } | undefined;

  /** The catalog as it stands now: complete once `start()` has resolved, growing before that. */
  snapshot(): SavedCatalog {
    const p = this.inProgress;
    if (!p) return this.catalog;
    const items = [...this.catalog.items.filter((i) => !p.dropped.has(i.path)), ...p.items]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { ...this.catalog, items, problems: [...this.catalog.problems, ...p.problems] };
  }

  private async loadSaved(progress: (p: IndexProgress) => void): Promise<boolean> {
    const manifest = await readManifest(this.location.dataDir);
    if (!manifest) return false;
    try {
      const saved = await readSavedCatalog(this.location.dataDir, manifest);
      // Titles first: the first answers come before any shard is read.
      for (const item of saved.items) this.engine.putItem(savedToIndexed(item), item.shard);
      progress({ phase: 'loading', done: 0, total: manifest.shards.length });
      this.engine.vocabulary.merge(await readVocabulary(this.location.dataDir, manifest));
      let done = 0;
      for (const entry of manifest.shards) {
        this.engine.addShard(await ContentShard.load(indexDir(this.location.dataDir), entry.id));
        progress({ phase: 'loading', done: ++done, total: manifest.shards.length, current: entry.id });
        await yieldToQueries();
      }
      this.catalog = saved;
      this.manifest = manifest;
      return true;
    } catch {
      // A damaged index is not the reader's problem: start over from the files.
      this.resetEngine();
      return false;
    }
  }

  private async extractAndIndex(files: LibraryFile[], settings: LibrarySettings, progress: (p: IndexProgress) => void) {
    const newItems: Item[] = [];
    const newProblems: Problem[] = [];
    if (files.length === 0) return { newItems, newProblems, extracted: 0 };
    const ordered = [...files].sort((a, b) => typeRank(a) - typeRank(b) || dirOf(a.path).localeCompare(dirOf(b.path)) || (a.path < b.path ? -1 : 1));
    const pool = new ExtractPool({ workers: this.options.workers });
    const shardBytes = this.options.shardChars ?? DEFAULT_SHARD_CHARS;
    let done = 0;
    let current: ContentShard | undefined;
    // Items become searchable batch by batch; a shard keeps growing until it holds enough text.
    const add = (items: Item[]) => {
      if (items.length === 0) return;
      const id = current && current.textLength < shardBytes ? current.id : `${this.nextGeneration()}-${this.shardCounter++}`;
      const shard = this.engine.indexItems(id, items);
      if (shard !== current) this.fresh.push(shard);
      current = shard;
      for (const i of items) this.shardOfNew.set(i.path, id);
      newItems.push(...items);
      this.inProgress?.items.push(...items.map((i) => toSavedItem(i, id)));
    };
    try {
      // Films and their subtitles pair within a folder, so a batch never splits a folder.
      const extractBatch = (batch: LibraryFile[]): Promise<FileResult[]> =>
        Promise.all(
          batch.map(async (file) => {
            const outcome = await pool.extract(file.absPath, file.path);
            progress({ phase: 'indexing', done: ++done, total: files.length, current: file.path });
            return { file, outcome };
          }),
        );
      const batches = [...batchesByFolder(ordered, this.options.batchFiles ?? 16)];
      // The workers read the next batch while this thread indexes the current one.
      let next = batches.length > 0 ? extractBatch(batches[0]!) : undefined;
      for (let b = 0; b < batches.length; b++) {
        const results = await next!;
        next = b + 1 < batches.length ? extractBatch(batches[b + 1]!) : undefined;
        const { items, problems } = assembleCatalog(results, settings);
        newProblems.push(...problems);
        this.inProgress?.problems.push(...problems);
        add(items);
        progress({ phase: 'indexing', done, total: files.length });
        await yieldToQueries();
      }
    } finally {
      await pool.close();
    }
    return { newItems, newProblems, extracted: files.length };
  }

  private nextGeneration(): number {
    return (this.manifest?.generation ?? 0) + 1;
  }

  private async save(onShardSaved: (done: number) => void = () => {}): Promise<void> {
    const dir = indexDir(this.location.dataDir);
    const entries: ShardEntry[] = (this.manifest?.shards ?? []).filter((s) => this.engine.shardIds.includes(s.id));
    let saved = 0;
    for (const shard of this.fresh) {
      const { bytes, indexBytes } = await shard.save(dir);
      entries.push({ id: shard.id, chunks: shard.size, bytes, indexBytes });
      onShardSaved(++saved);
    }
    // Shards whose every item was replaced are dropped; what remains replaced inside kept shards is stale.
    const live = new Set(this.catalog.items.map((i) => i.shard).filter(Boolean));
    const kept = entries.filter((e) => live.has(e.id));
    const liveChunks = this.catalog.items.reduce((n, i) => n + i.chunkCount, 0);
    const staleChunks = Math.max(0, kept.reduce((n, e) => n + e.chunks, 0) - liveChunks);
    this.manifest = await commitGeneration(this.location.dataDir, this.nextGeneration(), this.catalog, this.engine.vocabulary, kept, staleChunks);
    this.fresh = [];
  }

  private refreshCollections(items: SavedItem[], settings: LibrarySettings): void {
    for (const item of items) {
      const cols = collectionsOf(item.path, settings.collections);
      if (cols.join('\n') !== item.collections.join('\n')) {
        item.collections = cols;
        this.engine.putItem(savedToIndexed(item), item.shard);
      }
    }
  }
}

interface UpdatePlan {
  toExtract: LibraryFile[];
  removed: string[];
  droppedItems: string[];
  replacedChunks: number;
}

/** Which files to read again: changed or new ones, and every file of an item any of them touches. */
export function planUpdate(catalog: SavedCatalog, files: LibraryFile[]): UpdatePlan {
  const old = new Map(catalog.files.map((f) => [f.path, f]));
  const now = new Map(files.map((f) => [f.path, f]));
  const changed = files.filter((f) => {
    const o = old.get(f.path);
    return !o || o.size !== f.size || o.mtimeMs !== f.mtimeMs;
  });
  const removed = catalog.files.filter((f) => !now.has(f.path)).map((f) => f.path);
  const touched = [...changed.map((f) => f.path), ...removed];
  const dirty = new Set(changed.map((f) => f.path));
  const droppedItems = new Set<string>();
  const media = (p: string) => ['video', 'subtitle'].includes(fileKindOf(p));
  const mediaDirs = new Set(touched.filter(media).map(dirOf));
  for (const path of touched) {
    const item = old.get(path)?.item;
    if (item) droppedItems.add(item);
  }
  // A subtitle added beside a film changes the film: every film and subtitle in that folder again.
  for (const f of catalog.files) if (media(f.path) && mediaDirs.has(dirOf(f.path)) && f.item) droppedItems.add(f.item);
  for (const f of catalog.files) if (f.item && droppedItems.has(f.item) && now.has(f.path)) dirty.add(f.path);
  for (const f of files) if (media(f.path) && mediaDirs.has(dirOf(f.path))) dirty.add(f.path);
  const byPath = new Map(catalog.items.map((i) => [i.path, i]));
  const replacedChunks = [...droppedItems].reduce((n, p) => n + (byPath.get(p)?.chunkCount ?? 0), 0);
  return { toExtract: files.filter((f) => dirty.has(f.path)), removed, droppedItems: [...droppedItems], replacedChunks };
}

function fileRecords(files: LibraryFile[], items: SavedItem[]): SavedFile[] {
  const owner = new Map<string, string>();
  for (const item of items) {
    owner.set(item.path, item.path);
    for (const s of item.subtitles ?? []) owner.set(s.path, item.path);
  }
  return files.map((f) => ({ path: f.path, size: f.size, mtimeMs: f.mtimeMs, ...(owner.has(f.path) ? { item: owner.get(f.path)! } : {}) }));
}

function toSavedItem(item: Item, shard: string | undefined): SavedItem {
  const { chunks, ...rest } = item;
  return { ...rest, chunkCount: chunks.length, ...(shard ? { shard } : {}) };
}

function savedToIndexed(item: SavedItem) {
  return toIndexedItem({ ...item, chunks: [] } as Item);
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function typeRank(f: LibraryFile): number {
  return TYPE_ORDER[fileKindOf(f.path)] ?? 3;
}

function* batchesByFolder(files: LibraryFile[], size: number): Generator<LibraryFile[]> {
  let batch: LibraryFile[] = [];
  for (let i = 0; i < files.length; i++) {
    batch.push(files[i]!);
    const next = files[i + 1];
    if (batch.length >= size && (!next || dirOf(next.path) !== dirOf(files[i]!.path))) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
