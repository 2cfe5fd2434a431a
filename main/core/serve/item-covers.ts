// The pictures the home screen shows for articles and films (books: cover.ts). An article shows the
// first local picture it refers to; a film shows a poster beside it (`<film>.jpg`, `poster.jpg`,
// `folder.jpg`…) or else the frame `changmun build` took with ffmpeg into `.changmun/covers/`.
// Everything here is read from a drive someone else made: a reference is resolved only inside the
// library (never a URL, never outside it), files are size-bounded, and a picture is served only when
// its first bytes say it is one of the image types a browser shows (never by its name alone).
import { createHash } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { segmentsOfRelativePath } from './guard.js';

/** A picture larger than this is not worth a thumbnail on an old PC: the UI draws a cover instead. */
export const MAX_PICTURE_BYTES = 8 * 1024 * 1024;
/** A frame build takes is a small JPEG (480 px wide); far larger is not one of ours. */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024;
/** The folder under `.changmun/` that holds the frames, and the file build keeps its record in. */
export const FRAMES_DIR = 'covers';
export const FRAMES_FILE = `${FRAMES_DIR}/frames.json`;
export const FRAMES_FORMAT = 1;

/**
 * Raster types only. SVG is left out on purpose: its text is drawn with the PC's fonts inside an
 * <img>, and on a PC without a Korean font that is a row of boxes (issue 16); the drawn cover is better.
 */
const PICTURE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.bmp']);

export interface Picture {
  bytes: Uint8Array;
  mediaType: string;
}

/** The image type the first bytes show, or undefined: a file is served only as what it is. */
export function pictureTypeOf(head: Uint8Array): string | undefined {
  const at = (i: number, ...bytes: number[]) => bytes.every((b, k) => head[i + k] === b);
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (head.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'image/gif';
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 12 && ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'image/avif';
  if (head.length >= 14 && ascii(0, 2) === 'BM') return 'image/bmp';
  return undefined;
}

/** The extension says picture (a raster one). */
export function isPictureName(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && PICTURE_EXTENSIONS.has(base.slice(dot).toLowerCase());
}

/**
 * Where an article's image reference points, as a library-relative path, or undefined when it must
 * not be followed: a URL of any scheme (http:, data:, file:…), `//host`, an absolute path, a
 * backslash, a path that climbs out of the library, a name the path guard refuses, or not a picture.
 * HTML references may be percent-encoded (`%EB%AC%BC.png`); they are decoded once.
 */
export function resolveArticleImage(articlePath: string, ref: string): string | undefined {
  let r = ref.trim();
  if (r === '' || r.length > 2048 || /^[a-z][a-z0-9+.-]*:/i.test(r) || r.startsWith('//') || r.startsWith('/') || r.includes('\\')) return undefined;
  const cut = r.search(/[?#]/);
  if (cut >= 0) r = r.slice(0, cut);
  if (/%[0-9a-f]{2}/i.test(r)) {
    try {
      r = decodeURIComponent(r);
    } catch {
      return undefined;
    }
    if (r.includes('\\') || r.includes('\u0000')) return undefined;
  }
  const parts = articlePath.split('/').slice(0, -1);
  for (const seg of r.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  const rel = parts.join('/').normalize('NFC');
  if (!segmentsOfRelativePath(rel) || !isPictureName(rel)) return undefined;
  return rel;
}

/** The first picture of an article that may be shown as its cover (see resolveArticleImage). */
export function articleCoverSource(articlePath: string, images: readonly string[]): string | undefined {
  for (const ref of images.slice(0, 50)) {
    const rel = resolveArticleImage(articlePath, ref);
    if (rel) return rel;
  }
  return undefined;
}

/** The poster files a film may have beside it, best first: its own name, then the folder's. */
export function posterCandidates(filmPath: string): string[] {
  const slash = filmPath.lastIndexOf('/');
  const dir = slash < 0 ? '' : filmPath.slice(0, slash + 1);
  const base = filmPath.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const own = ['.jpg', '.jpeg', '.png', '.webp'].flatMap((ext) => [`${stem}${ext}`, `${stem}-poster${ext}`]);
  const folder = ['poster.jpg', 'poster.png', 'folder.jpg', 'folder.png', 'cover.jpg', 'cover.png'];
  return [...own, ...folder].map((n) => `${dir}${n}`);
}

/** The frame's file name in `.changmun/covers/`: a fixed pattern, from the film's path alone. */
export function frameName(filmPath: string): string {
  return `${createHash('sha256').update(filmPath.normalize('NFC')).digest('hex').slice(0, 32)}.jpg`;
}

export const FRAME_NAME = /^[0-9a-f]{32}\.jpg$/;

/**
 * A picture file: a regular file (not a link: `lstat` of the very path; the caller resolved it),
 * at most `max` bytes, whose first bytes are an image type. Read through one descriptor, so the
 * file checked is the file read. Undefined for anything else.
 */
export async function readPicture(absPath: string, max: number, only?: string): Promise<Picture | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    const lst = await fs.lstat(absPath);
    if (!lst.isFile() || lst.size === 0 || lst.size > max) return undefined;
    handle = await fs.open(absPath, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
    const st = await handle.stat();
    if (!st.isFile() || st.size === 0 || st.size > max) return undefined;
    const bytes = new Uint8Array(st.size);
    const { bytesRead } = await handle.read(bytes, 0, st.size, 0);
    if (bytesRead !== st.size) return undefined;
    const mediaType = pictureTypeOf(bytes.subarray(0, 16));
    if (!mediaType || (only && mediaType !== only)) return undefined;
    return { bytes, mediaType };
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** What build keeps of the frames it took: per film, the file it was taken from (size and time). */
export interface FramesFile {
  format: number;
  films: Record<string, { size: number; mtimeMs: number; frame: string }>;
}

export function parseFramesFile(text: string): FramesFile | undefined {
  try {
    const f = JSON.parse(text) as FramesFile;
    if (f.format !== FRAMES_FORMAT || typeof f.films !== 'object' || f.films === null || Array.isArray(f.films)) return undefined;
    const films: FramesFile['films'] = {};
    for (const [p, v] of Object.entries(f.films as Record<string, unknown>)) {
      if (typeof v !== 'object' || v === null) continue;
      const o = v as Record<string, unknown>;
      if (typeof o['size'] === 'number' && typeof o['mtimeMs'] === 'number' && typeof o['frame'] === 'string' && FRAME_NAME.test(o['frame']) && o['frame'] === frameName(p)) {
        films[p] = { size: o['size'], mtimeMs: o['mtimeMs'], frame: o['frame'] };
      }
    }
    return { format: FRAMES_FORMAT, films };
  } catch {
    return undefined;
  }
}

/** Where a path of the drive sits under `.changmun/` as the manifest names it. */
export function frameManifestPath(name: string): string {
  return path.posix.join('.changmun', FRAMES_DIR, name);
}
