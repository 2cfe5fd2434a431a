// End to end, as a recipient would use it: the preview server (the same UI and back end as the app)
// on a copy of content-sample, driven in Debian's Chromium. Each test saves a screenshot.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startPreview, type Preview } from './helpers/browser.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';

let preview: Preview;
let browser: Browser;
const requests: string[] = [];

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(preview.url);
  await page.locator('.item-grid, .item-list, [role="grid"], [role="list"]').first().waitFor({ timeout: 30_000 });
  return page;
}

async function search(page: Page, words: string): Promise<void> {
  await page.keyboard.press('/');
  await page.locator('#search-box').fill(words);
  await page.locator('article.result').first().waitFor({ timeout: 15_000 });
}

function resultFor(page: Page, titlePart: string) {
  return page.locator('article.result', { has: page.locator('.result-title', { hasText: titlePart }) });
}

beforeAll(async () => {
  const lib = mkdtempSync(path.join(tmpdir(), 'changmun-e2e-'));
  cpSync(CONTENT_SAMPLE, lib, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  preview = await startPreview(lib);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await preview?.stop()).toBe(0);
});

describe('the reader in a browser (preview server + Chromium)', () => {
  it('a Korean word typed with a particle finds a book passage, and opens it highlighted', async () => {
    const page = await openPage();
    await search(page, '점순이가');
    const book = resultFor(page, '동백꽃');
    await expect(book.count()).resolves.toBe(1);
    await book.locator('a.hit').first().click();
    const current = page.locator('.cm-r-book-current');
    await current.first().waitFor({ state: 'attached', timeout: 30_000 });
    const frame = page.frameLocator('iframe').first();
    await expect(frame.locator('body').innerText()).resolves.toMatch(/점순/);
    const box = await current.first().boundingBox();
    expect(box && box.width > 0 && box.y >= 0 && box.y < 768).toBe(true);
    await page.screenshot({ path: screenshotPath('e2e-book-particle-hit') });
    await page.close();
  });

  it('a line of dialogue finds a film, shown paused at that line, which plays from there when asked', async () => {
    const page = await openPage();
    await search(page, 'fishing boat compass');
    await resultFor(page, 'lighthouse').locator('a.hit').first().click();
    const video = page.locator('video');
    await video.waitFor();
    await page.waitForFunction(() => {
      const v = document.querySelector('video');
      return !!v && v.readyState >= 1 && v.currentTime > 0;
    }, undefined, { timeout: 20_000 });
    const at = await video.evaluate((v: HTMLVideoElement) => ({ t: v.currentTime, paused: v.paused }));
    expect(at.t).toBeGreaterThanOrEqual(24.9);
    expect(at.t).toBeLessThan(26);
    // Nothing makes a sound until the person asks: the frame at the line, paused, and one big button.
    expect(at.paused).toBe(true);
    const playHere = page.locator('button.cm-r-bigplay');
    await expect(playHere.innerText()).resolves.toContain('이 대사부터 재생');
    await page.screenshot({ path: screenshotPath('e2e-film-dialogue-hit-paused') });
    await playHere.click();
    await page.waitForFunction(() => !document.querySelector('video')!.paused, undefined, { timeout: 10_000 });
    const t = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    expect(t).toBeGreaterThanOrEqual(24.9);
    expect(t).toBeLessThan(27);
    await page.screenshot({ path: screenshotPath('e2e-film-dialogue-hit') });
    await page.close();
  });

  it('North Korean spelling finds the South Korean article, and the reverse', async () => {
    const page = await openPage();
    await search(page, '로동');
    await expect(resultFor(page, '제주 해녀').count()).resolves.toBe(1);
    await page.screenshot({ path: screenshotPath('e2e-search-north-finds-south') });
    await search(page, '노동');
    const wonsan = resultFor(page, '원산 총파업');
    await expect(wonsan.count()).resolves.toBe(1);
    await wonsan.locator('a.hit').first().click();
    const marks = page.locator('mark.cm-r-mark');
    await marks.first().waitFor({ timeout: 15_000 });
    const marked = await marks.allInnerTexts();
    expect(marked.some((m) => m.startsWith('로동'))).toBe(true);
    await page.screenshot({ path: screenshotPath('e2e-article-south-finds-north') });
    await page.close();
  });

  it('an article with scripts, handlers and remote images runs nothing and sends nothing off the machine', async () => {
    const before = requests.length;
    const page = await openPage();
    await page.goto(`${preview.url}#/read/${encodeURIComponent('articles/daily-life/안전한-읽기.html')}`);
    await page.locator('article.cm-r-article').filter({ hasText: '안전' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1500);
    await page.mouse.click(500, 400);
    expect(await page.evaluate(() => (window as unknown as { __changmunPwned?: unknown }).__changmunPwned)).toBeUndefined();
    const made = requests.slice(before);
    expect(made.length).toBeGreaterThan(0);
    const offMachine = made.filter((u) => !u.startsWith('http://127.0.0.1:') && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(offMachine).toEqual([]);
    await expect(page.locator('iframe, script[src^="http"], object, embed').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('e2e-hostile-article'), fullPage: false });
    await page.close();
  });

  it('seeking in a film asks for byte ranges and gets 206 answers', async () => {
    const page = await openPage();
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/files/') && r.url().endsWith('.mp4') && r.request().headers()['range']) statuses.push(r.status());
    });
    await page.goto(`${preview.url}#/read/${encodeURIComponent('films/바다의 편지.mp4')}`);
    const video = page.locator('video');
    await video.waitFor();
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, undefined, { timeout: 20_000 });
    await video.evaluate((v: HTMLVideoElement) => {
      v.currentTime = 30;
    });
    await page.waitForFunction(() => {
      const v = document.querySelector('video')!;
      return !v.seeking && v.currentTime >= 29;
    }, undefined, { timeout: 20_000 });
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 206)).toBe(true);
    await page.screenshot({ path: screenshotPath('e2e-film-seek') });
    await page.close();
  });

  it('the panic key (Escape twice) leaves no content on screen', async () => {
    const page = await openPage();
    await search(page, '타이타닉을');
    await page.locator('a.hit').first().click();
    await page.locator('mark.cm-r-mark').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => location.href === 'about:blank' || (document.body.innerText ?? '').trim() === '', undefined, { timeout: 5000 });
    expect((await page.evaluate(() => document.body?.innerText ?? '')).trim()).toBe('');
    await page.screenshot({ path: screenshotPath('e2e-panic') });
    await page.close();
  });

  it('the whole flow works with the keyboard alone', async () => {
    const page = await openPage();
    await page.keyboard.press('/');
    await page.keyboard.type('빙산을 ');
    await page.locator('article.result').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('mark.cm-r-mark').first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/read\//);
    await page.screenshot({ path: screenshotPath('e2e-keyboard-reader') });
    await page.keyboard.press('Escape');
    await page.locator('article.result').first().waitFor({ timeout: 15_000 });
    const focused = await page.evaluate(() => document.activeElement?.tagName ?? '');
    expect(['A', 'INPUT', 'BUTTON']).toContain(focused);
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-box');
    await page.screenshot({ path: screenshotPath('e2e-keyboard-back') });
    await page.close();
  });
});
