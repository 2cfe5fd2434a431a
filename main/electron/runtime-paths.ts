// Where Electron and Chromium may write while the app runs (FIELD-NOTES, "Leaving no trace"): never
// the PC's profile folders. On a writable drive, a folder of this session under .changmun/runtime/;
// on a read-only drive or with no drive, a fresh folder in the system's temp folder. Either is
// removed at quit, and folders left by a session that was killed are swept at the next start.
import { accessSync, constants as fsConstants, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ensurePlainFoldersSync } from '../core/drive/data-dir.js';

/** The paths app.setPath and app.setAppLogsPath get, before ready. */
export interface RuntimePaths {
  userData: string;
  sessionData: string;
  crashDumps: string;
  temp: string;
  logs: string;
}

export interface RuntimePlan {
  where: 'drive' | 'temp';
  /** The folder that holds the sessions' folders: swept for stale ones at start. */
  base: string;
  /** This session's folder, removed at quit. */
  root: string;
  paths: RuntimePaths;
}

export interface RuntimeInputs {
  /** The library's derived-data folder (DRIVE/.changmun); undefined when no library was found. */
  dataDir: string | undefined;
  /** Whether the drive takes writes (see isWritableDirectory). */
  driveWritable: boolean;
  /** The system's temp folder (os.tmpdir()). */
  systemTemp: string;
  /** The executable's name: a folder in the PC's temp folder says no more than Prefetch does. */
  name: string;
  pid: number;
  /** A few random characters, so two sessions never share a folder. */
  nonce: string;
}

/** The folder name of a session: `<name>-<pid>-<nonce>`. */
export function sessionFolderName(name: string, pid: number, nonce: string): string {
  return `${safeName(name)}-${pid}-${nonce}`;
}

/** Where this session writes: the drive when it takes writes, else the system's temp folder. */
export function planRuntime(inputs: RuntimeInputs): RuntimePlan {
  if (inputs.dataDir !== undefined && inputs.driveWritable) return planAt('drive', path.join(inputs.dataDir, 'runtime'), inputs);
  return planInTemp(inputs);
}

/** The plan when the drive refused to hold the folder after all (write-protected, full). */
export function planInTemp(inputs: RuntimeInputs): RuntimePlan {
  return planAt('temp', inputs.systemTemp, inputs);
}

function planAt(where: RuntimePlan['where'], base: string, inputs: RuntimeInputs): RuntimePlan {
  const root = path.join(base, sessionFolderName(inputs.name, inputs.pid, inputs.nonce));
  const profile = path.join(root, 'profile');
  return {
    where,
    base,
    root,
    paths: {
      userData: profile,
      sessionData: profile,
      crashDumps: path.join(root, 'crashes'),
      temp: path.join(root, 'temp'),
      logs: path.join(root, 'logs'),
    },
  };
}

/**
 * The folders in `base` that sessions of this app left behind: named like ours, not ours, and
 * whose process is gone. A live process (a second window, or the app on another account) keeps
 * its folder.
 */
export function staleSessionFolders(names: readonly string[], appName: string, own: string, isAlive: (pid: number) => boolean): string[] {
  const pattern = new RegExp(`^${escapeRegExp(safeName(appName))}-(\\d+)-[a-z0-9]+$`);
  return names.filter((n) => {
    if (n === own) return false;
    const m = pattern.exec(n);
    return m !== null && !isAlive(Number(m[1]));
  });
}

/**
 * Whether a folder takes writes, asked without writing (a write changes the drive's timestamps):
 * the folder, or the nearest parent that exists. A write-protected stick on Windows may still say
 * yes here; creating the session folder then fails and the temp folder is used instead.
 */
export function isWritableDirectory(dir: string): boolean {
  let current = dir;
  for (;;) {
    try {
      if (!statSync(current).isDirectory()) return false;
      accessSync(current, fsConstants.W_OK);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return false;
      const parent = path.dirname(current);
      if (parent === current) return false;
      current = parent;
    }
  }
}

/**
 * Create the session's folders, falling back to the system's temp folder when the drive refuses.
 * Throws only when neither can be written (then Chromium could not start either).
 */
export function prepareRuntime(inputs: RuntimeInputs): RuntimePlan {
  const plan = planRuntime(inputs);
  if (plan.where === 'drive') {
    try {
      // .changmun and .changmun/runtime must be folders of the drive: a drive whose runtime folder
      // is a link to the PC's profile would have Chromium write there. Refused: the temp folder.
      ensurePlainFoldersSync(inputs.dataDir!, 'runtime');
      createFolders(plan);
      return plan;
    } catch {
      // Whatever part of it was made goes again; a drive that refuses that too keeps an empty folder.
      try {
        rmSync(plan.root, { recursive: true, force: true, maxRetries: 2 });
      } catch {
        // Nothing was made.
      }
    }
  }
  const temp = planInTemp(inputs);
  createFolders(temp);
  return temp;
}

function createFolders(plan: RuntimePlan): void {
  for (const dir of new Set(Object.values(plan.paths))) mkdirSync(dir, { recursive: true });
}

/** Remove stale session folders beside this one; never fails. */
export async function sweepStaleSessions(plan: RuntimePlan, appName: string, isAlive: (pid: number) => boolean = processIsAlive): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(plan.base);
  } catch {
    return [];
  }
  const stale = staleSessionFolders(names, appName, path.basename(plan.root), isAlive);
  await Promise.all(stale.map((n) => rm(path.join(plan.base, n), { recursive: true, force: true, maxRetries: 3 }).catch(() => {})));
  // The drive's runtime/ folder itself goes when nothing is left in it.
  if (plan.where === 'drive') removeIfEmpty(plan.base);
  return stale;
}

/** Remove this session's folder (at quit). Files Chromium still holds open may stay: swept next time. */
export async function removeRuntime(plan: RuntimePlan): Promise<void> {
  await rm(plan.root, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => {});
  if (plan.where === 'drive') removeIfEmpty(plan.base);
}

/** The same, synchronously: the last thing the process does on its way out. */
export function removeRuntimeSync(plan: RuntimePlan): void {
  try {
    rmSync(plan.root, { recursive: true, force: true, maxRetries: 2, retryDelay: 50 });
  } catch {
    // A file still open on Windows: the next start sweeps it.
  }
  if (plan.where === 'drive') removeIfEmpty(plan.base);
}

function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // Gone already, or another session is in it.
  }
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another account.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Letters, digits, '.', '_' and '-' only: the name becomes part of a folder name. */
function safeName(name: string): string {
  const s = name.replace(/\.exe$/i, '').replace(/[^A-Za-z0-9._-]/g, '').slice(0, 40);
  return s === '' ? 'app' : s;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
