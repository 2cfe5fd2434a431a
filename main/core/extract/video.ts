// Videos are not read, only recognised: the first bytes say whether the file is the container its
// name claims. Codecs are the volunteer report's business (ffprobe), not the recipient's.
import { promises as fs } from 'node:fs';
import { ExtractError } from '../errors.js';

export interface VideoProbe {
  kind: 'video';
  container: 'mp4' | 'webm' | 'matroska' | 'avi' | 'ogg' | 'quicktime';
}

export function containerOf(head: Uint8Array): VideoProbe['container'] | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    // WebM is Matroska with a 'webm' DocType, which sits within the first few dozen bytes.
    return ascii(0, Math.min(head.length, 64)).includes('webm') ? 'webm' : 'matroska';
  }
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'AVI ') return 'avi';
  if (head.length >= 4 && ascii(0, 4) === 'OggS') return 'ogg';
  if (head.length >= 8) {
    const box = ascii(4, 8);
    if (box === 'ftyp') return ascii(8, 12) === 'qt  ' ? 'quicktime' : 'mp4';
    if (box === 'moov' || box === 'mdat' || box === 'wide' || box === 'free' || box === 'skip') return 'quicktime';
  }
  return undefined;
}

export async function probeVideo(absPath: string): Promise<VideoProbe> {
  const handle = await fs.open(absPath, 'r');
  try {
    const head = new Uint8Array(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead === 0) throw new ExtractError('empty', 'zero bytes');
    const container = containerOf(head.subarray(0, bytesRead));
    if (!container) throw new ExtractError('corrupt', 'not a video container this app knows (MP4, WebM, MKV)');
    return { kind: 'video', container };
  } finally {
    await handle.close();
  }
}
