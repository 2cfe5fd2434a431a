// Where remembered places may be written: only into `.changmun/state/` of this drive. Every write
// and removal goes through the data folder's guard (DataDir: each folder from `.changmun` down is
// looked at with lstat and must be a real folder, never a link or junction; files are written under
// a fresh name and renamed), and the folder must also resolve inside the drive — a planted
// `.changmun/state` pointing at the PC's folders gets nothing.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DataDir, DataDirError } from '../drive/data-dir.js';

const STATE_DIR = 'state';
const STATE_FILE = `${STATE_DIR}/state.json`;

/** A write refused because the folder on the drive is not a plain folder of this drive. */
export class StateFolderRefused extends Error {
  override readonly name = 'StateFolderRefused';
}

/**
 * Write the state file atomically. `sweep`: first remove temporary files a killed writer left (once
 * a session is enough). Throws StateFolderRefused, or the file system's error.
 */
export async function writeStateFile(dataDir: string, text: string, options: { sweep?: boolean } = {}): Promise<void> {
  const data = new DataDir(dataDir);
  try {
    const dir = await data.ensureDir(STATE_DIR);
    await mustBeInsideDrive(dataDir, dir);
    if (options.sweep) await data.sweepTemporary(STATE_DIR);
    await data.write(STATE_FILE, text);
  } catch (e) {
    throw e instanceof DataDirError ? new StateFolderRefused(e.message) : e;
  }
}

/**
 * Remove `.changmun/state` and what is in it. A link there is removed as a link, never followed;
 * a `.changmun` that is a link stops the removal (StateFolderRefused).
 */
export async function removeStateFolder(dataDir: string): Promise<void> {
  try {
    await new DataDir(dataDir).remove(STATE_DIR);
  } catch (e) {
    throw e instanceof DataDirError ? new StateFolderRefused(e.message) : e;
  }
}

/** The folder, with every link resolved, is `<drive>/.changmun/state` of the drive itself. */
async function mustBeInsideDrive(dataDir: string, dir: string): Promise<void> {
  const drive = await fs.realpath(path.dirname(dataDir));
  const real = await fs.realpath(dir);
  if (real !== path.join(drive, path.basename(dataDir), STATE_DIR)) {
    throw new StateFolderRefused(`changmun: ${dir} resolves outside the drive (${real}); nothing is written there`);
  }
}
