// A recipient's session, end to end, as a plain Node program that tests start under other programs
// (`unshare -n` and `strace` for "no network", fresh HOME/XDG/TMPDIR for "no trace"):
//   node tests/hostile/session-driver.mjs <config.json>
// It starts `changmun preview --index-on-drive` (the app: the same back end and UI as the desktop shell, the index where the app keeps it), opens the
// UI in Debian's Chromium with the shell's own Chromium switches, waits for the index, searches,
// opens items (hostile ones among them) and plays a film, then prints one JSON report on stdout.
//
// config: {
//   library: string,             the library folder
//   out: string,                 this run's folder (Chromium's profile goes here: the instrument's)
//   chromium?: string,           default /usr/bin/chromium
//   appEnv?: object,             environment of the app (default: this process's)
//   appPrefix?: string[],        a command to run the app under (strace …)
//   searches?: string[],         typed into the search box, one after another
//   open?: string[],             library paths opened in the reader, in order
//   screenshots?: boolean
// }
// Built code only (build/main/…): the tests run after `npm run build`.
/* global document -- the functions given to page.waitForFunction run in the page */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const report = { url: '', switches: [], steps: [], pwned: [], requests: [], offMachine: [], pageErrors: [], timings: {}, errors: [] };
const started = Date.now();
const log = (s) => process.stderr.write(`[session ${((Date.now() - started) / 1000).toFixed(1)} s] ${s}\n`);

/**
 * The Electron shell's own switches (main/electron/policy.ts), plus what headless Debian Chromium
 * needs to run here. One change: the preview is http://127.0.0.1, which `MAP * ~NOTFOUND` would
 * refuse too (the shell serves app:// and resolves no host at all), so 127.0.0.1 is excluded.
 */
async function chromiumSwitches() {
  let shell;
  try {
    ({ CHROMIUM_SWITCHES: shell } = await import(path.join(REPO, 'build', 'main', 'electron', 'policy.js')));
  } catch (e) {
    throw new Error(`changmun session: the shell's switch list (build/main/electron/policy.js) is missing; run npm run build (${e.message})`, { cause: e });
  }
  const fromShell = shell.map(([name, value]) =>
    name === 'host-resolver-rules' ? `--${name}=${value}, EXCLUDE 127.0.0.1` : value === undefined ? `--${name}` : `--${name}=${value}`,
  );
  // What the tests' Chromium always gets (tests/helpers/browser.ts): headless, and the Chrome
  // services Electron does not have (sync, component updates, first-run pages) kept off.
  const headless = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-quic',
    '--autoplay-policy=no-user-gesture-required'];
  return [...headless, ...fromShell];
}

function startPreview() {
  const prefix = config.appPrefix ?? [];
  const command = [...prefix, process.execPath, path.join(REPO, 'bin', 'changmun.js'), 'preview', config.library, '--no-open', '--index-on-drive', '--port', '0'];
  // A process group of its own: stopping it reaches the app even under a prefix (strace blocks
  // SIGINT for itself and would not pass it on).
  const child = spawn(command[0], command.slice(1), { env: config.appEnv ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString()));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`preview exited (${code}) before printing its URL: ${stderr}`)));
    setTimeout(() => reject(new Error(`preview printed no URL in 60 s: ${stderr}`)), 60_000).unref();
  });
  return { child, url, exited, stderr: () => stderr };
}

async function pwnedFlags(page) {
  const found = [];
  for (const frame of page.frames()) {
    try {
      const v = await frame.evaluate(() => globalThis.__changmunPwned);
      if (v !== undefined) found.push({ frame: frame.url(), value: String(v) });
    } catch {
      // A frame without scripts (the book's sandboxed iframe) cannot be asked: nothing ran there either.
    }
  }
  return found;
}

async function waitForIndex(page) {
  for (let i = 0; i < 600; i++) {
    const status = await page.evaluate(async () => {
      const r = await fetch('api/getIndexStatus', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' });
      return r.json();
    });
    if (status.complete) return status;
    await page.waitForTimeout(250);
  }
  throw new Error('the index did not complete in 150 s');
}

async function openItem(page, url, itemPath) {
  const t0 = Date.now();
  await page.goto(`${url}#/read/${encodeURIComponent(itemPath)}`);
  const kind = /\.(html?|xhtml|md|markdown|txt)$/i.test(itemPath) ? 'article' : /\.epub$/i.test(itemPath) ? 'book' : 'video';
  if (kind === 'article') {
    await page.locator('article.cm-r-article').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => (document.querySelector('article.cm-r-article')?.textContent ?? '').trim().length > 0, undefined, { timeout: 30_000 });
  } else if (kind === 'book') {
    await page.locator('.cm-r-book-frame iframe').first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('.cm-r-book-stage')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 30_000 });
  } else {
    await page.locator('video, .cm-r-transcript').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 4) >= 1, undefined, { timeout: 30_000 });
    // Played for a second, through a seek: the bytes come as Range requests.
    await page.evaluate(async () => {
      const v = document.querySelector('video');
      if (!v) return;
      v.currentTime = Math.min(5, v.duration / 2 || 0);
      await v.play();
    });
    await page.waitForFunction(() => {
      const v = document.querySelector('video');
      return !v || (!v.paused && v.currentTime > 1);
    }, undefined, { timeout: 30_000 });
  }
  // Whatever a person would do: move over everything, click, tab, turn pages.
  await page.mouse.move(300, 300);
  await page.mouse.move(600, 500, { steps: 10 });
  await page.mouse.click(500, 400);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  if (kind === 'book') for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(1000);
  const links = page.locator('article.cm-r-article a');
  const count = Math.min(await links.count(), 8);
  for (let i = 0; i < count; i++) await links.nth(i).click({ timeout: 2000, noWaitAfter: true }).catch(() => undefined);
  await page.waitForTimeout(500);
  const pwned = await pwnedFlags(page);
  report.pwned.push(...pwned.map((p) => ({ item: itemPath, ...p })));
  report.steps.push({ step: 'open', item: itemPath, kind, ms: Date.now() - t0, pwned: pwned.length });
  log(`opened ${itemPath} (${kind})`);
}

async function main() {
  mkdirSync(config.out, { recursive: true });
  const preview = startPreview();
  const url = await preview.url;
  report.url = url;
  log(`preview at ${url}`);
  report.switches = await chromiumSwitches();
  const context = await chromium.launchPersistentContext(path.join(config.out, 'chromium-profile'), {
    executablePath: config.chromium ?? '/usr/bin/chromium',
    args: report.switches,
    headless: true,
    viewport: { width: 1024, height: 768 },
  });
  try {
    context.on('request', (r) => report.requests.push(r.url()));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => report.pageErrors.push(`${page.url().split('#')[1] ?? ''}: ${String(e).slice(0, 300)}`));
    let t0 = Date.now();
    await page.goto(url);
    await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
    report.timings.firstCardMs = Date.now() - t0;
    t0 = Date.now();
    const status = await waitForIndex(page);
    report.timings.indexMs = Date.now() - t0;
    report.steps.push({ step: 'index', total: status.total });
    log(`index complete: ${status.total} files`);
    for (const q of config.searches ?? []) {
      await page.goto(url);
      await page.locator('.item-card').first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('/');
      const t1 = Date.now();
      await page.locator('#search-box').fill(q);
      await page.locator('article.result').first().waitFor({ timeout: 30_000 });
      const results = await page.locator('article.result').count();
      report.steps.push({ step: 'search', query: q, results, ms: Date.now() - t1 });
      log(`searched ${q}: ${results} results`);
      if (config.screenshots) await page.screenshot({ path: path.join(config.out, `search-${report.steps.length}.png`) });
    }
    for (const item of config.open ?? []) {
      await openItem(page, url, item);
      if (config.screenshots) await page.screenshot({ path: path.join(config.out, `open-${report.steps.length}.png`) });
    }
    report.pwned.push(...(await pwnedFlags(page)).map((p) => ({ item: 'end', ...p })));
  } catch (e) {
    report.errors.push(String(e?.stack ?? e).slice(0, 2000));
    const page = context.pages()[0];
    if (page) {
      report.failure = { url: page.url(), text: (await page.locator('body').innerText().catch(() => '')).slice(0, 1000) };
      await page.screenshot({ path: path.join(config.out, 'failure.png') }).catch(() => undefined);
    }
  } finally {
    await context.close().catch((e) => report.errors.push(`closing Chromium: ${e}`));
    process.kill(-preview.child.pid, 'SIGINT');
    const killer = setTimeout(() => process.kill(-preview.child.pid, 'SIGKILL'), 20_000);
    const exit = await preview.exited;
    clearTimeout(killer);
    report.previewExit = exit;
    if (exit.code !== 0) report.errors.push(`preview exited ${JSON.stringify(exit)}: ${preview.stderr().slice(-2000)}`);
  }
  report.offMachine = report.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:|about:)/.test(u));
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exitCode = report.errors.length > 0 ? 1 : 0;
}

main().catch((e) => {
  report.errors.push(String(e?.stack ?? e));
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exitCode = 1;
});
