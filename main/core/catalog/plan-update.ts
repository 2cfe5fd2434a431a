// What a library's change means for its catalog: which files to read again (changed or new ones,
// and every file of an item any of them touches: a subtitle added beside a film changes the film),
// which items go, and the catalog's record of each file. The catalog's own rules, in its home; the
// index (search/library-index.ts) and the build's text amounts (drive-build/text-amounts.ts) use them.
import type { LibraryFile } from '../drive/walk.js';
import { fileKindOf } from './file-kinds.js';
import type { SavedCatalog, SavedFile, SavedItem } from './saved.js';

export interface UpdatePlan {
  toExtract: LibraryFile[];
  removed: string[];
  droppedItems: string[];
  replacedChunks: number;
}

/** Which files to read again: changed or new ones, and every file of an item any of them touches. */
export function planUpdate(catalog: SavedCatalog, files: LibraryFile[]): UpdatePlan {
  const old = new Map(catalog.files.map((f) => [f.path, f]));
  const now = new Map(files.map((f) => [f.path, f]));
  const changed = files.filter((f) => {
    const o = old.get(f.path);
    return !o || o.size !== f.size || o.mtimeMs !== f.mtimeMs;
  });
  const removed = catalog.files.filter((f) => !now.has(f.path)).map((f) => f.path);
  const touched = [...changed.map((f) => f.path), ...removed];
  const dirty = new Set(changed.map((f) => f.path));
  const droppedItems = new Set<string>();
  const media = (p: string) => ['video', 'subtitle', 'sidecar'].includes(fileKindOf(p));
  const mediaDirs = new Set(touched.filter(media).map(dirOf));
  for (const path of touched) {
    const item = old.get(path)?.item;
    if (item) droppedItems.add(item);
  }
  // A subtitle added beside a film changes the film: every film and subtitle in that folder again.
  for (const f of catalog.files) if (media(f.path) && mediaDirs.has(dirOf(f.path)) && f.item) droppedItems.add(f.item);
  for (const f of catalog.files) if (f.item && droppedItems.has(f.item) && now.has(f.path)) dirty.add(f.path);
  for (const f of files) if (media(f.path) && mediaDirs.has(dirOf(f.path))) dirty.add(f.path);
  const byPath = new Map(catalog.items.map((i) => [i.path, i]));
  const replacedChunks = [...droppedItems].reduce((n, p) => n + (byPath.get(p)?.chunkCount ?? 0), 0);
  return { toExtract: files.filter((f) => dirty.has(f.path)), removed, droppedItems: [...droppedItems], replacedChunks };
}

/** The catalog's record of each file: its size and time, and the item it belongs to. */
export function fileRecords(files: LibraryFile[], items: SavedItem[]): SavedFile[] {
  const owner = new Map<string, string>();
  for (const item of items) {
    owner.set(item.path, item.path);
    for (const s of item.subtitles ?? []) owner.set(s.path, item.path);
    if (item.video?.sidecar) owner.set(item.video.sidecar, item.path);
  }
  return files.map((f) => ({ path: f.path, size: f.size, mtimeMs: f.mtimeMs, ...(owner.has(f.path) ? { item: owner.get(f.path)! } : {}) }));
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}
