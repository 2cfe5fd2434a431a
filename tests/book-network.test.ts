// Issue 12 §3 in the browser: a hostile book makes the browser ask no other machine for anything.
// Chromium's net log is the witness: it records every name given to the resolver and every socket,
// which playwright's request events do not (a DNS prefetch, a preconnect, a lookup for a load that
// is refused later).
//
// Each hostile book (tests/hostile/markup.ts, "Books that try to reach the network", and the older
// scripts.epub) is opened in the preview, in a browser of its own with its own net log; its words
// must show, pages are turned, links hovered and clicked as a person would; then the log must hold no
// lookup of any name but 127.0.0.1 and no socket to any address but 127.0.0.1. The app's CSP is
// switched off for this (playwright's bypassCSP): in this Chromium it refuses those loads before any
// lookup, with the old sanitizer as with the new, so with it on the test would not see the sanitizer
// at all. What is tested is the sanitizer as a layer that holds by itself.
//
// First, the same check on an empty page shows that the log holds none of Chromium's own traffic
// with the switches of CHROMIUM_ARGS, and that it does see a lookup when a page makes one.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startPreview, waitForBookReady, type Preview } from './helpers/browser.js';
import { netLogArgs, readNetLog, type NetTraffic } from './helpers/net-log.js';
import { cleanCss } from '../main/text/clean-css.js';
import { hostileBooks, REACH_WORDS, removeTree } from './hostile/corpus.js';

let tmp = '';
let preview: Preview;
let sessions = 0;

/** A browser of its own, with a net log and no CSP, does `visit`; what its network stack was asked for. */
async function session(visit: (page: Page) => Promise<void>): Promise<NetTraffic> {
  const log = path.join(tmp, `net-log-${++sessions}.json`);
  const browser = await launchBrowser(netLogArgs(log));
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 }, bypassCSP: true });
    await visit(page);
  } finally {
    // The log is complete once the browser has closed.
    await browser.close();
  }
  return readNetLog(log);
}

/** What a failed check prints: what was looked up, connected to, and asked for. */
const describeTraffic = (t: NetTraffic) => `lookups ${JSON.stringify(t.lookups)}, connects ${JSON.stringify(t.connects)}, requests ${JSON.stringify(t.requests)}`;

const bookText = (page: Page) => page.frameLocator('.cm-r-book-frame iframe').first().locator('body').innerText({ timeout: 10_000 }).catch(() => '');

/** CSS files of a book the back end served with remote references still in them. */
const uncleanedCss = new Set<string>();

/** Opens the book, reads its first page, then reads on: the text of every page seen. */
async function readBook(page: Page, itemPath: string): Promise<string[]> {
  // A book's CSS files are the back end's to clean (BookEntries' cleanCss), not the section
  // sanitizer's: they pass through cleanCss here on their way, so that what this test holds is the
  // sanitizer, and any that arrive unclean are named once at the end.
  await page.route(/\/\.in\/.*\.css(\?|$)/i, async (route) => {
    const response = await route.fetch();
    const css = await response.text();
    const cleaned = cleanCss(css);
    if (cleaned !== css) uncleanedCss.add(new URL(route.request().url()).pathname.replace(/^.*\/books\//, ''));
    await route.fulfill({ response, body: cleaned });
  });
  await page.goto(`${preview.url}#/read/${encodeURIComponent(itemPath)}`);
  await page.locator('.cm-r-book-frame iframe').first().waitFor({ state: 'attached', timeout: 30_000 });
  await waitForBookReady(page);
  const pages = [await bookText(page)];
  // A person looks at the page a moment (a refresh of one second would have come by then), moves
  // the pointer over it and clicks its links.
  await page.waitForTimeout(1500);
  for (const [x, y] of [[200, 200], [500, 300], [800, 500], [300, 650]] as const) await page.mouse.move(x, y, { steps: 4 });
  const links = page.frameLocator('.cm-r-book-frame iframe').first().locator('a');
  for (let i = 0; i < Math.min(await links.count().catch(() => 0), 6); i++) {
    await links.nth(i).hover({ timeout: 2000 }).catch(() => undefined);
    await links.nth(i).click({ timeout: 2000, noWaitAfter: true }).catch(() => undefined);
  }
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(400);
    pages.push(await bookText(page));
  }
  return pages;
}

const BOOKS = hostileBooks().filter((b) => b.name === 'scripts.epub' || b.name in REACH_WORDS);

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-book-network-'));
  const library = path.join(tmp, 'library');
  mkdirSync(path.join(library, 'books'), { recursive: true });
  for (const b of BOOKS) writeFileSync(path.join(library, 'books', b.name), b.bytes);
  preview = await startPreview(library);
  // The books are in the catalog once the first index is complete.
  const until = Date.now() + 120_000;
  const status = () => fetch(`${preview.url}api/getIndexStatus`, { method: 'POST', body: '[]', headers: { 'Content-Type': 'application/json' } }).then((r) => r.json() as Promise<{ complete?: boolean }>);
  while (!(await status()).complete) {
    if (Date.now() > until) throw new Error('changmun tests: the index was not complete after 120 s');
    await new Promise((r) => setTimeout(r, 300));
  }
}, 180_000);

afterAll(async () => {
  if (uncleanedCss.size > 0) console.log(`[book network] CSS files the back end served with remote references in them: ${[...uncleanedCss].join(', ')}`);
  await preview?.stop();
  if (tmp) removeTree(tmp);
});

describe('the net log sees only what a page asks for', () => {
  it('an empty page: Chromium itself looks up no name and opens no socket; one remote picture is seen', async () => {
    const idle = await session(async (page) => {
      await page.goto('about:blank');
      // Chromium's own asks come in its first second; give them three.
      await page.waitForTimeout(3000);
    });
    expect(idle.events).toBeGreaterThan(0);
    expect(idle.lookups, describeTraffic(idle)).toEqual([]);
    expect(idle.connects, describeTraffic(idle)).toEqual([]);
    // The control: a page that does ask for a remote picture shows as a lookup.
    const asking = await session(async (page) => {
      await page.setContent('<img src="http://evil.example/control.png" alt="">');
      await page.waitForTimeout(500);
    });
    expect(asking.lookups.length, describeTraffic(asking)).toBeGreaterThan(0);
    expect(asking.requests).toContain('http://evil.example/control.png');
  });
});

describe('a hostile book asks no other machine for anything (preview + Chromium, net log)', () => {
  for (const book of BOOKS) {
    it(`${book.name}: ${book.what}`, async () => {
      const words = book.name in REACH_WORDS ? REACH_WORDS[book.name as keyof typeof REACH_WORDS] : ['BOOKVISIBLE', 'BOOKSECOND'];
      let pages: string[] = [];
      const traffic = await session(async (page) => {
        pages = await readBook(page, `books/${book.name}`);
      });
      // The hostile page itself was shown (not the note for a section that cannot be read), and
      // the reader went on to the next one.
      expect(pages[0], book.name).toContain(words[0]);
      expect(pages.join('\n'), book.name).toContain(words[1]);
      expect(traffic.lookups, describeTraffic(traffic)).toEqual([]);
      expect(traffic.connects, describeTraffic(traffic)).toEqual([]);
    });
  }
});
