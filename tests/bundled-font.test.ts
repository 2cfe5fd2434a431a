// Korean never shows as □ (issue 16): every Korean letter the app draws is drawn with the bundled
// font (Noto Sans KR from @fontsource, bundled by Vite), whatever the PC has — monospace file paths
// in the problems dialog and the reader's error, the drive's words, the book's own fonts in its
// frame, and the words inside an article's SVG picture (an image, which sees no font of the page).
//
// How it is checked: Chromium says which font drew each run of text (DevTools'
// CSS.getPlatformFontsForNode). Every run of Hangul on each screen is wrapped in a span of its own,
// and each must have been drawn by the web font 'Noto Sans KR' and nothing else; a system font —
// even a Korean one such as fonts-noto-cjk's 'Noto Sans CJK KR', should the machine have one —
// fails the test. The machine's Korean fonts are logged (`fc-list :lang=ko`; Debian's chromium
// brings none). An SVG picture cannot be asked: its file must carry the font's faces.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Frame, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startPreview, waitForBookReady, waitForIndexComplete, type Preview } from './helpers/browser.js';
import { CONTENT_SAMPLE, corpusPath } from './helpers/paths.js';
import { zipOf } from './hostile/zip.js';

let preview: Preview;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
let lib: string;
const BROKEN = 'books/깨진 책 — 한글 이름.epub';
const CORPUS_TEXT = 'articles/corpus/dongbaekkot.euc-kr.txt';
const FONTED_BOOK = 'books/글꼴을 정한 책.epub';

/** A book whose own style sheet names fonts a recipient's PC will not have, and justifies. */
function bookNamingFonts(): Buffer {
  const opf =
    `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:changmun:test:fonted</dc:identifier><dc:title>글꼴을 정한 책</dc:title><dc:language>ko</dc:language></metadata>` +
    `<manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>`;
  const css = `body { font-family: "Batang", "바탕", serif; } p { font-family: "HYSinMyeongJo-Medium", "Gungsuh", serif; text-align: justify; } pre, code { font-family: "GulimChe", "Courier New", monospace; }`;
  const section =
    `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ko"><head><title>첫 장</title><style>${css}</style></head>` +
    `<body><h1>첫 장: 바탕체로 쓴 책</h1><p>이 책은 바탕체와 궁서체를 쓰라고 합니다. 그런 글꼴이 없는 컴퓨터에서도 한글은 네모로 나오면 안 됩니다. 양쪽 맞춤으로 벌어지지도 않아야 합니다.</p>` +
    `<pre>고정폭 글꼴의 한글 줄: 가나다라</pre><p>끝으로 <code>코드 안의 한글</code>도 읽혀야 합니다.</p></body></html>`;
  return zipOf([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>` },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/c1.xhtml', data: section },
  ]);
}

interface Drawn {
  text: string;
  fonts: { familyName: string; isCustomFont: boolean; glyphCount: number }[];
}

/** Wraps every run of Hangul under `selector` in a probe span (in the page or a frame). */
async function wrapHangul(where: Page | Frame, selector: string): Promise<number> {
  return where.evaluate((sel) => {
    let n = 0;
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let t = walker.nextNode(); t; t = walker.nextNode()) nodes.push(t as Text);
      for (const node of nodes) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, title, [data-ko-probe]') || parent.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
        const text = node.nodeValue ?? '';
        if (!/[\uac00-\ud7a3\u3131-\u318e]/.test(text)) continue;
        const frag = document.createDocumentFragment();
        for (const part of text.split(/([\uac00-\ud7a3\u3131-\u318e]+)/)) {
          if (part === '') continue;
          if (/^[\uac00-\ud7a3\u3131-\u318e]+$/.test(part)) {
            const span = document.createElement('span');
            span.setAttribute('data-ko-probe', '');
            span.textContent = part;
            frag.appendChild(span);
            n++;
          } else frag.appendChild(document.createTextNode(part));
        }
        node.replaceWith(frag);
      }
    }
    return n;
  }, selector);
}

interface DomNode {
  nodeId: number;
  attributes?: string[];
  children?: DomNode[];
  contentDocument?: DomNode;
  shadowRoots?: DomNode[];
}

/** The fonts that drew each probe that is on screen (in the page and its same-origin frames). */
async function drawnProbes(): Promise<Drawn[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
  const ids: number[] = [];
  const walk = (n: DomNode) => {
    if (n.attributes && n.attributes.includes('data-ko-probe')) ids.push(n.nodeId);
    for (const c of n.children ?? []) walk(c);
    if (n.contentDocument) walk(n.contentDocument);
    for (const s of n.shadowRoots ?? []) walk(s);
  };
  walk(root);
  const out: Drawn[] = [];
  for (const nodeId of ids) {
    const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as unknown as { fonts: Drawn['fonts'] };
    if (fonts.length === 0) continue; // not laid out (hidden)
    const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId })) as { outerHTML: string };
    out.push({ text: outerHTML.replace(/<[^>]+>/g, ''), fonts });
  }
  return out;
}

/** Every run of Hangul under `selector` was drawn with the bundled font alone; returns how many were checked. */
async function expectBundledFont(selector: string, frame?: Frame): Promise<number> {
  const wrapped = await wrapHangul(frame ?? page, selector);
  expect(wrapped, `Hangul under ${selector}`).toBeGreaterThan(0);
  const drawn = await drawnProbes();
  // A web font is named by its file's own name table: "Noto Sans KR Thin" for @fontsource's.
  const wrong = drawn.filter((d) => d.fonts.some((f) => f.glyphCount > 0 && !(f.isCustomFont && f.familyName.startsWith('Noto Sans KR'))));
  expect(wrong.map((d) => `${d.text}: ${d.fonts.map((f) => `${f.familyName}${f.isCustomFont ? ' (web)' : ' (system)'}×${f.glyphCount}`).join(', ')}`)).toEqual([]);
  return drawn.length;
}

/** A fresh document at `route` (the probes change the page's DOM under React: never reuse it). */
async function visit(route: string): Promise<void> {
  await page.goto(`${preview.url}${route}`);
  await page.reload();
}

/** Form controls draw their words (values, placeholders, options) with their own font: the bundled one first. */
async function expectControlsUseBundledFont(): Promise<void> {
  const families = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, option, button, textarea')].map((e) => `${e.localName}: ${getComputedStyle(e).fontFamily}`),
  );
  expect(families.length).toBeGreaterThan(0);
  expect(families.filter((f) => !/^[a-z]+: "Noto Sans KR"/.test(f))).toEqual([]);
}

beforeAll(async () => {
  lib = mkdtempSync(path.join(tmpdir(), 'changmun-font-'));
  cpSync(CONTENT_SAMPLE, lib, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  writeFileSync(path.join(lib, BROKEN), Buffer.from('not a book at all'));
  writeFileSync(path.join(lib, FONTED_BOOK), bookNamingFonts());
  // A real story in the legacy Korean encoding (EUC-KR), from the shared corpus.
  mkdirSync(path.join(lib, 'articles', 'corpus'), { recursive: true });
  cpSync(corpusPath('korean-text', 'dongbaekkot.euc-kr.txt'), path.join(lib, CORPUS_TEXT));
  let korean: string;
  try {
    korean = execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).trim();
  } catch {
    korean = '(fc-list not available)';
  }
  console.log(`[bundled font] Korean system fonts on this machine: ${korean || 'none'}`);
  preview = await startPreview(lib);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  await page.goto(preview.url);
  await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
  await waitForIndexComplete(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  expect(await preview?.stop()).toBe(0);
});

describe('every Korean letter is drawn with the bundled font', () => {
  it('the home, its list and the problems dialog (a file path in monospace)', async () => {
    await visit('#/');
    await page.locator('.item-card').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans KR' && f.status === 'loaded'))).toBe(true);
    await expectControlsUseBundledFont();
    expect(await expectBundledFont('.app')).toBeGreaterThan(20);
    await page.reload();
    await page.getByRole('button', { name: '목록' }).click();
    await page.locator('.item-row').first().waitFor();
    await expectBundledFont('.item-scroller');
    await page.locator('.problems-badge').click();
    await page.locator('dialog[open] .problem-path').waitFor();
    // The path is set in a monospace face; its Korean must still come from the bundled font.
    expect(await page.locator('.problem-path').evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/monospace/);
    await page.evaluate(() => document.fonts.ready);
    await expectBundledFont('dialog[open]');
    await page.screenshot({ path: screenshotPath('font-problems-dialog') });
    await page.locator('dialog[open]').getByRole('button', { name: '닫기' }).click();
    await page.getByRole('button', { name: '바둑판' }).click();
  });

  it('search results, settings and help', async () => {
    await visit(`#/search?q=${encodeURIComponent('바다')}`);
    await page.locator('article.result').first().waitFor({ timeout: 20_000 });
    await expectBundledFont('.app');
    await visit('#/settings');
    await page.locator('.page h1').waitFor();
    await expectControlsUseBundledFont();
    await expectBundledFont('.app');
    await visit('#/help');
    await page.locator('.page h1').waitFor();
    await expectBundledFont('.app');
  });

  it('an article, and the Korean inside its SVG picture (drawn as an image, so the picture carries the font)', async () => {
    await visit(`#/read/${encodeURIComponent('articles/history/원산-로동자들의-력사.html')}`);
    await page.locator('article.cm-r-article').filter({ hasText: '원산' }).waitFor();
    const img = page.locator('article.cm-r-article img[alt="원산 총파업 년표"]');
    await page.locator('article.cm-r-article img[data-cm-font="bundled"]').first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => {
      const i = document.querySelector<HTMLImageElement>('article.cm-r-article img[data-cm-font="bundled"]');
      return !!i && i.complete && i.naturalWidth > 0 && getComputedStyle(i).visibility === 'visible';
    });
    // The picture shown is the SVG with the bundled font's faces inside it, for the letters it uses.
    // (Read back through a frame: the page's policy lets it load blob: frames, not fetch them.)
    const inside = await img.evaluate(async (i: HTMLImageElement) => {
      const frame = document.createElement('iframe');
      frame.style.display = 'none';
      const loaded = new Promise((resolve) => (frame.onload = resolve));
      frame.src = i.src;
      document.body.append(frame);
      await loaded;
      const text = new XMLSerializer().serializeToString(frame.contentDocument!);
      frame.remove();
      return { src: i.src.slice(0, 5), text };
    });
    expect(inside.src).toBe('blob:');
    expect(inside.text).toContain('1929년 4월');
    expect(inside.text).toMatch(/@font-face\{font-family:'Noto Sans KR';[^}]*src:url\(data:font\/woff2;base64,/);
    expect(inside.text).toMatch(/text,tspan,textPath\{font-family:'Noto Sans KR'/);
    await img.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('font-article-svg') });
    await expectBundledFont('.cm-reader');
  });

  it('a real story in EUC-KR from the shared corpus, read as an article', async () => {
    await visit(`#/read/${encodeURIComponent(CORPUS_TEXT)}`);
    await page.locator('article.cm-r-article').filter({ hasText: '점순' }).waitFor({ timeout: 20_000 });
    expect(await expectBundledFont('.cm-reader')).toBeGreaterThan(100);
    await page.screenshot({ path: screenshotPath('font-corpus-euc-kr') });
  });

  it('a book: its words in its frame, whatever font its style sheet names', async () => {
    await visit(`#/read/${encodeURIComponent('books/동백꽃.epub')}`);
    await waitForBookReady(page);
    await page.keyboard.press('ArrowRight');
    await waitForBookReady(page);
    await expectBundledFont('.cm-r-toolbar');
    const frame = (await (await page.locator('.cm-r-book-frame iframe').first().elementHandle())!.contentFrame())!;
    await frame.waitForFunction(() => document.fonts.ready.then(() => true));
    const checked = await expectBundledFont('body', frame);
    expect(checked).toBeGreaterThan(3);
    await page.screenshot({ path: screenshotPath('font-book') });
  });

  it('a book whose style sheet names Batang, Gungsuh and GulimChe (and justifies): the bundled font, flush left', async () => {
    await visit(`#/read/${encodeURIComponent(FONTED_BOOK)}`);
    await waitForBookReady(page);
    const frame = (await (await page.locator('.cm-r-book-frame iframe').first().elementHandle())!.contentFrame())!;
    await frame.locator('pre').waitFor({ state: 'attached' });
    await frame.waitForFunction(() => document.fonts.ready.then(() => true));
    expect(await frame.locator('p').first().evaluate((p) => getComputedStyle(p).textAlign)).not.toContain('justify');
    expect(await expectBundledFont('body', frame)).toBeGreaterThan(10);
    await page.screenshot({ path: screenshotPath('font-book-names-fonts') });
  });

  it('a film: its transcript and the subtitle over the picture', async () => {
    await visit(`#/search?q=${encodeURIComponent('편지')}`);
    await page.locator('article.result', { has: page.locator('.result-title', { hasText: '바다의 편지' }) }).locator('a.hit').first().click();
    await page.locator('.cm-r-subtitles span').first().waitFor({ timeout: 20_000 });
    await expectBundledFont('.cm-reader');
    await page.screenshot({ path: screenshotPath('font-film') });
  });

  it('a list of choices (<select>): drawn in the page with the bundled font, not by the system', async () => {
    await visit('#/');
    const sort = page.locator('.home-toolbar select');
    await sort.click();
    await page.waitForFunction(() => document.querySelector('.home-toolbar select')?.matches(':open') === true, undefined, { timeout: 5_000 });
    await expect(page.locator('.home-toolbar option').first().isVisible()).resolves.toBe(true);
    // On a loaded machine the open list may be shown before every option is laid out: wait for them.
    await page.waitForFunction(() => [...document.querySelectorAll('.home-toolbar option')].every((o) => o.getBoundingClientRect().height > 0), undefined, { timeout: 5_000 });
    expect(await expectBundledFont('.home-toolbar select')).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: screenshotPath('font-select-open') });
    await page.locator('.home-toolbar option').nth(1).click();
    await expect(sort.inputValue()).resolves.toBe('type');
  });

  it('tooltips: drawn in the page with the bundled font, never by the system (which would draw □)', async () => {
    await visit(`#/read/${encodeURIComponent('articles/history/원산-로동자들의-력사.html')}`);
    await page.locator('article.cm-r-article').filter({ hasText: '원산' }).waitFor();
    const hide = page.locator('.hide-button');
    await hide.hover();
    const tip = page.locator('.cm-tip');
    await tip.waitFor({ timeout: 5_000 });
    await expect(tip.innerText()).resolves.toBe('모두 숨기고 닫기 (Esc 두 번)');
    // The system's tooltip has nothing to show: the words left the title attribute.
    await expect(hide.getAttribute('title')).resolves.toBeNull();
    await expect(hide.getAttribute('aria-label')).resolves.toBe('모두 숨기고 닫기 (Esc 두 번)');
    await expectBundledFont('.cm-tip');
    await page.screenshot({ path: screenshotPath('font-tooltip') });
    // The reader's bar: the larger-text button says what it does, the same way.
    await page.locator('.cm-r-toolbar button[aria-label]').last().hover();
    await page.waitForFunction(() => document.querySelector('.cm-tip')?.textContent !== '모두 숨기고 닫기 (Esc 두 번)', undefined, { timeout: 5_000 });
    await tip.waitFor({ timeout: 5_000 });
    expect(await page.locator('[title]').evaluateAll((els) => els.filter((e) => e.matches(':hover')).length)).toBe(0);
    await page.mouse.move(5, 400);
    await tip.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('a file that cannot be opened: its path, in monospace, on the reader\'s error', async () => {
    const damaged = 'articles/daily-life/김장철-이야기.md';
    writeFileSync(path.join(lib, damaged), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x67, 0x61, 0x72, 0x62]));
    await visit(`#/read/${encodeURIComponent(damaged)}`);
    await page.locator('.cm-r-error').waitFor({ timeout: 30_000 });
    await expectBundledFont('.cm-r-error');
    await page.screenshot({ path: screenshotPath('font-reader-error') });
  });
});
