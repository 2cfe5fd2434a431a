// Issue 12 §4, the unknown drive: a built drive whose manifest and signature were deleted is not a
// plain folder of content. Nobody vouches for what is on it, and the drive check says so (the
// banner shows it: tests/drive-trust-browser.test.ts); a folder that was never built still gets no
// banner at all.
import { existsSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDrive } from '../main/core/drive-build/build.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { LibraryService } from '../main/core/library-service.js';
import { writeKeyPair } from '../main/core/manifest/keys.js';
import type { DriveCheck } from '../main/api.js';
import { copySample, removeTemps, tempDir } from './helpers/volunteer.js';

let tmp: string;
let key: string;

beforeAll(async () => {
  tmp = tempDir('changmun-unknown-');
  key = path.join(tmp, 'group.key');
  await writeKeyPair(key);
});
afterAll(() => removeTemps());

async function signedDrive(name: string): Promise<string> {
  const content = copySample(path.join(tmp, `${name}-content`));
  const drive = path.join(tmp, name);
  await buildDrive({ content, out: drive, keyFile: key, appDist: false, launchers: false, workers: 1 });
  return drive;
}

async function finalCheck(folder: string, options: { indexed?: boolean } = {}): Promise<DriveCheck> {
  const service = new LibraryService(resolveLibraryFolder(folder), { workers: 1 });
  try {
    if (options.indexed) await service.ready;
    await service.driveChecked;
    return await service.getDriveCheck();
  } finally {
    await service.close();
  }
}

describe('a drive nobody vouches for', () => {
  it('a built drive whose manifest and signature were deleted is an unknown drive; a plain folder of content is not', async () => {
    const drive = await signedDrive('stripped');
    unlinkSync(path.join(drive, '.changmun', 'manifest.json'));
    unlinkSync(path.join(drive, '.changmun', 'manifest.sig'));
    expect(await finalCheck(drive)).toMatchObject({ state: 'unknown', unknownBecause: 'no-manifest', signature: 'unsigned' });
    // Never built: no banner, even after the app kept its own index in the loose folder.
    const folder = copySample(path.join(tmp, 'plain'));
    expect((await finalCheck(folder, { indexed: true })).state).toBe('none');
    expect(existsSync(path.join(folder, '.changmun', 'index', 'manifest.json'))).toBe(true);
    expect((await finalCheck(folder)).state).toBe('none');
  });

  it('so is one that kept only its index, or only a launcher at its root', async () => {
    const drive = await signedDrive('index-only');
    for (const f of ['manifest.json', 'manifest.sig', 'book-locations.json']) unlinkSync(path.join(drive, '.changmun', f));
    expect(await finalCheck(drive)).toMatchObject({ state: 'unknown', unknownBecause: 'no-manifest' });
    rmSync(path.join(drive, '.changmun'), { recursive: true });
    writeFileSync(path.join(drive, 'START.CMD'), '@echo off\r\n');
    expect(await finalCheck(drive)).toMatchObject({ state: 'unknown', unknownBecause: 'no-manifest' });
  });
});
