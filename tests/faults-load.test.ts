// Issue 7 §5, load, in the test suite's size: 10,000 short articles (a few MB), opened in the
// preview in Chromium. Asserted: every item is listed and reachable, the grid keeps only a screenful
// of cards in the page, search finds the one item holding a rare word, and typing echoes while the
// index is built. Printed, never asserted: the times (keystroke to results on screen, and the rest).
// The full measurement — 10,000 items and 200 MB of text — is `npm run bench:ui` (bench/ui-load.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTree } from './hostile/corpus.js';
import { NEEDLE, writeTinyLibrary, type LoadLibrary } from './hostile/load-library.js';
import { describeUiLoad, measureUi, type UiLoadResult } from './hostile/ui-measure.js';

const ITEMS = 10_000;
let tmp = '';
let library: LoadLibrary;
let result: UiLoadResult;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-load-'));
  library = writeTinyLibrary(path.join(tmp, 'library'), ITEMS);
  const queries = [NEEDLE, library.sampleTitles[1]!, library.sampleTitles[4]!, '학교', '로동자'];
  result = await measureUi(library.dir, queries);
  console.log(`[load] ${ITEMS} items, ${(library.textBytes / 1e6).toFixed(1)} MB of text:\n${describeUiLoad(result)}`);
}, 240_000);

afterAll(() => {
  if (tmp) removeTree(tmp);
});

describe(`a library of ${ITEMS.toLocaleString('en')} items in the UI`, () => {
  it('lists every item, and the grid keeps only a screenful of cards in the page', () => {
    expect(result.items).toBe(ITEMS);
    expect(result.problems).toBe(0);
    expect(result.setSize).toBe(ITEMS);
    expect(result.renderedCards).toBeGreaterThan(0);
    expect(result.renderedCards).toBeLessThan(200);
    expect(result.lastCardReached).toBe(true);
  });

  it('finds the one item that holds a rare word, and items by their titles', () => {
    const needle = result.searches.find((s) => s.query === NEEDLE)!;
    expect(needle.results).toBe(1);
    expect(needle.firstTitle).toBe(library.needle.title);
    for (const title of [library.sampleTitles[1]!, library.sampleTitles[4]!]) {
      expect(result.searches.find((s) => s.query === title)!.firstTitle, title).toBe(title);
    }
    for (const s of result.searches) expect(s.results, s.query).toBeGreaterThan(0);
  });

  it('fills the home screen while the index is built, not only when it is complete', () => {
    // Read every half second while indexing; when indexing went on for more than 3 s after the grid
    // was first read (it does here: the output shows), the grid grew during it.
    const g = result.gridWhileIndexing;
    if (g.length >= 2 && g.at(-1)!.atMs - g[0]!.atMs > 3000) {
      expect(g.at(-1)!.shown).toBeGreaterThan(g[0]!.shown);
      // and it kept up: within 3 s it showed what had been read by then (a file is an item here).
      const late = g.filter((x) => x.atMs > g[0]!.atMs + 3000);
      for (const x of late) {
        const before = g.filter((y) => y.atMs <= x.atMs - 3000).at(-1)!;
        expect(x.shown, `at ${(x.atMs / 1000).toFixed(1)} s`).toBeGreaterThanOrEqual(Math.floor(before.done * 0.9));
      }
    }
  });

  it('stays usable while the index is built: typing echoes, searches answer', () => {
    // The index of 10,000 files takes seconds: typing was tried during it (unless this machine
    // indexed it before the first card showed), and every keystroke showed in the box.
    if (result.indexMs - result.firstCardMs > 2000) expect(result.echoWhileIndexingMs.length).toBeGreaterThan(0);
    for (const ms of result.echoWhileIndexingMs) expect(Number.isFinite(ms)).toBe(true);
    for (const s of result.searchesWhileIndexing) expect(s.results).toBeGreaterThanOrEqual(0);
  });
});
