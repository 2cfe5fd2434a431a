// Issue 15: the words of a page drawn in SVG and of a MathML formula are shown where search found
// them. In Chromium through the preview: search a word that is only in an SVG <text> (and one only
// in a formula), open the hit, and the reader marks that word on the page on screen.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startPreview, waitForIndexComplete, type Preview } from './helpers/browser.js';
import { removeTree } from './hostile/corpus.js';
import { MATH_WORDS, mathBook, SVG_WORDS, svgBook } from './helpers/text-gap-books.js';

let tmp = '';
let preview: Preview;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-text-gaps-browser-'));
  const library = path.join(tmp, 'library');
  mkdirSync(path.join(library, 'books'), { recursive: true });
  writeFileSync(path.join(library, 'books', '물레방아.epub'), svgBook());
  writeFileSync(path.join(library, 'books', '삼각함수.epub'), mathBook());
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

/** Searches, opens the first hit of `title`, and returns the text the reader marked as the current hit. */
async function openHit(query: string, title: string): Promise<string> {
  await page.goto(`${preview.url}#/`);
  await page.locator('#search-box').fill(query);
  const hit = page.locator('.result', { hasText: title }).locator('a.hit').first();
  await hit.waitFor({ timeout: 30_000 });
  await hit.click();
  const current = page.locator('.cm-r-book-current');
  await current.first().waitFor({ state: 'attached', timeout: 30_000 });
  // The mark's rectangles are drawn over the words; read the words under the first one.
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

describe('words of SVG pages and of formulas are shown where search found them (Chromium)', () => {
  it('a word only in an SVG page\'s <text> opens that page with the word marked', async () => {
    const shown = await openHit(SVG_WORDS.text, '물레방아 그림책');
    await page.screenshot({ path: screenshotPath('text-gaps-svg-hit') });
    expect(shown).toContain(SVG_WORDS.text);
  }, 90_000);

  it('a word only in a MathML formula opens the chapter with the word marked', async () => {
    const shown = await openHit(MATH_WORDS.identifier, '삼각함수 입문');
    await page.screenshot({ path: screenshotPath('text-gaps-math-hit') });
    expect(shown).toContain(MATH_WORDS.identifier);
  }, 90_000);
});
