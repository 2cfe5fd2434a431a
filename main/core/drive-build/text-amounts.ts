// How much there is to read in each item, for the report's hours of reading. From the stored text of
// a saved index when it is up to date (nothing is extracted again), else by reading every file now.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LibraryLocation } from '../drive/locate.js';
import { listContentFiles, readLibrarySettings, scanLibrary } from '../catalog/scan.js';
import { planUpdate } from '../search/library-index.js';
import { ContentShard } from '../search/shard.js';
import { indexDir, readManifest, readSavedCatalog, type SavedCatalog, type SavedItem } from '../search/store.js';
import type { Item } from '../types.js';

export interface TextAmount {
  /** Hangul syllables. */
  hangul: number;
  /** Other letters and digits (white space and punctuation are not counted). */
  other: number;
}

export interface CatalogWithText {
  catalog: SavedCatalog;
  /** Text per item path (articles and books; subtitles are counted as video time instead). */
  text: Map<string, TextAmount>;
  source: 'saved-index' | 'fresh-scan';
}

// Silent reading on a screen, for an estimate: about 500 Hangul syllables a minute, or 1,000 Latin
// letters (some 200 English words). A volunteer reads this as "about", never as a promise.
export const HANGUL_PER_MINUTE = 500;
export const OTHER_PER_MINUTE = 1000;

export function readingHours(t: TextAmount): number {
  return (t.hangul / HANGUL_PER_MINUTE + t.other / OTHER_PER_MINUTE) / 60;
}

const LETTER = /[\p{L}\p{N}]/u;

export function countText(text: string, into: TextAmount = { hangul: 0, other: 0 }): TextAmount {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3) into.hangul++;
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) into.other++;
    else if (c > 0x7f && LETTER.test(text[i]!)) into.other++;
  }
  return into;
}

export async function catalogWithText(location: LibraryLocation, onProgress?: (done: number, total: number, current?: string) => void): Promise<CatalogWithText> {
  const saved = await freshSavedCatalog(location);
  if (saved) {
    const text = await textFromShards(location.dataDir, saved);
    if (text) return { catalog: saved, text, source: 'saved-index' };
  }
  const { catalog } = await scanLibrary(location.libraryRoot, { onProgress: (p) => onProgress?.(p.done, p.total, p.current) });
  const text = new Map<string, TextAmount>();
  for (const item of catalog.items) if (item.type !== 'video') text.set(item.path, item.chunks.reduce((t, c) => countText(c.text, t), { hangul: 0, other: 0 }));
  return {
    catalog: { settings: catalog.settings, items: catalog.items.map(toSaved), problems: catalog.problems, files: [] },
    text,
    source: 'fresh-scan',
  };
}

/** The saved catalog when every file is as it was indexed, else undefined. */
async function freshSavedCatalog(location: LibraryLocation): Promise<SavedCatalog | undefined> {
  const manifest = await readManifest(location.dataDir);
  if (!manifest) return undefined;
  try {
    const saved = await readSavedCatalog(location.dataDir, manifest);
    const { settings } = await readLibrarySettings(location.libraryRoot);
    if (JSON.stringify(settings) !== JSON.stringify(saved.settings)) return undefined;
    const { files } = await listContentFiles(location.libraryRoot, settings);
    const plan = planUpdate(saved, files);
    return plan.toExtract.length === 0 && plan.removed.length === 0 ? saved : undefined;
  } catch {
    return undefined;
  }
}

async function textFromShards(dataDir: string, catalog: SavedCatalog): Promise<Map<string, TextAmount> | undefined> {
  const owner = new Map<string, SavedItem>(catalog.items.map((i) => [i.path, i]));
  const text = new Map<string, TextAmount>();
  const shards = new Set(catalog.items.map((i) => i.shard).filter((s): s is string => s !== undefined));
  try {
    for (const id of shards) {
      const dir = indexDir(dataDir);
      const file = await ContentShard.readMeta(dir, id);
      const body = await fs.readFile(path.join(dir, `shard-${id}.txt`));
      file.chunks.forEach((chunk, local) => {
        const itemPath = file.itemPaths[chunk.item];
        const item = itemPath === undefined ? undefined : owner.get(itemPath);
        // Chunks of an item that a newer shard replaced are still in the old shard: skip them.
        if (!item || item.shard !== id || item.type === 'video') return;
        const t = text.get(item.path) ?? { hangul: 0, other: 0 };
        countText(body.toString('utf8', file.offsets[local], file.offsets[local + 1]), t);
        text.set(item.path, t);
      });
    }
  } catch {
    return undefined;
  }
  return text;
}

function toSaved(item: Item): SavedItem {
  const { chunks, ...rest } = item;
  return { ...rest, chunkCount: chunks.length };
}
