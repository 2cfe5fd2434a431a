// What the index's readers and writers need of a file, and nothing of where it lives: a file on the
// drive checked block by block (sealed.ts), bytes in memory, or, in the browser edition's page,
// fragments loaded from script files (main/browser-edition/page/). No Node here: the search engine
// reads a segment through these interfaces wherever it runs.

/** What a file must be: its size and the SHA-256 of each block (base64 of the hashes end to end). */
export interface Seal {
  size: number;
  blocks: string;
}

/** Bytes of an index file, read by position. */
export interface Blob {
  readonly size: number;
  /**
   * `length` bytes at `offset`. The view may share memory with the block cache, whose buffers are
   * reused: read it before the next read of any index file, never keep it, never write to it.
   */
  read(offset: number, length: number): Uint8Array;
  close(): void;
}

/** Where a file being written goes: appended to, then finished into something to read. */
export interface BlobSink {
  append(bytes: Uint8Array): void;
  /** Bytes appended so far. */
  readonly size: number;
  finish(): Promise<{ blob: Blob; seal: Seal }>;
  /** Give up: nothing of it stays. */
  abort(): void;
}

/** Where index files live (storage.ts: on the drive, or in memory). */
export interface IndexStorage {
  /** True when the files outlive the process (on the drive). */
  readonly persistent: boolean;
  create(name: string): Promise<BlobSink>;
  open(name: string, seal: Seal): Blob;
  remove(name: string): Promise<void>;
}
