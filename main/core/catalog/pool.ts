// A small pool of extraction workers. Each worker holds one file at a time and has a heap limit, so
// memory stays bounded however large the library; a file that hangs or blows the heap costs only
// its own worker, which is replaced, and becomes a problem entry.
import type { Worker } from 'node:worker_threads';
import os from 'node:os';
import type { ExtractErrorCode } from '../errors.js';
import { extractFile, type FileExtract } from '../extract/index.js';
import { isExtractError } from '../errors.js';
import { startWorker } from '../workers.js';
import { attachTerms } from '../search/chunk-terms.js';

export interface ExtractRequest {
  id: number;
  absPath: string;
  relPath: string;
  /** Work out each chunk's search terms too (for the indexer). */
  terms?: boolean;
}

export type ExtractResponse =
  | { id: number; ok: true; extract: FileExtract }
  | { id: number; ok: false; code: ExtractErrorCode; detail: string };

export type ExtractOutcome =
  | { ok: true; extract: FileExtract }
  | { ok: false; code: ExtractErrorCode; detail: string };

export interface PoolOptions {
  /** Worker threads; 0 extracts on the calling thread (for tools that have nothing else to do). */
  workers?: number;
  /** A file taking longer than this is given up on. */
  timeoutMs?: number;
  /** Heap limit of each worker. */
  maxHeapMb?: number;
  /** Work out each chunk's search terms in the workers (the indexer asks for this). */
  terms?: boolean;
}

export function defaultWorkerCount(): number {
  // Leave a core for the UI and for video playback on a two-core PC.
  return Math.max(1, Math.min(4, cores() - 1));
}

/**
 * On a volunteer's computer building a drive nothing else needs the cores: one worker for each
 * (the extraction workers also analyse the text, so the indexing thread is not the bottleneck).
 */
export function buildWorkerCount(): number {
  return Math.max(2, Math.min(8, cores()));
}

/** The PC's cores: os.availableParallelism where Node has it (18.14), else os.cpus() (Node 16, in the legacy build's Electron 22). */
function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : Math.max(1, os.cpus().length);
}

interface Slot {
  worker: Worker;
  busy?: { req: ExtractRequest; resolve: (o: ExtractOutcome) => void; timer: NodeJS.Timeout };
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { req: ExtractRequest; resolve: (o: ExtractOutcome) => void }[] = [];
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly inline: boolean;
  private readonly terms: boolean;

  constructor(options: PoolOptions = {}) {
    const count = options.workers ?? defaultWorkerCount();
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.maxHeapMb = options.maxHeapMb ?? 768;
    this.terms = options.terms === true;
    this.inline = count === 0;
    for (let i = 0; i < count; i++) this.slots.push({ worker: this.spawn() });
  }

  extract(absPath: string, relPath: string): Promise<ExtractOutcome> {
    if (this.closed) return Promise.reject(new Error('changmun: extract pool is closed'));
    if (this.inline) return extractInline(absPath, relPath, this.terms);
    return new Promise((resolve) => {
      this.queue.push({ req: { id: this.nextId++, absPath, relPath, ...(this.terms ? { terms: true } : {}) }, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Worker {
    const worker = startWorker(import.meta.url, 'extract-worker', { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    worker.on('message', (res: ExtractResponse) => this.onMessage(worker, res));
    worker.on('error', (err) => this.onFailure(worker, 'unreadable', `extraction crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (!this.closed) this.onFailure(worker, 'unreadable', `extraction stopped (exit ${code})`);
    });
    return worker;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      const timer = setTimeout(() => {
        void this.replace(slot, 'too-large', `gave up after ${Math.round(this.timeoutMs / 1000)} s`);
      }, this.timeoutMs);
      slot.busy = { ...next, timer };
      slot.worker.postMessage(next.req);
    }
  }

  private onMessage(worker: Worker, res: ExtractResponse): void {
    const slot = this.slots.find((s) => s.worker === worker);
    if (!slot?.busy || slot.busy.req.id !== res.id) return;
    const { resolve, timer } = slot.busy;
    clearTimeout(timer);
    slot.busy = undefined;
    resolve(res.ok ? { ok: true, extract: res.extract } : { ok: false, code: res.code, detail: res.detail });
    this.pump();
  }

  private onFailure(worker: Worker, code: ExtractErrorCode, detail: string): void {
    const slot = this.slots.find((s) => s.worker === worker);
    if (!slot) return;
    void this.replace(slot, code, detail);
  }

  /** The worker is lost or stuck: answer its file with a problem, start a fresh worker. */
  private async replace(slot: Slot, code: ExtractErrorCode, detail: string): Promise<void> {
    const busy = slot.busy;
    slot.busy = undefined;
    const old = slot.worker;
    if (this.closed) return;
    slot.worker = this.spawn();
    if (busy) {
      clearTimeout(busy.timer);
      const oom = /heap|memory/i.test(detail) || /ERR_WORKER_OUT_OF_MEMORY/.test(detail);
      busy.resolve({ ok: false, code: oom ? 'too-large' : code, detail });
    }
    old.removeAllListeners();
    void old.terminate();
    this.pump();
  }
}

async function extractInline(absPath: string, relPath: string, terms: boolean): Promise<ExtractOutcome> {
  try {
    const extract = await extractFile(absPath, relPath);
    if (terms && 'chunks' in extract) attachTerms(extract.chunks);
    return { ok: true, extract };
  } catch (e) {
    if (isExtractError(e)) return { ok: false, code: e.code, detail: e.detail };
    return { ok: false, code: 'unreadable', detail: String(e) };
  }
}
