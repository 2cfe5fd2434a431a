// The one way to write under a drive's `.changmun/` folder. A drive may be made by someone who wants
// to harm its reader, so nothing read from it — a name in an index manifest, a folder that is really
// a link to the PC's autostart folder — may steer a write anywhere else. Every write, removal and
// folder made under `.changmun/` passes here:
// - a relative name is a few plain segments (letters, digits, `.`, `_`, `-`; no `..`, no separators,
//   no drive letters, no streams), checked before any path is joined;
// - every folder from `.changmun` down is a real folder of that drive, never a symbolic link or a
//   junction (each level is looked at with lstat, and made one level at a time);
// - a file is written beside its target and renamed over it (atomic), created exclusively so a
//   planted link at the temporary name is never followed; a link at the target is replaced, not
//   followed.
import { promises as fs, openSync, closeSync, rmSync, lstatSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** One segment of a name under `.changmun/`. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_SEGMENTS = 6;

/** A write the guard refused: the name or a folder on the way is not what it must be. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
  constructor(message: string) {
    super(`changmun: ${message}`);
  }
}

/** True for a name the guard accepts (`index/shard-3-0.idx`). */
export function isDataName(rel: string): boolean {
  if (typeof rel !== 'string' || rel === '') return false;
  const parts = rel.split('/');
  return parts.length <= MAX_SEGMENTS && parts.every((p) => SEGMENT.test(p) && !/^\.+$/.test(p) && !p.endsWith('.'));
}

function checkName(rel: string): string[] {
  if (!isDataName(rel)) throw new DataDirError(`refused to write outside the drive's data folder: ${JSON.stringify(String(rel).slice(0, 200))}`);
  return rel.split('/');
}

export class DataDir {
  /** `root` is the `.changmun` folder itself (its parent, the drive, must exist). */
  constructor(readonly root: string) {}

  /** The absolute path of a checked name (nothing is created or checked on disk). */
  pathOf(rel: string): string {
    return path.join(this.root, ...checkName(rel));
  }

  /**
   * Make sure `.changmun/<relDir>` is a chain of real folders, making missing ones. Refuses a link,
   * a junction or a file on the way. Returns the folder's absolute path.
   */
  async ensureDir(relDir = ''): Promise<string> {
    const parts = relDir === '' ? [] : checkName(relDir);
    let dir = this.root;
    await this.ensureRealDir(dir);
    for (const part of parts) {
      dir = path.join(dir, part);
      await this.ensureRealDir(dir);
    }
    return dir;
  }

  /** Check, without making anything, that the folders down to `relDir` are real where they exist. */
  async checkDir(relDir = ''): Promise<'ok' | 'missing'> {
    const parts = relDir === '' ? [] : checkName(relDir);
    let dir = this.root;
    for (const p of ['', ...parts]) {
      dir = p === '' ? dir : path.join(dir, p);
      const st = await lstatOrUndefined(dir);
      if (!st) return 'missing';
      if (st.isSymbolicLink() || !st.isDirectory()) throw new DataDirError(`${this.describe(dir)} is not a plain folder of the drive; nothing is written there`);
    }
    return 'ok';
  }

  private async ensureRealDir(dir: string): Promise<void> {
    let st = await lstatOrUndefined(dir);
    if (!st) {
      try {
        await fs.mkdir(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      st = await fs.lstat(dir);
    }
    if (st.isSymbolicLink() || !st.isDirectory()) {
      throw new DataDirError(`${this.describe(dir)} is not a plain folder of the drive (a link or a file); nothing is written there`);
    }
  }

  /** Write `.changmun/<rel>` atomically: a reader sees the old file or the new one, never half. */
  async write(rel: string, data: string | Uint8Array): Promise<void> {
    const parts = checkName(rel);
    const dir = await this.ensureDir(parts.slice(0, -1).join('/'));
    const target = path.join(dir, parts.at(-1)!);
    const existing = await lstatOrUndefined(target);
    if (existing?.isDirectory()) throw new DataDirError(`${this.describe(target)} is a folder; it is not overwritten`);
    const tmp = path.join(dir, `.${parts.at(-1)!}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`);
    // 'wx': created here and now, so a link planted at this name is never written through.
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (e) {
      await handle.close().catch(() => {});
      await fs.rm(tmp, { force: true });
      throw e;
    }
    await handle.close();
    try {
      // rename replaces a link at the target itself; it never writes through it.
      await fs.rename(tmp, target);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
    await syncDir(dir);
  }

  /**
   * A new file at `.changmun/<rel>`, written through a descriptor (for files too large to hold in
   * memory) under a temporary name, and renamed over its name by `commit()`.
   */
  async create(rel: string): Promise<{ fd: number; commit(): Promise<string>; abort(): void }> {
    const parts = checkName(rel);
    const dir = await this.ensureDir(parts.slice(0, -1).join('/'));
    const target = path.join(dir, parts.at(-1)!);
    const tmp = path.join(dir, `.${parts.at(-1)!}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`);
    let fd: number | undefined = openSync(tmp, 'wx');
    const abort = () => {
      try {
        if (fd !== undefined) closeSync(fd);
      } catch {
        // Already closed by the writer.
      }
      fd = undefined;
      rmSync(tmp, { force: true });
    };
    return {
      fd,
      commit: async () => {
        // The writer has closed the descriptor by now.
        fd = undefined;
        const existing = await lstatOrUndefined(target);
        if (existing?.isDirectory()) {
          rmSync(tmp, { force: true });
          throw new DataDirError(`${this.describe(target)} is a folder; it is not overwritten`);
        }
        await fs.rename(tmp, target);
        await syncDir(dir);
        return target;
      },
      abort,
    };
  }

  /**
   * Remove `.changmun/<rel>` (a file, or a folder and what is in it). A link is removed as a link,
   * never followed; a folder on the way that is a link stops the removal.
   */
  async remove(rel: string): Promise<void> {
    const parts = checkName(rel);
    if ((await this.checkDir(parts.slice(0, -1).join('/'))) === 'missing') return;
    const target = path.join(this.root, ...parts);
    const st = await lstatOrUndefined(target);
    if (!st) return;
    if (st.isSymbolicLink() || !st.isDirectory()) {
      await fs.rm(target, { force: true });
      return;
    }
    // fs.rm does not follow links inside the folder: it removes the links themselves.
    await fs.rm(target, { recursive: true, force: true });
  }

  /** Names in `.changmun/<relDir>` (empty when it does not exist). */
  async list(relDir = ''): Promise<string[]> {
    if ((await this.checkDir(relDir)) === 'missing') return [];
    return fs.readdir(relDir === '' ? this.root : path.join(this.root, ...checkName(relDir)));
  }

  /** Remove the temporary files a killed writer left in `.changmun/<relDir>`. */
  async sweepTemporary(relDir = ''): Promise<void> {
    const names = await this.list(relDir).catch(() => [] as string[]);
    const dir = relDir === '' ? this.root : path.join(this.root, ...checkName(relDir));
    await Promise.all(names.filter((n) => n.startsWith('.') && n.endsWith('.tmp')).map((n) => fs.rm(path.join(dir, n), { force: true })));
  }

  private describe(abs: string): string {
    const rel = path.relative(path.dirname(this.root), abs).split(path.sep).join('/');
    return rel === '' ? path.basename(this.root) : rel;
  }
}

/**
 * The same check as DataDir.ensureDir, synchronously, for code that runs before anything else may
 * (Electron's paths are set before the app is ready): `root` and each of `rel`'s folders are made
 * when missing and must be real folders, never links. Returns the folder.
 */
export function ensurePlainFoldersSync(root: string, rel: string): string {
  const parts = rel === '' ? [] : checkName(rel);
  let dir = root;
  for (const p of ['', ...parts]) {
    dir = p === '' ? dir : path.join(dir, p);
    let st;
    try {
      st = lstatSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      try {
        // The drive's own path (above .changmun) comes from the app, not from the drive: made as needed.
        mkdirSync(dir, { recursive: p === '' });
      } catch (m) {
        if ((m as NodeJS.ErrnoException).code !== 'EEXIST') throw m;
      }
      st = lstatSync(dir);
    }
    if (st.isSymbolicLink() || !st.isDirectory()) throw new DataDirError(`${dir} is not a plain folder of the drive (a link or a file); nothing is written there`);
  }
  return dir;
}

async function lstatOrUndefined(p: string) {
  try {
    return await fs.lstat(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Make the rename itself durable where the OS allows it (a no-op on Windows). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems (FAT on a USB stick under some kernels) refuse fsync on a directory.
  } finally {
    await handle?.close();
  }
}
