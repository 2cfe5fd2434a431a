// Reading a film's container without ffmpeg: an MP4's sample descriptions (`stsd` entries: avc1,
// hvc1, mp4a, ac-3…) and its `mvhd` duration, found by walking box headers (the media itself, often
// gigabytes, is skipped, never read); a Matroska/WebM file's track CodecIDs and its Info duration.
import { promises as fs } from 'node:fs';

/** What a film file holds, as ffprobe or the container reader saw it. */
export interface MediaStreams {
  container: string;
  video: string[];
  audio: string[];
  /** Subtitle streams inside the file (not searchable: a .srt beside the film is). */
  subtitles: string[];
  durationSeconds?: number;
  encrypted?: boolean;
  via: 'ffprobe' | 'container';
}

const MP4_CODECS: Record<string, string> = {
  avc1: 'h264', avc3: 'h264', hvc1: 'hevc', hev1: 'hevc', av01: 'av1', vp08: 'vp8', vp09: 'vp9', mp4v: 'mpeg4', s263: 'h263',
  jpeg: 'mjpeg', mjpa: 'mjpeg', mjpb: 'mjpeg', apcn: 'prores', apch: 'prores', apcs: 'prores', apco: 'prores', ap4h: 'prores',
  mp4a: 'aac', '.mp3': 'mp3', 'mp3 ': 'mp3', 'ac-3': 'ac3', 'ec-3': 'eac3', Opus: 'opus', fLaC: 'flac', alac: 'alac',
  dtsc: 'dts', dtsh: 'dts', dtsl: 'dts', dtse: 'dts', samr: 'amr_nb', sawb: 'amr_wb',
  twos: 'pcm_s16be', sowt: 'pcm_s16le', lpcm: 'pcm', in24: 'pcm_s24', in32: 'pcm_s32', fl32: 'pcm_f32',
  tx3g: 'mov_text', wvtt: 'webvtt', c608: 'eia_608', stpp: 'ttml',
};

const MKV_CODECS: [RegExp, string][] = [
  [/^V_VP8$/, 'vp8'], [/^V_VP9$/, 'vp9'], [/^V_AV1$/, 'av1'], [/^V_MPEG4\/ISO\/AVC$/, 'h264'], [/^V_MPEGH\/ISO\/HEVC$/, 'hevc'],
  [/^V_MPEG4\/ISO\//, 'mpeg4'], [/^V_MPEG4\/MS\//, 'msmpeg4'], [/^V_MPEG2$/, 'mpeg2video'], [/^V_MPEG1$/, 'mpeg1video'], [/^V_THEORA$/, 'theora'],
  [/^V_MS\/VFW\/FOURCC$/, 'vfw'], [/^V_REAL\//, 'realvideo'], [/^V_MJPEG$/, 'mjpeg'],
  [/^A_OPUS$/, 'opus'], [/^A_VORBIS$/, 'vorbis'], [/^A_AAC/, 'aac'], [/^A_MPEG\/L3$/, 'mp3'], [/^A_MPEG\/L2$/, 'mp2'], [/^A_AC3/, 'ac3'],
  [/^A_EAC3$/, 'eac3'], [/^A_DTS/, 'dts'], [/^A_FLAC$/, 'flac'], [/^A_TRUEHD$/, 'truehd'], [/^A_PCM\//, 'pcm'], [/^A_ALAC$/, 'alac'],
];

export async function probeContainer(absPath: string): Promise<MediaStreams> {
  const handle = await fs.open(absPath, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, 64, 0);
    const h = head.subarray(0, bytesRead);
    if (h.length >= 4 && h.readUInt32BE(0) === 0x1a45dfa3) return await readMatroska(handle, size, /\.webm$/i.test(absPath));
    if (h.length >= 12 && h.toString('latin1', 0, 4) === 'RIFF' && h.toString('latin1', 8, 12) === 'AVI ') {
      return { container: 'avi', video: [], audio: [], subtitles: [], via: 'container' };
    }
    if (h.length >= 4 && h.toString('latin1', 0, 4) === 'OggS') return { container: 'ogg', video: [], audio: [], subtitles: [], via: 'container' };
    if (h.length >= 8 && ['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide'].includes(h.toString('latin1', 4, 8))) {
      return await readMp4(handle, size, h.toString('latin1', 4, 8) === 'ftyp' && h.toString('latin1', 8, 12) === 'qt  ');
    }
    return { container: 'unknown', video: [], audio: [], subtitles: [], via: 'container' };
  } finally {
    await handle.close();
  }
}

interface Box {
  type: string;
  /** Offset of the payload and its length. */
  start: number;
  size: number;
}

/** Boxes in [from, to) of a buffer. */
function boxesIn(buf: Buffer, from: number, to: number): Box[] {
  const out: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(buf.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) break;
    out.push({ type, start: at + header, size: size - header });
    at += size;
  }
  return out;
}

const MAX_MOOV_BYTES = 64 * 1024 * 1024;

async function readMp4(handle: fs.FileHandle, fileSize: number, quicktime: boolean): Promise<MediaStreams> {
  const result: MediaStreams = { container: quicktime ? 'quicktime' : 'mp4', video: [], audio: [], subtitles: [], via: 'container' };
  // Top-level boxes are walked by their headers: mdat (the media, gigabytes) is skipped, not read.
  let at = 0;
  const header = Buffer.alloc(16);
  while (at + 8 <= fileSize) {
    const { bytesRead } = await handle.read(header, 0, 16, at);
    if (bytesRead < 8) break;
    let size = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    let headerSize = 8;
    if (size === 1 && bytesRead >= 16) {
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) size = fileSize - at;
    if (size < headerSize) break;
    if (type === 'moov') {
      const length = Math.min(size - headerSize, MAX_MOOV_BYTES, fileSize - at - headerSize);
      const moov = Buffer.alloc(length);
      await handle.read(moov, 0, length, at + headerSize);
      readMoov(moov, result);
      return result;
    }
    at += size;
  }
  return result;
}

function readMoov(moov: Buffer, result: MediaStreams): void {
  for (const box of boxesIn(moov, 0, moov.length)) {
    if (box.type === 'mvhd') {
      const version = moov[box.start]!;
      const timescale = moov.readUInt32BE(box.start + (version === 1 ? 20 : 12));
      const duration = version === 1 ? Number(moov.readBigUInt64BE(box.start + 24)) : moov.readUInt32BE(box.start + 16);
      if (timescale > 0 && duration > 0 && duration !== 0xffffffff) result.durationSeconds = duration / timescale;
    } else if (box.type === 'trak') {
      readTrak(moov, box, result);
    }
  }
}

function child(buf: Buffer, parent: Box, type: string): Box | undefined {
  return boxesIn(buf, parent.start, parent.start + parent.size).find((b) => b.type === type);
}

function readTrak(buf: Buffer, trak: Box, result: MediaStreams): void {
  const mdia = child(buf, trak, 'mdia');
  if (!mdia) return;
  const hdlr = child(buf, mdia, 'hdlr');
  const handler = hdlr && hdlr.size >= 12 ? buf.toString('latin1', hdlr.start + 8, hdlr.start + 12) : '';
  const stbl = ((m) => m && child(buf, m, 'stbl'))(child(buf, mdia, 'minf'));
  const stsd = stbl && child(buf, stbl, 'stsd');
  if (!stsd || stsd.size < 16) return;
  // version/flags (4), entry count (4), then the first sample entry: size (4) and format (4).
  const entryStart = stsd.start + 8;
  let format = buf.toString('latin1', entryStart + 4, entryStart + 8);
  if (format === 'encv' || format === 'enca') {
    result.encrypted = true;
    // The original format is kept in sinf/frma inside the sample entry.
    const entrySize = buf.readUInt32BE(entryStart);
    const entry = buf.subarray(entryStart, Math.min(entryStart + entrySize, buf.length));
    const frma = entry.indexOf('frma', 0, 'latin1');
    if (frma >= 4) format = entry.toString('latin1', frma + 4, frma + 8);
  }
  const codec = MP4_CODECS[format] ?? format.trim().toLowerCase();
  if (handler === 'vide') result.video.push(codec);
  else if (handler === 'soun') result.audio.push(codec);
  else if (handler === 'text' || handler === 'sbtl' || handler === 'subt') result.subtitles.push(codec);
}

// Matroska / WebM: EBML elements, each an ID and a size in variable-length integers.
const EBML = { segment: 0x18538067, info: 0x1549a966, tracks: 0x1654ae6b, cluster: 0x1f43b675, timecodeScale: 0x2ad7b1, duration: 0x4489, trackEntry: 0xae, trackType: 0x83, codecId: 0x86, contentEncodings: 0x6d80 };
const MAX_ELEMENT_READ = 16 * 1024 * 1024;

function readVint(buf: Buffer, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | undefined {
  const first = buf[at];
  if (first === undefined || first === 0) return undefined;
  let length = 1;
  while (length <= 8 && (first & (0x80 >> (length - 1))) === 0) length++;
  if (length > 8 || at + length > buf.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[at + i]!;
    if (buf[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

interface Element {
  id: number;
  start: number;
  size: number;
  unknownSize: boolean;
}

function elementsIn(buf: Buffer, from: number, to: number): Element[] {
  const out: Element[] = [];
  let at = from;
  while (at < to) {
    const id = readVint(buf, at, true);
    if (!id) break;
    const size = readVint(buf, at + id.length, false);
    if (!size) break;
    const start = at + id.length + size.length;
    const length = size.unknown ? to - start : Math.min(size.value, to - start);
    out.push({ id: id.value, start, size: length, unknownSize: size.unknown });
    at = start + length;
  }
  return out;
}

async function readMatroska(handle: fs.FileHandle, fileSize: number, webmName: boolean): Promise<MediaStreams> {
  const result: MediaStreams = { container: 'matroska', video: [], audio: [], subtitles: [], via: 'container' };
  const readAt = async (at: number, length: number) => {
    const b = Buffer.alloc(Math.max(0, Math.min(length, fileSize - at)));
    await handle.read(b, 0, b.length, at);
    return b;
  };
  // EBML header: its DocType says webm or matroska.
  const head = await readAt(0, 4096);
  const [ebml] = elementsIn(head, 0, head.length);
  if (ebml && head.subarray(ebml.start, ebml.start + ebml.size).includes('webm', 0, 'latin1')) result.container = 'webm';
  else if (webmName && !ebml) result.container = 'webm';
  let at = ebml ? ebml.start + ebml.size : 0;
  // The Segment's children are walked by their headers; Info and Tracks are read, Clusters skipped.
  const segHead = await readAt(at, 16);
  const segId = readVint(segHead, 0, true);
  const segSize = segId && readVint(segHead, segId.length, false);
  if (!segId || !segSize || segId.value !== EBML.segment) return result;
  at += segId.length + segSize.length;
  const segmentEnd = segSize.unknown ? fileSize : Math.min(fileSize, at + segSize.value);
  let timecodeScale = 1_000_000;
  let duration: number | undefined;
  while (at < segmentEnd) {
    const h = await readAt(at, 16);
    const id = readVint(h, 0, true);
    const size = id && readVint(h, id.length, false);
    if (!id || !size) break;
    const start = at + id.length + size.length;
    if (id.value === EBML.cluster || size.unknown) break;
    if (id.value === EBML.info || id.value === EBML.tracks) {
      const body = await readAt(start, Math.min(size.value, MAX_ELEMENT_READ));
      if (id.value === EBML.info) {
        for (const e of elementsIn(body, 0, body.length)) {
          if (e.id === EBML.timecodeScale) timecodeScale = readUint(body, e);
          if (e.id === EBML.duration) duration = e.size === 4 ? body.readFloatBE(e.start) : e.size === 8 ? body.readDoubleBE(e.start) : undefined;
        }
      } else {
        for (const entry of elementsIn(body, 0, body.length).filter((e) => e.id === EBML.trackEntry)) {
          let type = 0;
          let codec = '';
          for (const e of elementsIn(body, entry.start, entry.start + entry.size)) {
            if (e.id === EBML.trackType) type = readUint(body, e);
            if (e.id === EBML.codecId) codec = body.toString('latin1', e.start, e.start + e.size).replace(/\0+$/, '');
            if (e.id === EBML.contentEncodings && body.subarray(e.start, e.start + e.size).includes(Buffer.from([0x50, 0x35]))) result.encrypted = true;
          }
          const name = MKV_CODECS.find(([re]) => re.test(codec))?.[1] ?? (codec.toLowerCase() || 'unknown');
          if (type === 1) result.video.push(name);
          else if (type === 2) result.audio.push(name);
          else if (type === 0x11) result.subtitles.push(name);
        }
      }
    }
    at = start + size.value;
  }
  if (duration !== undefined && duration > 0) result.durationSeconds = (duration * timecodeScale) / 1e9;
  return result;
}

function readUint(buf: Buffer, e: Element): number {
  let v = 0;
  for (let i = 0; i < e.size && i < 8; i++) v = v * 256 + buf[e.start + i]!;
  return v;
}
