// A library's search index over its life: load what the drive has saved (titles first, then the
// segments, read in place), notice files added, changed or removed since, index just those, and
// save the result when the drive is writable. Queries can run at every moment; answers say when
// they are complete. A saved index that is damaged (at load or at any later read) or that is not
// the one the drive's signer signed is dropped and built again from the library's files.
import { setImmediate as yieldToQueries } from 'node:timers/promises';
import type { Item, Problem } from '../types.js';
import type { LibraryLocation } from '../drive/locate.js';
import { collectionsOf, type LibrarySettings } from '../drive/library-json.js';
import type { LibraryFile } from '../drive/walk.js';
import type { SavedCatalog, SavedFile, SavedItem } from '../catalog/saved.js';
import { CatalogVersions, type CatalogChanges } from '../catalog/catalog-versions.js';
import { listContentFiles, readLibrarySettings, skipProblems } from '../catalog/library-files.js';
import type { FileResult } from '../catalog/assemble.js';
import { fileKindOf } from '../catalog/file-kinds.js';
import { fileRecords, planUpdate } from '../catalog/plan-update.js';
import { termsOf } from './chunk-terms.js';
import { SearchEngine, toIndexedItem } from './engine.js';
import { checkAgainstCatalog } from './catalog-check.js';
import { dataDirOf, openSavedSegment, readSavedIndex } from './saved-index.js';
import { IndexDamagedError, isIndexDamaged } from './store/damage.js';
import { commitGeneration, isWritable, type IndexManifest } from './store/index-files.js';
import { DiskSegment, MemoryRun, mergeRuns, type SegmentMeta, type WrittenRun } from './store/segment.js';
import { DriveStorage, MemoryStorage, type IndexStorage } from './store/storage.js';
import { DataDir } from '../drive/data-dir.js';

export type { SavedCatalog, SavedFile, SavedItem };

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
  /** Where index files go when they are not saved on the drive: a folder of this PC the caller
   * made and removes (the preview); in memory when not given. */
  scratchDir?: string;
  /** Ignore the saved index and read every file again. */
  rebuild?: boolean;
  /** Characters of text a run holds in memory before it is written out. */
  runChars?: number;
  /** Files read before their items become searchable (whole folders at a time). */
  batchFiles?: number;
  /** The saved index turned out damaged (at load or later): it is being rebuilt. */
  onDamaged?: (e: IndexDamagedError) => void;
  /** A rebuild started after the first start() had resolved has finished. */
  onRebuilt?: (summary: IndexSummary) => void;
  /** Run a few searches once complete, so the first real one is not slowed by compiling (default true). */
  warmUp?: boolean;
}

export interface IndexSummary {
  items: number;
  /** Files that could not be used (notices — a picture book, say — are counted apart). */
  problems: number;
  /** Items that are fine but of which something is worth saying (kind 'notice'). */
  notices: number;
  /** Files read this time (the rest came from the saved index). */
  extracted: number;
  reusedFiles: number;
  shards: number;
  saved: boolean;
  /** Why nothing was saved, when it was not. */
  notSavedReason?: 'read-only' | 'disabled';
  loadedFromDrive: boolean;
  /** The saved index was damaged and was built again (what was wrong, for logs). */
  damaged?: string;
  /** The saved index was not the one the drive's signer signed, and was built again. */
  notAsSigned?: boolean;
}

/** Characters of text a run holds before it is written out (about 16–32 MB of Korean in UTF-8). */
const DEFAULT_RUN_CHARS = 8 * 1024 * 1024;
/** Past this share of replaced chunks, an update rebuilds the whole index instead of adding a segment. */
const MAX_STALE_SHARE = 0.4;
const MAX_ATTEMPTS = 3;

const TYPE_ORDER: Record<string, number> = { article: 0, subtitle: 1, video: 1, book: 2 };

export class LibraryIndex {
  private current = new SearchEngine();
  catalog: SavedCatalog = { settings: { language: 'ko', collections: {}, exclude: [] }, items: [], problems: [], files: [] };
  private manifest: IndexManifest | undefined;
  /** Descriptions of the segments on the drive that the engine uses. */
  private readonly metas = new Map<string, SegmentMeta>();
  private readonly dataDir;
  /** What was wrong with the saved index, when it was dropped. */
  damage: IndexDamagedError | undefined;
  notAsSigned = false;
  private pendingDamage: IndexDamagedError | undefined;
  private passRunning = false;
  /** A rebuild after damage met once start() had resolved. */
  rebuilding: Promise<IndexSummary> | undefined;

  constructor(readonly location: LibraryLocation, private readonly options: IndexOptions = {}) {
    this.current.complete = false;
    this.dataDir = dataDirOf(location);
  }

  /** The engine to query; it answers (incompletely) from the first moment. */
  get engine(): SearchEngine {
    return this.current;
  }

  /**
   * A query. Damage met while answering drops the saved index (a rebuild starts) and the query is
   * answered again from what is indexed so far: an incomplete answer, never a wrong one.
   */
  search(...args: Parameters<SearchEngine['search']>): ReturnType<SearchEngine['search']> {
    try {
      return this.current.search(...args);
    } catch (e) {
      if (!isIndexDamaged(e)) throw e;
      this.damaged(e);
      return this.current.search(...args);
    }
  }

  private damaged(e: IndexDamagedError): void {
    this.damage = e;
    this.options.onDamaged?.(e);
    this.resetEngine();
    if (this.passRunning) {
      this.pendingDamage = e;
      return;
    }
    this.rebuilding = this.runPasses(true);
    this.rebuilding.then((s) => this.options.onRebuilt?.(s), () => {});
  }

  /** A pass stops at its next step when damage was met meanwhile; it is then run again from the files. */
  private checkDamage(): void {
    const e = this.pendingDamage;
    if (e) {
      this.pendingDamage = undefined;
      throw e;
    }
  }

  private resetEngine(): void {
    this.current.close();
    this.current = new SearchEngine();
    this.current.complete = false;
    this.catalog = { ...this.catalog, items: [], problems: [], files: [] };
    this.manifest = undefined;
    this.metas.clear();
    this.inProgress = this.inProgress ? { dropped: new Set(), items: [], problems: [] } : undefined;
  }

  /** Load, bring up to date, save. Resolves when answers are complete. */
  start(): Promise<IndexSummary> {
    return this.runPasses(this.options.rebuild === true);
  }

  private async runPasses(rebuild: boolean): Promise<IndexSummary> {
    let fresh = rebuild;
    for (let attempt = 1; ; attempt++) {
      this.passRunning = true;
      try {
        const summary = await this.pass(fresh);
        if (this.options.warmUp !== false) {
          this.warmUp();
          // Damage the warm-up met: this pass's answers cannot stand; again, from the files.
          this.checkDamage();
        }
        return summary;
      } catch (e) {
        if (!isIndexDamaged(e) || attempt >= MAX_ATTEMPTS) throw e;
        // Damage met while loading or updating: everything from the files, this time.
        if (this.damage !== e) {
          this.damage = e;
          this.options.onDamaged?.(e);
        }
        this.resetEngine();
        fresh = true;
      } finally {
        this.passRunning = false;
        this.pendingDamage = undefined;
      }
    }
  }

  /**
   * A few searches of the library's own most frequent words once the index is complete, so that
   * the first searches a person types do not also pay for compiling the engine's code (the first
   * queries after a start cost two to three times a later one: V8 compiles the hot loops as they
   * run). About a quarter of a second of CPU, once per start; damage met here is handled as anywhere.
   */
  private warmUp(): void {
    const segment = [...this.engine.segmentList].sort((a, b) => b.chunkCount - a.chunkCount)[0];
    if (!segment || segment.chunkCount === 0) return;
    // Terms of the index are analysed words, and they search as themselves.
    const top = segment.frequent(4).map((t) => t.term);
    const title = this.catalog.items.find((i) => i.title.length > 1)?.title ?? '';
    // One word, two words, a word being typed, a title, and a partial match.
    const queries = [top[0], `${top[1]} ${top[2]}`, top[3]?.slice(0, 1), title, `${top[0]} 없는말이겠지요`];
    for (const q of queries) if (q && q.trim() !== '') this.search(q);
  }

  private async pass(fresh: boolean): Promise<IndexSummary> {
    const progress = this.options.onProgress ?? (() => {});
    let loadedFromDrive = false;
    if (!fresh) loadedFromDrive = await this.loadSaved(progress);
    this.checkDamage();

    const { settings, problems: settingsProblems } = await readLibrarySettings(this.location.libraryRoot);
    const { files, skipped } = await listContentFiles(this.location.libraryRoot, settings);
    this.checkDamage();
    progress({ phase: 'checking', done: 0, total: files.length });
    const oldSettings = this.catalog.settings;
    let plan = planUpdate(this.catalog, files);
    const liveChunks = this.catalog.items.reduce((n, i) => n + i.chunkCount, 0);
    const stale = (this.manifest?.staleChunks ?? 0) + plan.replacedChunks;
    if (loadedFromDrive && stale > MAX_STALE_SHARE * Math.max(1, liveChunks + (this.manifest?.staleChunks ?? 0))) {
      // Too much of the saved index is out of date: read everything again rather than pile up segments.
      this.resetEngine();
      plan = planUpdate(this.catalog, files);
    }

    const wantSave = this.options.save !== false;
    const changed = plan.toExtract.length > 0 || plan.removed.length > 0 || JSON.stringify(oldSettings) !== JSON.stringify(settings) || !loadedFromDrive;
    const persist = wantSave && changed && (await isWritable(this.dataDir));
    const scratch = this.options.scratchDir;
    const storage: IndexStorage = persist ? new DriveStorage(this.dataDir) : scratch ? new DriveStorage(new DataDir(scratch)) : new MemoryStorage();

    this.inProgress = { dropped: new Set(plan.droppedItems), items: [], problems: [] };
    const generation = this.nextGeneration();
    const { newItems, newProblems, extracted, meta } = await this.extractAndIndex(plan.toExtract, settings, progress, generation, storage);
    this.inProgress = undefined;
    this.checkDamage();

    // The new catalog: what did not change, plus what was read again.
    const dropped = new Set(plan.droppedItems);
    const newPaths = new Set(newItems.map((i) => i.path));
    for (const path of dropped) if (!newPaths.has(path)) this.engine.removeItem(path);
    const reread = new Set(plan.toExtract.map((f) => f.path));
    const gone = new Set(plan.removed);
    const newShard = meta ? meta.id : undefined;
    const items: SavedItem[] = [
      ...this.catalog.items.filter((i) => !dropped.has(i.path)),
      ...newItems.map((i) => ({ ...i, ...(newShard ? { shard: newShard } : {}) })),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const keptProblems = this.catalog.problems.filter(
      (p) => p.code !== 'settings' && p.code !== 'link-outside' && p.code !== 'unreadable-dir' && !reread.has(p.path) && !gone.has(p.path) && files.some((f) => f.path === p.path),
    );
    const problems: Problem[] = [...settingsProblems, ...[...keptProblems, ...newProblems].sort((a, b) => (a.path < b.path ? -1 : 1)), ...skipProblems(skipped)];
    this.refreshCollections(items, settings);
    this.catalog = { settings, items, problems, files: fileRecords(files, items) };

    let saved = false;
    let notSavedReason: IndexSummary['notSavedReason'];
    if (!wantSave) notSavedReason = 'disabled';
    else if (changed) {
      if (persist) {
        progress({ phase: 'saving', done: 0, total: 1 });
        await this.save(generation, meta);
        progress({ phase: 'saving', done: 1, total: 1 });
        saved = true;
      } else notSavedReason = 'read-only';
    }
    this.checkDamage();
    this.engine.complete = true;
    progress({ phase: 'done', done: files.length, total: files.length });
    return {
      items: items.length,
      problems: problems.filter((p) => p.kind !== 'notice').length,
      notices: problems.filter((p) => p.kind === 'notice').length,
      extracted,
      reusedFiles: files.length - plan.toExtract.length,
      shards: this.engine.shardIds.length,
      saved,
      notSavedReason,
      loadedFromDrive,
      ...(this.damage ? { damaged: this.damage.message } : {}),
      ...(this.notAsSigned ? { notAsSigned: true } : {}),
    };
  }

  close(): void {
    this.engine.close();
  }

  /** While files are being indexed: what is new so far, so the library can be shown as it grows. */
  private inProgress: { dropped: Set<string>; items: SavedItem[]; problems: Problem[] } | undefined;

  private readonly versions = new CatalogVersions();

  /** What changed in the catalog after version `since` (see catalog-versions.ts). */
  changesSince(since: number): CatalogChanges {
    this.versions.update(this.snapshot(false));
    return this.versions.since(since);
  }

  /** The catalog as it stands now: complete once `start()` has resolved, growing before that. */
  snapshot(sorted = true): SavedCatalog {
    const p = this.inProgress;
    if (!p) return this.catalog;
    const items = [...this.catalog.items.filter((i) => !p.dropped.has(i.path)), ...p.items];
    if (sorted) items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { ...this.catalog, items, problems: [...this.catalog.problems, ...p.problems] };
  }

  /** True when the saved index is loaded; false when there is none to use. Throws on damage. */
  private async loadSaved(progress: (p: IndexProgress) => void): Promise<boolean> {
    const read = await readSavedIndex(this.location);
    if (read.status === 'damaged') throw read.error;
    if (read.status === 'not-as-signed') {
      this.notAsSigned = true;
      return false;
    }
    if (read.status !== 'ok') return false;
    const { manifest, catalog } = read;
    // Titles first: the first answers come before any segment is opened.
    for (const item of catalog.items) this.engine.putItem(savedToIndexed(item), item.shard);
    progress({ phase: 'loading', done: 0, total: manifest.segments.length });
    const storage = new DriveStorage(this.dataDir);
    let done = 0;
    for (const entry of manifest.segments) {
      const { meta, segment } = await openSavedSegment(this.location, entry, storage);
      this.engine.addSegment(segment);
      this.metas.set(meta.id, meta);
      progress({ phase: 'loading', done: ++done, total: manifest.segments.length, current: entry.id });
      await yieldToQueries();
      this.checkDamage();
    }
    checkAgainstCatalog(catalog.items, this.engine.segmentList);
    this.catalog = catalog;
    this.manifest = manifest;
    return true;
  }

  private async extractAndIndex(files: LibraryFile[], settings: LibrarySettings, progress: (p: IndexProgress) => void, generation: number, storage: IndexStorage) {
    // What the catalog keeps of each new item: no text (the runs hold it until they are written).
    const newItems: SavedItem[] = [];
    const newProblems: Problem[] = [];
    if (files.length === 0) return { newItems, newProblems, extracted: 0, meta: undefined };
    const ordered = [...files].sort((a, b) => typeRank(a) - typeRank(b) || dirOf(a.path).localeCompare(dirOf(b.path)) || (a.path < b.path ? -1 : 1));
    // Loaded only when there is something to read: a start with an index up to date never needs the
    // extractors (markdown, HTML, zip, encodings), and not loading them is a tenth of a second.
    const [{ ExtractPool }, { assembleCatalog }] = await Promise.all([import('../catalog/pool.js'), import('../catalog/assemble.js')]);
    // The workers also work out each chunk's terms: the analysis runs beside the extraction.
    const pool = new ExtractPool({ workers: this.options.workers, terms: true });
    const runChars = this.options.runChars ?? DEFAULT_RUN_CHARS;
    const engine = this.engine;
    const written: { run: WrittenRun; segment: DiskSegment }[] = [];
    let run: MemoryRun | undefined;
    let runs = 0;
    let done = 0;
    // A full run is written to the drive (or to memory as bytes) and read from there on.
    const flush = async () => {
      if (!run) return;
      const r = run;
      run = undefined;
      const w = await r.write(storage, r.id);
      const segment = DiskSegment.ofRun(w);
      engine.replaceSegments([r.id], segment);
      written.push({ run: w, segment });
    };
    const add = async (items: Item[]) => {
      if (items.length === 0) return;
      if (!run) {
        run = new MemoryRun(`run-${generation}-${runs++}`);
        engine.addSegment(run);
      }
      for (const item of items) {
        run.addItem(
          item.path,
          item.chunks.map((c) => ({
            text: c.text,
            terms: termsOf(c),
            place: { locator: c.locator, ...(c.language ? { language: c.language } : {}), ...(c.cues ? { cues: c.cues } : {}) },
          })),
        );
        engine.putItem(toIndexedItem(item), run.id);
      }
      const saved = items.map((i) => toSavedItem(i, run!.id));
      newItems.push(...saved);
      this.inProgress?.items.push(...saved);
      if (run.textChars >= runChars) await flush();
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
        await add(items);
        progress({ phase: 'indexing', done, total: files.length });
        await yieldToQueries();
        this.checkDamage();
      }
      await next?.catch(() => undefined);
      if (!run && written.length === 0) {
        // Nothing but problems: an empty run keeps the bookkeeping the same.
        run = new MemoryRun(`run-${generation}-${runs++}`);
        engine.addSegment(run);
      }
      await flush();
    } finally {
      await pool.close();
    }
    const id = String(generation);
    const merged = await mergeRuns(id, written, storage);
    const runIds = written.map((w) => w.run.name);
    engine.replaceSegments(runIds, merged.segment);
    engine.reassign(runIds, id);
    await merged.dropRuns();
    this.metas.set(id, merged.meta);
    return { newItems, newProblems, extracted: files.length, meta: merged.meta };
  }

  private nextGeneration(): number {
    return (this.manifest?.generation ?? 0) + 1;
  }

  private async save(generation: number, fresh: SegmentMeta | undefined): Promise<void> {
    // Segments whose every item was replaced are dropped; what remains replaced inside kept ones is stale.
    const live = new Set(this.catalog.items.map((i) => i.shard).filter(Boolean));
    const kept = (this.manifest?.segments ?? []).filter((e) => live.has(e.id) && this.metas.has(e.id)).map((entry) => ({ entry, meta: this.metas.get(entry.id)! }));
    const freshLive = fresh && live.has(fresh.id) ? fresh : undefined;
    const liveChunks = this.catalog.items.reduce((n, i) => n + i.chunkCount, 0);
    const staleChunks = Math.max(0, kept.reduce((n, k) => n + k.meta.chunkCount, 0) + (freshLive?.chunkCount ?? 0) - liveChunks);
    for (const segment of [...this.engine.segmentList]) {
      if (!live.has(segment.id) && this.metas.has(segment.id)) {
        this.engine.removeSegment(segment);
        segment.close();
        this.metas.delete(segment.id);
      }
    }
    this.manifest = await commitGeneration(this.dataDir, generation, this.catalog, kept, freshLive, staleChunks);
  }

  private refreshCollections(items: SavedItem[], settings: LibrarySettings): void {
    items.forEach((item, i) => {
      const cols = collectionsOf(item.path, settings.collections);
      if (cols.join('\n') !== item.collections.join('\n')) {
        // A new object: what changed is told apart by identity (catalog-versions.ts).
        const changed = { ...item, collections: cols };
        items[i] = changed;
        this.engine.putItem(savedToIndexed(changed), changed.shard);
      }
    });
  }
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
