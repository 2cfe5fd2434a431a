// The drive check in detail: what quick mode reads and what it leaves, FAT clocks read in another
// time zone, manifests that try to point outside the drive, and the trusted-keys file.
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDrive } from '../main/core/manifest/check.js';
import { KeyError, readPrivateKey, readTrustedKeys, signBytes, verifyBytes, publicKeyOf, writeKeyPair, fingerprintOf } from '../main/core/manifest/keys.js';
import { createManifest, writeManifest } from '../main/core/manifest/manifest.js';
import { formatBar, formatDuration } from '../main/cli/progress-bar.js';
import { removeTemps, tempDir } from './helpers/volunteer.js';

let tmp: string;
let keyFile: string;

/** A small drive: library/ with `n` files of `size` bytes, signed. */
async function smallDrive(name: string, n: number, size = 1000): Promise<string> {
  const drive = path.join(tmp, name);
  mkdirSync(path.join(drive, 'library', 'films'), { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(path.join(drive, 'library', 'films', `film-${i}.mp4`), Buffer.alloc(size, i));
  const key = await readPrivateKey(keyFile);
  const { manifest } = await createManifest(drive, { signer: key });
  await writeManifest(drive, manifest, key);
  return drive;
}

function shiftTimes(drive: string, names: string[], ms: number): void {
  for (const n of names) {
    const f = path.join(drive, 'library', 'films', n);
    const t = statSync(f).mtimeMs + ms;
    utimesSync(f, t / 1000, t / 1000);
  }
}

beforeAll(async () => {
  tmp = tempDir('changmun-check-');
  keyFile = path.join(tmp, 'k.key');
  await writeKeyPair(keyFile);
});
afterAll(() => removeTemps());

describe('quick mode', () => {
  it('reads a sample, not everything, when sizes and times are as signed', async () => {
    const drive = await smallDrive('sample', 40);
    const trusted = await readTrustedKeys([`${keyFile}.pub`]);
    const r = await checkDrive(drive, { trusted, budget: { sampleFiles: 5, maxSampleFileBytes: 1 << 20, maxHashBytes: 1 << 20 } });
    expect(r.verdict).toBe('ok');
    expect(r.files.hashed).toBe(5);
    const full = await checkDrive(drive, { mode: 'full', trusted });
    expect(full.files.hashed).toBe(40);
  });

  it('takes a whole-hours shift of every time for the clock of a FAT stick in another time zone', async () => {
    const drive = await smallDrive('timezone', 6);
    shiftTimes(drive, Array.from({ length: 6 }, (_, i) => `film-${i}.mp4`), 9 * 3600 * 1000);
    const r = await checkDrive(drive, { budget: { sampleFiles: 2, maxSampleFileBytes: 1 << 20, maxHashBytes: 1 << 20 } });
    expect(r.clockShiftMinutes).toBe(540);
    expect(r.files.hashed).toBe(2);
    expect(r.modified).toEqual([]);
    expect(r.unverified).toEqual([]);
  });

  it('hashes the files whose time moved, and names those it had no budget left for', async () => {
    const drive = await smallDrive('moved', 6, 4000);
    shiftTimes(drive, ['film-1.mp4', 'film-2.mp4', 'film-3.mp4'], 12_345);
    const r = await checkDrive(drive, { budget: { sampleFiles: 0, maxSampleFileBytes: 0, maxHashBytes: 8000 } });
    expect(r.files.hashed).toBe(2);
    expect(r.unverified.map((f) => f.path)).toHaveLength(1);
    expect(r.verdict).toBe('incomplete');
    expect((await checkDrive(drive, { mode: 'full' })).unverified).toEqual([]);
  });
});

describe('manifests that are not what they seem', () => {
  it('refuses a manifest whose paths leave the drive', async () => {
    const drive = path.join(tmp, 'escape');
    mkdirSync(path.join(drive, '.changmun'), { recursive: true });
    const manifest = {
      kind: 'changmun-drive-manifest', format: 1, createdAt: '', generator: '', signer: null, excluded: [], totals: { files: 1, bytes: 1 },
      files: [{ path: '../../etc/passwd', size: 1, mtimeMs: 0, sha256: '0'.repeat(64) }],
    };
    writeFileSync(path.join(drive, '.changmun', 'manifest.json'), JSON.stringify(manifest));
    const r = await checkDrive(drive);
    expect(r).toMatchObject({ manifest: 'damaged', verdict: 'failed' });
    expect(r.manifestDetail).toContain('bad path');
  });

  it('says there is no manifest on a plain folder', async () => {
    const r = await checkDrive(path.join(tmp));
    expect(r).toMatchObject({ manifest: 'missing', verdict: 'failed' });
  });
});

describe('keys', () => {
  it('signs and checks bytes; one changed byte fails', async () => {
    const key = await readPrivateKey(keyFile);
    const bytes = Buffer.from('{"files":[]}');
    const sig = signBytes(bytes, key);
    expect(verifyBytes(bytes, sig, publicKeyOf(key))).toBe(true);
    bytes[3] = bytes[3]! ^ 1;
    expect(verifyBytes(bytes, sig, publicKeyOf(key))).toBe(false);
  });

  it('reads trusted keys as PEM public keys or whole fingerprints, and refuses short ones and private keys', async () => {
    const fp = fingerprintOf(publicKeyOf(await readPrivateKey(keyFile)));
    const list = path.join(tmp, 'trusted.txt');
    writeFileSync(list, `# our group\n${fp.match(/.{4}/g)!.join(' ')}  # spaced as people write it\n`);
    expect([...(await readTrustedKeys([list])).fingerprints.keys()]).toEqual([fp]);
    writeFileSync(list, `${fp.slice(0, 20)}\n`);
    await expect(readTrustedKeys([list])).rejects.toThrow(KeyError);
    await expect(readTrustedKeys([keyFile])).rejects.toThrow('not the private key');
    await expect(readPrivateKey(`${keyFile}.pub`)).rejects.toThrow(KeyError);
  });
});

describe('the progress bar', () => {
  it('shows counts, bytes and the time left, and shortens the file name to fit', () => {
    const line = formatBar('복사 Copying', { done: 3, total: 12, bytes: 256 * 1024 * 1024, totalBytes: 1024 * 1024 * 1024, current: 'films/아주-긴-이름의-영화-파일.mp4' }, 20_000, 100);
    expect(line).toContain('[█████░░░░░░░░░░░░░░░]  25%');
    expect(line).toContain('3/12');
    expect(line).toContain('256 MB/1.0 GB');
    expect(line).toContain('01:00 남음 left');
    expect(line.length).toBeLessThan(100);
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
});
