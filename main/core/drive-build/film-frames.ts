// A frame of every film, taken once at build time with ffmpeg (when the volunteer has it), for the
// home screen's cover: `.changmun/covers/<fixed name>.jpg`, 480 px wide, written atomically, listed
// and signed in the manifest like every other derived file. The app itself never runs ffmpeg (the
// recipient's PC has none, and running programs is not the app's business); it only serves what build
// wrote (serve/item-covers.ts). A film with a poster beside it needs no frame. Frames of films that
// did not change are kept; frames of films that are gone are removed.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DataDir } from '../drive/data-dir.js';
import {
  FRAME_NAME, FRAMES_DIR, FRAMES_FILE, FRAMES_FORMAT, frameName, MAX_FRAME_BYTES, MAX_PICTURE_BYTES, parseFramesFile, posterCandidates,
  pictureTypeOf, readPicture, type FramesFile,
} from '../serve/item-covers.js';
import { hasFfprobe, probeMedia } from './media-probe.js';

export interface FilmToFrame {
  /** Library-relative path. */
  path: string;
  absPath: string;
  size: number;
  mtimeMs: number;
}

export interface FramesSummary {
  films: number;
  /** Films with a poster beside them (no frame needed). */
  posters: number;
  taken: number;
  reused: number;
  /** Films left with a drawn cover because ffmpeg is not installed. */
  withoutFfmpeg: number;
  failed: { path: string; detail: string }[];
  /** Whether ffmpeg was found on the PATH. */
  ffmpeg: boolean;
}

export interface FramesOptions {
  /** The ffmpeg command (default 'ffmpeg' on the PATH); false: take no frames. */
  ffmpeg?: string | false;
  /** Take every frame again. */
  fresh?: boolean;
  /** Per film (default 60 s): a film ffmpeg chokes on must not stop the build. */
  timeoutMs?: number;
  onProgress?: (done: number, total: number, current?: string) => void;
}

export async function writeFilmFrames(dataDir: string, libraryRoot: string, films: FilmToFrame[], options: FramesOptions = {}): Promise<FramesSummary> {
  const data = new DataDir(dataDir);
  const ffmpeg = options.ffmpeg === false ? undefined : await findFfmpeg(options.ffmpeg ?? 'ffmpeg');
  const summary: FramesSummary = { films: films.length, posters: 0, taken: 0, reused: 0, withoutFfmpeg: 0, failed: [], ffmpeg: ffmpeg !== undefined };
  const hadFolder = (await data.checkDir(FRAMES_DIR)) === 'ok';
  const previous = options.fresh || !hadFolder ? undefined : parseFramesFile(await fs.readFile(data.pathOf(FRAMES_FILE), 'utf8').catch(() => ''));
  const out: FramesFile = { format: FRAMES_FORMAT, films: {} };
  let done = 0;
  for (const film of films) {
    options.onProgress?.(done++, films.length, film.path);
    if (await hasPoster(libraryRoot, film.path)) {
      summary.posters++;
      continue;
    }
    const name = frameName(film.path);
    const old = previous?.films[film.path];
    if (old && old.size === film.size && old.mtimeMs === film.mtimeMs && (await readPicture(data.pathOf(`${FRAMES_DIR}/${name}`), MAX_FRAME_BYTES, 'image/jpeg'))) {
      out.films[film.path] = old;
      summary.reused++;
      continue;
    }
    if (!ffmpeg) {
      summary.withoutFfmpeg++;
      continue;
    }
    try {
      const jpeg = await takeFrame(ffmpeg, film.absPath, options.timeoutMs ?? 60_000);
      await data.write(`${FRAMES_DIR}/${name}`, jpeg);
      out.films[film.path] = { size: film.size, mtimeMs: film.mtimeMs, frame: name };
      summary.taken++;
    } catch (e) {
      summary.failed.push({ path: film.path, detail: e instanceof Error ? e.message : String(e) });
    }
  }
  options.onProgress?.(done, films.length);

  const kept = new Set(Object.values(out.films).map((f) => f.frame));
  if (kept.size === 0 && !hadFolder) return summary;
  // Frames of films that are gone (or now have a poster) would stay on the drive, listed and signed.
  for (const n of await data.list(FRAMES_DIR).catch(() => [] as string[])) {
    if (FRAME_NAME.test(n) && !kept.has(n)) await data.remove(`${FRAMES_DIR}/${n}`);
  }
  await data.sweepTemporary(FRAMES_DIR);
  const text = `${JSON.stringify(out, null, 1)}\n`;
  // Unchanged, the record is left alone: its time stays, and so does its hash in the manifest.
  const before = await fs.readFile(data.pathOf(FRAMES_FILE), 'utf8').catch(() => undefined);
  if (before !== text) await data.write(FRAMES_FILE, text);
  return summary;
}

/** A picture beside the film that the app would show instead of a frame. */
async function hasPoster(libraryRoot: string, filmPath: string): Promise<boolean> {
  const absDir = path.dirname(path.join(libraryRoot, ...filmPath.split('/')));
  const names = new Set((await fs.readdir(absDir).catch(() => [] as string[])).map((n) => n.normalize('NFC')));
  for (const candidate of posterCandidates(filmPath)) {
    const base = candidate.slice(candidate.lastIndexOf('/') + 1);
    if (names.has(base) && (await readPicture(path.join(absDir, base), MAX_PICTURE_BYTES))) return true;
  }
  return false;
}

/** The command when it runs (`ffmpeg -version` answers), else undefined. */
export function findFfmpeg(command: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command, ['-hide_banner', '-version'], { stdio: 'ignore', windowsHide: true, timeout: 10_000 });
    } catch {
      return resolve(undefined);
    }
    child.once('error', () => resolve(undefined));
    child.once('exit', (code) => resolve(code === 0 ? command : undefined));
  });
}

/**
 * One JPEG frame of the film, 480 px wide at most: from a fifth of the way in (capped at two
 * minutes, past titles and black leaders), the most typical of the next frames (ffmpeg's thumbnail
 * filter). A film too short for that seek is tried from its start.
 */
async function takeFrame(ffmpeg: string, absPath: string, timeoutMs: number): Promise<Uint8Array> {
  let seconds = 3;
  if (await hasFfprobe()) {
    const d = (await probeMedia(absPath).catch(() => undefined))?.durationSeconds;
    if (d !== undefined) seconds = Math.min(120, d / 5);
  }
  const first = await runFfmpeg(ffmpeg, absPath, seconds, timeoutMs).catch((e: unknown) => e as Error);
  const jpeg = first instanceof Uint8Array && first.length > 0 ? first : await runFfmpeg(ffmpeg, absPath, 0, timeoutMs);
  if (pictureTypeOf(jpeg.subarray(0, 16)) !== 'image/jpeg') throw new Error('ffmpeg gave no picture of this film');
  return jpeg;
}

function runFfmpeg(ffmpeg: string, absPath: string, seconds: number, timeoutMs: number): Promise<Uint8Array> {
  // An argument array, never a shell: a film's name is whatever the volunteer's files are called.
  const args = [
    '-nostdin', '-hide_banner', '-loglevel', 'error',
    '-ss', seconds.toFixed(2), '-i', absPath,
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', "thumbnail=24,scale='min(480,iw)':-2", '-frames:v', '1',
    '-q:v', '5', '-f', 'image2pipe', '-c:v', 'mjpeg', 'pipe:1',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: string | undefined;
    const timer = setTimeout(() => {
      failure = `ffmpeg took longer than ${Math.round(timeoutMs / 1000)} s`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_FRAME_BYTES) {
        failure = 'ffmpeg gave a frame larger than expected';
        child.kill('SIGKILL');
      } else chunks.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 2000) stderr += b.toString();
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(new Error(failure));
      else if (code !== 0) reject(new Error(`ffmpeg failed (${code}): ${stderr.trim().split('\n').slice(-1)[0] ?? ''}`.slice(0, 300)));
      else resolve(new Uint8Array(Buffer.concat(chunks)));
    });
  });
}
