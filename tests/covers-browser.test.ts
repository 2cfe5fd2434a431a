// The home grid's covers in Chromium at 1280×720 (issue 16): a built copy of content-sample (film
// frames taken by `changmun build` with ffmpeg), plus an article that uses the same picture as the
// one beside it. Books show their covers, articles their first picture, films their frame, the rest
// a cover drawn from the title in the app's font — and no two neighbours look the same.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startPreview, waitForIndexComplete, type Preview } from './helpers/browser.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';
import { changmun } from './helpers/volunteer.js';

let preview: Preview;
let browser: Browser;
let lib: string;

interface Cell {
  index: number;
  title: string;
  cover: string;
  /** For a picture: whether it loaded (a picture that did not is drawn instead). */
  loaded: boolean;
}

/** Every card of the grid in order, scrolling through it (only the rows on screen are in the page). */
async function cells(page: Page): Promise<Cell[]> {
  const seen = new Map<number, Cell>();
  const scroller = page.locator('.item-scroller');
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  for (let step = 0; step < 40; step++) {
    // Let the pictures on screen load or fail (a failed one is drawn instead) before reading.
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.item-card .cover img')].every((img) => img.complete));
    await page.waitForTimeout(100);
    const now = await page.$$eval('.item-card', (cards) =>
      cards.map((card) => {
        const cover = card.querySelector<HTMLElement>('.cover')!;
        const img = cover.querySelector('img');
        return {
          index: Number(card.getAttribute('data-item-index')),
          title: card.querySelector('.item-title')?.textContent ?? '',
          cover: cover.dataset['cover'] ?? '',
          loaded: img ? img.naturalWidth > 0 : true,
        };
      }),
    );
    for (const c of now) seen.set(c.index, c);
    const atEnd = await scroller.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      el.scrollBy(0, el.clientHeight * 0.8);
      return end;
    });
    if (atEnd) break;
  }
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  return [...seen.values()].sort((a, b) => a.index - b.index);
}

beforeAll(async () => {
  lib = mkdtempSync(path.join(tmpdir(), 'changmun-covers-e2e-'));
  cpSync(CONTENT_SAMPLE, lib, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  // Two articles with the same first picture, side by side in title order.
  writeFileSync(
    path.join(lib, 'articles', 'history', '타이타닉호의-마지막-밤-그림.html'),
    '<html lang="ko"><head><title>타이타닉호의 마지막 밤 (그림 풀이)</title></head><body><h1>타이타닉호의 마지막 밤 (그림 풀이)</h1><p>빙산과 배를 그린 그림을 풀어 봅니다.</p><img src="titanic.jpg" alt=""></body></html>',
  );
  // Built as a volunteer would, so the films get frames (ffmpeg is installed here).
  const built = await changmun(['build', lib, '--in-place', '--no-app', '--no-launchers']);
  expect(built.code, built.stderr).toBe(0);
  preview = await startPreview(lib);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  expect(await preview?.stop()).toBe(0);
});

describe('covers in the home grid (1280×720)', () => {
  it('shows books, articles and films with their pictures, the rest drawn, no two neighbours alike', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(preview.url);
    // The preview indexes the folder first (its index stays off the drive).
    await waitForIndexComplete(page);
    await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
    const all = await cells(page);
    expect(all).toHaveLength(16);

    // What a person sees: no picture or drawn cover repeated next to itself.
    for (let i = 1; i < all.length; i++) expect(all[i]!.cover, `${all[i - 1]!.title} | ${all[i]!.title}`).not.toBe(all[i - 1]!.cover);
    // Pictures that were asked for loaded; varied covers, not one placeholder.
    expect(all.filter((c) => c.cover.startsWith('picture:')).every((c) => c.loaded)).toBe(true);
    expect(new Set(all.map((c) => c.cover)).size).toBeGreaterThanOrEqual(12);

    const byTitle = (t: string) => all.find((c) => c.title === t)!;
    // A book's own cover, an article's first picture, a film's frame.
    expect(byTitle('동백꽃').cover).toMatch(/^picture:.*covers\/books\//);
    expect(byTitle('타이타닉호의 마지막 밤').cover).toMatch(/^picture:.*covers\/articles\/history\//);
    expect(byTitle('등대지기 (The Lighthouse Keeper)').cover).toMatch(/^picture:.*covers\/films\//);
    expect(byTitle('바다의 편지 / Letters from the Sea').cover).toMatch(/^picture:/);
    // The same picture as its neighbour's: drawn instead.
    expect(byTitle('타이타닉호의 마지막 밤 (그림 풀이)').cover).toMatch(/^drawn:/);
    // A plain-text article has no picture: drawn. No film is named by a lower-case file name.
    expect(byTitle('Running a Small Library from a Box').cover).toMatch(/^drawn:/);
    expect(all.map((c) => c.title)).not.toContain('the lighthouse keeper');

    // A drawn cover's words are in the app's own Korean font (readable without a system font).
    const drawn = page.locator('.cover--drawn .cover-drawn-title').first();
    await expect(drawn.evaluate((el) => getComputedStyle(el).fontFamily)).resolves.toMatch(/^"?Noto Sans KR/);
    await expect(page.evaluate(() => document.fonts.check('16px "Noto Sans KR"', '김장철'))).resolves.toBe(true);

    await page.screenshot({ path: screenshotPath('covers-grid-1280x720') });
    await page.close();
  });

  it('at 1024×600 and in the list view, the small drawn covers show the first letter of the title, neighbours still unlike', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 600 } });
    await page.goto(preview.url);
    await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
    const grid = await cells(page);
    for (let i = 1; i < grid.length; i++) expect(grid[i]!.cover).not.toBe(grid[i - 1]!.cover);
    await page.screenshot({ path: screenshotPath('covers-grid-1024x600') });
    await page.getByRole('button', { name: '목록' }).click();
    await page.locator('.item-row').first().waitFor();
    const rows = await page.$$eval('.item-row', (els) =>
      els.map((el) => {
        const cover = el.querySelector<HTMLElement>('.cover')!;
        const initial = cover.querySelector<HTMLElement>('.cover-drawn-initial');
        return { cover: cover.dataset['cover'] ?? '', title: el.querySelector('.item-title')?.textContent ?? '', initial: initial && initial.offsetHeight > 0 ? initial.textContent : null };
      }),
    );
    expect(rows.length).toBeGreaterThan(3);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.cover).not.toBe(rows[i - 1]!.cover);
    const drawnRows = rows.filter((r) => r.cover.startsWith('drawn:'));
    expect(drawnRows.length).toBeGreaterThan(0);
    for (const r of drawnRows) expect(r.initial).toBe(Array.from(r.title.trim())[0]);
    await page.screenshot({ path: screenshotPath('covers-list-1024x600') });
    await page.close();
  });

  it('draws the title and author on a wide card (1920×1080) in tones that differ from the neighbours', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(preview.url);
    await page.locator('.item-card').first().waitFor({ timeout: 30_000 });
    const all = await cells(page);
    for (let i = 1; i < all.length; i++) expect(all[i]!.cover).not.toBe(all[i - 1]!.cover);
    const drawnTitles = await page.$$eval('.cover--drawn .cover-drawn-title', (els) => els.filter((e) => (e as HTMLElement).offsetHeight > 0).map((e) => e.textContent));
    expect(drawnTitles.length).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('covers-grid-1920x1080') });
    await page.close();
  });
});
