// Readable on small old screens (issue 16): at 1024×600 (a netbook) and 1280×720 the page of an
// article, a book or a film gets at least 80% of the window's height while reading (the shell's
// header and the reader's bar are one slim row each), and the home shows at least two full rows of
// items; at 1920×1080 it still looks as it did (cards with tall covers, several rows). Measured in
// Debian's Chromium on the preview of content-sample, each opened from a search hit (the busiest
// bar: the hit counter is in it); screenshots of each screen at each size.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startPreview, waitForBookReady, waitForIndexComplete, type Preview } from './helpers/browser.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';

let preview: Preview;
let browser: Browser;

const SIZES = [
  { width: 1024, height: 600 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

async function openAt(size: { width: number; height: number }, route = '#/'): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  await page.goto(`${preview.url}${route}`);
  return page;
}

/** Rows of item cards wholly inside the window (a row: cards with the same top). */
async function fullRowsOnHome(page: Page): Promise<{ rows: number; perRow: number[] }> {
  return page.evaluate(() => {
    const byTop = new Map<number, number>();
    for (const card of document.querySelectorAll('.item-card')) {
      const r = card.getBoundingClientRect();
      if (r.height === 0 || r.top < 0 || r.bottom > window.innerHeight) continue;
      const top = Math.round(r.top);
      byTop.set(top, (byTop.get(top) ?? 0) + 1);
    }
    return { rows: byTop.size, perRow: [...byTop.values()] };
  });
}

/** The reader's bar is one row, nothing in it cut off at the window's edge, and the hide button can be hit. */
async function expectSlimChrome(page: Page): Promise<void> {
  const bar = await page.evaluate(() => {
    const toolbar = document.querySelector('.cm-r-toolbar')!.getBoundingClientRect();
    const header = document.querySelector('.app-header')!.getBoundingClientRect();
    const controls = [...document.querySelectorAll('.cm-r-toolbar button, .cm-r-toolbar select, .app-header button, .app-header input, .app-header a')]
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0);
    const hide = document.querySelector('.hide-button')!.getBoundingClientRect();
    return {
      toolbar: toolbar.height,
      header: header.height,
      outside: controls.filter((r) => r.right > window.innerWidth + 0.5 || r.left < -0.5).length,
      hide: { width: hide.width, height: hide.height, right: hide.right, top: hide.top },
    };
  });
  expect(bar.toolbar).toBeLessThanOrEqual(48);
  expect(bar.header).toBeLessThanOrEqual(48);
  expect(bar.outside).toBe(0);
  expect(bar.hide.height).toBeGreaterThanOrEqual(28);
  expect(bar.hide.width).toBeGreaterThanOrEqual(80);
  expect(bar.hide.top).toBeLessThan(10);
}

async function share(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().height / window.innerHeight);
}

async function searchAndOpen(page: Page, words: string, title: string): Promise<void> {
  await page.locator('#search-box').fill(words);
  const result = page.locator('article.result', { has: page.locator('.result-title', { hasText: title }) });
  await result.locator('a.hit').first().click({ timeout: 20_000 });
}

beforeAll(async () => {
  const lib = mkdtempSync(path.join(tmpdir(), 'changmun-small-'));
  cpSync(CONTENT_SAMPLE, lib, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  preview = await startPreview(lib);
  browser = await launchBrowser();
  const page = await openAt({ width: 1280, height: 720 });
  await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
  await waitForIndexComplete(page);
  await page.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  expect(await preview?.stop()).toBe(0);
});

describe.each(SIZES)('at $width×$height', (size) => {
  const name = `${size.width}x${size.height}`;
  const short = size.height <= 760;

  it('the home shows at least two full rows of items (first run: the hide hint showing too)', async () => {
    const page = await openAt(size);
    await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
    await expect(page.locator('.panic-hint').isVisible()).resolves.toBe(true);
    const { rows, perRow } = await fullRowsOnHome(page);
    expect(rows, `rows of ${perRow.join(', ')} cards`).toBeGreaterThanOrEqual(2);
    expect(Math.min(...perRow)).toBeGreaterThanOrEqual(2);
    // Where two rows of tall cards fit (a big screen), the cards keep their tall covers.
    const tiles = await page.locator('.item-scroller--tiles').count();
    if (!short) {
      expect(tiles).toBe(0);
      const cover = await page.locator('.item-card .cover').first().boundingBox();
      expect(cover!.height).toBeGreaterThan(cover!.width);
    }
    // Every title is there to read, cut at most to its lines, never hidden under the next row.
    const overlaps = await page.evaluate(() => {
      const cards = [...document.querySelectorAll('.item-card')].map((c) => c.getBoundingClientRect());
      return cards.filter((a, i) => cards.some((b, j) => j !== i && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)).length;
    });
    expect(overlaps).toBe(0);
    await page.screenshot({ path: screenshotPath(`small-${name}-home`) });
    await page.close();
  });

  it('an article opened at a hit: the page gets at least 80% of the height', async () => {
    const page = await openAt(size);
    await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
    await searchAndOpen(page, '로동', '원산 총파업');
    await page.locator('mark.cm-r-mark-current').first().waitFor({ timeout: 20_000 });
    await expectSlimChrome(page);
    expect(await share(page, '.cm-r-scroll')).toBeGreaterThanOrEqual(0.8);
    await page.screenshot({ path: screenshotPath(`small-${name}-article`) });
    await page.close();
  });

  it('a book opened at a hit: the page gets at least 80% of the height', async () => {
    const page = await openAt(size);
    await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
    await searchAndOpen(page, '점순이가', '동백꽃');
    await waitForBookReady(page);
    await page.locator('.cm-r-book-current').first().waitFor({ state: 'attached', timeout: 30_000 });
    await expectSlimChrome(page);
    expect(await share(page, '.cm-r-book-stage')).toBeGreaterThanOrEqual(0.8);
    await page.screenshot({ path: screenshotPath(`small-${name}-book`) });
    await page.close();
  });

  it('a film opened at a line: the player gets at least 80% of the height', async () => {
    const page = await openAt(size);
    await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
    await searchAndOpen(page, '편지', '바다의 편지');
    await page.locator('video').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, undefined, { timeout: 20_000 });
    await expectSlimChrome(page);
    expect(await share(page, '.cm-r-video-stage')).toBeGreaterThanOrEqual(0.8);
    // The picture itself, above its controls, has most of it.
    expect(await share(page, '.cm-r-video-box')).toBeGreaterThanOrEqual(0.7);
    await page.screenshot({ path: screenshotPath(`small-${name}-film`) });
    await page.close();
  });
});
