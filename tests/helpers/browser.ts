// End-to-end helpers: the preview server as a volunteer starts it, and Debian's Chromium driven by
// playwright-core with the switches that keep it off the network (FIELD-NOTES).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './paths.js';

export const CHROMIUM = process.env.CHANGMUN_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(REPO_ROOT, 'tests', 'out', 'screenshots');

/**
 * Features playwright turns off itself (its chromiumSwitches.ts), repeated here: Chromium reads only
 * the last --disable-features on its command line, so ours must carry playwright's too.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay',
  'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'OptimizationHints',
  'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
];

/**
 * The switches the Electron shell also uses: no background traffic, no DNS. What Chromium asks for
 * by itself was read off its net log on an empty page (tests/book-network.test.ts checks it stays
 * empty): without the last two switches it asks update.googleapis.com (the on-device model
 * manifest, on demand, which --disable-component-update does not stop) and accounts.google.com
 * (ListAccounts, at every start); sent to port 1, which Chromium refuses to open, they end before
 * any lookup or socket.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-pings',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'Translate', 'DialMediaRouteProvider', 'AutofillServerCommunication'].join(',')}`,
  '--component-updater=url-source=http://127.0.0.1:1/',
  '--gaia-url=http://127.0.0.1:1/',
  // Literal 127.0.0.1 would be refused too without the exclusion.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--autoplay-policy=no-user-gesture-required',
];

/** Chromium with CHROMIUM_ARGS, and `extraArgs` for this launch only (a net log, say). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`changmun tests: Chromium not found at ${CHROMIUM}; .ci/run installs Debian's chromium (apt-get install chromium).`);
  }
  // playwright gives every launch a fresh, temporary profile of its own.
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface Preview {
  url: string;
  child: ChildProcess;
  stop(): Promise<number | null>;
}

/** `changmun preview <folder> --no-open --port 0`; resolves with the URL it prints first. */
export async function startPreview(folder: string, env: NodeJS.ProcessEnv = process.env): Promise<Preview> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'changmun.js'), 'preview', folder, '--no-open', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`preview exited (${code}) before printing its URL: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

/** Waits until the preview's index is complete (from then on, search answers are whole). */
export async function waitForIndexComplete(page: Page, timeoutMs = 120_000): Promise<void> {
  const ask = `fetch('api/getIndexStatus', { method: 'POST', body: '[]', headers: { 'Content-Type': 'application/json' } }).then((r) => r.json()).then((s) => s.complete === true)`;
  const until = Date.now() + timeoutMs;
  while (!((await page.evaluate(ask)) as boolean)) {
    if (Date.now() > until) throw new Error(`changmun tests: the index was not complete after ${timeoutMs / 1000} s`);
    await page.waitForTimeout(500);
  }
}

/** Waits until the book reader has its first page on screen (its page area no longer busy). */
export async function waitForBookReady(page: Page): Promise<void> {
  await page.locator('.cm-r-book-stage[aria-busy="false"]').waitFor({ timeout: 30_000 });
}
