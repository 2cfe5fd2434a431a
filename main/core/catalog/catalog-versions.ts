// The catalog as the page keeps it: sent whole once, then as what changed. Each item carries the
// version at which it last changed, removed paths leave a tombstone with theirs, and a reader asks
// for everything after the version it has. Changes are found by comparing successive catalogs by
// object identity (an item that changes is a new object), so it costs a lookup per item, and no
// place that changes the catalog has to remember to report it.
import type { Problem } from '../types.js';
import type { SavedCatalog, SavedItem } from './saved.js';

export interface CatalogChanges {
  /** The version now: ask for what comes after it next time. */
  version: number;
  /** True when `items` is the whole catalog (the version asked for is not known here). */
  full: boolean;
  /** Items added or changed since (or all of them when `full`). */
  items: SavedItem[];
  /** Paths no longer in the catalog since. */
  removed: string[];
  /** The problems list, when it changed since (or when `full`). */
  problems?: Problem[];
}

/** Tombstones kept before a reader far behind is sent the whole catalog instead. */
const MAX_TOMBSTONES = 50_000;

export class CatalogVersions {
  /**
   * Versions start at a random point, so that a version a page kept from another run of the app
   * (a restarted preview) is not mistaken for one of this run: it falls outside and gets everything.
   */
  private version = Math.floor(Math.random() * 2 ** 40) * 1024;
  private readonly current = new Map<string, { item: SavedItem; version: number }>();
  private tombstones: { path: string; version: number }[] = [];
  /** Versions older than this cannot be answered with changes (the start, or dropped tombstones). */
  private floor = this.version;
  private problems: Problem[] = [];
  private problemsVersion = 0;

  /** Bring the versions up to `catalog`. */
  update(catalog: SavedCatalog): void {
    const next = this.version + 1;
    let changed = false;
    const seen = new Set<string>();
    for (const item of catalog.items) {
      seen.add(item.path);
      const had = this.current.get(item.path);
      if (had?.item === item) continue;
      this.current.set(item.path, { item, version: next });
      changed = true;
    }
    for (const path of this.current.keys()) {
      if (seen.has(path)) continue;
      this.current.delete(path);
      this.tombstones.push({ path, version: next });
      changed = true;
    }
    if (this.tombstones.length > MAX_TOMBSTONES) {
      const cut = this.tombstones.length - MAX_TOMBSTONES;
      this.floor = this.tombstones[cut - 1]!.version;
      this.tombstones = this.tombstones.slice(cut);
    }
    if (!sameProblems(this.problems, catalog.problems)) {
      this.problems = catalog.problems;
      this.problemsVersion = next;
      changed = true;
    }
    if (changed) this.version = next;
  }

  get now(): number {
    return this.version;
  }

  /** What changed after version `since` (0, or any version this log cannot answer: everything). */
  since(since: number): CatalogChanges {
    if (since < this.floor || since > this.version) {
      return { version: this.version, full: true, items: [...this.current.values()].map((e) => e.item), removed: [], problems: this.problems };
    }
    const items: SavedItem[] = [];
    for (const e of this.current.values()) if (e.version > since) items.push(e.item);
    const removed = this.tombstones.filter((t) => t.version > since && !this.current.has(t.path)).map((t) => t.path);
    return { version: this.version, full: false, items, removed, ...(this.problemsVersion > since ? { problems: this.problems } : {}) };
  }
}

function sameProblems(a: Problem[], b: Problem[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.path !== b[i]!.path || a[i]!.message !== b[i]!.message) return false;
  return true;
}
