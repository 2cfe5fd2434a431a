// Index files are read in place, a few kilobytes at a time, and every byte read is checked first:
// a file is a run of 8 KiB blocks (small: a snippet reads one or two), and its seal (kept in the segment's description, itself checked
// against the index manifest) holds the SHA-256 of each block. A block is hashed when it is read
// from the drive and kept, checked, in a cache bounded in bytes; a block that does not match its
// hash, or a file of another size, is damage (IndexDamagedError) at whatever moment it is met.
// The same interface is served from memory when the index cannot be kept on the drive.
import { closeSync, fstatSync, openSync, readSync, writeSync, fsyncSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { IndexDamagedError } from './damage.js';
import type { Blob, BlobSink, Seal } from './blob.js';

export type { Blob, BlobSink, Seal } from './blob.js';

export const BLOCK_SIZE = 8 * 1024;
const HASH_BYTES = 32;


/**
 * Checked blocks of every open index file, bounded in bytes. Eviction is "second chance": a block
 * read since it was last passed over is kept once more (near least-recently-used, without moving
 * entries on every read — a query reads thousands of times).
 */
export class BlockCache {
  private readonly blocks = new Map<number, { block: Uint8Array; used: boolean }>();
  private bytes = 0;
  /** Buffers of evicted full blocks, for the next reads (fewer allocations outside the heap). */
  private readonly free: Uint8Array[] = [];
  /** Counts evictions: a file's "last block" is trusted only while none happened since. */
  evictions = 0;

  /** A buffer of BLOCK_SIZE bytes, recycled when one is free. */
  buffer(): Uint8Array {
    return this.free.pop() ?? new Uint8Array(BLOCK_SIZE);
  }

  constructor(readonly maxBytes: number) {}

  get(key: number): Uint8Array | undefined {
    const e = this.blocks.get(key);
    if (e === undefined) return undefined;
    e.used = true;
    return e.block;
  }

  put(key: number, block: Uint8Array): void {
    if (this.blocks.has(key)) return;
    this.blocks.set(key, { block, used: false });
    this.bytes += block.length;
    while (this.bytes > this.maxBytes && this.blocks.size > 1) {
      const [oldest, e] = this.blocks.entries().next().value as [number, { block: Uint8Array; used: boolean }];
      this.blocks.delete(oldest);
      if (e.used && oldest !== key) {
        e.used = false;
        this.blocks.set(oldest, e);
      } else {
        this.bytes -= e.block.length;
        this.evictions++;
        if (e.block.length === BLOCK_SIZE && e.block.byteOffset === 0 && e.block.buffer.byteLength === BLOCK_SIZE && this.free.length < 64) this.free.push(e.block);
      }
    }
  }

  /** Forget the blocks of one file (keys `file * FILE_STRIDE + n`). */
  drop(file: number): void {
    for (const [k, e] of this.blocks) {
      if (Math.floor(k / FILE_STRIDE) === file) {
        this.blocks.delete(k);
        this.bytes -= e.block.length;
        this.evictions++;
      }
    }
  }

  get size(): number {
    return this.bytes;
  }
}

/** Blocks a file may have (8 GiB of 8 KiB blocks): cache keys are file * FILE_STRIDE + block. */
const FILE_STRIDE = 2 ** 20;

/** One cache for the whole process: what it may hold is a memory budget, not a per-file one. */
export const sharedBlockCache = new BlockCache(24 * 1024 * 1024);

let nextFileId = 1;

function hashOf(block: Uint8Array): Buffer {
  return createHash('sha256').update(block).digest();
}

/** A file on the drive, checked block by block as it is read. */
export class SealedFile implements Blob {
  private fd: number | undefined;
  private readonly hashes: Buffer;
  private readonly fileId = nextFileId++;
  /** The block read last: reads of neighbouring records mostly fall in it (while it is cached). */
  private lastN = -1;
  private lastBlock: Uint8Array | undefined;
  private lastEvictions = -1;
  readonly size: number;

  /** Opens `absPath` and checks its size against the seal; `name` is how damage names it. */
  constructor(
    absPath: string,
    seal: Seal,
    readonly name: string,
    private readonly cache: BlockCache = sharedBlockCache,
  ) {
    this.size = seal.size;
    this.hashes = Buffer.from(seal.blocks, 'base64');
    if (this.hashes.length !== blockCount(seal.size) * HASH_BYTES) throw new IndexDamagedError(name, 'its seal does not fit its size');
    if (blockCount(seal.size) > FILE_STRIDE) throw new IndexDamagedError(name, 'it is larger than an index file can be');
    let fd: number;
    try {
      fd = openSync(absPath, 'r');
    } catch (e) {
      throw new IndexDamagedError(name, `it cannot be opened (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const st = fstatSync(fd);
    if (!st.isFile() || st.size !== seal.size) {
      closeSync(fd);
      throw new IndexDamagedError(name, `it has ${st.size} bytes where ${seal.size} were written`);
    }
    this.fd = fd;
  }

  read(offset: number, length: number): Uint8Array {
    if (!(offset >= 0 && length >= 0 && offset + length <= this.size)) {
      throw new IndexDamagedError(this.name, `a read at ${offset}+${length} goes past its ${this.size} bytes`);
    }
    if (length === 0) return new Uint8Array(0);
    const first = Math.floor(offset / BLOCK_SIZE);
    const last = Math.floor((offset + length - 1) / BLOCK_SIZE);
    if (first === last) {
      const block = this.block(first);
      const at = offset - first * BLOCK_SIZE;
      return block.subarray(at, at + length);
    }
    const out = new Uint8Array(length);
    let written = 0;
    for (let b = first; b <= last; b++) {
      const block = this.block(b);
      const from = b === first ? offset - first * BLOCK_SIZE : 0;
      const to = Math.min(block.length, offset + length - b * BLOCK_SIZE);
      out.set(block.subarray(from, to), written);
      written += to - from;
    }
    return out;
  }

  private block(n: number): Uint8Array {
    if (n === this.lastN && this.lastBlock && this.lastEvictions === this.cache.evictions) return this.lastBlock;
    const key = this.fileId * FILE_STRIDE + n;
    const cached = this.cache.get(key);
    if (cached) {
      this.lastN = n;
      this.lastBlock = cached;
      this.lastEvictions = this.cache.evictions;
      return cached;
    }
    if (this.fd === undefined) throw new IndexDamagedError(this.name, 'it was closed');
    const start = n * BLOCK_SIZE;
    const len = Math.min(BLOCK_SIZE, this.size - start);
    const raw = len === BLOCK_SIZE ? this.cache.buffer() : new Uint8Array(len);
    const buf = Buffer.from(raw.buffer, raw.byteOffset, len);
    let got = 0;
    try {
      while (got < len) {
        const r = readSync(this.fd, buf, got, len - got, start + got);
        if (r === 0) break;
        got += r;
      }
    } catch (e) {
      throw new IndexDamagedError(this.name, `block ${n} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (got !== len) throw new IndexDamagedError(this.name, `it ends early, in block ${n}`);
    const expected = this.hashes.subarray(n * HASH_BYTES, (n + 1) * HASH_BYTES);
    if (!hashOf(buf).equals(expected)) throw new IndexDamagedError(this.name, `block ${n} is not what was written`);
    const block = raw;
    this.cache.put(key, block);
    this.lastN = n;
    this.lastBlock = block;
    this.lastEvictions = this.cache.evictions;
    return block;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.lastBlock = undefined;
    this.cache.drop(this.fileId);
  }
}

/** Bytes held in memory (a read-only drive, or the command line, which never writes). */
export class MemoryBlob implements Blob {
  constructor(private readonly bytes: Uint8Array) {}
  get size(): number {
    return this.bytes.length;
  }
  read(offset: number, length: number): Uint8Array {
    if (!(offset >= 0 && length >= 0 && offset + length <= this.bytes.length)) {
      throw new IndexDamagedError('', `a read at ${offset}+${length} goes past ${this.bytes.length} bytes`);
    }
    return this.bytes.subarray(offset, offset + length);
  }
  close(): void {}
}

function blockCount(size: number): number {
  return Math.ceil(size / BLOCK_SIZE);
}


/** Hashes each block as the bytes go by. */
class Sealer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly hashes: Buffer[] = [];
  size = 0;

  push(bytes: Uint8Array): void {
    this.size += bytes.length;
    let b = bytes;
    while (b.length > 0) {
      const take = Math.min(BLOCK_SIZE - this.pendingBytes, b.length);
      this.pending.push(Buffer.from(b.subarray(0, take)));
      this.pendingBytes += take;
      b = b.subarray(take);
      if (this.pendingBytes === BLOCK_SIZE) this.flush();
    }
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const h = createHash('sha256');
    for (const p of this.pending) h.update(p);
    this.hashes.push(h.digest());
    this.pending = [];
    this.pendingBytes = 0;
  }

  seal(): Seal {
    this.flush();
    return { size: this.size, blocks: Buffer.concat(this.hashes).toString('base64') };
  }
}

export class MemorySink implements BlobSink {
  private readonly parts: Buffer[] = [];
  private readonly sealer = new Sealer();

  get size(): number {
    return this.sealer.size;
  }

  append(bytes: Uint8Array): void {
    const copy = Buffer.from(bytes);
    this.parts.push(copy);
    this.sealer.push(copy);
  }

  async finish(): Promise<{ blob: Blob; seal: Seal }> {
    return { blob: new MemoryBlob(Buffer.concat(this.parts)), seal: this.sealer.seal() };
  }

  abort(): void {
    this.parts.length = 0;
  }
}

/** A file being written under .changmun/ (opened by DataDir: a fresh temporary name, renamed at the end). */
export interface NewFile {
  fd: number;
  /** Rename it to its name (after flushing); returns its absolute path. */
  commit(): Promise<string>;
  abort(): void;
}

export class FileSink implements BlobSink {
  private readonly sealer = new Sealer();
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;

  constructor(
    private readonly file: NewFile,
    readonly name: string,
    private readonly cache: BlockCache = sharedBlockCache,
  ) {}

  get size(): number {
    return this.sealer.size;
  }

  append(bytes: Uint8Array): void {
    const copy = Buffer.from(bytes);
    this.sealer.push(copy);
    this.buffered.push(copy);
    this.bufferedBytes += copy.length;
    if (this.bufferedBytes >= 1 << 20) this.drain();
  }

  private drain(): void {
    if (this.bufferedBytes === 0) return;
    const all = Buffer.concat(this.buffered, this.bufferedBytes);
    let off = 0;
    while (off < all.length) off += writeSync(this.file.fd, all, off, all.length - off);
    this.buffered = [];
    this.bufferedBytes = 0;
  }

  async finish(): Promise<{ blob: Blob; seal: Seal }> {
    this.drain();
    fsyncSync(this.file.fd);
    closeSync(this.file.fd);
    const abs = await this.file.commit();
    const seal = this.sealer.seal();
    return { blob: new SealedFile(abs, seal, this.name, this.cache), seal };
  }

  abort(): void {
    this.buffered = [];
    this.file.abort();
  }
}
