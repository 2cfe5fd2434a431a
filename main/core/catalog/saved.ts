// The catalog as the index keeps it: every item without its text (its chunks are in the index's
// segments), the problems met, and the files it was built from (to notice what changed since).
import type { Item, Problem } from '../types.js';
import type { LibrarySettings } from '../drive/library-json.js';

/** An item as saved: everything but its chunks, plus which segment holds them. */
export type SavedItem = Omit<Item, 'chunks'> & { chunkCount: number; shard?: string };

export interface SavedFile {
  path: string;
  size: number;
  mtimeMs: number;
  /** The item this file is part of (a subtitle belongs to its film); absent for problems. */
  item?: string;
}

export interface SavedCatalog {
  settings: LibrarySettings;
  items: SavedItem[];
  problems: Problem[];
  files: SavedFile[];
}
