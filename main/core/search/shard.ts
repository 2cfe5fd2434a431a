// A content shard: the FlexSearch index of a batch of chunks, which item and place each chunk is,
// and where its text is kept for snippets (in memory while indexing, in a file once saved).
import { promises as fs, openSync, readSync, closeSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzip, gunzip } from 'node:zlib';
import path from 'node:path';
import type { Document } from 'flexsearch';
import type { Chunk, Locator } from '../types.js';
import { writeFileAtomic } from '../drive/atomic.js';
import { countsOf, createTextIndex, encodedTerms, RAW_TERM, INDEX_FORMAT, type TextDoc } from './config.js';
import { Vocabulary } from './vocabulary.js';

export interface ShardChunk {
  /** Index into the shard's `itemPaths`. */
  item: number;
  locator: Locator;
  language?: string;
  cues?: [number, number][];
}

interface TextStore {
  get(local: number): string;
  close(): void;
}

class MemoryText implements TextStore {
  constructor(private readonly texts: string[]) {}
  get(local: number): string {
    return this.texts[local] ?? '';
  }
  close(): void {}
  all(): string[] {
    return this.texts;
  }
}

/** Chunk texts concatenated in one UTF-8 file; only the chunks shown as snippets are ever read. */
class FileText implements TextStore {
  private fd: number | undefined;
  constructor(private readonly file: string, private readonly offsets: number[]) {}
  get(local: number): string {
    const start = this.offsets[local];
    const end = this.offsets[local + 1];
    if (start === undefined || end === undefined) return '';
    this.fd ??= openSync(this.file, 'r');
    const buf = Buffer.alloc(end - start);
    readSync(this.fd, buf, 0, buf.length, start);
    return buf.toString('utf8');
  }
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface ShardMeta {
  format: number;
  id: string;
  itemPaths: string[];
  chunks: ShardChunk[];
  /** Byte offsets of each chunk's text in shard-<id>.txt, and its end. */
  offsets: number[];
}

export class ContentShard {
  private constructor(
    readonly id: string,
    private readonly index: Document<TextDoc>,
    readonly itemPaths: string[],
    readonly chunks: ShardChunk[],
    private text: TextStore,
  ) {}

  get size(): number {
    return this.chunks.length;
  }

  /** Index the chunks of some items; their terms are counted into `vocabulary`. */
  static build(id: string, items: { path: string; chunks: Chunk[] }[], vocabulary: Vocabulary): ContentShard {
    const shard = new ContentShard(id, createTextIndex(), [], [], new MemoryText([]));
    shard.append(items, vocabulary);
    return shard;
  }

  /** While a shard is being built (not yet saved), more items can join it. */
  get open(): boolean {
    return this.text instanceof MemoryText;
  }

  /** Characters of text held (for deciding when a shard is full). */
  textLength = 0;

  append(items: { path: string; chunks: Chunk[] }[], vocabulary: Vocabulary): void {
    if (!(this.text instanceof MemoryText)) throw new Error('changmun: a saved shard cannot grow');
    const texts = this.text.all();
    for (const item of items) {
      const itemIndex = this.itemPaths.push(item.path) - 1;
      for (const c of item.chunks) {
        const local = this.chunks.length;
        this.chunks.push({ item: itemIndex, locator: c.locator, ...(c.language ? { language: c.language } : {}), ...(c.cues ? { cues: c.cues } : {}) });
        texts.push(c.text);
        this.textLength += c.text.length;
        this.index.add({ id: local, text: c.text });
        vocabulary.addChunkTerms(countsOf(encodedTerms(c.text)).keys());
      }
    }
  }

  /** Local ids of the chunks holding an (already analysed) term, densest first. */
  lookup(term: string): number[] {
    const res = this.index.search(RAW_TERM + term, { limit: this.chunks.length || 1 }) as unknown as { result: number[] }[];
    return res[0]?.result ?? [];
  }

  textOf(local: number): string {
    return this.text.get(local);
  }

  itemPathOf(local: number): string {
    return this.itemPaths[this.chunks[local]!.item]!;
  }

  close(): void {
    this.text.close();
  }

  /** Write `<dir>/shard-<id>.idx.gz` (index and chunk places) and `.txt` (chunk text), each atomically. */
  async save(dir: string): Promise<{ bytes: number; indexBytes: number }> {
    if (!(this.text instanceof MemoryText)) throw new Error('changmun: only a shard built in memory can be saved');
    const parts: Record<string, string> = {};
    await this.index.export((key: string, data: string) => {
      parts[key] = data;
    });
    const buffers = this.text.all().map((t) => Buffer.from(t, 'utf8'));
    const offsets = [0];
    for (const b of buffers) offsets.push(offsets.at(-1)! + b.length);
    const meta: ShardMeta = { format: INDEX_FORMAT, id: this.id, itemPaths: this.itemPaths, chunks: this.chunks, offsets };
    // One line of metadata, then one line per FlexSearch export part as `key<TAB>data`: the parts
    // are JSON already, and wrapping them in more JSON would make loading parse them twice.
    // (Terms never hold white space, so neither tab nor newline can occur inside a part.)
    const lines = [JSON.stringify(meta), ...Object.entries(parts).map(([k, v]) => `${k}\t${v}`)];
    // Posting lists are long runs of small numbers: gzip shrinks them several times over, and
    // reading less from a slow USB stick is worth more than the time it takes to inflate.
    const json = await gzipAsync(lines.join('\n'), { level: 4 });
    const text = Buffer.concat(buffers);
    await writeFileAtomic(path.join(dir, `shard-${this.id}.txt`), text);
    await writeFileAtomic(path.join(dir, `shard-${this.id}.idx.gz`), json);
    // From now on snippets are read from the drive and the text leaves memory.
    this.text = new FileText(path.join(dir, `shard-${this.id}.txt`), offsets);
    return { bytes: json.length + text.length, indexBytes: json.length };
  }

  /** Only the metadata line of a saved shard: which items and places its chunks are. */
  static async readMeta(dir: string, id: string): Promise<ShardMeta> {
    const raw = (await gunzipAsync(await fs.readFile(path.join(dir, `shard-${id}.idx.gz`)))).toString('utf8');
    const end = raw.indexOf('\n');
    return JSON.parse(end < 0 ? raw : raw.slice(0, end)) as ShardMeta;
  }

  static async load(dir: string, id: string): Promise<ContentShard> {
    const raw = (await gunzipAsync(await fs.readFile(path.join(dir, `shard-${id}.idx.gz`)))).toString('utf8');
    const lines = raw.split('\n');
    const meta = JSON.parse(lines[0]!) as ShardMeta;
    if (meta.format !== INDEX_FORMAT || meta.id !== id) throw new Error(`changmun: shard ${id} has another format`);
    const index = createTextIndex();
    for (const line of lines.slice(1)) {
      const tab = line.indexOf('\t');
      if (tab > 0) index.import(line.slice(0, tab), line.slice(tab + 1));
    }
    return new ContentShard(id, index, meta.itemPaths, meta.chunks, new FileText(path.join(dir, `shard-${id}.txt`), meta.offsets));
  }
}
