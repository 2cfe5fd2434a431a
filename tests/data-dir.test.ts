// The one write guard for .changmun/ (issue 12 §1): a name read from a hostile drive, or a folder
// that is really a link to somewhere on the PC, never steers a write out of the drive's data folder.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir, DataDirError, isDataName } from '../main/core/drive/data-dir.js';
import { removeTree } from './hostile/corpus.js';

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-datadir-'));
});
afterAll(() => removeTree(tmp));

function freshDrive(name: string): { drive: string; data: DataDir; outside: string } {
  const drive = path.join(tmp, name, 'DRIVE');
  const outside = path.join(tmp, name, 'PC-home');
  mkdirSync(drive, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(outside, 'keep.txt'), 'the PC owner\'s file');
  return { drive, data: new DataDir(path.join(drive, '.changmun')), outside };
}

describe('DataDir, the write guard for .changmun/', () => {
  it('refuses names that could leave the folder, before touching the disk', async () => {
    const { data, drive } = freshDrive('names');
    const bad = ['../x', 'index/../../x', '/etc/x', 'C:x', 'C:/x', 'a\\b', '.', '..', 'index/.', 'x:stream', '', 'index//x', '.hidden', 'a/b/c/d/e/f/g', 'x.', `${'a'.repeat(200)}`];
    for (const name of bad) {
      expect(isDataName(name), name).toBe(false);
      await expect(data.write(name, 'x'), name).rejects.toBeInstanceOf(DataDirError);
    }
    // Nothing was made, not even .changmun.
    expect(existsSync(path.join(drive, '.changmun'))).toBe(false);
    expect(isDataName('index/seg-12.json')).toBe(true);
  });

  it('writes atomically, making each folder one level at a time', async () => {
    const { data, drive } = freshDrive('writes');
    await data.write('index/manifest.json', '{"a":1}');
    await data.write('index/manifest.json', '{"a":2}');
    expect(readFileSync(path.join(drive, '.changmun', 'index', 'manifest.json'), 'utf8')).toBe('{"a":2}');
    expect(readdirSync(path.join(drive, '.changmun', 'index'))).toEqual(['manifest.json']);
    const file = await data.create('index/run-1-0.text');
    writeFileSync(file.fd, 'text');
    await expect(file.commit()).resolves.toBe(path.join(drive, '.changmun', 'index', 'run-1-0.text'));
  });

  it('never writes through a .changmun, an index folder or a state folder that is a link out of the drive', async () => {
    for (const [name, link] of [['root-link', '.changmun'], ['index-link', '.changmun/index'], ['state-link', '.changmun/state']] as const) {
      const { data, drive, outside } = freshDrive(name);
      mkdirSync(path.dirname(path.join(drive, link)), { recursive: true });
      symlinkSync(outside, path.join(drive, link), 'dir');
      const sub = link === '.changmun' ? 'index' : link.split('/')[1]!;
      await expect(data.write(`${sub}/manifest.json`, 'forged')).rejects.toBeInstanceOf(DataDirError);
      await expect(data.ensureDir(sub)).rejects.toBeInstanceOf(DataDirError);
      // Removing through the link is refused too: the PC owner's file stays.
      await expect(data.remove(`${sub}/keep.txt`)).rejects.toBeInstanceOf(DataDirError);
      expect(readdirSync(outside)).toEqual(['keep.txt']);
      expect(readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('the PC owner\'s file');
    }
  });

  it('replaces a link planted at the target name instead of writing through it, and removes a link as a link', async () => {
    const { data, drive, outside } = freshDrive('target-link');
    mkdirSync(path.join(drive, '.changmun', 'index'), { recursive: true });
    const target = path.join(drive, '.changmun', 'index', 'manifest.json');
    symlinkSync(path.join(outside, 'keep.txt'), target);
    await data.write('index/manifest.json', 'ours');
    expect(lstatSync(target).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('ours');
    expect(readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('the PC owner\'s file');

    symlinkSync(outside, path.join(drive, '.changmun', 'index', 'old'), 'dir');
    await data.remove('index/old');
    expect(existsSync(path.join(drive, '.changmun', 'index', 'old'))).toBe(false);
    expect(readdirSync(outside)).toEqual(['keep.txt']);
  });
});

describe('the volunteer build on a folder whose .changmun is a link to the PC', () => {
  it('`changmun build --in-place` refuses, and writes nothing into the linked folder', async () => {
    const { changmun, copySample } = await import('./helpers/volunteer.js');
    const base = path.join(tmp, 'build-link');
    const folder = copySample(path.join(base, 'content'));
    const outside = path.join(base, 'PC-home');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'keep.txt'), 'x');
    symlinkSync(outside, path.join(folder, '.changmun'), 'dir');
    const r = await changmun(['build', folder, '--in-place']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/\.changmun/);
    expect(readdirSync(outside)).toEqual(['keep.txt']);
  }, 120_000);
});
