// The app's side of the drive check: LibraryService runs the quick check at start in a worker thread
// and answers getDriveCheck() with what the recipient's screen shows.
import { appendFileSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDrive } from '../main/core/drive-build/build.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { LibraryService } from '../main/core/library-service.js';
import type { DriveCheckResult } from '../main/core/manifest/check.js';
import { displayFingerprint, writeKeyPair } from '../main/core/manifest/keys.js';
import { summariseForApp } from '../main/core/manifest/startup-check.js';
import type { DriveCheck } from '../main/api.js';
import { copySample, removeTemps, tempDir } from './helpers/volunteer.js';

let tmp: string;
let fingerprint: string;

async function signedDrive(name: string, key?: string): Promise<string> {
  const content = copySample(path.join(tmp, `${name}-content`));
  const drive = path.join(tmp, name);
  const summary = await buildDrive({ content, out: drive, keyFile: key, appDist: false, launchers: false, workers: 1 });
  if (summary.signature.signed) fingerprint = summary.signature.fingerprint;
  return drive;
}

async function checkWithService(drive: string): Promise<{ first: DriveCheck; final: DriveCheck }> {
  const service = new LibraryService(resolveLibraryFolder(drive), { workers: 1 });
  try {
    const first = await service.getDriveCheck();
    await service.driveChecked;
    return { first, final: await service.getDriveCheck() };
  } finally {
    await service.close();
  }
}

let key: string;
beforeAll(async () => {
  tmp = tempDir('changmun-app-check-');
  key = path.join(tmp, 'group.key');
  await writeKeyPair(key);
});
afterAll(() => removeTemps());

describe('the drive check at start (LibraryService.getDriveCheck)', () => {
  it('says "checking" at first, then that the drive is as signed, and who signed it', async () => {
    const drive = await signedDrive('intact', key);
    const { first, final } = await checkWithService(drive);
    expect(first.state).toBe('checking');
    expect(final).toMatchObject({
      state: 'intact',
      signature: 'valid',
      signer: { fingerprint, display: displayFingerprint(fingerprint) },
      counts: { changed: 0, missing: 0, added: 0, damaged: 0 },
      unverified: 0,
    });
    expect(final.signedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('names the file another computer changed after signing, and one gone and one added', async () => {
    const drive = await signedDrive('changed', key);
    // Some systems append a mark to media files on any stick they see.
    appendFileSync(path.join(drive, 'library', 'films', '바다의 편지.mp4'), Buffer.from('WATERMARK-PC-0042'));
    unlinkSync(path.join(drive, 'library', 'articles', 'history', 'titanic.jpg'));
    writeFileSync(path.join(drive, 'library', 'articles', 'tracking.txt'), 'added after signing');
    const { final } = await checkWithService(drive);
    expect(final.state).toBe('changed');
    expect(final.signature).toBe('valid');
    expect(final.counts).toEqual({ changed: 1, missing: 1, added: 1, damaged: 0 });
    expect(final.changed).toEqual(['library/films/바다의 편지.mp4']);
    expect(final.missing).toEqual(['library/articles/history/titanic.jpg']);
    expect(final.added).toEqual(['library/articles/tracking.txt']);
    expect(final.signer?.display).toBe(displayFingerprint(fingerprint));
  });

  it('says when the signed list itself was changed', async () => {
    const drive = await signedDrive('forged', key);
    const file = path.join(drive, '.changmun', 'manifest.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"generator": "changmun"', '"generator": "someone else"'));
    const { final } = await checkWithService(drive);
    expect(final).toMatchObject({ state: 'intact', signature: 'invalid' });
  });

  it('says nobody vouches for an unsigned drive, and says nothing for a plain folder', async () => {
    const unsigned = await signedDrive('unsigned');
    expect((await checkWithService(unsigned)).final).toMatchObject({ state: 'unknown', unknownBecause: 'unsigned', signature: 'unsigned' });
    const folder = copySample(path.join(tmp, 'folder'));
    expect((await checkWithService(folder)).final).toMatchObject({ state: 'none' });
  });

  it('leaves out the derived data the app may rebuild itself, and keeps lists short', () => {
    const finding = (p: string, area: 'library' | 'data') => ({ path: p, area });
    const result: DriveCheckResult = {
      mode: 'quick', checkedAt: '', manifest: 'ok', signature: { status: 'valid', trust: 'unchecked', fingerprint: 'a'.repeat(64), display: 'AAAA AAAA AAAA AAAA AAAA' },
      files: { listed: 1, present: 1, hashed: 1, hashedBytes: 1 },
      modified: [finding('.changmun/index/catalog-1.json', 'data'), ...Array.from({ length: 250 }, (_, i) => finding(`library/m${i}.mp4`, 'library'))],
      missing: [finding('.changmun/index/shard-1-0.txt', 'data')],
      added: [finding('.changmun/index/shard-2-0.txt', 'data')],
      damaged: [], unverified: [], ignored: [], verdict: 'failed',
    };
    const app = summariseForApp(result);
    expect(app.counts).toEqual({ changed: 250, missing: 0, added: 0, damaged: 0 });
    expect(app.changed).toHaveLength(200);
    expect(app.state).toBe('changed');
  });
});
