// Was this folder built as a drive? A plain folder of content (never built) has no manifest because
// nobody ever made one, and the app says nothing about it. A built drive whose manifest and
// signature are gone is another matter: whoever removed them may have changed anything, and nobody
// vouches for what is on it. The traces a build leaves and the app itself never makes tell the two
// apart.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BOOK_LOCATIONS_FILE } from '../drive-build/book-locations.js';
import { DATA_DIR, SIGNATURE_FILE, isLooseLibrary } from './drive-files.js';

/** The launchers `build` puts at a drive's root. */
const LAUNCHERS = ['Start.cmd', 'start.sh'];

/**
 * True when `driveRoot` shows a build's traces: book locations or a signature in `.changmun/`
 * (only `build` writes them); and on a drive laid out with `library/`, also a saved index, the app
 * folder or a launcher at the root. In a loose folder of content the app keeps its own index in
 * `.changmun/index/` and `app/` may be content, so those are not taken for a build there.
 */
export async function looksBuilt(driveRoot: string): Promise<boolean> {
  const data = path.join(driveRoot, DATA_DIR);
  if ((await present(path.join(data, BOOK_LOCATIONS_FILE))) || (await present(path.join(driveRoot, SIGNATURE_FILE)))) return true;
  if (await isLooseLibrary(driveRoot)) return false;
  const traces = [path.join(data, 'index'), path.join(driveRoot, 'app'), ...LAUNCHERS.map((l) => path.join(driveRoot, l))];
  for (const t of traces) if (await present(t)) return true;
  // A FAT stick keeps names in any case: START.CMD is the same launcher.
  const names = await fs.readdir(driveRoot).catch(() => [] as string[]);
  return names.some((n) => LAUNCHERS.some((l) => l.toLowerCase() === n.toLowerCase()));
}

async function present(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}
