// The catalog sent once, then as changes (issue 13): a reader that applies every answer to what it
// holds always ends with the catalog as it is, whatever happened between two questions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CatalogVersions } from '../main/core/catalog/catalog-versions.js';
import type { SavedCatalog, SavedItem } from '../main/core/catalog/saved.js';
import type { LibraryInfo } from '../main/api.js';

const item = (path: string, title = path): SavedItem => ({ path, type: 'article', title, collections: [], size: 1, mtimeMs: 1, chunkCount: 1 });
const catalogOf = (items: SavedItem[]): SavedCatalog => ({ settings: { language: 'ko', collections: {}, exclude: [] }, items, problems: [], files: [] });

describe('CatalogVersions', () => {
  it('a reader applying the changes always holds the current catalog (random additions, edits and removals)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.constantFrom('add', 'edit', 'remove'), fc.integer({ min: 0, max: 30 })), { maxLength: 10 }), { maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (steps, asks) => {
        const log = new CatalogVersions();
        let items = new Map<string, SavedItem>();
        const reader = new Map<string, SavedItem>();
        let version = -1;
        steps.forEach((ops, s) => {
          items = new Map(items);
          for (const [op, n] of ops) {
            const p = `a/${n}.txt`;
            if (op === 'remove') items.delete(p);
            else items.set(p, item(p, `${op}-${s}-${n}`));
          }
          log.update(catalogOf([...items.values()]));
          if (!asks[s]) return;
          const c = log.since(version);
          if (c.full) reader.clear();
          for (const x of c.items) reader.set(x.path, x);
          for (const p of c.removed) reader.delete(p);
          version = c.version;
          expect(new Map([...reader].sort())).toEqual(new Map([...items].sort()));
        });
      }),
    );
  });

  it('sends only what changed, and nothing when nothing did', () => {
    const log = new CatalogVersions();
    const a = item('a.txt');
    const b = item('b.txt');
    log.update(catalogOf([a, b]));
    const first = log.since(0);
    expect(first.full).toBe(true);
    expect(first.items).toHaveLength(2);
    const b2 = { ...b, title: 'changed' };
    log.update(catalogOf([a, b2, item('c.txt')]));
    const next = log.since(first.version);
    expect(next.full).toBe(false);
    expect(next.items.map((x) => x.path).sort()).toEqual(['b.txt', 'c.txt']);
    log.update(catalogOf([a, b2]));
    const after = log.since(next.version);
    expect(after).toMatchObject({ full: false, items: [], removed: ['c.txt'] });
    log.update(catalogOf([a, b2]));
    expect(log.since(after.version)).toMatchObject({ version: after.version, items: [], removed: [] });
  });
});

describe('the page applying the changes (renderer/src/screens/library-changes.ts)', () => {
  it('ends with the list the back end has, in path order, whatever it was sent in between', async () => {
    const { applyLibraryChanges } = await import('../renderer/src/screens/library-changes.js');
    const log = new CatalogVersions();
    const toItem = (i: SavedItem) => ({ path: i.path, type: i.type, title: i.title, collections: i.collections, size: i.size, mtimeMs: i.mtimeMs, chunkCount: i.chunkCount });
    const index: LibraryInfo['index'] = { complete: false, phase: 'indexing', done: 0, total: 0 };
    log.update(catalogOf([item('b.txt'), item('a.txt')]));
    const first = log.since(-1);
    let lib: LibraryInfo = { title: 't', appName: 'a', language: 'ko', collections: [], items: first.items.map(toItem).sort((x, y) => (x.path < y.path ? -1 : 1)), problems: [], index, writable: true, version: first.version };
    const steps: SavedItem[][] = [
      [item('a.txt'), item('c.txt'), item('b.txt', 'B')],
      [item('c.txt', 'C'), item('0.txt')],
      [],
    ];
    for (const items of steps) {
      log.update(catalogOf(items));
      const c = log.since(lib.version);
      lib = applyLibraryChanges(lib, { ...c, items: c.items.map(toItem), index, writable: true });
      expect(lib.items.map((i) => `${i.path}:${i.title}`)).toEqual(items.map((i) => `${i.path}:${i.title}`).sort());
    }
  });
});
