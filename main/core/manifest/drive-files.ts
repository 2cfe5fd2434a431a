// Which files of a drive the manifest covers: every file under the drive root, except what the app
// itself writes while it runs (.changmun/runtime, .changmun/state), the manifest and its signature,
// and the litter operating systems leave on any stick they see (System Volume Information,
// .Trashes, Thumbs.db, ._* and other hidden names). Build and verify list files with this one walk.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isIgnoredName } from '../catalog/file-kinds.js';

export const DATA_DIR = '.changmun';
export const MANIFEST_FILE = `${DATA_DIR}/manifest.json`;
export const SIGNATURE_FILE = `${DATA_DIR}/manifest.sig`;
/** Written by the app on the recipient's PC (Electron's paths, remembered places): never signed. */
export const UNSIGNED_FOLDERS = [`${DATA_DIR}/runtime`, `${DATA_DIR}/state`] as const;

/**
 * Where a file sits on the drive. Changes to `data` (the index the app may rebuild itself) are
 * reported but do not alarm a recipient; `library`, `app` and `other` do.
 */
export type DriveArea = 'library' | 'app' | 'data' | 'other';

export interface DriveFile {
  /** Relative to the drive root, '/'-separated, NFC. */
  path: string;
  absPath: string;
  size: number;
  mtimeMs: number;
}

export interface DriveSkip {
  path: string;
  reason: 'system' | 'link' | 'unreadable';
  detail?: string;
}

export function areaOf(relPath: string, looseLibrary = false): DriveArea {
  if (relPath === DATA_DIR || relPath.startsWith(`${DATA_DIR}/`)) return 'data';
  if (looseLibrary) return 'library';
  if (relPath.startsWith('library/')) return 'library';
  if (relPath.startsWith('app/') || /^(start\.cmd|start\.sh)$/i.test(relPath)) return 'app';
  return 'other';
}

/** A drive laid out as ARCHITECTURE.md says (DRIVE/library/), or a loose folder built in place. */
export async function isLooseLibrary(driveRoot: string): Promise<boolean> {
  try {
    return !(await fs.stat(path.join(driveRoot, 'library'))).isDirectory();
  } catch {
    return true;
  }
}

function excluded(rel: string): boolean {
  if (rel === MANIFEST_FILE || rel === SIGNATURE_FILE) return true;
  return UNSIGNED_FOLDERS.some((f) => rel === f || rel.startsWith(`${f}/`));
}

/** Every file the manifest covers, sorted by path; plus what was skipped and why. */
export async function listDriveFiles(driveRoot: string): Promise<{ files: DriveFile[]; skipped: DriveSkip[] }> {
  const files: DriveFile[] = [];
  const skipped: DriveSkip[] = [];
  const visit = async (absDir: string, relDir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(absDir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: relDir || '.', reason: 'unreadable', detail: (e as Error).message });
      return;
    }
    for (const entry of entries) {
      const rel = (relDir ? `${relDir}/${entry.name}` : entry.name).normalize('NFC');
      if (excluded(rel)) continue;
      const isData = relDir === '' && entry.name === DATA_DIR;
      if (!isData && isIgnoredName(entry.name)) {
        skipped.push({ path: rel, reason: 'system' });
        continue;
      }
      const abs = path.join(absDir, entry.name);
      if (entry.isSymbolicLink()) {
        // A FAT or exFAT stick has no links; a link in a build folder is not followed onto a drive.
        skipped.push({ path: rel, reason: 'link' });
      } else if (entry.isDirectory()) {
        await visit(abs, rel);
      } else if (entry.isFile()) {
        try {
          const st = await fs.stat(abs);
          files.push({ path: rel, absPath: abs, size: st.size, mtimeMs: Math.trunc(st.mtimeMs) });
        } catch (e) {
          skipped.push({ path: rel, reason: 'unreadable', detail: (e as Error).message });
        }
      }
    }
  };
  await visit(driveRoot, '');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}
