// Bytes in and out of the index files: unsigned varints (LEB128, 7 bits a byte, up to 2^53) and
// UTF-16 strings. Readers never trust what they read: a varint that runs off the end or past 2^53,
// a length past the buffer, is damage, reported as such by the caller's `onBad`.

export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(initial = 4096) {
    this.buf = new Uint8Array(initial);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  varint(n: number): void {
    this.room(8);
    let v = n;
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  /** A string as its length in UTF-16 code units, then the units (little-endian). */
  string(s: string): void {
    this.varint(s.length);
    this.utf16(s, 0);
  }

  /** The code units of `s` from `from` on, without a length. */
  utf16(s: string, from: number): void {
    this.room((s.length - from) * 2);
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.buf[this.length++] = c & 0xff;
      this.buf[this.length++] = c >>> 8;
    }
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  u32(n: number): void {
    this.room(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setUint32(this.length, n, true);
    this.length += 4;
  }

  f64(n: number): void {
    this.room(8);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat64(this.length, n, true);
    this.length += 8;
  }

  /** The bytes written so far (a view: copy it before writing more). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

/** Thrown by ByteReader on bytes that cannot be what the writer wrote. */
export class MalformedBytes extends Error {
  override readonly name = 'MalformedBytes';
}

export class ByteReader {
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.end) throw new MalformedBytes('a number runs past the end');
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 0x80;
    }
    throw new MalformedBytes('a number is too long');
  }

  /** A varint that must be at most `max`. */
  bounded(max: number): number {
    const v = this.varint();
    if (v > max) throw new MalformedBytes(`a number is out of range (${v} > ${max})`);
    return v;
  }

  string(maxUnits = 1 << 20): string {
    return this.utf16(this.bounded(maxUnits));
  }

  /** `units` UTF-16 code units. */
  utf16(units: number): string {
    const bytes = units * 2;
    if (this.pos + bytes > this.end) throw new MalformedBytes('a string runs past the end');
    let s = '';
    // Chunks of code units through fromCharCode: fast, and never more arguments than the stack takes.
    for (let i = 0; i < units; i += 4096) {
      const n = Math.min(4096, units - i);
      const codes = new Array<number>(n);
      for (let j = 0; j < n; j++) {
        const p = this.pos + (i + j) * 2;
        codes[j] = this.buf[p]! | (this.buf[p + 1]! << 8);
      }
      s += String.fromCharCode(...codes);
    }
    this.pos += bytes;
    return s;
  }

  bytes(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.end) throw new MalformedBytes('a byte run goes past the end');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** Little-endian helpers over a possibly unaligned byte array. */
export function readU32(buf: Uint8Array, at: number): number {
  return (buf[at]! | (buf[at + 1]! << 8) | (buf[at + 2]! << 16)) + buf[at + 3]! * 0x1000000;
}

export function readF64(buf: Uint8Array, at: number): number {
  return new DataView(buf.buffer, buf.byteOffset + at, 8).getFloat64(0, true);
}
