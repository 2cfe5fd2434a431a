// SVG pages listed in the spine, in Chromium through the preview (needs `npm run build:ui`): a word
// drawn only on such a page opens that page with the drawing on screen and the word marked; a
// hostile SVG page is shown with its words, runs nothing and asks nothing of the network.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startPreview, waitForIndexComplete, type Preview } from './helpers/browser.js';
import { removeTree } from './hostile/corpus.js';
import { HILL, hillBook, HOSTILE, hostileBook } from './helpers/svg-page-books.js';

let tmp = '';
let preview: Preview;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-svg-pages-browser-'));
  const library = path.join(tmp, 'library');
  mkdirSync(path.join(library, 'books'), { recursive: true });
  writeFileSync(path.join(library, 'books', '언덕.epub'), hillBook());
  writeFileSync(path.join(library, 'books', '파도.epub'), hostileBook());
  preview = await startPreview(library);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(preview.url);
  await waitForIndexComplete(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (tmp) removeTree(tmp);
});

/** Searches, opens the first hit of `title`, and returns the text under the current hit's mark. */
async function openHit(query: string, title: string): Promise<string> {
  await page.goto(`${preview.url}#/`);
  await page.locator('#search-box').fill(query);
  const hit = page.locator('.result', { hasText: title }).locator('a.hit').first();
  await hit.waitFor({ timeout: 30_000 });
  await hit.click();
  const current = page.locator('.cm-r-book-current');
  await current.first().waitFor({ state: 'attached', timeout: 30_000 });
  let word = '';
  for (let i = 0; i < 40 && word === ''; i++) {
    await page.waitForTimeout(250);
    const box = await current.locator('rect').first().boundingBox().catch(() => null);
    const frame = await page.locator('.cm-r-book-frame iframe, iframe').first().boundingBox();
    if (!box || !frame || box.width === 0) continue;
    word = await page.frameLocator('iframe').first().locator(':root').evaluate((root, at) => {
      const doc = root.ownerDocument;
      const range = doc.caretRangeFromPoint?.(at.x, at.y);
      const node = range?.startContainer;
      return node && node.nodeType === 3 ? (node.nodeValue ?? '') : '';
    }, { x: box.x - frame.x + box.width / 2, y: box.y - frame.y + box.height / 2 });
  }
  return word;
}

/** What the page on screen draws: its <svg>'s size and the pictures in it. */
const drawing = () =>
  page.frameLocator('iframe').first().locator('svg').first().evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    return { width: r.width, height: r.height, images: svg.querySelectorAll('image').length, text: svg.textContent ?? '' };
  });

describe('SVG pages in the spine, in the book reader (Chromium)', () => {
  it('a word drawn only on an SVG page opens that page, the drawing on screen and the word marked', async () => {
    const shown = await openHit(HILL.second, HILL.title);
    await page.screenshot({ path: screenshotPath('svg-page-hit') });
    expect(shown).toContain(HILL.second);
    const d = await drawing();
    expect(d.width).toBeGreaterThan(100);
    expect(d.height).toBeGreaterThan(100);
    expect(d.images).toBe(1);
    // No part of the book was skipped.
    expect(await page.locator('.cm-r-notice').count()).toBe(0);
  }, 90_000);

  it('the first page\'s words too', async () => {
    const shown = await openHit(HILL.first, HILL.title);
    await page.screenshot({ path: screenshotPath('svg-page-first') });
    expect(shown).toContain(HILL.first);
    // The drawing fits the page: no taller than the frame.
    const d = await drawing();
    const frame = (await page.locator('.cm-r-book-frame iframe, iframe').first().boundingBox())!;
    expect(d.height).toBeGreaterThan(300);
    expect(d.height).toBeLessThanOrEqual(frame.height);
  }, 90_000);

  it('a hostile SVG page shows its words, runs nothing and fetches nothing outside', async () => {
    requests.length = 0;
    const shown = await openHit(HOSTILE.word, HOSTILE.title);
    await page.screenshot({ path: screenshotPath('svg-page-hostile') });
    expect(shown).toContain(HOSTILE.word);
    await page.waitForTimeout(1000);
    const pwned = await page.evaluate((name) => (globalThis as Record<string, unknown>)[name] ?? null, HOSTILE.pwned);
    expect(pwned).toBeNull();
    const frame = page.frameLocator('iframe').first();
    expect(await frame.locator('script').evaluateAll((s) => s.map((x) => x.textContent ?? '').join(''))).toBe('');
    const origin = new URL(preview.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && u !== 'about:srcdoc')).toEqual([]);
  }, 90_000);
});
