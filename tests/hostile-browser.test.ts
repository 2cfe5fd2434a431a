// Issue 7 §1, in the browser: the readers show the hostile corpus (tests/hostile/corpus.ts) safely.
// A library of content-sample and the corpus is served by the preview and opened in Debian's
// Chromium; the hostile articles, Markdown, books and subtitles are opened one by one and handled
// as a person would (pointer over everything, clicks on every link, Tab, page turns). Nothing may
// run — every attempt sets `__changmunPwned`, which must stay unset in the page and in every frame —
// and no request may leave 127.0.0.1. The problems list shows each broken file with its message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startPreview, waitForBookReady, waitForIndexComplete, type Preview } from './helpers/browser.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';
import { copyContentSample, removeTree, writeHostileCorpus, type HostileFile } from './hostile/corpus.js';
import { PWNED, REMOTE_HOSTS } from './hostile/markup.js';

let tmp = '';
let corpus: HostileFile[] = [];
let preview: Preview;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

const onMachine = (u: string) => /^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:|about:)/.test(u);

/** Attributes that would run code or fetch something: handlers, and URLs that run or leave the machine. */
async function dangerousAttributes(p: Page, selector: string): Promise<string[]> {
  const attributes = await p.locator(selector).first().evaluate((el) =>
    [...el.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => [a.name.toLowerCase(), a.value] as [string, string])));
  const urlAttributes = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'xlink:href', 'ping', 'style', 'codebase', 'cite'];
  return attributes
    .filter(([name, value]) => name.startsWith('on') || (urlAttributes.includes(name) && (/javascript:/i.test(value) || REMOTE_HOSTS.some((h) => value.includes(h)))))
    .map(([name, value]) => `${name}=${value}`);
}

async function pwned(p: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of p.frames()) {
    const value = await frame.evaluate((name) => (window as unknown as Record<string, unknown>)[name], PWNED).catch(() => undefined);
    if (value !== undefined) found.push(`${frame.url().slice(0, 80)}: ${String(value)}`);
  }
  return found;
}

/** Open a library item in the reader and do what a person would do with it. */
async function openAndHandle(itemPath: string): Promise<void> {
  await page.goto(`${preview.url}#/read/${encodeURIComponent(itemPath)}`);
  const kind = /\.epub$/.test(itemPath) ? 'book' : /\.(srt|vtt|smi|ass|mp4)$/.test(itemPath) ? 'video' : 'article';
  if (kind === 'article') {
    await page.waitForFunction(() => (document.querySelector('article.cm-r-article')?.textContent ?? '').trim().length > 0, undefined, { timeout: 30_000 });
  } else if (kind === 'book') {
    await page.locator('.cm-r-book-frame iframe').first().waitFor({ state: 'attached', timeout: 30_000 });
    await waitForBookReady(page);
  } else {
    await page.locator('.cm-r-transcript').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('.cm-r-transcript .cm-r-status'), undefined, { timeout: 30_000 });
  }
  for (const [x, y] of [[200, 200], [500, 300], [800, 500], [300, 650]] as const) await page.mouse.move(x, y, { steps: 5 });
  const links = page.locator('article.cm-r-article a, .cm-r-transcript a');
  const n = Math.min(await links.count(), 12);
  for (let i = 0; i < n; i++) await links.nth(i).click({ timeout: 2000, noWaitAfter: true }).catch(() => undefined);
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  if (kind === 'book') {
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    // Inside the book's frame too: a click on every link, a pointer over everything.
    const frame = page.frameLocator('.cm-r-book-frame iframe').first();
    const inBook = frame.locator('a');
    for (let i = 0; i < Math.min(await inBook.count().catch(() => 0), 6); i++) await inBook.nth(i).click({ timeout: 2000, noWaitAfter: true }).catch(() => undefined);
  }
  await page.waitForTimeout(700);
}

/** Opens a book and waits until its first page is on screen. */
async function openBook(itemPath: string): Promise<void> {
  await page.goto(`${preview.url}#/read/${encodeURIComponent(itemPath)}`);
  await page.locator('.cm-r-book-frame iframe').first().waitFor({ state: 'attached', timeout: 30_000 });
  await waitForBookReady(page);
}

/** The text of the book page on screen ('' when the frame shows nothing). */
async function bookPageText(): Promise<string> {
  return page.frameLocator('.cm-r-book-frame iframe').first().locator('body').innerText({ timeout: 10_000 }).catch(() => '');
}

/** Turns `n` pages forward (or back), the text of each page after the turn. */
async function pageThrough(n: number, key: 'PageDown' | 'PageUp' = 'PageDown'): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const before = await bookPageText();
    await page.keyboard.press(key);
    // The next section replaces the frame's text; a page turn inside one section does not.
    await page
      .waitForFunction((b) => {
        const doc = document.querySelector<HTMLIFrameElement>('.cm-r-book-frame iframe')?.contentDocument;
        return doc?.body && doc.body.innerText !== b;
      }, before, { timeout: 2500 })
      .catch(() => undefined);
    texts.push(await bookPageText());
  }
  return texts;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-hostile-browser-'));
  const library = path.join(tmp, 'library');
  copyContentSample(CONTENT_SAMPLE, library);
  corpus = writeHostileCorpus(library, { outside: path.join(tmp, 'outside') });
  preview = await startPreview(library);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${decodeURIComponent(page.url().split('#')[1] ?? '')}: ${e.message}`));
  await page.goto(preview.url);
  await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
  await waitForIndexComplete(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (tmp) removeTree(tmp);
  if (pageErrors.length) console.log(`[hostile browser] errors thrown in the page (none ran hostile code):\n  ${pageErrors.join('\n  ')}`);
});

describe('the hostile corpus in the readers (preview + Chromium)', () => {
  it('the HTML article: only its words show; scripts, handlers, frames, plugins, refresh and remote resources do nothing', async () => {
    await openAndHandle('hostile/articles/스크립트 가득한 글.html');
    const article = page.locator('article.cm-r-article');
    await expect(article.innerText()).resolves.toMatch(/VISIBLEWORD[\s\S]*FINALWORD/);
    await expect(article.locator('script, iframe, object, embed, form, input, base, meta, link, style[src], video, audio').count()).resolves.toBe(0);
    expect(await dangerousAttributes(page, 'article.cm-r-article')).toEqual([]);
    expect(page.url()).toContain(preview.url); // no refresh, no navigation
    expect(await pwned(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('hostile-article') });
  });

  it('the Markdown with raw HTML: the same', async () => {
    await openAndHandle('hostile/articles/raw-html.md');
    const article = page.locator('article.cm-r-article');
    await expect(article.innerText()).resolves.toMatch(/MDVISIBLE[\s\S]*MDFINAL/);
    await expect(article.locator('script, iframe, object, embed, input, base, meta, link').count()).resolves.toBe(0);
    expect(await dangerousAttributes(page, 'article.cm-r-article')).toEqual([]);
    expect(await pwned(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('hostile-markdown') });
  });

  it('the EPUB full of scripts, handlers, javascript: links, remote images, fonts and CSS, and SVG with script', async () => {
    await openAndHandle('hostile/books/scripts.epub');
    const body = page.frameLocator('.cm-r-book-frame iframe').first().locator('body');
    await expect(body.innerText()).resolves.toMatch(/HOSTILEBOOK|BOOKSECOND|BOOKVISIBLE/);
    // epub.js renders into a frame sandboxed without scripts.
    const sandbox = await page.locator('.cm-r-book-frame iframe').first().getAttribute('sandbox');
    expect(sandbox ?? '').not.toMatch(/allow-scripts/);
    // Paging back to the first chapter and on again: through the SVG page the spine names (shown as
    // a page, cleaned like any other: its script never runs) both ways, with no error thrown by the
    // reader. (It reopens where it was left.)
    await openBook('hostile/books/scripts.epub');
    const errorsBefore = pageErrors.length;
    // No part is left out, and the reader knows where it is.
    expect(await page.locator('.cm-r-notice').count()).toBe(0);
    await page.waitForFunction(() => /\d+% 읽음/.test(document.querySelector('.cm-r-progress')?.parentElement?.textContent ?? ''), undefined, { timeout: 10_000 });
    const back = await pageThrough(4, 'PageUp');
    expect(back.at(-1)).toContain('BOOKVISIBLE');
    const pages = [...back, ...(await pageThrough(4))];
    expect(pages.slice(back.length - 1).join('\n')).toMatch(/BOOKVISIBLE[\s\S]*BOOKSECOND/);
    expect(pages.filter((t) => t.trim() === '')).toEqual([]);
    expect(pageErrors.slice(errorsBefore)).toEqual([]);
    expect(await pwned(page)).toEqual([]);
    // The cover (an SVG with a script) is shown as an image only.
    await page.goto(preview.url);
    await page.locator('.item-card').first().waitFor();
    const cover = await fetch(`${preview.url}covers/hostile/books/scripts.epub`);
    expect(cover.headers.get('content-security-policy') ?? '').toMatch(/sandbox/);
    expect(await pwned(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('hostile-book') });
  });

  it('a book with thousands of sections turns its pages; a section nested 50,000 deep shows a plain note, then the book goes on', async () => {
    // After three page turns: the fourth of 3,000 sections.
    await openAndHandle('hostile/books/thousands-of-sections.epub');
    await expect(bookPageText()).resolves.toContain('4장');
    await page.screenshot({ path: screenshotPath('hostile-thousands-of-sections') });
    // The deep section: the reader's own note, not Chromium's XML error page with half the text.
    await openBook('hostile/books/deep-section.epub');
    const first = await bookPageText();
    expect(first).toMatch(/파일이 깨져서 보여 줄 수 없습니다/);
    expect(first).not.toMatch(/This page contains the following errors|DEEPBOOKLOST/);
    await page.screenshot({ path: screenshotPath('hostile-deep-section') });
    const later = await pageThrough(3);
    expect(later.join('\n')).toContain('DEEPBOOKOK');
    expect(await pwned(page)).toEqual([]);
  });

  it('a book whose first spine file is missing opens at the first section that is there', async () => {
    await openBook('hostile/books/spine-some-missing.epub');
    await expect(bookPageText()).resolves.toContain('SPINEHERE');
    // and the reader says a part was skipped.
    await expect(page.locator('.cm-r-notice').innerText()).resolves.toMatch(/1개 부분은 보여 줄 수 없어 건너뜁니다/);
    await page.screenshot({ path: screenshotPath('hostile-spine-some-missing') });
  });

  it('a book whose entries climb out of the archive (../, /, C:, \\) shows only its safe section, on every page', async () => {
    await openAndHandle('hostile/books/escape-entries.epub');
    const pages = [await bookPageText(), ...(await pageThrough(6))];
    expect(pages[0]).toContain('ESCAPESAFE');
    await expect(page.locator('.cm-r-notice').innerText()).resolves.toMatch(/4개 부분은 보여 줄 수 없어/);
    expect(pages.filter((t) => /EVIL/.test(t))).toEqual([]);
    expect(pages.filter((t) => t.trim() === '')).toEqual([]);
    expect(await pwned(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('hostile-escape-entries') });
  });

  it('subtitles with bad times and a script show as text in the transcript, in time order', async () => {
    await openAndHandle('hostile/subtitles/bad-times.smi');
    const transcript = await page.locator('.cm-r-transcript').innerText();
    expect(transcript).toMatch(/SAMIFIRST[\s\S]*SAMILATER/);
    expect(transcript).not.toMatch(/__changmunPwned/);
    await openAndHandle('hostile/subtitles/bad-times.srt');
    await expect(page.locator('.cm-r-transcript').innerText()).resolves.toMatch(/FIRSTLINE[\s\S]*OVERLAPLONG[\s\S]*UNSORTEDTHIRD/);
    expect(await pwned(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('hostile-subtitles') });
  });

  it('a subtitle file with one 50 MB line opens: the transcript shows the line\'s start and the next line, the page survives', async () => {
    await openAndHandle('hostile/subtitles/long-line.srt');
    const transcript = await page.locator('.cm-r-transcript').innerText();
    expect(transcript).toMatch(/LONGLINESTART[\s\S]*AFTERLONG/);
    expect(transcript.length).toBeLessThan(10_000);
    // Still alive and answering.
    await expect(page.evaluate(() => document.title.length)).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('hostile-long-line') });
  });

  it('items with Korean, spaced, 255-byte, look-alike and 3 KB-deep names open', async () => {
    const names = corpus.filter((f) => 'item' in f.expect && f.expect.item === 'article' && /^hostile\/(names|deep)\//.test(f.path));
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const f of names) {
      await openAndHandle(f.path);
      const words = (f.expect as { words?: string[] }).words ?? [];
      await expect(page.locator('article.cm-r-article').innerText(), f.path).resolves.toContain(words[0]);
    }
    expect(await pwned(page)).toEqual([]);
  });

  it('lists every broken file in the problems list, with its path and a message', async () => {
    await page.goto(`${preview.url}#/`);
    await page.locator('.problems-badge').click();
    const list = page.locator('.problem-list');
    await list.waitFor();
    const shown = await list.locator('li').allInnerTexts();
    const broken = corpus.filter((f) => 'problem' in f.expect);
    expect(shown).toHaveLength(broken.length);
    // A name's trailing space is collapsed on screen like any white space; the message says it is there.
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const f of broken) {
      const entry = shown.map(norm).find((s) => s.startsWith(norm(f.path)));
      expect(entry, f.path).toBeDefined();
      expect(entry!.slice(f.path.length), f.path).toMatch(/[가-힣]{2}/);
    }
    await page.screenshot({ path: screenshotPath('hostile-problems') });
  });

  it('an article damaged or removed after indexing opens to the message that fits, not to "not found" for both', async () => {
    const library = path.join(tmp, 'library');
    writeFileSync(path.join(library, 'articles/daily-life/김장철-이야기.md'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x67, 0x61, 0x72, 0x62]));
    await page.goto(`${preview.url}#/read/${encodeURIComponent('articles/daily-life/김장철-이야기.md')}`);
    const damaged = page.locator('.cm-r-error');
    await damaged.waitFor({ timeout: 30_000 });
    await expect(damaged.innerText()).resolves.toMatch(/글을 불러오지 못했습니다/);
    await expect(damaged.innerText()).resolves.not.toMatch(/파일을 찾을 수 없습니다/);
    await page.screenshot({ path: screenshotPath('hostile-damaged-after-index') });
    rmSync(path.join(library, 'articles/science/물의-순환.html'));
    await page.goto(`${preview.url}#/read/${encodeURIComponent('articles/science/물의-순환.html')}`);
    const missing = page.locator('.cm-r-error');
    await missing.waitFor({ timeout: 30_000 });
    await expect(missing.innerText()).resolves.toMatch(/파일을 찾을 수 없습니다/);
  });

  it('ran nothing and asked for nothing beyond 127.0.0.1 in the whole session', async () => {
    expect(await pwned(page)).toEqual([]);
    expect(requests.length).toBeGreaterThan(50);
    expect(requests.filter((u) => !onMachine(u))).toEqual([]);
  });
});
