// Issue 16: `changmun preview` changes nothing on what it previews. A volunteer checking a finished,
// signed drive in the browser, or a folder of content before the build, leaves every file as it was:
// the index the preview needs is built in a temporary folder of this PC, removed when it stops, and
// `changmun verify` still passes afterwards.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { writeKeyPair } from '../main/core/manifest/keys.js';
import { launchBrowser, startPreview, waitForIndexComplete } from './helpers/browser.js';
import { changmun, copySample, removeTemps, tempDir } from './helpers/volunteer.js';

let tmp = '';
let browser: Browser;
let page: Page;

/** Every file under `dir` (relative path → SHA-256), folders as `name/`. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isDirectory()) {
        out.set(`${rel}/`, '');
        walk(p);
      } else out.set(rel, createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** The preview's own temporary folder (TMPDIR), so that other previews running meanwhile do not count. */
let previewTmp = '';
const scratchFolders = () => readdirSync(previewTmp);

/** Opens the folder in the preview, searches and opens what a volunteer would, and stops it. */
async function previewAndUse(folder: string): Promise<void> {
  const preview = await startPreview(folder, { ...process.env, TMPDIR: previewTmp });
  try {
    await page.goto(preview.url);
    await page.locator('.item-card').first().waitFor({ timeout: 60_000 });
    await waitForIndexComplete(page);
    await page.locator('#search-box').fill('노동');
    await page.locator('.result-list article.result').first().waitFor({ timeout: 20_000 });
    await page.goto(`${preview.url}#/read/${encodeURIComponent('articles/science/물의-순환.html')}`);
    await page.locator('article.cm-r-article').waitFor({ timeout: 20_000 });
  } finally {
    expect(await preview.stop()).toBe(0);
  }
}

beforeAll(async () => {
  tmp = tempDir('changmun-preview-off-drive-');
  previewTmp = path.join(tmp, 'pc-temp');
  mkdirSync(previewTmp);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  removeTemps();
});

describe('the preview changes nothing on what it previews', () => {
  it('a signed drive: every file as it was, and verify passes after the preview', async () => {
    const content = copySample(path.join(tmp, 'content'));
    const drive = path.join(tmp, 'DRIVE');
    const key = path.join(tmp, 'group.key');
    await writeKeyPair(key);
    const built = await changmun(['build', content, '--out', drive, '--key', key, '--no-app', '--no-launchers']);
    expect(built.code, built.stderr).toBe(0);
    const before = snapshot(drive);
    await previewAndUse(drive);
    expect(snapshot(drive)).toEqual(before);
    const verified = await changmun(['verify', drive, '--key', `${key}.pub`]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(scratchFolders()).toEqual([]);
  }, 240_000);

  it('a folder of content before the build: no .changmun appears, the index was built all the same', async () => {
    const content = copySample(path.join(tmp, 'plain'));
    const before = snapshot(content);
    expect(existsSync(path.join(content, '.changmun'))).toBe(false);
    await previewAndUse(content);
    expect(existsSync(path.join(content, '.changmun'))).toBe(false);
    expect(snapshot(content)).toEqual(before);
    expect(scratchFolders()).toEqual([]);
  }, 240_000);
});
