// The search engine behind a worker thread, as the app, the preview server and the command line use it.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers.js';
import type { LibraryLocation } from '../drive/locate.js';
import type { IndexOptions, IndexProgress, IndexSummary } from './library-index.js';
import type { SavedCatalog } from '../catalog/saved.js';
import type { CatalogChanges } from '../catalog/catalog-versions.js';
import type { SearchOptions, SearchResponse } from './types.js';
import type { SearchWorkerRequest } from './search-worker.js';

/**
 * The search worker's heap limit. Its heap holds the catalog, the titles and one run of text being
 * indexed (postings and stored text are on the drive or in buffers outside the heap); a limit also
 * makes V8 collect early instead of growing the heap on a PC that has no memory to spare.
 * The benchmark runs our engine with the same limit.
 */
export const SEARCH_HEAP_MB = 384;

type WorkerMessage =
  | { kind: 'progress'; progress: IndexProgress }
  | { kind: 'ready'; summary: IndexSummary; catalog: SavedCatalog }
  | { kind: 'failed'; message: string }
  | { kind: 'damaged'; message: string }
  | { kind: 'rebuilt'; summary: IndexSummary; catalog: SavedCatalog }
  | { kind: 'answer'; id: number; response?: SearchResponse; error?: string }
  | { kind: 'catalog'; id: number; catalog?: SavedCatalog; complete: boolean }
  | { kind: 'changes'; id: number; changes?: CatalogChanges; complete: boolean };

/** Restarts of a worker that stopped by itself before the service gives up. */
const MAX_RESTARTS = 3;

export class SearchService {
  private worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>();
  private readonly waitingCatalog = new Map<number, (c: { catalog?: SavedCatalog; complete: boolean }) => void>();
  private readonly waitingChanges = new Map<number, (c: { changes?: CatalogChanges; complete: boolean }) => void>();
  /** Resolves when the index is complete (loaded, brought up to date, saved where possible). */
  readonly ready: Promise<{ summary: IndexSummary; catalog: SavedCatalog }>;
  private settle!: { resolve: (r: { summary: IndexSummary; catalog: SavedCatalog }) => void; reject: (e: Error) => void };
  private settled = false;
  private closing = false;
  private restarts = 0;
  latestProgress: IndexProgress | undefined;

  /** The saved index turned out damaged after `ready`, and is being built again. */
  onDamaged: ((message: string) => void) | undefined;
  /** That rebuild is done (also: a restarted worker has its index complete again). */
  onRebuilt: ((r: { summary: IndexSummary; catalog: SavedCatalog }) => void) | undefined;
  /** The worker stopped by itself (out of memory, a crash): noticed at once, and it is started again. */
  onWorkerStopped: ((reason: string, restarting: boolean) => void) | undefined;
  /** A damage message seen, and whether a rebuild after `ready` is under way. */
  damage: string | undefined;

  constructor(
    private readonly location: LibraryLocation,
    private readonly options: Omit<IndexOptions, 'onProgress' | 'onDamaged' | 'onRebuilt'> = {},
    private readonly onProgress?: (p: IndexProgress) => void,
  ) {
    this.ready = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.ready.catch(() => {});
    this.worker = this.spawn(options);
  }

  private spawn(options: Omit<IndexOptions, 'onProgress' | 'onDamaged' | 'onRebuilt'>): Worker {
    const worker = startWorker(import.meta.url, 'search-worker', { resourceLimits: { maxOldGenerationSizeMb: SEARCH_HEAP_MB } });
    let lastError: string | undefined;
    worker.on('message', (msg: WorkerMessage) => {
      if (worker !== this.worker) return;
      switch (msg.kind) {
        case 'progress':
          this.latestProgress = msg.progress;
          this.onProgress?.(msg.progress);
          break;
        case 'ready':
          if (!this.settled) {
            this.settled = true;
            this.settle.resolve({ summary: msg.summary, catalog: msg.catalog });
          } else this.onRebuilt?.({ summary: msg.summary, catalog: msg.catalog });
          break;
        case 'failed':
          if (!this.settled) {
            this.settled = true;
            this.settle.reject(new Error(msg.message));
          }
          break;
        case 'damaged':
          this.damage = msg.message;
          this.onDamaged?.(msg.message);
          break;
        case 'rebuilt':
          this.onRebuilt?.({ summary: msg.summary, catalog: msg.catalog });
          break;
        case 'catalog': {
          const w = this.waitingCatalog.get(msg.id);
          this.waitingCatalog.delete(msg.id);
          w?.({ catalog: msg.catalog, complete: msg.complete });
          break;
        }
        case 'changes': {
          const w = this.waitingChanges.get(msg.id);
          this.waitingChanges.delete(msg.id);
          w?.({ changes: msg.changes, complete: msg.complete });
          break;
        }
        case 'answer': {
          const w = this.waiting.get(msg.id);
          this.waiting.delete(msg.id);
          if (msg.response) w?.resolve(msg.response);
          else w?.reject(new Error(msg.error ?? 'changmun: search failed'));
          break;
        }
      }
    });
    worker.on('error', (e) => {
      lastError = e.message;
    });
    worker.on('exit', (code) => {
      if (worker !== this.worker || this.closing) return;
      this.stopped(lastError ?? `exit ${code}`);
    });
    worker.postMessage({ kind: 'open', location: this.location, options } satisfies SearchWorkerRequest);
    return worker;
  }

  /**
   * The worker is gone: every question waiting for it is answered now (not after a timeout), and a
   * new one starts from what the drive has (a rebuild, if the old one was writing its index).
   */
  private stopped(reason: string): void {
    const e = new Error(`changmun: the search engine stopped (${reason}); it is starting again`);
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
    for (const w of this.waitingCatalog.values()) w({ complete: false });
    this.waitingCatalog.clear();
    for (const w of this.waitingChanges.values()) w({ complete: false });
    this.waitingChanges.clear();
    this.latestProgress = undefined;
    const restarting = this.restarts < MAX_RESTARTS;
    this.onWorkerStopped?.(reason, restarting);
    if (!restarting) {
      if (!this.settled) {
        this.settled = true;
        this.settle.reject(e);
      }
      return;
    }
    this.restarts++;
    this.worker = this.spawn({ ...this.options, rebuild: false });
  }

  search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ kind: 'search', id, query, options });
    });
  }

  /** The catalog as it stands: what the drive had saved, growing while files are indexed. */
  catalog(): Promise<{ catalog?: SavedCatalog; complete: boolean }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waitingCatalog.set(id, resolve);
      this.post({ kind: 'catalog', id });
    });
  }

  /** The catalog's changes after version `since` (everything when `since` is not one of this run's). */
  changes(since: number): Promise<{ changes?: CatalogChanges; complete: boolean }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waitingChanges.set(id, resolve);
      this.post({ kind: 'changes', id, since });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.post({ kind: 'close' });
    await this.worker.terminate();
  }

  /** For tests: the worker, as if it stopped by itself. */
  crashForTest(): Promise<number> {
    return this.worker.terminate();
  }

  private post(msg: SearchWorkerRequest): void {
    this.worker.postMessage(msg);
  }
}
