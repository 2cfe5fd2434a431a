// Make a folder on the drive the same as a folder on the volunteer's computer: copy what is new or
// changed (by size and time), keep the source's times (so the index sees unchanged files as
// unchanged), remove what the source no longer has, and hash what it copies on the way.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { KnownHashes } from '../manifest/manifest.js';

/** FAT keeps times to 2 s, so a copy's time may differ from its source's by that much. */
const TIME_SLACK_MS = 2000;

export interface MirrorProgress {
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
  current?: string;
}

export interface MirrorOptions {
  /** Leave out a file or folder of the source (and remove it from the copy). */
  skip?: (name: string, relPath: string) => boolean;
  /** Copy every file again. */
  all?: boolean;
  /** Keep the source's permission bits (executables of the packaged app). */
  keepMode?: boolean;
  onProgress?: (p: MirrorProgress) => void;
}

export interface SourceFile {
  rel: string;
  abs: string;
  size: number;
  mtimeMs: number;
  mode: number;
}

export interface MirrorResult {
  files: number;
  copied: string[];
  unchanged: number;
  removed: string[];
  bytesCopied: number;
  /** Names left out of the copy (hidden and system files, links leaving the folder). */
  skipped: string[];
  /** sha256 of each copied file as it now is on the drive, keyed by its path inside `dest`. */
  known: KnownHashes;
}

/** Every file under `root`, following links only while they stay inside it. */
export async function listSourceFiles(root: string, skip?: MirrorOptions['skip']): Promise<{ files: SourceFile[]; skipped: string[] }> {
  const realRoot = await fs.realpath(root);
  const files: SourceFile[] = [];
  const skipped: string[] = [];
  const visit = async (absDir: string, relDir: string): Promise<void> => {
    const entries = await fs.readdir(absDir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (skip?.(entry.name, rel)) {
        skipped.push(rel);
        continue;
      }
      const abs = path.join(absDir, entry.name);
      let st = await fs.lstat(abs);
      if (st.isSymbolicLink()) {
        const real = await fs.realpath(abs).catch(() => undefined);
        if (!real || (real !== realRoot && !real.startsWith(realRoot + path.sep))) {
          skipped.push(rel);
          continue;
        }
        st = await fs.stat(real);
      }
      if (st.isDirectory()) await visit(abs, rel);
      else if (st.isFile()) files.push({ rel, abs, size: st.size, mtimeMs: Math.trunc(st.mtimeMs), mode: st.mode & 0o777 });
    }
  };
  await visit(realRoot, '');
  return { files, skipped };
}

export async function mirrorFolder(source: string, dest: string, options: MirrorOptions = {}): Promise<MirrorResult> {
  const { files, skipped } = await listSourceFiles(source, options.skip);
  await fs.mkdir(dest, { recursive: true });

  const toCopy: SourceFile[] = [];
  for (const f of files) {
    const target = path.join(dest, f.rel);
    const st = await fs.stat(target).catch(() => undefined);
    const same = st?.isFile() && st.size === f.size && Math.abs(Math.trunc(st.mtimeMs) - f.mtimeMs) <= TIME_SLACK_MS;
    if (options.all || !same) toCopy.push(f);
  }

  const wanted = new Set(files.map((f) => f.rel.normalize('NFC')));
  const removed = await prune(dest, '', wanted);

  const known: KnownHashes = new Map();
  const totalBytes = toCopy.reduce((n, f) => n + f.size, 0);
  const progress: MirrorProgress = { done: 0, total: toCopy.length, bytes: 0, totalBytes };
  options.onProgress?.({ ...progress });
  for (const f of toCopy) {
    const target = path.join(dest, f.rel);
    const sha256 = await copyOne(f, target, options.keepMode === true, (n) => {
      progress.bytes += n;
      options.onProgress?.({ ...progress, current: f.rel });
    });
    const st = await fs.stat(target);
    known.set(f.rel.normalize('NFC'), { size: st.size, mtimeMs: Math.trunc(st.mtimeMs), sha256 });
    progress.done++;
    options.onProgress?.({ ...progress, current: f.rel });
  }
  return {
    files: files.length,
    copied: toCopy.map((f) => f.rel),
    unchanged: files.length - toCopy.length,
    removed,
    bytesCopied: totalBytes,
    skipped,
    known,
  };
}

/**
 * Copy through a temporary name and rename: a stick pulled mid-copy leaves no file that looks
 * complete. The temporary name starts with a dot, so neither the library nor a manifest sees it.
 */
async function copyOne(f: SourceFile, target: string, keepMode: boolean, onBytes: (n: number) => void): Promise<string> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.changmun-part`);
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(f.abs, { highWaterMark: 1024 * 1024 }), tap, createWriteStream(tmp));
    if (keepMode) await fs.chmod(tmp, f.mode);
    await fs.rm(target, { force: true, recursive: true });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  // Half a millisecond in, so that float seconds cannot round the copy's time below the source's.
  const seconds = (Math.trunc(f.mtimeMs) + 0.5) / 1000;
  await fs.utimes(target, seconds, seconds);
  return hash.digest('hex');
}

/** Remove files under `dest` the source does not have, and folders left empty. */
async function prune(absDir: string, relDir: string, wanted: Set<string>): Promise<string[]> {
  const removed: string[] = [];
  const entries = await fs.readdir(path.join(absDir, relDir), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    const abs = path.join(absDir, rel);
    if (entry.isDirectory()) {
      removed.push(...(await prune(absDir, rel, wanted)));
      // An emptied folder goes too; the copy that follows makes again any folder it needs.
      if ((await fs.readdir(abs)).length === 0) await fs.rmdir(abs);
    } else if (!wanted.has(rel.normalize('NFC'))) {
      await fs.rm(abs, { force: true });
      removed.push(rel);
    }
  }
  return removed;
}
