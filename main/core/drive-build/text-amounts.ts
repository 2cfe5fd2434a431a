// How much there is to read in each item, for the report's hours of reading. From the stored text of
// a saved index when it is up to date (nothing is extracted again), else by reading every file now.
import type { LibraryLocation } from '../drive/locate.js';
import { listContentFiles, readLibrarySettings, scanLibrary } from '../catalog/scan.js';
import type { SavedCatalog, SavedItem } from '../catalog/saved.js';
import { planUpdate } from '../catalog/plan-update.js';
import { dataDirOf, openSavedSegment, readSavedIndex } from '../search/saved-index.js';
import { DriveStorage } from '../search/store/storage.js';
import type { IndexManifest } from '../search/store/index-files.js';
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
  const saved = await freshSavedIndex(location);
  if (saved) {
    const text = await textFromSegments(location, saved.manifest, saved.catalog);
    if (text) return { catalog: saved.catalog, text, source: 'saved-index' };
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

/** The saved index when every file is as it was indexed, else undefined. */
async function freshSavedIndex(location: LibraryLocation): Promise<{ manifest: IndexManifest; catalog: SavedCatalog } | undefined> {
  const read = await readSavedIndex(location).catch(() => undefined);
  if (read?.status !== 'ok') return undefined;
  const saved = read.catalog;
  try {
    const { settings } = await readLibrarySettings(location.libraryRoot);
    if (JSON.stringify(settings) !== JSON.stringify(saved.settings)) return undefined;
    const { files } = await listContentFiles(location.libraryRoot, settings);
    const plan = planUpdate(saved, files);
    return plan.toExtract.length === 0 && plan.removed.length === 0 ? { manifest: read.manifest, catalog: saved } : undefined;
  } catch {
    return undefined;
  }
}

async function textFromSegments(location: LibraryLocation, manifest: IndexManifest, catalog: SavedCatalog): Promise<Map<string, TextAmount> | undefined> {
  const owner = new Map<string, SavedItem>(catalog.items.map((i) => [i.path, i]));
  const text = new Map<string, TextAmount>();
  const storage = new DriveStorage(dataDirOf(location));
  try {
    for (const entry of manifest.segments) {
      const { segment } = await openSavedSegment(location, entry, storage);
      try {
        for (let local = 0; local < segment.chunkCount; local++) {
          const item = owner.get(segment.itemPaths[segment.itemIndexOf(local)]!);
          // Chunks of an item that a newer segment replaced are still in the old one: skip them.
          if (!item || item.shard !== segment.id || item.type === 'video') continue;
          const t = text.get(item.path) ?? { hangul: 0, other: 0 };
          countText(segment.textOf(local), t);
          text.set(item.path, t);
        }
      } finally {
        segment.close();
      }
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
