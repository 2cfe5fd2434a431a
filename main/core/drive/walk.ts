// Walk the library tree. Symbolic links are followed only while they stay inside the library;
// a link that leaves it is reported, never read.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isIgnoredName } from '../catalog/file-kinds.js';

export interface LibraryFile {
  /** Relative to the library root, '/'-separated, NFC. */
  path: string;
  absPath: string;
  size: number;
  mtimeMs: number;
}

export interface WalkSkip {
  path: string;
  reason: 'link-outside' | 'unreadable';
  detail: string;
}

export async function walkLibrary(root: string): Promise<{ files: LibraryFile[]; skipped: WalkSkip[] }> {
  const realRoot = await fs.realpath(root);
  const files: LibraryFile[] = [];
  const skipped: WalkSkip[] = [];
  const seenDirs = new Set<string>([realRoot]);

  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + path.sep);

  const visit = async (absDir: string, relDir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(absDir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: relDir || '.', reason: 'unreadable', detail: (e as Error).message });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      if (relDir === '' && entry.name === 'library.json') continue;
      const abs = path.join(absDir, entry.name);
      const rel = (relDir ? `${relDir}/${entry.name}` : entry.name).normalize('NFC');
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let real: string;
        try {
          real = await fs.realpath(abs);
        } catch (e) {
          skipped.push({ path: rel, reason: 'unreadable', detail: `broken link: ${(e as Error).message}` });
          continue;
        }
        if (!inside(real)) {
          skipped.push({ path: rel, reason: 'link-outside', detail: 'link points outside the library' });
          continue;
        }
        const st = await fs.stat(real);
        isDirectory = st.isDirectory();
        isFile = st.isFile();
        if (isDirectory) {
          if (seenDirs.has(real)) continue;
          seenDirs.add(real);
        }
      }
      if (isDirectory) {
        await visit(abs, rel);
      } else if (isFile) {
        try {
          const st = await fs.stat(abs);
          files.push({ path: rel, absPath: abs, size: st.size, mtimeMs: Math.trunc(st.mtimeMs) });
        } catch (e) {
          skipped.push({ path: rel, reason: 'unreadable', detail: (e as Error).message });
        }
      }
    }
  };

  await visit(realRoot, '');
  return { files, skipped };
}
