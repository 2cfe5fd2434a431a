// Private keys must never travel on a drive. A key file is small and starts with a PEM (or PuTTY)
// header, so the first bytes of every small file are enough to find one, whatever its name.
import { promises as fs } from 'node:fs';
import { isIgnoredName } from '../catalog/file-kinds.js';
import { PRIVATE_KEY_PEM } from '../manifest/keys.js';
import { listSourceFiles } from './mirror.js';

/** Key files are a few kilobytes; larger files are not read. */
const MAX_KEY_FILE_BYTES = 64 * 1024;
const HEAD_BYTES = 4096;
const PUTTY_KEY = /^PuTTY-User-Key-File-\d+:/;

export function looksLikePrivateKey(head: string): boolean {
  return PRIVATE_KEY_PEM.test(head) || PUTTY_KEY.test(head);
}

/** Paths (relative to `root`) of files that look like private keys. */
export async function findPrivateKeys(root: string, files?: { rel: string; abs: string; size: number }[]): Promise<string[]> {
  const list = files ?? (await listSourceFiles(root, (name) => isIgnoredName(name))).files;
  const found: string[] = [];
  const head = Buffer.alloc(HEAD_BYTES);
  for (const f of list) {
    if (f.size === 0 || f.size > MAX_KEY_FILE_BYTES) continue;
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(f.abs, 'r');
      const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
      if (looksLikePrivateKey(head.subarray(0, bytesRead).toString('latin1'))) found.push(f.rel);
    } catch {
      // Unreadable here is reported by the steps that need the file.
    } finally {
      await handle?.close();
    }
  }
  return found;
}
