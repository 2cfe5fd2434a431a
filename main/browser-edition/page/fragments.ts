// The saved index's files in the page, read through the engine's own Blob interface. Each file was
// cut into fragments at build time (data/i/<file>-<k>.js); a fragment is loaded when a read first
// needs it, checked against its SHA-256, and kept in a cache bounded in bytes.
//
// The engine reads synchronously and loading a script is not, so a read of a fragment that is not
// here yet cannot wait: for the dictionary, postings and chunk tables it throws FragmentsNeeded
// naming what it lacks, and the caller loads those and runs the (deterministic) query again. Reads
// of the stored text (snippets, cues, a book's words) are only collected: they get zeros for now,
// and everything a run lacked is loaded at once before it runs again, so a page of results costs
// one round of loading for its snippets, not one per snippet.
import type { Blob } from '../../core/search/store/blob.js';
import { fragmentId, fragmentScript, type EditionIndexFile } from '../format.js';
import { DataScriptError, sha256Hex, utf8Bytes, type DataScripts } from './scripts.js';

/** Reads met fragments that are not loaded: load them (`keys`), then run again. */
export class FragmentsNeeded extends Error {
  override readonly name = 'FragmentsNeeded';
  constructor(readonly keys: number[]) {
    super(`changmun: ${keys.length} index fragment(s) to load first`);
  }
}

/** A fragment of an index file that is missing from the drive or not what was written. */
export class FragmentDamaged extends Error {
  override readonly name = 'FragmentDamaged';
  constructor(
    /** The file's number in the library script's list. */
    readonly file: number,
    readonly fileName: string,
    readonly script: string,
    readonly reason: 'missing' | 'damaged',
  ) {
    super(`changmun: ${script} (${fileName}) ${reason === 'missing' ? 'is missing' : 'is not what was written'}`);
  }
}

/** Fragments a file may have: keys are file * FILE_STRIDE + fragment. */
const FILE_STRIDE = 2 ** 20;
/** What the page keeps of the index's bytes. */
export const FRAGMENT_CACHE_BYTES = 32 * 1024 * 1024;
/** Scripts loaded at once. */
const PARALLEL_LOADS = 8;

export class FragmentStore {
  private readonly cache = new Map<number, Uint8Array>();
  private bytes = 0;
  /** Fragments the run going on now has read or loaded: not evicted until it ends. */
  private readonly pinned = new Set<number>();
  /** Text fragments lenient reads of this run lacked. */
  private readonly missed = new Set<number>();
  private readonly byName = new Map<string, number>();

  constructor(
    private readonly scripts: DataScripts,
    readonly files: readonly EditionIndexFile[],
    private readonly maxBytes = FRAGMENT_CACHE_BYTES,
  ) {
    files.forEach((f, i) => this.byName.set(f.name, i));
  }

  fileNumber(name: string): number | undefined {
    return this.byName.get(name);
  }

  /** A Blob over the index file `name`; its text is read leniently (see above). */
  blob(name: string): Blob {
    const n = this.byName.get(name);
    if (n === undefined) throw new FragmentDamaged(-1, name, name, 'missing');
    return new FragmentBlob(this, n, this.files[n]!);
  }

  /** A run begins: nothing missed yet. */
  beginRun(): void {
    this.missed.clear();
  }

  /** What the run's lenient reads lacked. */
  missedKeys(): number[] {
    return [...this.missed];
  }

  /** The run is over: its fragments may be evicted again. */
  endRun(): void {
    this.pinned.clear();
    this.missed.clear();
    this.evict();
  }

  /** A loaded fragment (marked used), or undefined. */
  get(key: number): Uint8Array | undefined {
    const f = this.cache.get(key);
    if (f === undefined) return undefined;
    this.cache.delete(key);
    this.cache.set(key, f);
    this.pinned.add(key);
    return f;
  }

  miss(key: number): void {
    this.missed.add(key);
  }

  /** Loads these fragments (a few at a time), each checked; FragmentDamaged at the first bad one. */
  async load(keys: readonly number[]): Promise<void> {
    const todo = [...new Set(keys)].filter((k) => !this.cache.has(k));
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const key = todo[next++]!;
        const bytes = await this.fetch(key);
        if (!this.cache.has(key)) {
          this.cache.set(key, bytes);
          this.bytes += bytes.length;
        }
        this.pinned.add(key);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_LOADS, todo.length) }, worker));
    this.evict();
  }

  private async fetch(key: number): Promise<Uint8Array> {
    const file = Math.floor(key / FILE_STRIDE);
    const k = key % FILE_STRIDE;
    const f = this.files[file]!;
    const script = fragmentScript(file, k);
    let payload: string;
    try {
      payload = await this.scripts.load(script, fragmentId(file, k));
    } catch (e) {
      if (e instanceof DataScriptError) throw new FragmentDamaged(file, f.name, script, e.reason);
      throw e;
    }
    let bytes: Uint8Array;
    try {
      bytes = f.kind === 'text' ? utf8Bytes(payload) : base64Bytes(payload);
    } catch {
      throw new FragmentDamaged(file, f.name, script, 'damaged');
    }
    if (bytes.length !== f.starts[k + 1]! - f.starts[k]! || sha256Hex(bytes) !== f.sha256[k]) throw new FragmentDamaged(file, f.name, script, 'damaged');
    return bytes;
  }

  private evict(): void {
    for (const [key, f] of this.cache) {
      if (this.bytes <= this.maxBytes) return;
      if (this.pinned.has(key)) continue;
      this.cache.delete(key);
      this.bytes -= f.length;
    }
  }
}

function base64Bytes(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

class FragmentBlob implements Blob {
  readonly size: number;
  private readonly lenient: boolean;

  constructor(
    private readonly store: FragmentStore,
    private readonly file: number,
    private readonly f: EditionIndexFile,
  ) {
    this.size = f.size;
    this.lenient = f.kind === 'text';
  }

  read(offset: number, length: number): Uint8Array {
    if (!(offset >= 0 && length >= 0 && offset + length <= this.size)) {
      throw new FragmentDamaged(this.file, this.f.name, this.f.name, 'damaged');
    }
    if (length === 0) return new Uint8Array(0);
    const starts = this.f.starts;
    const first = fragmentAt(starts, offset);
    const last = fragmentAt(starts, offset + length - 1);
    const parts: Uint8Array[] = [];
    const lacking: number[] = [];
    for (let k = first; k <= last; k++) {
      const key = this.file * FILE_STRIDE + k;
      const bytes = this.store.get(key);
      if (bytes) parts.push(bytes);
      else lacking.push(key);
    }
    if (lacking.length > 0) {
      if (!this.lenient) throw new FragmentsNeeded(lacking);
      for (const key of lacking) this.store.miss(key);
      return new Uint8Array(length);
    }
    if (first === last) {
      const at = offset - starts[first]!;
      return parts[0]!.subarray(at, at + length);
    }
    const out = new Uint8Array(length);
    let written = 0;
    for (let k = first; k <= last; k++) {
      const bytes = parts[k - first]!;
      const from = k === first ? offset - starts[k]! : 0;
      const to = Math.min(bytes.length, offset + length - starts[k]!);
      out.set(bytes.subarray(from, to), written);
      written += to - from;
    }
    return out;
  }

  close(): void {}
}

/** The fragment holding byte `at` (starts rise, the last one is the file's size). */
function fragmentAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
