// Applying what changed in the library to the list the page holds (see useLibrary). Pure, and its
// imports are types only (with the extension Node's resolution wants), so plain Node tests run it.
import type { LibraryChanges, LibraryInfo, LibraryItem } from '../../../main/api.js';

/** `library` with `changes` applied (items kept in path order, as getLibrary sends them). */
export function applyLibraryChanges(library: LibraryInfo, changes: LibraryChanges): LibraryInfo {
  const touched = changes.full || changes.items.length > 0 || changes.removed.length > 0;
  let items = library.items;
  if (touched) {
    const byPath = new Map<string, LibraryItem>(changes.full ? [] : library.items.map((i) => [i.path, i]));
    for (const i of changes.items) byPath.set(i.path, i);
    for (const p of changes.removed) byPath.delete(p);
    items = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  return {
    ...library,
    items,
    ...(changes.problems ? { problems: changes.problems } : {}),
    index: changes.index,
    writable: changes.writable,
    version: changes.version,
  };
}
