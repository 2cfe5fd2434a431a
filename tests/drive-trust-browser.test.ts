// Issue 12 §4 on screen, in Chromium through the preview: a built drive whose manifest and signature
// were deleted shows "nobody vouches for this drive"; places remembered on the drive by an earlier
// session are offered, not used, and once the person continues, every screen says the app is
// remembering on this drive, with a way to turn it off. Screenshots in tests/out/screenshots.
import { existsSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildDrive } from '../main/core/drive-build/build.js';
import { writeKeyPair } from '../main/core/manifest/keys.js';
import { StateStore, stateDir } from '../main/core/state/index.js';
import { launchBrowser, screenshotPath, startPreview, type Preview } from './helpers/browser.js';
import { copySample, removeTemps, tempDir } from './helpers/volunteer.js';

let preview: Preview;
let browser: Browser;
let drive: string;

beforeAll(async () => {
  const tmp = tempDir('changmun-trust-');
  const key = path.join(tmp, 'group.key');
  await writeKeyPair(key);
  drive = path.join(tmp, 'DRIVE');
  await buildDrive({ content: copySample(path.join(tmp, 'content')), out: drive, keyFile: key, appDist: false, launchers: false, workers: 1 });
  // Whoever passed the stick on removed what vouched for it...
  unlinkSync(path.join(drive, '.changmun', 'manifest.json'));
  unlinkSync(path.join(drive, '.changmun', 'manifest.sig'));
  // ...and an earlier session had turned on "remember on this drive" and read a book.
  const earlier = await StateStore.open(path.join(drive, '.changmun'));
  await earlier.saveSettings({ language: 'ko', fontSize: 22, theme: 'dark', remember: true });
  await earlier.savePosition('books/동백꽃.epub', { at: 'epubcfi(/6/4!/4/2/1:0)', updatedAt: new Date().toISOString() });
  preview = await startPreview(drive);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await preview?.stop()).toBe(0);
  removeTemps();
});

async function openHome(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(preview.url);
  await page.locator('.item-grid, .item-list, [role="grid"], [role="list"]').first().waitFor({ timeout: 30_000 });
  return page;
}

describe('what the app says about the drive it runs from (preview + Chromium)', () => {
  it('a built drive without its manifest says, in plain Korean, that nobody vouches for it', async () => {
    const page = await openHome();
    const banner = page.locator('section.drive-check');
    await banner.waitFor({ timeout: 30_000 });
    await expect(banner.innerText()).resolves.toContain('누가 만든 드라이브인지 알 수 없습니다.');
    await expect(banner.innerText()).resolves.toMatch(/서명한 파일 목록이 없습니다/);
    // Clear, not an alarm: a status, in the information colours.
    await expect(banner.getAttribute('role')).resolves.toBe('status');
    await expect(banner.getAttribute('class')).resolves.toMatch(/banner--info/);
    await page.screenshot({ path: screenshotPath('drive-unknown') });
    await page.close();
  });

  it('places remembered on the drive are offered, not used; continuing shows it on every screen until turned off', async () => {
    const page = await openHome();
    const notice = page.locator('section.remembered-notice');
    await notice.waitFor({ timeout: 15_000 });
    await expect(notice.innerText()).resolves.toContain('이 드라이브에는 전에 읽던 자리 1곳이 기억되어 있습니다.');
    // Nothing of it is in use: not its dark theme, and no "remembering" sign.
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('light');
    await expect(page.locator('.remember-indicator').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('remember-found-notice') });

    await notice.getByRole('button', { name: '이 드라이브에 계속 기억하기' }).click();
    const indicator = page.locator('.remember-indicator');
    await indicator.waitFor({ timeout: 10_000 });
    await expect(notice.count()).resolves.toBe(0);
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    for (const route of ['#/settings', '#/help', '#/']) {
      await page.goto(`${preview.url}${route}`);
      await indicator.waitFor({ timeout: 10_000 });
      await expect(indicator.innerText(), route).resolves.toContain('이 드라이브에 기억하는 중');
    }
    await page.goto(`${preview.url}#/settings`);
    await expect(page.getByLabel('이 드라이브에 내 자리 기억하기').isChecked()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('remember-indicator') });

    await indicator.getByRole('button', { name: '이 드라이브에 기억하기 끄기' }).click();
    await indicator.waitFor({ state: 'detached', timeout: 10_000 });
    await expect(page.getByLabel('이 드라이브에 내 자리 기억하기').isChecked()).resolves.toBe(false);
    // Off means the drive keeps nothing: the state folder goes.
    await expect.poll(() => existsSync(stateDir(path.join(drive, '.changmun'))), { timeout: 10_000 }).toBe(false);
    await page.close();
  });
});
