// The book reader keeps the reader's place through re-layouts: a book opened at a search hit shows
// the passage and keeps showing it when a side panel opens and closes (the page area changes size)
// and when the text is made bigger (the words move to other pages). epub.js by itself goes back to
// its own idea of the page start, a page or more before (found on The Waste Land, a one-file book).
// Real books from ../shared/corpus, in Chromium through the preview.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startPreview, waitForBookReady, waitForIndexComplete, type Preview } from './helpers/browser.js';
import { corpusAvailable, corpusPath } from './helpers/paths.js';
import { removeTree } from './hostile/corpus.js';

let tmp = '';
let preview: Preview;
let browser: Browser;
let page: Page;

/** Where the current-hit mark is, against the book's page on screen. */
async function markOnPage(p: Page): Promise<{ onPage: boolean; detail: string }> {
  const frame = await p.locator('.cm-r-book-frame').boundingBox();
  const marks = await p.locator('.cm-r-book-current rect').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  const visible = marks.filter((m) => m.w > 0 && m.h > 0);
  const onPage = !!frame && visible.length > 0 && visible.every((m) => m.x >= frame.x - 1 && m.x + m.w <= frame.x + frame.width + 1);
  return { onPage, detail: JSON.stringify({ frame, marks: visible.slice(0, 3) }) };
}

async function waitMarkOnPage(p: Page, what: string): Promise<void> {
  let last = { onPage: false, detail: '' };
  for (let i = 0; i < 40 && !last.onPage; i++) {
    await p.waitForTimeout(250);
    last = await markOnPage(p);
  }
  expect(last.onPage, `${what}: ${last.detail}`).toBe(true);
}

beforeAll(async () => {
  if (!corpusAvailable) return;
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-book-place-'));
  const library = path.join(tmp, 'library');
  mkdirSync(path.join(library, 'books'), { recursive: true });
  for (const f of ['wasteland.epub', 'moby-dick.epub', 'regime-anticancer-arabic.epub']) copyFileSync(corpusPath('epub', f), path.join(library, 'books', f));
  preview = await startPreview(library);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(preview.url);
  await waitForIndexComplete(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (tmp) removeTree(tmp);
});

describe.skipIf(!corpusAvailable)('the book reader keeps the place (corpus books, Chromium)', () => {
  it('opened at a hit, the passage is on the page, and stays there when the contents open and close and the text grows', async () => {
    // Search as a person would, and open the hit.
    await page.goto(`${preview.url}#/`);
    await page.locator('#search-box').fill('gulls');
    const hit = page.locator('.result', { hasText: 'Waste Land' }).locator('a.hit').first();
    await hit.waitFor({ timeout: 30_000 });
    await hit.click();
    await page.locator('.cm-r-book-current').first().waitFor({ state: 'attached', timeout: 30_000 });
    await waitMarkOnPage(page, 'opened at the hit');
    await page.screenshot({ path: screenshotPath('book-place-hit') });

    const toc = page.getByRole('button', { name: '차례' });
    await toc.click();
    await page.locator('#cm-r-book-toc').waitFor();
    await waitMarkOnPage(page, 'contents open');
    await toc.click();
    await waitMarkOnPage(page, 'contents closed again');

    await page.getByRole('button', { name: '글자 크게' }).click();
    await page.getByRole('button', { name: '글자 크게' }).click();
    await waitMarkOnPage(page, 'text made bigger');
    await page.screenshot({ path: screenshotPath('book-place-bigger') });
  });

  it('in a book of one file with #chapters, the contents mark the chapter on screen, and search inside the book names it', async () => {
    // Still at "gulls" in The Waste Land: part IV, one file with the other four.
    const toc = page.getByRole('button', { name: '차례' });
    await toc.click();
    const current = page.locator('#cm-r-book-toc [aria-current="true"]');
    await expect(current.allInnerTexts()).resolves.toEqual([expect.stringMatching(/DEATH BY WATER/)]);
    // Choosing a chapter hands the keys to the pages: → turns a page.
    await page.locator('#cm-r-book-toc button', { hasText: 'THE FIRE SERMON' }).click();
    await expect.poll(() => current.allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringMatching(/FIRE SERMON/)]);
    const figure = () => page.locator('.cm-r-book-footer').innerText();
    const before = await figure();
    await page.keyboard.press('ArrowRight');
    await expect.poll(figure, { timeout: 10_000 }).not.toBe(before);
    await toc.click();

    await page.getByRole('button', { name: '책 안에서 찾기' }).click();
    await page.getByLabel('이 책 안에서 찾을 말').fill('gulls');
    await page.getByLabel('이 책 안에서 찾을 말').press('Enter');
    const found = page.locator('#cm-r-book-search li');
    await found.first().waitFor({ timeout: 30_000 });
    await expect(found.first().locator('.cm-r-where').innerText()).resolves.toMatch(/DEATH BY WATER/);
    // Going to the match and closing the panel to read, then opening it again: the search is still there.
    await found.first().locator('button').click();
    const searchButton = page.getByRole('button', { name: '책 안에서 찾기' });
    await searchButton.click();
    await page.locator('#cm-r-book-search').waitFor({ state: 'detached' });
    await searchButton.click();
    await expect(page.getByLabel('이 책 안에서 찾을 말').inputValue()).resolves.toBe('gulls');
    await expect(found.first().locator('.cm-r-where').innerText()).resolves.toMatch(/DEATH BY WATER/);
    await page.screenshot({ path: screenshotPath('book-place-search-label') });
  });

  it('a page turned to in a long chapter stays on screen when the contents open and close', async () => {
    await page.goto(`${preview.url}#/read/${encodeURIComponent('books/moby-dick.epub')}`);
    await waitForBookReady(page);
    // Into a long chapter, a few pages in.
    const pageFigure = () => page.locator('.cm-r-book-footer').innerText();
    for (let i = 0; i < 40 && !/이 장 ([4-9]|\d\d)\/\d+쪽/.test(await pageFigure()); i++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(200);
    }
    const before = /이 장 (\d+)\/\d+쪽/.exec(await pageFigure());
    expect(before, await pageFigure()).not.toBeNull();
    const toc = page.getByRole('button', { name: '차례' });
    await toc.click();
    await page.locator('#cm-r-book-toc').waitFor();
    await page.waitForTimeout(800);
    await toc.click();
    await page.waitForTimeout(1200);
    const after = /이 장 (\d+)\/\d+쪽/.exec(await pageFigure());
    expect(after?.[1], await pageFigure()).toBe(before![1]);
  });

  it('a right-to-left book keeps its page through the contents opening and closing and the text size', async () => {
    await page.goto(`${preview.url}#/read/${encodeURIComponent('books/regime-anticancer-arabic.epub')}`);
    await waitForBookReady(page);
    const footer = () => page.locator('.cm-r-book-footer').innerText();
    const at = async () => /(\d+)% 읽음/.exec(await footer())?.[1];
    for (let i = 0; i < 60 && !/이 장 (1[5-9]|[2-9]\d)\/\d+쪽/.test(await footer()); i++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(800);
    const start = await footer();
    expect(start).toMatch(/오른쪽에서 왼쪽으로[\s\S]*이 장 (1[5-9]|[2-9]\d)\//);
    const percent = await at();
    const toc = page.getByRole('button', { name: '차례' });
    await toc.click();
    await expect.poll(at, { timeout: 5000 }).toBe(percent);
    await toc.click();
    await expect.poll(footer, { timeout: 5000 }).toBe(start);
    await page.getByRole('button', { name: '글자 크게' }).click();
    await expect.poll(at, { timeout: 5000 }).toBe(percent);
    await page.getByRole('button', { name: '글자 작게' }).click();
    await expect.poll(footer, { timeout: 5000 }).toBe(start);
  });
});
