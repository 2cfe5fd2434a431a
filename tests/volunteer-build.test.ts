// The volunteer's drive, end to end through the real command: build content-sample into a temporary
// drive, verify it, tamper with it in the ways a drive meets in the field, and build it again.
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../main/core/drive-build/build.js';
import type { BookLocationsFile } from '../main/core/drive-build/book-locations.js';
import type { DriveCheckResult } from '../main/core/manifest/check.js';
import { writeKeyPair } from '../main/core/manifest/keys.js';
import type { DriveManifest } from '../main/core/manifest/manifest.js';
import { REPO_ROOT } from './helpers/paths.js';
import { changmun, changmunJson, copySample, removeTemps, tempDir } from './helpers/volunteer.js';

let tmp: string;
let content: string;
let drive: string;
let keyA: string;
let keyB: string;
let dist: string;
let launchers: string;
let built: BuildSummary;

const ARTICLE = 'articles/science/물의-순환.html';
const FILM = 'films/바다의 편지.mp4';

function buildArgs(extra: string[] = []): string[] {
  return ['build', content, '--out', drive, '--key', keyA, '--app', dist, '--launchers', launchers, ...extra];
}

async function verify(args: string[] = []): Promise<{ code: number | null; value: DriveCheckResult }> {
  return changmunJson<DriveCheckResult>(['verify', drive, '--key', `${keyA}.pub`, ...args]);
}

beforeAll(async () => {
  tmp = tempDir('changmun-volunteer-');
  content = copySample(path.join(tmp, 'content'));
  drive = path.join(tmp, 'DRIVE');
  keyA = path.join(tmp, 'keys', 'group-a.key');
  keyB = path.join(tmp, 'keys', 'group-b.key');
  mkdirSync(path.dirname(keyA));
  await writeKeyPair(keyA);
  await writeKeyPair(keyB);
  // What electron-builder --dir leaves in dist/, in miniature, and the launcher templates.
  dist = path.join(tmp, 'dist');
  // The legacy build (Electron 22, Windows 7/8.1 and 32-bit) is in dist/legacy/.
  for (const [dir, exe] of [['win-unpacked', 'Reader.exe'], ['linux-unpacked', 'reader'], ['legacy/win-unpacked', 'Reader.exe'], ['legacy/win-ia32-unpacked', 'Reader.exe']] as const) {
    mkdirSync(path.join(dist, dir, 'resources'), { recursive: true });
    writeFileSync(path.join(dist, dir, exe), `not really ${exe}`);
    writeFileSync(path.join(dist, dir, 'resources', 'app.asar'), 'asar');
  }
  chmodSync(path.join(dist, 'linux-unpacked', 'reader'), 0o755);
  launchers = path.join(tmp, 'launchers');
  mkdirSync(launchers);
  writeFileSync(path.join(launchers, 'Start.cmd'), '@echo off\r\nstart "" "%~dp0app\\win\\Reader.exe"\r\n');
  writeFileSync(path.join(launchers, 'start.sh'), '#!/bin/sh\nexec "$(dirname "$0")/app/linux/reader" "$@"\n');

  const r = await changmunJson<BuildSummary>(buildArgs());
  expect(r.code, r.stderr).toBe(0);
  built = r.value;
});
afterAll(() => removeTemps());

describe('changmun build', () => {
  it('copies the content into library/, indexes it, and copies the app and the launchers', () => {
    expect(built.mode).toBe('copy');
    expect(built.content?.copied).toBe(built.content?.files);
    expect(built.index).toMatchObject({ items: 15, problems: 0, saved: true });
    expect(readFileSync(path.join(drive, 'library', ARTICLE))).toEqual(readFileSync(path.join(content, ARTICLE)));
    // The copy keeps the source's times, so the index sees an unchanged file as unchanged.
    expect(Math.trunc(statSync(path.join(drive, 'library', FILM)).mtimeMs)).toBe(Math.trunc(statSync(path.join(content, FILM)).mtimeMs));
    expect(existsSync(path.join(drive, '.changmun', 'index', 'manifest.json'))).toBe(true);
    expect(built.app.copied.map((a) => a.platform)).toEqual(['win', 'linux', 'win-legacy/x64', 'win-legacy/ia32']);
    expect(readFileSync(path.join(drive, 'app', 'win', 'Reader.exe'), 'utf8')).toBe('not really Reader.exe');
    expect(readFileSync(path.join(drive, 'app', 'win-legacy', 'ia32', 'Reader.exe'), 'utf8')).toBe('not really Reader.exe');
    expect(statSync(path.join(drive, 'app', 'linux', 'reader')).mode & 0o111).not.toBe(0);
    expect(built.launchers.copied).toEqual(['Start.cmd', 'start.sh']);
    expect(existsSync(path.join(drive, 'Start.cmd'))).toBe(true);
    expect(statSync(path.join(drive, 'start.sh')).mode & 0o111).not.toBe(0);
  });

  it('works out reading locations for every book: characters per spine section and their offsets', () => {
    const file = JSON.parse(readFileSync(path.join(drive, '.changmun', 'book-locations.json'), 'utf8')) as BookLocationsFile;
    expect(Object.keys(file.books).sort()).toEqual(['books/the-night-train-library.epub', 'books/동백꽃.epub', 'books/창가에서-사계절.epub']);
    for (const book of Object.values(file.books)) {
      const linear = book.sections.filter((s) => s.linear);
      expect(book.total).toBe(linear.reduce((n, s) => n + s.chars, 0));
      expect(book.total).toBeGreaterThan(1000);
      let at = 0;
      for (const s of linear) {
        expect(s.start).toBe(at);
        at += s.chars;
      }
    }
  });

  it('writes a manifest of every file (path, size, SHA-256) signed with the key, and never the key itself', () => {
    const manifest = JSON.parse(readFileSync(path.join(drive, '.changmun', 'manifest.json'), 'utf8')) as DriveManifest;
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toContain(`library/${FILM}`);
    expect(paths).toContain('app/win/Reader.exe');
    expect(paths).toContain('Start.cmd');
    expect(paths).toContain('.changmun/index/manifest.json');
    expect(paths).toContain('.changmun/book-locations.json');
    expect(paths.some((p) => p.startsWith('.changmun/manifest'))).toBe(false);
    const film = manifest.files.find((f) => f.path === `library/${FILM}`)!;
    const bytes = readFileSync(path.join(drive, 'library', FILM));
    expect(film).toMatchObject({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(manifest.signer?.fingerprint).toBe(built.signature.signed ? built.signature.fingerprint : 'unsigned');
    expect(readFileSync(path.join(drive, '.changmun', 'manifest.sig'), 'utf8').trim()).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    const key = readFileSync(keyA, 'utf8');
    for (const f of manifest.files) expect(readFileSync(path.join(drive, f.path)).includes(key.split('\n')[1]!), f.path).toBe(false);
  });
});

describe('changmun verify', () => {
  it('passes on the drive as built, quick and full, with the key that signed it', async () => {
    const quick = await verify();
    expect(quick.code).toBe(0);
    expect(quick.value).toMatchObject({ verdict: 'ok', mode: 'quick', signature: { status: 'valid', trust: 'trusted' }, modified: [], missing: [], added: [] });
    expect(quick.value.files.hashed).toBeGreaterThan(0);
    const full = await verify(['--full']);
    expect(full.code).toBe(0);
    expect(full.value.files.hashed).toBe(full.value.files.listed);
    const human = await changmun(['verify', drive, '--key', `${keyA}.pub`]);
    expect(human.stdout).toContain('서명된 그대로입니다');
    expect(human.stdout).toContain(built.signature.signed ? built.signature.display : '?');
  });

  it('ignores what the app writes while it runs (.changmun/state, .changmun/runtime) and system litter', async () => {
    mkdirSync(path.join(drive, '.changmun', 'state'), { recursive: true });
    writeFileSync(path.join(drive, '.changmun', 'state', 'settings.json'), '{}');
    mkdirSync(path.join(drive, '.changmun', 'runtime', 'session-1'), { recursive: true });
    writeFileSync(path.join(drive, '.changmun', 'runtime', 'session-1', 'Local State'), '{}');
    mkdirSync(path.join(drive, 'System Volume Information'));
    writeFileSync(path.join(drive, 'System Volume Information', 'IndexerVolumeGuid'), 'x');
    const r = await verify();
    expect(r.code).toBe(0);
    expect(r.value.ignored.map((s) => s.path)).toContain('System Volume Information');
    rmSync(path.join(drive, '.changmun', 'state'), { recursive: true });
    rmSync(path.join(drive, '.changmun', 'runtime'), { recursive: true });
    rmSync(path.join(drive, 'System Volume Information'), { recursive: true });
  });

  it('says unsigned-or-unchecked (exit 3) when no key is named, and fails with another key', async () => {
    const unchecked = await changmunJson<DriveCheckResult>(['verify', drive]);
    expect(unchecked.code).toBe(3);
    expect(unchecked.value.signature).toMatchObject({ status: 'valid', trust: 'unchecked' });
    const other = await changmunJson<DriveCheckResult>(['verify', drive, '--key', `${keyB}.pub`]);
    expect(other.code).toBe(1);
    expect(other.value.verdict).toBe('failed');
    expect(other.value.signature).toMatchObject({ status: 'valid', trust: 'untrusted' });
    const human = await changmun(['verify', drive, '--key', `${keyB}.pub`]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('UNTRUSTED');
    // A trusted-keys file: B's full fingerprint and A's public key.
    const b = JSON.parse((await changmun(['verify', drive, '--json'])).stdout) as DriveCheckResult;
    const list = path.join(tmp, 'trusted.txt');
    writeFileSync(list, `# the group's keys\n${'0'.repeat(64)}\n${readFileSync(`${keyA}.pub`, 'utf8')}`);
    expect((await changmunJson<DriveCheckResult>(['verify', drive, '--trusted-keys', list])).code).toBe(0);
    writeFileSync(list, `${b.signature.fingerprint!.slice(0, 20)}\n`);
    const short = await changmun(['verify', drive, '--trusted-keys', list]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('64');
    // The private key is not a public key to trust.
    const priv = await changmun(['verify', drive, '--key', keyA]);
    expect(priv.code).toBe(2);
  });

  it('fails when manifest.json is changed after signing, even by one file entry', async () => {
    const file = path.join(drive, '.changmun', 'manifest.json');
    const original = readFileSync(file);
    const m = JSON.parse(original.toString('utf8')) as DriveManifest;
    m.files = m.files.filter((f) => f.path !== `library/${FILM}`);
    writeFileSync(file, `${JSON.stringify(m, null, 1)}\n`);
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.value.signature.status).toBe('invalid');
    writeFileSync(file, original);
  });
});

describe('a second build', () => {
  it('after touching one file reads only that file again, and the drive verifies', async () => {
    const source = path.join(content, ARTICLE);
    writeFileSync(source, readFileSync(source, 'utf8').replace('</body>', '<p>구름은 다시 비가 됩니다.</p></body>'));
    const r = await changmunJson<BuildSummary>(buildArgs());
    expect(r.code, r.stderr).toBe(0);
    expect(r.value.content).toMatchObject({ copied: 1, removed: 0 });
    expect(r.value.content?.unchanged).toBe(r.value.content!.files - 1);
    expect(r.value.index).toMatchObject({ extracted: 1, items: 15, saved: true });
    expect(r.value.bookLocations).toMatchObject({ computed: 0, reused: 3 });
    // Only what changed is hashed: the article (known from the copy) and the index files.
    expect(r.value.manifest.reused).toBeGreaterThan(r.value.manifest.files - 10);
    expect(r.value.app.copied.every((a) => a.copied === 0)).toBe(true);
    expect((await verify(['--full'])).code).toBe(0);
  });
});

describe('verify after the drive met the world', () => {
  it('names a file with one byte changed (and --full finds it even when its time is put back)', async () => {
    const file = path.join(drive, 'library', FILM);
    const before = statSync(file);
    const bytes = readFileSync(file);
    const at = bytes.length - 100;
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(file, bytes);
    const quick = await verify();
    expect(quick.code).toBe(1);
    expect(quick.value.modified).toEqual([expect.objectContaining({ path: `library/${FILM}`, area: 'library', reason: 'content' })]);
    const human = await changmun(['verify', drive, '--key', `${keyA}.pub`]);
    expect(human.stdout).toContain(`library/${FILM}`);
    // A system that marks a file but keeps its size and time: only hashing every file sees it.
    utimesSync(file, before.atime, before.mtime);
    const full = await verify(['--full']);
    expect(full.code).toBe(1);
    expect(full.value.modified.map((f) => f.path)).toEqual([`library/${FILM}`]);
  });

  it('names a deleted file and an added one', async () => {
    unlinkSync(path.join(drive, 'library', 'articles', 'history', 'titanic.jpg'));
    writeFileSync(path.join(drive, 'library', 'articles', '새-글.txt'), '서명된 뒤에 더한 글');
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.value.missing.map((f) => f.path)).toEqual(['library/articles/history/titanic.jpg']);
    expect(r.value.added.map((f) => f.path)).toEqual(['library/articles/새-글.txt']);
    const human = await changmun(['verify', drive, '--key', `${keyA}.pub`]);
    expect(human.stdout).toContain('없어진 파일 Missing (1)');
    expect(human.stdout).toContain('library/articles/history/titanic.jpg');
    expect(human.stdout).toContain('library/articles/새-글.txt');
  });

  it('a build puts the drive back as the content says, and it verifies again', async () => {
    const r = await changmunJson<BuildSummary>(buildArgs(['--rebuild']));
    expect(r.code, r.stderr).toBe(0);
    expect(r.value.content?.removed).toBe(1);
    expect((await verify(['--full'])).code).toBe(0);
  });
});

describe('a drive back from the field', () => {
  it('is not signed as found when its manifest was edited: everything is copied and read afresh', async () => {
    // Someone changes a film without moving its size or time, and writes its new hash into the
    // manifest (which breaks the signature, but a build that trusted the list would sign it anew).
    const file = path.join(drive, 'library', FILM);
    const before = statSync(file);
    const bytes = readFileSync(file);
    bytes[200] = bytes[200]! ^ 0xff;
    writeFileSync(file, bytes);
    utimesSync(file, before.atime, before.mtime);
    const manifestFile = path.join(drive, '.changmun', 'manifest.json');
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as DriveManifest;
    m.files.find((f) => f.path === `library/${FILM}`)!.sha256 = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(manifestFile, `${JSON.stringify(m, null, 1)}\n`);

    const r = await changmunJson<BuildSummary>(buildArgs());
    expect(r.code, r.stderr).toBe(0);
    expect(r.value.content).toMatchObject({ copiedAll: true, copied: r.value.content!.files });
    expect(r.value.index).toMatchObject({ reusedFiles: 0, items: 15 });
    expect(readFileSync(file)).toEqual(readFileSync(path.join(content, FILM)));
    expect((await verify(['--full'])).code).toBe(0);
  });
});

describe('keys never travel', () => {
  it('refuses a signing key inside the drive or the content folder', async () => {
    const inDrive = path.join(drive, 'group.key');
    copyFileSync(keyA, inDrive);
    const r = await changmun(['build', content, '--out', drive, '--key', inDrive, '--no-app', '--no-launchers']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('must never travel on a drive');
    unlinkSync(inDrive);
    const inContent = path.join(content, 'group.key');
    copyFileSync(keyA, inContent);
    const c = await changmun(['build', content, '--out', drive, '--key', inContent, '--no-app', '--no-launchers']);
    expect(c.code).toBe(1);
    unlinkSync(inContent);
  });

  it('refuses content holding anything that looks like a private key, before copying', async () => {
    const other = copySample(path.join(tmp, 'content-with-key'));
    mkdirSync(path.join(other, 'notes'));
    copyFileSync(keyB, path.join(other, 'notes', 'readme.txt'));
    const out = path.join(tmp, 'DRIVE-refused');
    const r = await changmun(['build', other, '--out', out, '--key', keyA, '--no-app', '--no-launchers']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('notes/readme.txt');
    expect(existsSync(path.join(out, 'library', 'notes', 'readme.txt'))).toBe(false);
    expect(existsSync(path.join(out, '.changmun', 'manifest.json'))).toBe(false);
  });

  it('refuses to build into a folder that holds other things (a home folder given by mistake)', async () => {
    const home = path.join(tmp, 'home');
    mkdirSync(path.join(home, 'Documents'), { recursive: true });
    writeFileSync(path.join(home, 'tax-2025.pdf'), 'private');
    const r = await changmun(['build', content, '--out', home, '--no-app', '--no-launchers']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('choose an empty folder');
    expect(existsSync(path.join(home, 'library'))).toBe(false);
  });

  it('keygen writes the private key with mode 0600 and a .pub beside it, and not inside a drive', async () => {
    const file = path.join(tmp, 'keys', 'new.key');
    const r = await changmunJson<{ privateKey: string; publicKey: string; fingerprint: string; display: string }>(['keygen', file]);
    expect(r.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    expect(readFileSync(`${file}.pub`, 'utf8')).toContain('-----BEGIN PUBLIC KEY-----');
    expect(r.value.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(r.value.display).toMatch(/^([0-9A-F]{4} ){4}[0-9A-F]{4}$/);
    expect((await changmun(['keygen', file])).code).toBe(1);
    const inside = await changmun(['keygen', path.join(drive, 'library', 'x.key')]);
    expect(inside.code).toBe(2);
    expect(existsSync(path.join(drive, 'library', 'x.key'))).toBe(false);
  });
});

describe('launchers', () => {
  it('are made from the templates in packaging/ with the executable name of electron-builder.yml when dist/ has none', async () => {
    const out = path.join(tmp, 'DRIVE-launchers');
    const r = await changmunJson<BuildSummary>(['build', content, '--out', out, '--app', path.join(tmp, 'no-dist-here')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.value.app.copied).toEqual([]);
    // The current build (win, linux) and the legacy one (win-legacy/x64, win-legacy/ia32).
    expect(r.value.app.missing).toHaveLength(4);
    expect(r.value.launchers.copied).toEqual(['Start.cmd', 'start.sh']);
    const cmd = readFileSync(path.join(out, 'Start.cmd'), 'utf8');
    const sh = readFileSync(path.join(out, 'start.sh'), 'utf8');
    const yml = readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    const name = /^productName:\s*(?:&\S+\s+)?(\S+)/m.exec(yml)![1]!;
    expect(cmd).toContain(`app\\%BUILD%\\${name}.exe`);
    expect(cmd).toContain('set "BUILD=win"');
    expect(cmd).not.toContain('@EXECUTABLE@');
    expect(cmd.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
    expect(sh).toContain(name);
    expect(sh).not.toContain('\r');
  });
});

describe('unsigned and in-place drives', () => {
  it('says so when built without a key, and verify will not call it trusted', async () => {
    const folder = copySample(path.join(tmp, 'loose'));
    const r = await changmun(['build', folder, '--in-place']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('UNSIGNED');
    expect(existsSync(path.join(folder, '.changmun', 'manifest.json'))).toBe(true);
    expect(existsSync(path.join(folder, '.changmun', 'manifest.sig'))).toBe(false);
    const plain = await changmunJson<DriveCheckResult>(['verify', folder]);
    expect(plain.code).toBe(3);
    expect(plain.value).toMatchObject({ verdict: 'incomplete', signature: { status: 'unsigned' }, modified: [], missing: [], added: [] });
    expect((await changmunJson<DriveCheckResult>(['verify', folder, '--key', `${keyA}.pub`])).code).toBe(1);
    // Signed in place afterwards: the same folder now verifies with the key.
    expect((await changmun(['build', folder, '--in-place', '--key', keyA])).code).toBe(0);
    expect((await changmunJson<DriveCheckResult>(['verify', folder, '--key', `${keyA}.pub`, '--full'])).code).toBe(0);
  });
});
