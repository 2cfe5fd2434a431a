// A saved catalog and the segments it names must agree: every item's chunks are in the segment the
// catalog names, as many as it says. A forgery consistent with every hash is still caught here.
// Checked when the app loads a saved index, and by the browser edition's page. No Node here.
import { IndexDamagedError } from './store/damage.js';
import type { SearchSegment } from './store/segment.js';

/** What the check needs of an item. */
export interface CatalogEntry {
  path: string;
  shard?: string;
  chunkCount: number;
}

export function checkAgainstCatalog(items: readonly CatalogEntry[], segments: readonly SearchSegment[]): void {
  // Chunks per item, counted by item number in each segment (no string work per chunk).
  const counted = new Map<string, { segment: SearchSegment; perItem: Uint32Array; index: Map<string, number> }>();
  for (const s of segments) {
    const perItem = new Uint32Array(s.itemPaths.length);
    const items = s.chunkItems;
    for (let c = 0; c < s.chunkCount; c++) perItem[items[c]!]!++;
    counted.set(s.id, { segment: s, perItem, index: new Map(s.itemPaths.map((p, i) => [p, i])) });
  }
  for (const item of items) {
    if (item.shard === undefined) {
      if (item.chunkCount > 0) throw new IndexDamagedError('', `${item.path} has chunks but no segment`);
      continue;
    }
    const c = counted.get(item.shard);
    if (!c) throw new IndexDamagedError('', `${item.path} names segment ${item.shard}, which the index does not have`);
    const i = c.index.get(item.path);
    const n = i === undefined ? 0 : c.perItem[i]!;
    if (n !== item.chunkCount) throw new IndexDamagedError(`seg-${item.shard}.json`, `${item.path} has ${n} chunks there, not the catalog's ${item.chunkCount}`);
  }
}
