// Where the app's own files are. Packaged, renderer/dist is unpacked beside the asar
// (electron-builder.yml: asarUnpack): Electron's fs.open copies a file out of an asar into a temp
// file before opening it, and the one serve function opens every file it sends. From the unpacked
// folder the UI is read straight from the drive, with nothing copied anywhere.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The built UI: `<root>.unpacked/renderer/dist` when the root is an asar that has it, else `<root>/renderer/dist`. */
export function uiDistDir(packageRoot: string, exists: (p: string) => boolean = existsSync): string {
  const root = packageRoot.replace(/[\\/]+$/, '');
  if (/\.asar$/i.test(root)) {
    const unpacked = path.join(`${root}.unpacked`, 'renderer', 'dist');
    if (exists(path.join(unpacked, 'index.html'))) return unpacked;
  }
  return path.join(root, 'renderer', 'dist');
}
