// Issue 17 §2: the browser edition on every drive. `changmun build` writes Changmun.html and
// Changmun-files/ beside library/; opened from file:// in Chromium (no server, nothing fetched), it
// is the same UI with the back end in the page: it lists the library, finds 로동 in South Korean
// text, opens the hit marked, plays a film from a subtitle line, shows a book chapter as text. A
// drive's data is not trusted: a data script that is not what library.js names is refused.
// The UI bundle is built here, into a temporary folder (a stale build/page cannot fool the test),
// and parsed as ECMAScript 2020: Chromium 80 and Firefox 78 read every line of it. Debian's Firefox
// ESR opens it too (over WebDriver BiDi, tests/helpers/firefox-bidi.mjs).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from './helpers/browser.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';
import { changmun, removeTemps, tempDir, type CliRun } from './helpers/volunteer.js';
import { DATA_CALLBACK, EDITION_CSP, EDITION_FOLDER, EDITION_PAGE, type EditionLibrary } from '../main/browser-edition/format.js';
import { formatSize } from '../main/cli/progress-bar.js';

let ui: string;
let drive: string;
let built: CliRun;
let browser: Browser;
/** Every request any page of this file made. */
const requests: string[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

const FIREFOX = process.env.CHANGMUN_FIREFOX ?? '/usr/bin/firefox-esr';

type FirefoxStep = { go: string } | { wait: string; timeout?: number } | { eval: string } | { shot: string };

/** Runs `steps` in a fresh headless Firefox ESR; each eval's value (through JSON). */
async function inFirefox(steps: FirefoxStep[]): Promise<unknown[]> {
  if (!existsSync(FIREFOX)) throw new Error(`changmun tests: Firefox ESR not found at ${FIREFOX}; apt-get install firefox-esr.`);
  const file = path.join(tempDir('changmun-ff-steps-'), 'steps.json');
  writeFileSync(file, JSON.stringify(steps));
  const r = await run(process.execPath, ['--experimental-websocket', path.join(REPO_ROOT, 'tests', 'helpers', 'firefox-bidi.mjs'), FIREFOX, file], {});
  const line = r.out.split('\n').find((l) => l.startsWith('{"ok"'));
  if (!line) throw new Error(`Firefox run gave no answer:\n${r.out}`);
  const answer = JSON.parse(line) as { ok: boolean; values?: unknown[]; error?: string };
  if (!answer.ok) throw new Error(`in Firefox: ${answer.error}`);
  return answer.values!;
}

/** What a data script hands the page: [id, payload]. */
function dataOf(file: string): [string, string] {
  let got: [string, string] | undefined;
  vm.runInNewContext(readFileSync(file, 'utf8'), { [DATA_CALLBACK]: (id: string, payload: string) => (got = [id, payload]) });
  if (!got) throw new Error(`${file} delivered nothing`);
  return got;
}

function sha256(s: string | Uint8Array): string {
  return createHash('sha256').update(s).digest('hex');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  const dir = tempDir('changmun-edition-');
  ui = path.join(dir, 'ui');
  // As `npm run build` makes it (vitest's NODE_ENV=test would give React's development build).
  const vite = await run(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.page.config.ts', '--logLevel', 'warn'], { CHANGMUN_PAGE_OUT: ui, NODE_ENV: 'production' });
  if (vite.code !== 0) throw new Error(`the page's UI did not build:\n${vite.out}`);
  drive = path.join(dir, 'drive');
  built = await changmun(['build', CONTENT_SAMPLE, '--out', drive, '--no-app', '--no-launchers', '--browser-edition', ui]);
  if (built.code !== 0) throw new Error(`changmun build failed:\n${built.stdout}\n${built.stderr}`);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (!process.env.KEEP) removeTemps();
});

async function openEdition(root = drive): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(root, EDITION_PAGE)).href);
  await page.locator('.item-grid, .item-list, [role="grid"], [role="list"]').first().waitFor({ timeout: 30_000 });
  return page;
}

async function search(page: Page, words: string): Promise<void> {
  await page.keyboard.press('/');
  await page.locator('#search-box').fill(words);
  await page.locator('article.result').first().waitFor({ timeout: 20_000 });
}

function resultFor(page: Page, titlePart: string) {
  return page.locator('article.result', { has: page.locator('.result-title', { hasText: titlePart }) });
}

describe('changmun build writes the browser edition', () => {
  it('puts Changmun.html and one folder beside library/, and prints their size on the drive', () => {
    expect(existsSync(path.join(drive, EDITION_PAGE))).toBe(true);
    const folder = path.join(drive, EDITION_FOLDER);
    const files = [path.join(drive, EDITION_PAGE), ...filesUnder(folder)];
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    expect(built.stdout).toContain(`브라우저판 Browser edition: ${EDITION_PAGE} + ${EDITION_FOLDER}/ — ${formatSize(bytes)} (${files.length} files`);
    // The page loads only its own files, with the CSP in a <meta> tag (there is no server).
    const html = readFileSync(path.join(drive, EDITION_PAGE), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${EDITION_CSP}">`);
    expect(html).toContain(`<script src="${EDITION_FOLDER}/app/changmun.js"></script>`);
    expect(html).not.toMatch(/type="module"|https?:/);
    // The manifest lists the edition with the rest of the drive (verify checks it).
    const manifest = readFileSync(path.join(drive, '.changmun', 'manifest.json'), 'utf8');
    expect(manifest).toContain(`"${EDITION_FOLDER}/data/library.js"`);
  });

  it('names every data script by the SHA-256 of what it delivers', () => {
    const folder = path.join(drive, EDITION_FOLDER);
    const [id, payload] = dataOf(path.join(folder, 'data', 'library.js'));
    expect(id).toBe('library');
    const library = JSON.parse(payload) as EditionLibrary;
    expect(library.items.map((i) => i.item.title)).toContain('원산 총파업 — 로동자들이 쓴 력사의 한 장');
    expect(Object.keys(library.articles)).toHaveLength(10);
    expect(Object.keys(library.subtitles).sort()).toEqual(['films/the-lighthouse-keeper.mp4', 'films/바다의 편지.mp4']);
    for (const [kind, refs] of [['a', library.articles], ['s', library.subtitles]] as const) {
      for (const ref of Object.values(refs)) {
        const [sid, p] = dataOf(path.join(folder, 'data', kind, `${ref.n}.js`));
        expect(sid).toBe(`${kind}${ref.n}`);
        expect(sha256(Buffer.from(p, 'utf8'))).toBe(ref.sha256);
      }
    }
    const files = library.index!.files;
    expect(files.length).toBeGreaterThan(0);
    files.forEach((f, n) => {
      const parts = f.sha256.map((_, k) => {
        const [fid, p] = dataOf(path.join(folder, 'data', 'i', `${n}-${k}.js`));
        expect(fid).toBe(`i${n}.${k}`);
        return f.kind === 'text' ? Buffer.from(p, 'utf8') : Buffer.from(p, 'base64');
      });
      parts.forEach((b, k) => expect(sha256(b)).toBe(f.sha256[k]));
      // The fragments are the index file, end to end.
      const whole = Buffer.concat(parts);
      expect(whole.length).toBe(f.size);
      expect(whole.equals(readFileSync(path.join(drive, '.changmun', 'index', f.name)))).toBe(true);
    });
  });
});

describe('a drive back from the field', () => {
  it('gets its edition rewritten in plain files: a link put in its place is removed, never written through', async () => {
    const copy = path.join(path.dirname(drive), 'linked');
    cpSync(drive, copy, { recursive: true });
    const outside = path.join(path.dirname(drive), 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'keep.txt'), 'not the drive\'s');
    writeFileSync(path.join(outside, 'page.html'), 'not the drive\'s');
    const articles = path.join(copy, EDITION_FOLDER, 'data', 'a');
    cpSync(articles, path.join(outside, 'a-before'), { recursive: true });
    // Someone's machine made the articles' folder and the page links to a folder of its own.
    rmSync(articles, { recursive: true });
    symlinkSync(outside, articles);
    rmSync(path.join(copy, EDITION_PAGE));
    symlinkSync(path.join(outside, 'page.html'), path.join(copy, EDITION_PAGE));
    const again = await changmun(['build', CONTENT_SAMPLE, '--out', copy, '--no-app', '--no-launchers', '--browser-edition', ui]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('브라우저판 Browser edition:');
    expect(readdirSync(outside).sort()).toEqual(['a-before', 'keep.txt', 'page.html']);
    expect(readFileSync(path.join(outside, 'page.html'), 'utf8')).toBe('not the drive\'s');
    expect(lstatSync(articles).isDirectory()).toBe(true);
    expect(lstatSync(path.join(copy, EDITION_PAGE)).isFile()).toBe(true);
    expect(readdirSync(articles).sort()).toEqual(readdirSync(path.join(outside, 'a-before')).sort());
  });
});

describe('the bundle runs in Chromium 80 and Firefox 78', () => {
  it('parses as ECMAScript 2020, one classic script with nothing to fetch later and no Node stand-ins', () => {
    const code = readFileSync(path.join(ui, 'changmun.js'), 'utf8');
    expect(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    // What ES2021+ would add, had the syntax check been too lenient: ??=, ||=, &&=, 1_000, #private.
    expect(() => parse('a ??= 1', { ecmaVersion: 2020 })).toThrow();
    expect(() => parse('class A { #x = 1 }', { ecmaVersion: 2020 })).toThrow();
    // Vite's stand-in for a Node module means a Node import reached the page's code.
    expect(code).not.toContain('__vite-browser-external');
    // The book reader here is the text one: epub.js stays out of the edition.
    expect(code).not.toMatch(/epubjs|ePub\(/);
    // One script, no chunks; fonts and the stylesheet beside it.
    expect(readdirSync(ui).sort()).toEqual(['changmun.css', 'changmun.js', 'fonts']);
  });

  it('calls no built-in newer than Chromium 80 / Firefox 78 but the two it brings (renderer/src/page-compat.ts)', () => {
    const code = readFileSync(path.join(ui, 'changmun.js'), 'utf8');
    // Methods and statics of ES2021–2025 and the web platform since (MDN: Chromium / Firefox versions).
    const methods = ['at', 'replaceAll', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'isWellFormed', 'toWellFormed', 'symmetricDifference', 'isSubsetOf'];
    const statics = ['Object.hasOwn', 'Object.groupBy', 'Map.groupBy', 'Promise.any', 'Promise.withResolvers', 'Array.fromAsync', 'structuredClone', 'WeakRef', 'FinalizationRegistry', 'AggregateError', 'Intl.Segmenter', 'AbortSignal.timeout', 'AbortSignal.any'];
    const used = [
      ...methods.filter((m) => new RegExp(`\\.${m}\\(`).test(code)),
      ...statics.filter((n) => new RegExp(`(^|[^.\\w$])${n.replace('.', '\\.')}\\b`).test(code)),
    ];
    expect(used.sort()).toEqual(['Object.hasOwn', 'at']);
  });
});

describe('the browser edition opened from file:// (Chromium, no server)', () => {
  it('lists the library; 로동 finds the South Korean article, and the hit opens marked', async () => {
    const page = await openEdition();
    await expect(page.locator('body').innerText()).resolves.toContain('창문 견본 서재');
    await page.screenshot({ path: screenshotPath('edition-library') });
    await search(page, '로동');
    // The initial-sound rule, as in the app: 로동 finds 노동 in the haenyeo article.
    await expect(resultFor(page, '제주 해녀').count()).resolves.toBe(1);
    const wonsan = resultFor(page, '원산 총파업');
    await expect(wonsan.count()).resolves.toBe(1);
    await expect(wonsan.locator('mark').first().innerText()).resolves.toMatch(/^로동/);
    await page.screenshot({ path: screenshotPath('edition-search-rodong') });
    await resultFor(page, '제주 해녀').locator('a.hit').first().click();
    const marks = page.locator('article.cm-r-article mark.cm-r-mark');
    await marks.first().waitFor({ timeout: 15_000 });
    expect((await marks.allInnerTexts()).some((m) => m.startsWith('노동'))).toBe(true);
    await page.screenshot({ path: screenshotPath('edition-article-hit') });
    // The PC's browser keeps every address in its history: the page's stays Changmun.html, with no
    // searched word and no item's path in it, and Back still goes back to the results.
    expect(page.url()).toBe(pathToFileURL(path.join(drive, EDITION_PAGE)).href);
    await page.goBack();
    await resultFor(page, '원산 총파업').waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(pathToFileURL(path.join(drive, EDITION_PAGE)).href);
    await page.close();
  });

  it('searches and opens as well in a browser without the built-ins Chromium 80 lacks (.at, Object.hasOwn)', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.addInitScript(() => {
      for (const proto of [Array.prototype, String.prototype, Object.getPrototypeOf(Uint8Array.prototype) as object]) delete (proto as { at?: unknown }).at;
      delete (Object as { hasOwn?: unknown }).hasOwn;
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(drive, EDITION_PAGE)).href);
    await page.locator('.item-grid, .item-list, [role="grid"], [role="list"]').first().waitFor({ timeout: 30_000 });
    await search(page, '로동자들은');
    await expect(resultFor(page, '원산 총파업').count()).resolves.toBe(1);
    await resultFor(page, '원산 총파업').locator('a.hit').first().click();
    await page.locator('article.cm-r-article mark.cm-r-mark').first().waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a line of dialogue opens the film paused at that line, with its subtitles, and plays from there', async () => {
    const page = await openEdition();
    await search(page, 'fishing boat compass');
    await resultFor(page, 'lighthouse').locator('a.hit').first().click();
    const video = page.locator('video');
    await video.waitFor();
    await page.waitForFunction(() => {
      const v = document.querySelector('video');
      return !!v && v.readyState >= 1 && v.currentTime > 0;
    }, undefined, { timeout: 20_000 });
    const at = await video.evaluate((v: HTMLVideoElement) => ({ t: v.currentTime, paused: v.paused, src: v.currentSrc }));
    expect(at.src).toMatch(/^file:\/\/.*\/library\/films\/the-lighthouse-keeper\.mp4$/);
    expect(at.t).toBeGreaterThanOrEqual(24.9);
    expect(at.t).toBeLessThan(26);
    expect(at.paused).toBe(true);
    await expect(page.locator('body').innerText()).resolves.toMatch(/compass/i);
    const playHere = page.locator('button.cm-r-bigplay');
    await expect(playHere.innerText()).resolves.toContain('이 대사부터 재생');
    await page.screenshot({ path: screenshotPath('edition-film-dialogue-hit-paused') });
    await playHere.click();
    await page.waitForFunction(() => !document.querySelector('video')!.paused, undefined, { timeout: 10_000 });
    const t = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    expect(t).toBeGreaterThanOrEqual(24.9);
    await page.screenshot({ path: screenshotPath('edition-film-playing') });
    await page.close();
  });

  it('a film with a Korean name plays from the drive, with its CP949 SAMI subtitles in the transcript', async () => {
    const page = await openEdition();
    await page.goto(`${pathToFileURL(path.join(drive, EDITION_PAGE)).href}#/read/${encodeURIComponent('films/바다의 편지.mp4')}`);
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, undefined, { timeout: 20_000 });
    expect(decodeURIComponent(await page.locator('video').evaluate((v: HTMLVideoElement) => v.currentSrc))).toMatch(/\/library\/films\/바다의 편지\.mp4$/);
    await page.getByText('바다는 날마다 우리에게 편지를 보낸다.').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('edition-film-korean-name') });
    await page.close();
  });

  it('a book hit opens the chapter as text, the words marked', async () => {
    const page = await openEdition();
    await search(page, '점순이가');
    const book = resultFor(page, '동백꽃');
    await expect(book.count()).resolves.toBe(1);
    await book.locator('a.hit').first().click();
    const marks = page.locator('mark.cm-r-mark');
    await marks.first().waitFor({ timeout: 20_000 });
    expect((await marks.allInnerTexts()).some((m) => m.startsWith('점순'))).toBe(true);
    await expect(page.locator('iframe').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('edition-book-text') });
    await page.close();
  });

  it('the panic key (Escape twice) leaves for a blank page, the item\'s address gone', async () => {
    const page = await openEdition();
    await search(page, '로동');
    await resultFor(page, '원산 총파업').locator('a.hit').first().click();
    await page.locator('mark.cm-r-mark').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL('about:blank', { timeout: 5000 });
    expect((await page.evaluate(() => document.body?.innerText ?? '')).trim()).toBe('');
    await page.close();
  });

  it('a hostile article runs nothing, and no page asked for anything but the drive\'s own files', async () => {
    const page = await openEdition();
    await page.goto(`${pathToFileURL(path.join(drive, EDITION_PAGE)).href}#/read/${encodeURIComponent('articles/daily-life/안전한-읽기.html')}`);
    await page.locator('article.cm-r-article').filter({ hasText: '안전' }).waitFor({ timeout: 15_000 });
    await page.mouse.click(500, 400);
    expect(await page.evaluate(() => (window as unknown as { __changmunPwned?: unknown }).__changmunPwned)).toBeUndefined();
    await expect(page.locator('article.cm-r-article iframe, article.cm-r-article script, object, embed').count()).resolves.toBe(0);
    await page.close();
    expect(requests.length).toBeGreaterThan(0);
    const driveUrl = pathToFileURL(drive).href;
    expect(requests.filter((u) => !u.startsWith(`${driveUrl}/`) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  });

  it('an index fragment changed on the drive costs its segment: titles are still found, and the library says the search data is damaged', async () => {
    const copy = path.join(path.dirname(drive), 'tampered-index');
    cpSync(drive, copy, { recursive: true });
    const folder = path.join(copy, EDITION_FOLDER);
    const library = JSON.parse(dataOf(path.join(folder, 'data', 'library.js'))[1]) as EditionLibrary;
    const text = library.index!.files.findIndex((f) => f.kind === 'text');
    const script = path.join(folder, 'data', 'i', `${text}-0.js`);
    // South Korean spelling put into the stored text, where a query would find it and a snippet show it.
    writeFileSync(script, readFileSync(script, 'utf8').replace('로동', '노동'));
    const page = await openEdition(copy);
    await page.locator('#search-box').fill('로동');
    await page.locator('article.result').first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.querySelectorAll('article.result').length === 2, undefined, { timeout: 20_000 });
    const titles = await page.locator('article.result .result-title').allInnerTexts();
    // Found by their titles only: 원산 총파업 and 김장철 이야기 name 로동; the haenyeo article (노동 in its text) is not found.
    expect(titles.every((t) => t.includes('로동'))).toBe(true);
    await expect(page.locator('article.result .hit-snippet').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('edition-tampered-index') });
    await page.locator('a.brand').click();
    await page.getByText('열 수 없는 파일 1개').first().waitFor({ timeout: 15_000 });
    await page.getByText('열 수 없는 파일 1개').first().click();
    await page.getByText('찾기 색인을 만들지 못했습니다. 제목으로는 찾을 수 있습니다.').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('edition-tampered-index-problems') });
    await page.close();
  });

  it('a library.js that is not a library: the page says the library could not be read, with no error thrown in it', async () => {
    const copy = path.join(path.dirname(drive), 'garbled');
    cpSync(drive, copy, { recursive: true });
    writeFileSync(path.join(copy, EDITION_FOLDER, 'data', 'library.js'), `${DATA_CALLBACK}("library","{\\"format\\":1,\\"items\\":7}");\n`);
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(copy, EDITION_PAGE)).href);
    await page.getByText('서재를 읽지 못했습니다').first().waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.screenshot({ path: screenshotPath('edition-garbled-library') });
    await page.close();
  });

  it('a data script changed on the drive is refused, and the rest of the library still opens', async () => {
    // A copy of the drive where someone edited one article's script (a watermark, an injection).
    const copy = path.join(path.dirname(drive), 'tampered');
    cpSync(drive, copy, { recursive: true });
    const folder = path.join(copy, EDITION_FOLDER);
    const library = JSON.parse(dataOf(path.join(folder, 'data', 'library.js'))[1]) as EditionLibrary;
    const ref = library.articles[Object.keys(library.articles).find((p) => p.includes('원산'))!]!;
    const script = path.join(folder, 'data', 'a', `${ref.n}.js`);
    writeFileSync(script, readFileSync(script, 'utf8').replace('원산', '웬산'));
    const page = await openEdition(copy);
    await search(page, '로동');
    await resultFor(page, '원산 총파업').locator('a.hit').first().click();
    // The reader says it cannot open that file, and shows none of the changed text.
    const error = page.locator('.cm-r-error[role="alert"]');
    await error.waitFor({ timeout: 15_000 });
    await expect(error.innerText()).resolves.toContain('원산');
    await expect(page.locator('body').innerText()).resolves.not.toContain('웬산');
    await page.screenshot({ path: screenshotPath('edition-tampered-article') });
    // Another article opens as usual.
    await page.goBack();
    await resultFor(page, '제주 해녀').locator('a.hit').first().click();
    await page.locator('article.cm-r-article mark.cm-r-mark').first().waitFor({ timeout: 15_000 });
    await page.close();
  });
});

describe('the browser edition in Firefox ESR (Debian), opened from file://', () => {
  it('finds 로동 and opens the hit marked; a line of dialogue opens the film paused there, and it plays', async () => {
    const page = pathToFileURL(path.join(drive, EDITION_PAGE)).href;
    const q = (words: string) => `${page}#/search?q=${encodeURIComponent(words)}`;
    const clickHit = (title: string) => `[...document.querySelectorAll('article.result')].find((r) => r.querySelector('.result-title').textContent.includes(${JSON.stringify(title)})).querySelector('a.hit').click()`;
    const values = await inFirefox([
      { go: q('로동') },
      { wait: "document.querySelectorAll('article.result').length > 0" },
      { eval: "[...document.querySelectorAll('article.result .result-title')].map((e) => e.textContent)" },
      { shot: screenshotPath('edition-firefox-search') },
      { eval: clickHit('제주 해녀') },
      { wait: "document.querySelector('article.cm-r-article mark.cm-r-mark')" },
      { eval: "[...document.querySelectorAll('article.cm-r-article mark.cm-r-mark')].map((m) => m.textContent)" },
      { go: q('fishing boat compass') },
      { wait: "document.querySelectorAll('article.result').length > 0" },
      { eval: clickHit('Lighthouse') },
      { wait: "(() => { const v = document.querySelector('video'); return v && v.readyState >= 1 && v.currentTime > 0; })()" },
      { eval: "(() => { const v = document.querySelector('video'); return { t: v.currentTime, paused: v.paused, src: v.currentSrc, button: document.querySelector('button.cm-r-bigplay').textContent }; })()" },
      { shot: screenshotPath('edition-firefox-film') },
      { eval: "document.querySelector('button.cm-r-bigplay').click()" },
      { wait: "!document.querySelector('video').paused", timeout: 10_000 },
      { eval: 'document.querySelector(\'video\').currentTime' },
    ]);
    const [titles, , marked, , film, , played] = values as [string[], unknown, string[], unknown, { t: number; paused: boolean; src: string; button: string }, unknown, number];
    expect(titles.some((t) => t.includes('원산 총파업'))).toBe(true);
    expect(titles.some((t) => t.includes('제주 해녀'))).toBe(true);
    expect(marked.some((m) => m.startsWith('노동'))).toBe(true);
    expect(film.src).toMatch(/\/library\/films\/the-lighthouse-keeper\.mp4$/);
    expect(film.t).toBeGreaterThanOrEqual(24.9);
    expect(film.t).toBeLessThan(26);
    expect(film.paused).toBe(true);
    expect(film.button).toContain('이 대사부터 재생');
    expect(played).toBeGreaterThanOrEqual(24.9);
  });
});
