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

export class SearchService {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>();
  private readonly waitingCatalog = new Map<number, (c: { catalog?: SavedCatalog; complete: boolean }) => void>();
  private readonly waitingChanges = new Map<number, (c: { changes?: CatalogChanges; complete: boolean }) => void>();
  /** Resolves when the index is complete (loaded, brought up to date, saved where possible). */
  readonly ready: Promise<{ summary: IndexSummary; catalog: SavedCatalog }>;
  latestProgress: IndexProgress | undefined;

  /** The saved index turned out damaged after `ready`, and is being built again. */
  onDamaged: ((message: string) => void) | undefined;
  /** That rebuild is done. */
  onRebuilt: ((r: { summary: IndexSummary; catalog: SavedCatalog }) => void) | undefined;
  /** A damage message seen, and whether a rebuild after `ready` is under way. */
  damage: string | undefined;

  constructor(location: LibraryLocation, options: Omit<IndexOptions, 'onProgress' | 'onDamaged' | 'onRebuilt'> = {}, onProgress?: (p: IndexProgress) => void) {
    this.worker = startWorker(import.meta.url, 'search-worker', { resourceLimits: { maxOldGenerationSizeMb: SEARCH_HEAP_MB } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (msg: WorkerMessage) => {
        switch (msg.kind) {
          case 'progress':
            this.latestProgress = msg.progress;
            onProgress?.(msg.progress);
            break;
          case 'ready':
            resolve({ summary: msg.summary, catalog: msg.catalog });
            break;
          case 'failed':
            reject(new Error(msg.message));
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
      this.worker.on('error', (e) => {
        reject(e);
        for (const w of this.waiting.values()) w.reject(e);
        this.waiting.clear();
      });
    });
    this.ready.catch(() => {});
    this.post({ kind: 'open', location, options });
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
    this.post({ kind: 'close' });
    await this.worker.terminate();
  }

  private post(msg: SearchWorkerRequest): void {
    this.worker.postMessage(msg);
  }
}
