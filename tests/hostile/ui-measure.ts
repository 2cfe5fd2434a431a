// The UI under load, measured in Chromium through the preview (issue 7 §5): how soon the first items
// show, how long indexing takes, whether typing still echoes at once while the index is built, and
// the time from a keystroke to the results of the whole query on screen. Used by
// tests/faults-load.test.ts (a small library, correctness asserted, times printed) and by
// bench/ui-load.ts (10,000 items and 200 MB, times printed). Nothing here asserts a time.
//
// Scripts run in the page are strings: this module is also type-checked without the DOM.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, startPreview } from '../helpers/browser.js';

export interface SearchTiming {
  query: string;
  /** Keystroke (the last character's keydown) to the frame showing the query's results. */
  ms: number;
  results: number;
  firstTitle: string;
}

export interface UiLoadResult {
  /** Preview started → the UI (its search box) on screen. */
  shellMs: number;
  /** Preview started → first item card on screen. */
  firstCardMs: number;
  /** While the index was built: how long getLibrary took, how many items it listed, how many the grid showed. */
  libraryWhileIndexing: { ms: number; items: number; shown: number; done: number; total: number }[];
  /** Every half second while the index was built: how many items the home grid showed, and files read. */
  gridWhileIndexing: { atMs: number; shown: number; phase: string; done: number; total: number }[];
  /** Preview started → index complete. */
  indexMs: number;
  items: number;
  problems: number;
  /** Item cards in the DOM at the top of the home screen (the grid virtualises). */
  renderedCards: number;
  /** aria-setsize of the grid's items: how many the grid knows of. */
  setSize: number;
  /** The last item's card appeared after scrolling to the end. */
  lastCardReached: boolean;
  /** Keystroke → the character in the search box, while the index was still being built. */
  echoWhileIndexingMs: number[];
  /** Searches typed while the index was still being built (answers may be incomplete). */
  searchesWhileIndexing: SearchTiming[];
  searches: SearchTiming[];
  /** "Show more" under the last query's results, pressed from the keyboard: results before and
   * after, and which result (0-based) then has the focus (-1: none; -2: no such button). */
  showMore: { before: number; after: number; focusedAt: number };
  /** The preview process's peak resident memory (VmHWM). */
  previewPeakRssMb: number;
}

const PAGE_HELPERS = `(() => {
  if (window.__cm) return;
  const box = () => document.querySelector('#search-box');
  // The keystroke's moment: its keydown, or for text typed without one (Hangul arrives through
  // an input method, which tools type as inserted text) its beforeinput.
  const arm = (set) => {
    const on = () => {
      removeEventListener('keydown', on, true);
      removeEventListener('beforeinput', on, true);
      set(performance.now());
    };
    addEventListener('keydown', on, true);
    addEventListener('beforeinput', on, true);
  };
  window.__cm = {
    // Arms a measurement and returns at once: the listeners are in place before the key is sent.
    start(kind, arg) { window.__cm.pending = window.__cm[kind](arg); },
    // Resolves with the time from the next keystroke to the frame where the box shows 'ch'.
    echo(ch) {
      return new Promise((resolve) => {
        let t0 = 0;
        const armed = performance.now();
        arm((t) => { t0 = t; });
        const tick = () => {
          const b = box();
          if (t0 && b && b.value.endsWith(ch)) return resolve(performance.now() - t0);
          if (performance.now() - armed > 30000) return resolve(NaN);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    // Resolves with the time from the next keystroke to the frame that shows the answer to 'q':
    // the status has been busy and is not any more, the box holds q, and results (or none) show.
    results(q) {
      return new Promise((resolve) => {
        let t0 = 0;
        let sawBusy = false;
        const armed = performance.now();
        arm((t) => { t0 = t; });
        const tick = () => {
          const status = document.querySelector('.search-status');
          const busy = status && status.getAttribute('aria-busy') === 'true';
          if (t0 && busy) sawBusy = true;
          const b = box();
          const shown = document.querySelector('.result-list article.result') || document.querySelector('.search-empty');
          if (t0 && sawBusy && !busy && b && b.value === q && shown) {
            const first = document.querySelector('.result-list .result-title');
            return resolve({ ms: performance.now() - t0, results: document.querySelectorAll('.result-list article.result').length, firstTitle: first ? first.textContent.trim() : '' });
          }
          // Never wait for ever: after 30 s, say what the page shows instead.
          if (performance.now() - armed > 30000) {
            return resolve({ ms: NaN, results: -1, firstTitle: JSON.stringify({ t0, sawBusy, busy, value: b && b.value, shown: !!shown, status: status && status.textContent, hash: location.hash }) });
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
  };
})()`;

async function api<T>(page: Page, method: string): Promise<T> {
  return page.evaluate(`fetch('api/${method}', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' }).then((r) => r.json())`) as Promise<T>;
}

/** Type `q` into the search box (emptied first) and time its last keystroke to its results. */
async function timedSearch(page: Page, q: string): Promise<SearchTiming> {
  const box = page.locator('#search-box');
  await box.fill('');
  await box.focus();
  await page.keyboard.type(q.slice(0, -1), { delay: 40 });
  await page.evaluate(PAGE_HELPERS);
  await page.evaluate(`window.__cm.start('results', ${JSON.stringify(q)})`);
  await page.keyboard.type(q.slice(-1));
  return { query: q, ...((await page.evaluate('window.__cm.pending')) as Omit<SearchTiming, 'query'>) };
}

function peakRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

export async function measureUi(library: string, queries: string[], log: (s: string) => void = () => {}): Promise<UiLoadResult> {
  const started = performance.now();
  const preview = await startPreview(library);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(preview.url);
    await page.locator('#search-box').waitFor({ timeout: 120_000 });
    const shellMs = performance.now() - started;
    log(`the UI (search box) after ${(shellMs / 1000).toFixed(1)} s`);

    // While the index is built: when do the first items show, does typing still echo at once, do
    // searches answer, how long does the back end take to list the library?
    let firstCardMs = Number.NaN;
    const echoWhileIndexingMs: number[] = [];
    const searchesWhileIndexing: SearchTiming[] = [];
    const libraryWhileIndexing: UiLoadResult['libraryWhileIndexing'] = [];
    const gridWhileIndexing: UiLoadResult['gridWhileIndexing'] = [];
    const gridShows = async () => Number((await page.locator('[role="listitem"]').first().getAttribute('aria-setsize', { timeout: 1000 }).catch(() => null)) ?? 0);
    await page.evaluate(PAGE_HELPERS);
    for (let i = 0; i < 1200; i++) {
      const status = await api<{ complete: boolean; phase: string; done: number; total: number }>(page, 'getIndexStatus');
      if (Number.isNaN(firstCardMs) && (await page.locator('.item-card').count()) > 0) {
        firstCardMs = performance.now() - started;
        log(`first card after ${(firstCardMs / 1000).toFixed(1)} s`);
      }
      if (status.complete) break;
      const shown = await gridShows();
      gridWhileIndexing.push({ atMs: performance.now() - started, shown, phase: status.phase, done: status.done, total: status.total });
      if (i % 6 === 0) {
        const t = performance.now();
        const lib = await api<{ items: unknown[] }>(page, 'getLibrary');
        libraryWhileIndexing.push({ ms: performance.now() - t, items: lib.items.length, shown, done: status.done, total: status.total });
        await page.locator('#search-box').focus();
        await page.evaluate(`window.__cm.start('echo', '가')`);
        await page.keyboard.type('가');
        echoWhileIndexingMs.push((await page.evaluate('window.__cm.pending')) as number);
        await page.keyboard.press('Backspace');
        if (queries[0] && searchesWhileIndexing.length < 3) searchesWhileIndexing.push(await timedSearch(page, queries[0]));
        const l = libraryWhileIndexing.at(-1)!;
        log(`${status.phase} ${status.done}/${status.total}: getLibrary ${l.ms.toFixed(0)} ms (${l.items} items; the grid shows ${l.shown}), echo ${echoWhileIndexingMs.at(-1)!.toFixed(0)} ms`);
        await page.goto(`${preview.url}#/`);
      }
      await page.waitForTimeout(500);
    }
    const indexMs = performance.now() - started;
    log(`index complete after ${(indexMs / 1000).toFixed(1)} s`);

    // Home: how many cards the DOM holds, how many the grid knows of, and the last one reachable.
    await page.goto(`${preview.url}#/`);
    await page.reload();
    await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
    const library = await api<{ items: unknown[]; problems: unknown[] }>(page, 'getLibrary');
    const renderedCards = await page.locator('.item-card').count();
    const setSize = Number((await page.locator('[role="listitem"]').first().getAttribute('aria-setsize')) ?? 0);
    await page.evaluate(`(() => { const s = document.querySelector('.item-scroller'); s.scrollTop = s.scrollHeight; })()`);
    const lastCardReached = await page
      .locator(`[role="listitem"][aria-posinset="${library.items.length}"]`)
      .waitFor({ timeout: 15_000 })
      .then(() => true, () => false);

    await page.keyboard.press('/');
    await page.evaluate(PAGE_HELPERS);
    const searches: SearchTiming[] = [];
    for (const q of queries) {
      searches.push(await timedSearch(page, q));
      log(`"${q}": ${searches.at(-1)!.results} results in ${searches.at(-1)!.ms.toFixed(0)} ms`);
    }
    const resultCount = () => page.locator('.result-list > li').count();
    const showMore = { before: await resultCount(), after: -1, focusedAt: -2 };
    const more = page.locator('.results > button');
    if ((await more.count()) > 0) {
      await more.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(`document.querySelectorAll('.result-list > li').length > ${showMore.before}`, undefined, { timeout: 30_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      showMore.after = await resultCount();
      showMore.focusedAt = (await page.evaluate(`(() => {
        const li = document.activeElement && document.activeElement.closest('.result-list > li');
        return li ? [...document.querySelectorAll('.result-list > li')].indexOf(li) : -1;
      })()`)) as number;
    }
    if (Number.isNaN(firstCardMs)) firstCardMs = performance.now() - started;
    return {
      showMore,
      shellMs, firstCardMs, indexMs, libraryWhileIndexing, gridWhileIndexing, items: library.items.length, problems: library.problems.length, renderedCards, setSize, lastCardReached,
      echoWhileIndexingMs, searchesWhileIndexing, searches, previewPeakRssMb: peakRssMb(preview.child.pid),
    };
  } finally {
    await browser.close();
    await preview.stop();
  }
}

/** A few lines of numbers for the output. */
export function describeUiLoad(r: UiLoadResult): string {
  const ms = (xs: number[]) => {
    if (xs.length === 0) return 'none';
    const s = [...xs].sort((a, b) => a - b);
    return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms, max ${s.at(-1)!.toFixed(0)} ms (${s.length})`;
  };
  return [
    `items ${r.items}, problems ${r.problems}; the UI after ${(r.shellMs / 1000).toFixed(1)} s, first card after ${(r.firstCardMs / 1000).toFixed(1)} s, index complete after ${(r.indexMs / 1000).toFixed(1)} s`,
    `while indexing (files read/total: getLibrary time, items it lists, items the grid shows): ${r.libraryWhileIndexing.map((l) => `${l.done}/${l.total}: ${l.ms.toFixed(0)} ms, ${l.items}, ${l.shown}`).join('; ') || 'not asked (the index was ready first)'}`,
    `the home grid while indexing (s: items shown, files read): ${r.gridWhileIndexing.map((g) => `${(g.atMs / 1000).toFixed(1)}: ${g.shown}, ${g.phase === 'indexing' ? g.done : g.phase}`).join('; ') || 'none'}`,
    `grid: ${r.renderedCards} cards in the DOM for ${r.setSize} items; last card reached by scrolling: ${r.lastCardReached}`,
    `keystroke → character in the box while indexing: ${ms(r.echoWhileIndexingMs)}`,
    `keystroke → results while indexing: ${ms(r.searchesWhileIndexing.map((s) => s.ms))}`,
    `keystroke → results on screen: ${ms(r.searches.map((s) => s.ms))}`,
    ...r.searches.map((s) => `  ${JSON.stringify(s.query)}: ${s.ms.toFixed(0)} ms, ${s.results} results, first "${s.firstTitle.slice(0, 40)}"`),
    `"show more" pressed with Enter: ${r.showMore.before} → ${r.showMore.after} results, focus on result ${r.showMore.focusedAt}`,
    `preview peak RSS ${r.previewPeakRssMb} MB`,
  ].join('\n');
}
