// A tiny zip writer for hostile archives: names no zip tool would write (`../x`, `/abs`, `C:\x`),
// sizes that lie, and bombs that inflate to gigabytes while staying a few MB on disk. A bomb is
// made in milliseconds: deflate one MiB of zeros once (a sync-flushed block refers to nothing before
// it), repeat that block, and work out the CRC-32 of the zeros arithmetically (zlib's crc32_combine).
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The file's bytes (deflated here), or a run of zeros given in MiB (a bomb). */
  data: string | Uint8Array | { zerosMiB: number };
  /** Store without compression (the EPUB `mimetype` entry). */
  store?: boolean;
  /** Write this as the uncompressed size instead of the true one (a header that lies). */
  declaredSize?: number;
}

const MiB = 1024 * 1024;
let zeroBlock: Buffer | undefined;

/** Deflated MiB of zeros, not final, ending on a byte boundary: it can be repeated as it is. */
function deflatedZeroMiB(): Buffer {
  zeroBlock ??= deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return zeroBlock;
}

interface Packed {
  name: Buffer;
  method: 0 | 8;
  body: Buffer;
  crc: number;
  size: number;
}

function pack(entry: ZipEntry): Packed {
  const name = Buffer.from(entry.name, 'utf8');
  const d = entry.data;
  if (typeof d === 'object' && 'zerosMiB' in d) {
    const parts = new Array<Buffer>(d.zerosMiB).fill(deflatedZeroMiB());
    // A final, empty block with fixed codes ends the stream.
    const body = Buffer.concat([...parts, Buffer.from([0x03, 0x00])]);
    const size = d.zerosMiB * MiB;
    if (size >= 2 ** 32) throw new Error('changmun tests: a bomb entry must stay under 4 GiB (no ZIP64 here)');
    return { name, method: 8, body, crc: crc32OfZeros(size), size };
  }
  const raw = typeof d === 'string' ? Buffer.from(d, 'utf8') : Buffer.from(d);
  const crc = crc32(raw);
  return entry.store ? { name, method: 0, body: raw, crc, size: raw.length } : { name, method: 8, body: deflateRawSync(raw), crc, size: raw.length };
}

/** A zip archive of `entries`, in order. UTF-8 names (flag bit 11), no ZIP64, no data descriptors. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const p = pack(e);
    const declared = e.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE((44 << 9) | (1 << 5) | 1, 12); // 2024-01-01
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.body.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(p.name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE((44 << 9) | (1 << 5) | 1, 14);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.body.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(p.name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, p.name, p.body);
    centrals.push(central, p.name);
    offset += 30 + p.name.length + p.body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// ---- CRC-32 of a run of zeros, without reading it (zlib's crc32_combine, GF(2) matrices) -------

function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i]!;
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(mat, mat[n]!);
}

/** crc32(A ‖ B) from crc32(A), crc32(B) and B's length. */
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1 >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  gf2Square(even, odd);
  gf2Square(odd, even);
  let c = crc1 >>> 0;
  let len = len2;
  do {
    gf2Square(even, odd);
    if (len % 2) c = gf2Times(even, c);
    len = Math.floor(len / 2);
    if (len === 0) break;
    gf2Square(odd, even);
    if (len % 2) c = gf2Times(odd, c);
    len = Math.floor(len / 2);
  } while (len !== 0);
  return (c ^ crc2) >>> 0;
}

function crc32OfZeros(length: number): number {
  // Doubling: crc(0^2k) = combine(crc(0^k), crc(0^k), k).
  let result = 0;
  let resultLen = 0;
  let block = crc32(Buffer.alloc(1));
  let blockLen = 1;
  for (let n = length; n > 0; n = Math.floor(n / 2)) {
    if (n % 2) {
      result = resultLen === 0 ? block : crc32Combine(result, block, blockLen);
      resultLen += blockLen;
    }
    block = crc32Combine(block, block, blockLen);
    blockLen *= 2;
  }
  return result >>> 0;
}
