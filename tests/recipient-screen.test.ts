// What a recipient sees must not give the drive away and must be plain words in the language they
// chose (issue 16): no dates of the drive's making, no ⚠ badge, no English technical details; and
// the smaller things people noticed: the count of places agrees between a result and its reader,
// a lone initial consonant finds nothing unmarked, the search box says what is shown, dark mode
// darkens the header, sepia is in Settings, justified Korean is set flush left. The preview on a
// copy of content-sample with one broken book, in Debian's Chromium; screenshots of each.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startPreview, waitForBookReady, waitForIndexComplete, type Preview } from './helpers/browser.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';
import { buildDrive } from '../main/core/drive-build/build.js';
import { writeKeyPair } from '../main/core/manifest/keys.js';
import { copySample, removeTemps, tempDir } from './helpers/volunteer.js';

let preview: Preview;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let library: string;
const BROKEN = 'books/망가진 책.epub';

/** Words of three or more Latin letters: English, which a Korean screen must not show. */
const ENGLISH_WORD = /\b[A-Za-z]{3,}\b/;
const HANGUL = /[가-힣]/;

async function goHome(): Promise<void> {
  await page.goto(`${preview.url}#/`);
  await page.locator('.item-card, .item-row').first().waitFor({ timeout: 30_000 });
}

async function chooseLanguage(lang: 'ko' | 'en'): Promise<void> {
  await page.goto(`${preview.url}#/settings`);
  const radio = page.locator('input[name="language"]').nth(lang === 'ko' ? 0 : 1);
  await radio.check();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 10_000 });
}

async function search(words: string): Promise<void> {
  await page.locator('#search-box').fill(words);
  await page.waitForFunction(
    (w) => (document.querySelector('.search-status')?.textContent ?? '').includes(`“${w}”`),
    words,
    { timeout: 20_000 },
  );
}

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).slice(0, 3).map((x) => {
    const c = Number(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

beforeAll(async () => {
  library = mkdtempSync(path.join(tmpdir(), 'changmun-recipient-'));
  cpSync(CONTENT_SAMPLE, library, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  // A book that is not a zip at all: the scan says why in its technical words (for the report).
  writeFileSync(path.join(library, BROKEN), Buffer.from('PK\u0003\u0004 this is not really a zip file, only its first bytes'));
  preview = await startPreview(library);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  await goHome();
  await waitForIndexComplete(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  expect(await preview?.stop()).toBe(0);
  removeTemps();
});

describe('what the recipient sees gives nothing away', () => {
  it('the list view shows no dates: the files\' times on a drive are when it was made', async () => {
    await goHome();
    await page.getByRole('button', { name: '목록' }).click();
    await page.locator('.item-row').first().waitFor();
    const rows = await page.locator('.item-row').allInnerTexts();
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const year = String(new Date().getFullYear());
    for (const row of rows) {
      expect(row).not.toMatch(/바뀜|changed/i);
      expect(row).not.toContain(year);
      expect(row).not.toMatch(/\d{1,2}월\s*\d{1,2}일|\d{4}[./-]\s?\d{1,2}[./-]/);
    }
    await page.screenshot({ path: screenshotPath('recipient-list-no-dates') });
    await page.getByRole('button', { name: '바둑판' }).click();
  });

  it('a file that cannot be opened: a plain Korean line, no ⚠, no English technical detail; English when chosen', async () => {
    await goHome();
    const badge = page.locator('.problems-badge');
    await expect(badge.innerText()).resolves.toBe('열 수 없는 파일 1개');
    await badge.click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    const entries = await dialog.locator('.problem-list li').allInnerTexts();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain(BROKEN);
    const message = await dialog.locator('.problem-message').innerText();
    expect(message).toMatch(HANGUL);
    expect(message).not.toMatch(ENGLISH_WORD);
    // Nothing on the dialog is English but the file's own name.
    const whole = (await dialog.innerText()).replace(BROKEN, '');
    expect(whole).not.toMatch(ENGLISH_WORD);
    expect(await page.locator('body').innerText()).not.toContain('⚠');
    await page.screenshot({ path: screenshotPath('recipient-problems-ko') });
    // Closed with its button: two Escapes close together are the panic key.
    await dialog.getByRole('button', { name: '닫기' }).click();

    await chooseLanguage('en');
    await goHome();
    await page.locator('.problems-badge').click();
    const en = page.locator('dialog[open]');
    await en.waitFor();
    const enText = (await en.innerText()).replace(BROKEN, '');
    expect(enText).toMatch(/cannot be opened/);
    expect(enText).not.toMatch(HANGUL);
    await page.screenshot({ path: screenshotPath('recipient-problems-en') });
    await en.getByRole('button', { name: 'Close' }).click();
    await chooseLanguage('ko');
  });

  it('a file damaged after indexing: the reader says so in the chosen language only, with no technical cause', async () => {
    const article = 'articles/daily-life/김장철-이야기.md';
    writeFileSync(path.join(library, article), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x67, 0x61, 0x72, 0x62]));
    await page.goto(`${preview.url}#/read/${encodeURIComponent(article)}`);
    const error = page.locator('.cm-r-error');
    await error.waitFor({ timeout: 30_000 });
    const ko = (await error.innerText()).replace(article, '');
    expect(ko).toContain('이 파일을 열 수 없습니다');
    expect(ko).not.toMatch(ENGLISH_WORD);
    await page.screenshot({ path: screenshotPath('recipient-reader-error-ko') });

    await chooseLanguage('en');
    await page.goto(`${preview.url}#/read/${encodeURIComponent(article)}`);
    await page.locator('.cm-r-error').waitFor({ timeout: 30_000 });
    const en = (await page.locator('.cm-r-error').innerText()).replace(article, '');
    expect(en).toContain('This file cannot be opened');
    expect(en).not.toMatch(HANGUL);
    // No exception's words either (the back end's codes and messages are for the console).
    expect(en).not.toMatch(/error|exception|undefined|ENOENT|HTTP|\bat\b.*\.js/i);
    await page.screenshot({ path: screenshotPath('recipient-reader-error-en') });
    await chooseLanguage('ko');
  });
});

describe('a signed drive', () => {
  it('names the key that signed it, never when it was signed', async () => {
    const tmp = tempDir('changmun-recipient-signed-');
    const key = path.join(tmp, 'group.key');
    await writeKeyPair(key);
    const drive = path.join(tmp, 'DRIVE');
    await buildDrive({ content: copySample(path.join(tmp, 'content')), out: drive, keyFile: key, appDist: false, launchers: false, workers: 1 });
    const signed = await startPreview(drive);
    try {
      const p = await context.newPage();
      await p.goto(signed.url);
      const banner = p.locator('section.drive-check');
      await banner.waitFor({ timeout: 60_000 });
      await p.waitForFunction(() => (document.querySelector('section.drive-check')?.textContent ?? '').includes('서명된 그대로'), undefined, { timeout: 60_000 });
      const text = await banner.innerText();
      expect(text).toContain('서명한 열쇠의 지문');
      expect(text).not.toMatch(/서명한 날|\d{4}년|\d{1,2}월\s*\d{1,2}일/);
      expect(text).not.toContain(String(new Date().getFullYear()));
      await p.screenshot({ path: screenshotPath('recipient-signed-no-date') });
      await p.close();
    } finally {
      expect(await signed.stop()).toBe(0);
    }
  }, 120_000);
});

describe('smaller things people noticed', () => {
  it('a result\'s count of places is what its reader counts', async () => {
    await goHome();
    await search('로동');
    const result = page.locator('article.result', { has: page.locator('.result-title', { hasText: '원산 총파업' }) });
    // In the same words as the reader's counter: 찾은 곳 5곳 there, 찾은 곳 1/5 here.
    const count = await result.locator('.result-count').innerText();
    expect(count).toMatch(/^찾은 곳 \d+곳$/);
    const said = Number(count.match(/\d+/)![0]);
    expect(said).toBeGreaterThan(1);
    await result.locator('a.hit').first().click();
    const counter = page.locator('.cm-r-counter');
    await page.waitForFunction(() => /\d+\s*\/\s*\d+/.test(document.querySelector('.cm-r-counter')?.textContent ?? ''), undefined, { timeout: 20_000 });
    const [at, total] = (await counter.innerText()).match(/\d+/g)!.map(Number);
    expect(total).toBe(said);
    expect(at).toBe(1);
    // More words are marked than there are places: every one stays marked, and the last place is reached.
    expect(await page.locator('mark.cm-r-mark').count()).toBeGreaterThan(said);
    for (let i = 1; i < said; i++) await page.keyboard.press('n');
    await expect(counter.innerText()).resolves.toMatch(new RegExp(`\\b${said}\\s*/\\s*${said}\\b`));
    await page.keyboard.press('n');
    await expect(counter.innerText()).resolves.toMatch(new RegExp(`\\b1\\s*/\\s*${said}\\b`));
    await page.screenshot({ path: screenshotPath('recipient-article-places') });
  });

  it('one initial consonant alone finds nothing (with a hint); two or more mark what they matched in the title', async () => {
    await goHome();
    await search('ㅎ');
    await expect(page.locator('article.result').count()).resolves.toBe(0);
    await expect(page.locator('.search-empty').innerText()).resolves.toContain('두 글자 이상');
    await page.screenshot({ path: screenshotPath('recipient-one-initial') });
    await search('ㅌㅇㅌㄴ');
    const titles = page.locator('article.result .result-title mark');
    await titles.first().waitFor();
    const marked = await titles.allInnerTexts();
    expect(marked).toContain('타이타닉');
    // Every result found shows what it matched.
    const results = await page.locator('article.result').count();
    expect(results).toBeGreaterThan(0);
    await expect(page.locator('article.result:not(:has(mark))').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('recipient-initials-marked') });
  });

  it('the search box says what is shown: empty once the results are left, the search while reading a hit', async () => {
    await goHome();
    await search('바다');
    await page.locator('article.result a.hit').first().click();
    await page.locator('.cm-reader').first().waitFor();
    await expect(page.locator('#search-box').inputValue()).resolves.toBe('바다');
    await page.locator('.main-nav a', { hasText: '서재' }).click();
    await page.locator('.item-card, .item-row').first().waitFor();
    await expect(page.locator('#search-box').inputValue()).resolves.toBe('');
    await search('바다');
    await page.locator('.main-nav a', { hasText: '설정' }).click();
    await page.locator('.page h1').waitFor();
    await expect(page.locator('#search-box').inputValue()).resolves.toBe('');
    // Back to the results: the box has the search again.
    await page.goBack();
    await page.locator('article.result').first().waitFor();
    await expect(page.locator('#search-box').inputValue()).resolves.toBe('바다');
  });

  it('dark mode darkens the header too, on every screen and while reading; sepia is in Settings', async () => {
    await page.goto(`${preview.url}#/settings`);
    const themes = await page.locator('input[name="theme"]').evaluateAll((els) => els.map((e) => (e.parentElement?.textContent ?? '').trim()));
    // The reader's three colours, the same words as the reader's own menu.
    expect(themes).toEqual(['밝게', '누런 종이', '어둡게']);
    await page.locator('input[name="theme"]').nth(2).check();
    const header = page.locator('.app-header');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(luminance(await header.evaluate((e) => getComputedStyle(e).backgroundColor))).toBeLessThan(0.1);
    await page.screenshot({ path: screenshotPath('recipient-dark-settings') });
    await goHome();
    expect(luminance(await header.evaluate((e) => getComputedStyle(e).backgroundColor))).toBeLessThan(0.1);
    await page.goto(`${preview.url}#/read/${encodeURIComponent('articles/history/원산-로동자들의-력사.html')}`);
    await page.locator('article.cm-r-article').filter({ hasText: '원산' }).waitFor();
    expect(luminance(await header.evaluate((e) => getComputedStyle(e).backgroundColor))).toBeLessThan(0.1);
    expect(luminance(await page.locator('.cm-r-toolbar').evaluate((e) => getComputedStyle(e).backgroundColor))).toBeLessThan(0.1);
    expect(luminance(await page.locator('.cm-reader').evaluate((e) => getComputedStyle(e).backgroundColor))).toBeLessThan(0.1);
    await page.screenshot({ path: screenshotPath('recipient-dark-reading') });
    await page.goto(`${preview.url}#/settings`);
    await page.locator('input[name="theme"]').nth(0).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });

  it('a book that justifies its paragraphs is set flush left (no wide gaps); what it centres stays centred', async () => {
    await page.goto(`${preview.url}#/read/${encodeURIComponent('books/동백꽃.epub')}`);
    await waitForBookReady(page);
    const frame = page.frameLocator('.cm-r-book-frame iframe').first();
    await frame.locator('p').first().waitFor({ state: 'attached' });
    const aligns = await frame.locator('body').evaluate((body) => {
      const view = body.ownerDocument.defaultView!;
      return {
        p: [...body.querySelectorAll('p')].map((p) => view.getComputedStyle(p).textAlign),
        h1: [...body.querySelectorAll('h1')].map((h) => view.getComputedStyle(h).textAlign),
      };
    });
    expect(aligns.p.length).toBeGreaterThan(0);
    expect(aligns.p.filter((a) => a.includes('justify'))).toEqual([]);
    expect(aligns.h1.every((a) => a === 'center')).toBe(true);
    await page.screenshot({ path: screenshotPath('recipient-book-flush-left') });
  });
});
