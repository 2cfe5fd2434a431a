// Issue 12 §2, on screen: a book that turned into a zip bomb after the scan (the drive changed while
// the app ran) is opened in the reader. The page never receives the archive: it asks the back end for
// the book's entries, is refused with the scan's reason, and says so in Korean and English, with the
// page's memory where it was. A book with a bomb that nothing lists opens and reads as usual.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, startPreview, waitForBookReady, type Preview } from './helpers/browser.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';
import { removeTree } from './hostile/corpus.js';
import { zipOf, type ZipEntry } from './hostile/zip.js';

const CONTAINER = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`;

function book(title: string, files: ZipEntry[], listed: string[]): Buffer {
  const opf = `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:changmun:test:${encodeURIComponent(title)}</dc:identifier><dc:title>${title}</dc:title><dc:language>ko</dc:language></metadata>` +
    `<manifest>${listed.map((href, i) => `<item id="i${i}" href="${href}" media-type="application/xhtml+xml"/>`).join('')}</manifest>` +
    `<spine>${listed.map((_, i) => `<itemref idref="i${i}"/>`).join('')}</spine></package>`;
  return zipOf([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    ...files,
  ]);
}

const section = (text: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ko"><head><title>장</title></head><body><h1>첫 장</h1><p>${text}</p></body></html>`;

let tmp = '';
let library = '';
let preview: Preview;
let browser: Browser;
let page: Page;
let cdp: CDPSession;

async function heapMiB(): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-book-refused-'));
  library = path.join(tmp, 'library');
  mkdirSync(path.join(library, 'books'), { recursive: true });
  copyFileSync(path.join(CONTENT_SAMPLE, 'books', '동백꽃.epub'), path.join(library, 'books', '동백꽃.epub'));
  writeFileSync(path.join(library, 'books', '바뀔 책.epub'), book('바뀔 책', [{ name: 'OEBPS/c1.xhtml', data: section('바뀌기 전의 문장 SWAPBEFORE 입니다.') }], ['c1.xhtml']));
  writeFileSync(path.join(library, 'books', '숨은 폭탄.epub'), book('숨은 폭탄', [
    { name: 'OEBPS/c1.xhtml', data: section('숨은 폭탄이 있는 책의 문장 HIDDENBOMBBOOK 입니다.') },
    { name: 'OEBPS/hidden.bin', data: { zerosMiB: 3000 } },
  ], ['c1.xhtml']));
  preview = await startPreview(library);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(preview.url);
  await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (tmp) removeTree(tmp);
});

describe('a book the back end refuses, in the reader', () => {
  it('a book that became a 4 GiB zip bomb after the scan: a clear message in plain Korean, the page\'s memory unmoved', async () => {
    // The scan saw a good book; now the file on the drive is a bomb (a few MB on disk).
    writeFileSync(path.join(library, 'books', '바뀔 책.epub'), book('바뀔 책', [{ name: 'OEBPS/c1.xhtml', data: { zerosMiB: 4095 } }], ['c1.xhtml']));
    const before = await heapMiB();
    await page.goto(`${preview.url}#/read/${encodeURIComponent('books/바뀔 책.epub')}`);
    const error = page.locator('.cm-r-error');
    await error.waitFor({ timeout: 30_000 });
    const shown = await error.innerText();
    expect(shown).toContain('books/바뀔 책.epub');
    // The scan's own reason for a bomb, in plain Korean (the interface's language); its technical
    // detail (sizes, inflate, zip bomb) is for the volunteers' report, not for this screen.
    const reason = await error.locator('.cm-r-error-reason').innerText();
    expect(reason).toContain('너무 커서');
    expect(reason).not.toMatch(/too large|zip bomb|inflate|[A-Za-z]{4,}/i);
    expect(shown).not.toContain('SWAPBEFORE');
    expect(await heapMiB()).toBeLessThan(before + 32);
    await page.screenshot({ path: screenshotPath('book-refused-bomb') });
    // The way back works, and the library is still there.
    await error.locator('.cm-r-error-back').click();
    await page.locator('.item-card').first().waitFor({ timeout: 10_000 });
  }, 60_000);

  it('a book with a bomb nothing lists opens and reads as usual', async () => {
    await page.goto(`${preview.url}#/read/${encodeURIComponent('books/숨은 폭탄.epub')}`);
    await waitForBookReady(page);
    const text = await page.frameLocator('.cm-r-book-frame iframe').first().locator('body').innerText();
    expect(text).toContain('HIDDENBOMBBOOK');
  }, 60_000);

  it('a sample book still opens, its pictures and styles served entry by entry', async () => {
    const asked: string[] = [];
    page.on('request', (r) => asked.push(decodeURIComponent(r.url())));
    await page.goto(`${preview.url}#/read/${encodeURIComponent('books/동백꽃.epub')}`);
    await waitForBookReady(page);
    const text = await page.frameLocator('.cm-r-book-frame iframe').first().locator('body').innerText();
    expect(text).toContain('동백꽃');
    expect(asked.some((u) => u.includes('books/books/동백꽃.epub/.list'))).toBe(true);
    expect(asked.some((u) => /books\/books\/동백꽃\.epub\/\.in\/.+\.(x?html|opf)$/.test(u))).toBe(true);
    // The archive itself is never fetched whole.
    expect(asked.some((u) => /\/files\/books\/동백꽃\.epub$/.test(u))).toBe(false);
  }, 60_000);
});
