// A part: the chunks one run of indexing wrote — for each chunk its item, where its text lies in the
// part's text file (for snippets) and its place in the item (the locator a reader opens). Chunk
// numbers in a part are local (0…count-1); a segment lines its parts up one after another.
//
// The chunks file: `count` item numbers (u32), `count+1` text offsets (f64), `count+1` record offsets
// (u32), then one record per chunk: a flags varint, then the locator's fields (strings as indexes
// into the part's string table), the chunk's language, and a subtitle chunk's cue starts.
import type { Chunk, Locator } from '../../types.js';
import { ByteReader, ByteWriter, MalformedBytes, readF64, readU32 } from './bytes.js';
import type { Blob, BlobSink, Seal } from './blob.js';

const HREF = 1;
const ORDINAL = 2;
const START_MS = 4;
const ANCHOR = 8;
const LANGUAGE = 16;
const CUES = 32;
const MAX_STRING = 4096;
/**
 * Chunk text is read in the browser edition's page too (no Buffer there); a byte-order mark at the
 * start of a chunk is text like any other, as Buffer's decoder kept it.
 */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** What the segment's description says of a part (checked when read). */
export interface PartMeta {
  count: number;
  /** Item paths; a chunk names its item by its place here. */
  items: string[];
  /** Hrefs, anchors and languages of the part's chunks. */
  strings: string[];
  text: Seal;
  chunks: Seal;
}

export interface ChunkPlace {
  locator: Locator;
  language?: string;
  /** [offset in the chunk's text, start ms] of each cue after the first. */
  cues?: [number, number][];
}

export class PartWriter {
  readonly items: string[] = [];
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly itemOf: number[] = [];
  private readonly textOffsets: number[] = [0];
  private readonly records = new ByteWriter(1 << 16);
  private readonly recordOffsets: number[] = [0];
  private textBytes = 0;

  constructor(
    private readonly text: BlobSink,
    private readonly chunks: BlobSink,
  ) {}

  get count(): number {
    return this.itemOf.length;
  }

  addItem(path: string): number {
    return this.items.push(path) - 1;
  }

  private stringId(s: string): number {
    const clipped = s.length > MAX_STRING ? s.slice(0, MAX_STRING) : s;
    let id = this.stringIds.get(clipped);
    if (id === undefined) {
      id = this.strings.push(clipped) - 1;
      this.stringIds.set(clipped, id);
    }
    return id;
  }

  /** Appends a chunk of item `item` (from addItem); returns its local number. */
  addChunk(item: number, chunk: Chunk): number {
    const bytes = Buffer.from(chunk.text, 'utf8');
    this.text.append(bytes);
    this.textBytes += bytes.length;
    this.textOffsets.push(this.textBytes);
    this.itemOf.push(item);
    const { href, ordinal, startMs, anchor } = chunk.locator;
    let flags = 0;
    if (href !== undefined) flags |= HREF;
    if (ordinal !== undefined) flags |= ORDINAL;
    if (startMs !== undefined) flags |= START_MS;
    if (anchor !== undefined) flags |= ANCHOR;
    if (chunk.language !== undefined) flags |= LANGUAGE;
    if (chunk.cues !== undefined && chunk.cues.length > 0) flags |= CUES;
    const w = this.records;
    w.varint(flags);
    if (href !== undefined) w.varint(this.stringId(href));
    if (ordinal !== undefined) w.varint(Math.max(0, Math.trunc(ordinal)));
    if (startMs !== undefined) w.varint(Math.max(0, Math.trunc(startMs)));
    if (anchor !== undefined) w.varint(this.stringId(anchor));
    if (chunk.language !== undefined) w.varint(this.stringId(chunk.language));
    if (flags & CUES) {
      w.varint(chunk.cues!.length);
      for (const [offset, ms] of chunk.cues!) {
        w.varint(Math.max(0, Math.trunc(offset)));
        w.varint(Math.max(0, Math.trunc(ms)));
      }
    }
    this.recordOffsets.push(w.length);
    return this.itemOf.length - 1;
  }

  /** Writes the chunks file; the caller finishes both sinks and keeps their seals. */
  end(): { count: number; items: string[]; strings: string[] } {
    const n = this.itemOf.length;
    const head = new ByteWriter(n * 16 + 16);
    for (const i of this.itemOf) head.u32(i);
    for (const o of this.textOffsets) head.f64(o);
    for (const o of this.recordOffsets) head.u32(o);
    this.chunks.append(head.view());
    this.chunks.append(this.records.view());
    return { count: n, items: this.items, strings: this.strings };
  }
}

export class PartReader {
  private readonly itemOf: Uint32Array;
  private readonly textOffsets: Float64Array;
  private readonly recordOffsets: Uint32Array;
  private readonly recordsStart: number;

  /** Reads and checks the part's tables; throws MalformedBytes on anything that cannot be right. */
  constructor(
    readonly meta: PartMeta,
    private readonly text: Blob,
    private readonly chunks: Blob,
  ) {
    const n = meta.count;
    const tableBytes = n * 4 + (n + 1) * 8 + (n + 1) * 4;
    if (chunks.size < tableBytes) throw new MalformedBytes('the chunk table is shorter than its count');
    const t = chunks.read(0, tableBytes);
    this.itemOf = new Uint32Array(n);
    this.textOffsets = new Float64Array(n + 1);
    this.recordOffsets = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const item = readU32(t, i * 4);
      if (item >= meta.items.length) throw new MalformedBytes('a chunk names an item the part does not have');
      this.itemOf[i] = item;
    }
    for (let i = 0; i <= n; i++) {
      const o = readF64(t, n * 4 + i * 8);
      if (!Number.isInteger(o) || o < (i === 0 ? 0 : this.textOffsets[i - 1]!) || o > text.size || (i === 0 && o !== 0)) {
        throw new MalformedBytes('the text offsets are out of order');
      }
      this.textOffsets[i] = o;
    }
    if (this.textOffsets[n] !== text.size) throw new MalformedBytes('the text file is not the size the chunks say');
    this.recordsStart = tableBytes;
    const recordBytes = chunks.size - tableBytes;
    for (let i = 0; i <= n; i++) {
      const o = readU32(t, n * 12 + 8 + i * 4);
      if (o < (i === 0 ? 0 : this.recordOffsets[i - 1]!) || o > recordBytes || (i === 0 && o !== 0)) {
        throw new MalformedBytes('the chunk records are out of order');
      }
      this.recordOffsets[i] = o;
    }
    if (this.recordOffsets[n] !== recordBytes) throw new MalformedBytes('the chunk records do not fill the file');
  }

  get count(): number {
    return this.meta.count;
  }

  itemIndexOf(local: number): number {
    return this.itemOf[local]!;
  }

  textOf(local: number): string {
    const start = this.textOffsets[local]!;
    const end = this.textOffsets[local + 1]!;
    return UTF8.decode(this.text.read(start, end - start));
  }

  /** Bytes of text of the chunk (for amounts of reading, without decoding it). */
  textBytesOf(local: number): number {
    return this.textOffsets[local + 1]! - this.textOffsets[local]!;
  }

  placeOf(local: number): ChunkPlace {
    const start = this.recordOffsets[local]!;
    const end = this.recordOffsets[local + 1]!;
    const r = new ByteReader(this.chunks.read(this.recordsStart + start, end - start));
    const strings = this.meta.strings;
    const str = () => strings[r.bounded(strings.length - 1)]!;
    const flags = r.bounded(63);
    const locator: Locator = {};
    if (flags & HREF) locator.href = str();
    if (flags & ORDINAL) locator.ordinal = r.varint();
    if (flags & START_MS) locator.startMs = r.varint();
    if (flags & ANCHOR) locator.anchor = str();
    const place: ChunkPlace = { locator };
    if (flags & LANGUAGE) place.language = str();
    if (flags & CUES) {
      const n = r.bounded(100_000);
      const cues: [number, number][] = [];
      for (let i = 0; i < n; i++) cues.push([r.varint(), r.varint()]);
      place.cues = cues;
    }
    if (!r.done) throw new MalformedBytes('bytes left over in a chunk record');
    return place;
  }
}
