// The launchers at the drive root: start.sh's sandbox decision (its functions run in sh, with the
// values a machine would give them), start.sh itself on a drive laid out as `npm run dist` lays it
// out, and Start.cmd's text (relative paths, no console left open).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { assembleDrive, checkElectronZips, electronZipNames, executableNameFromConfig, renderLaunchers } from '../packaging/drive-layout.js';
import { REPO_ROOT } from './helpers/paths.js';

const START_SH = path.join(REPO_ROOT, 'packaging', 'start.sh');
const NAME = executableNameFromConfig(readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8'));
const shells = ['sh', 'bash'].filter((s) => spawnSync(s, ['-c', 'true']).status === 0);

/** Run one of start.sh's functions in a shell, as the script defines it. */
function fn(shell: string, call: string): string {
  const r = spawnSync(shell, ['-c', `. "$0"; ${call}`, START_SH], { env: { ...process.env, CHANGMUN_LAUNCHER_FUNCTIONS_ONLY: '1' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${shell}: ${call}: ${r.stderr}`);
  return r.stdout.trim();
}

describe.each(shells)("start.sh's sandbox decision (%s)", (shell) => {
  it.each([
    // userns_clone, max_user_namespaces, apparmor_restrict, suid helper → flag
    ['', '', '', 'no', '', 'a mainline kernel: unprivileged user namespaces work'],
    ['1', '63000', '0', 'no', '', 'Debian with user namespaces on'],
    ['0', '63000', '', 'no', '--no-sandbox', 'Debian with user namespaces off (kernel.unprivileged_userns_clone=0)'],
    ['', '0', '', 'no', '--no-sandbox', 'user namespaces limited to 0'],
    ['', '63000', '1', 'no', '--no-sandbox', 'Ubuntu 24.04: AppArmor restricts user namespaces'],
    ['', '63000', '1', 'yes', '', 'Ubuntu 24.04 with a working setuid helper (an installed copy, not a stick)'],
    ['0', '0', '1', 'yes', '', 'no user namespaces, but the setuid helper works'],
  ])('%s %s %s helper=%s → "%s" (%s)', (clone, max, apparmor, helper, expected) => {
    expect(fn(shell, `sandbox_flag '${clone}' '${max}' '${apparmor}' '${helper}'`)).toBe(expected);
  });

  it.each([
    ['0', '4755', 'rw,nosuid,nodev,relatime', 'no', 'a stick: nosuid'],
    ['1000', '755', 'rw,nosuid,nodev,relatime,uid=1000,fmask=0022', 'no', 'exFAT: owned by the user, no setuid'],
    ['0', '4755', 'rw,relatime', 'yes', 'root, setuid, a mount that allows it'],
    ['0', '755', 'rw,relatime', 'no', 'root but not setuid'],
    ['1000', '4755', 'rw,relatime', 'no', 'setuid but not root'],
    ['0', '4755', '', 'no', 'mount options unknown: assume nosuid'],
    ['-', '-', 'rw', 'no', 'no helper at all'],
  ])('setuid helper uid=%s mode=%s mount=%s → %s (%s)', (uid, mode, options, expected) => {
    expect(fn(shell, `suid_helper_ok '${uid}' '${mode}' '${options}'`)).toBe(expected);
  });
});

describe('start.sh on a drive', () => {
  let drive: string;
  let scratchParent: string;
  beforeAll(() => {
    drive = mkdtempSync(path.join(tmpdir(), 'changmun-launch-'));
    scratchParent = path.join(drive, 'host-tmp');
    mkdirSync(scratchParent);
    mkdirSync(path.join(drive, 'app', 'linux'), { recursive: true });
    for (const l of renderLaunchers(NAME)) writeFileSync(path.join(drive, l.name), l.text, { mode: l.mode });
  });
  afterAll(() => rmSync(drive, { recursive: true, force: true }));

  const binary = () => path.join(drive, 'app', 'linux', NAME);
  const run = (...args: string[]) =>
    spawnSync('sh', [path.join(drive, 'start.sh'), ...args], { cwd: tmpdir(), encoding: 'utf8', env: { PATH: process.env['PATH'], TMPDIR: scratchParent } });

  it('says so when the app is missing', () => {
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`The app is missing from this drive (app/linux/${NAME})`);
  });

  it('says so when the drive cannot run programs (FAT32 without execute permission)', () => {
    writeFileSync(binary(), '#!/bin/sh\nexit 0\n', { mode: 0o644 });
    chmodSync(binary(), 0o644);
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('use a drive formatted as exFAT');
  });

  it('starts the app with its arguments, a scratch folder for caches, and removes the folder after', () => {
    writeFileSync(
      binary(),
      '#!/bin/sh\nprintf "%s\\n" "$@"\necho "cache=$XDG_CACHE_HOME"\necho "tmp=$TMPDIR"\ntest -d "$XDG_CACHE_HOME" && test -d "$TMPDIR" && touch "$XDG_CACHE_HOME/fontconfig-cache"\nexit 3\n',
      { mode: 0o755 },
    );
    chmodSync(binary(), 0o755);
    const r = run('--library', '/media/usb/내 서재');
    expect(r.status).toBe(3);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('/media/usb/내 서재');
    expect(lines.indexOf('--library')).toBe(lines.indexOf('/media/usb/내 서재') - 1);
    // The flag is this machine's answer; it is the only argument start.sh adds.
    expect(lines.slice(0, lines.indexOf('--library')).every((a) => a === '--no-sandbox')).toBe(true);
    const cache = lines.find((l) => l.startsWith('cache='))!.slice('cache='.length);
    expect(cache.startsWith(scratchParent + path.sep)).toBe(true);
    expect(existsSync(cache)).toBe(false);
    expect(readdirSync(scratchParent)).toEqual([]);
  });
});

describe('Start.cmd', () => {
  const cmd = renderLaunchers(NAME).find((l) => l.name === 'Start.cmd')!;

  it('starts the app by a path relative to itself, and leaves no console window open', () => {
    // The build folder is chosen first (tests/legacy-launchers.test.ts): app\win or app\win-legacy\….
    expect(cmd.text).toContain(`set "APP=%~dp0app\\%BUILD%\\${NAME}.exe"`);
    expect(cmd.text).toMatch(/^start "" "%APP%" %\*\r$/m);
    expect(cmd.text.trimEnd().split('\r\n').at(-1)).toBe('exit /b 0');
    // No drive letter and no absolute path anywhere: the drive gets whatever letter is free.
    expect(cmd.text).not.toMatch(/[A-Za-z]:\\/);
    expect(cmd.text).not.toContain('@EXECUTABLE@');
  });

  it('is plain ASCII with CRLF line ends, as cmd.exe reads batch files', () => {
    expect(/^[\x20-\x7e\r\n]*$/.test(cmd.text)).toBe(true);
    expect(cmd.text.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
  });
});

describe('the names and the layout', () => {
  it('takes the executable name from electron-builder.yml', () => {
    expect(executableNameFromConfig('productName: &n Reader\nexecutableName: *n\n')).toBe('Reader');
    expect(executableNameFromConfig('productName: Reader\n')).toBe('Reader');
    expect(() => executableNameFromConfig('productName: "창문 app"\n')).toThrow(/letters, digits/);
    const sh = renderLaunchers('Reader').find((l) => l.name === 'start.sh')!;
    expect(sh.text).toContain('bin="$app/Reader"');
    expect(sh.mode).toBe(0o755);
    expect(sh.text).not.toContain('\r');
  });

  it('lays out dist/drive: launchers at the root, the apps under app/win, app/linux and app/win-legacy', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'changmun-dist-'));
    try {
      writeFileSync(path.join(root, 'electron-builder.yml'), 'productName: &n Reader\nexecutableName: *n\n');
      mkdirSync(path.join(root, 'dist', 'win-unpacked', 'resources'), { recursive: true });
      writeFileSync(path.join(root, 'dist', 'win-unpacked', 'Reader.exe'), 'MZ');
      mkdirSync(path.join(root, 'dist', 'linux-unpacked'), { recursive: true });
      writeFileSync(path.join(root, 'dist', 'linux-unpacked', 'Reader'), '\x7fELF', { mode: 0o755 });
      for (const legacy of ['win-unpacked', 'win-ia32-unpacked']) {
        mkdirSync(path.join(root, 'dist', 'legacy', legacy), { recursive: true });
        writeFileSync(path.join(root, 'dist', 'legacy', legacy, 'Reader.exe'), `MZ ${legacy}`);
      }
      expect(assembleDrive(root)).toEqual([]);
      const drive = path.join(root, 'dist', 'drive');
      expect(readdirSync(drive).sort()).toEqual(['Start.cmd', 'app', 'start.sh']);
      expect(readFileSync(path.join(drive, 'app', 'win', 'Reader.exe'), 'utf8')).toBe('MZ');
      expect(readFileSync(path.join(drive, 'app', 'win-legacy', 'x64', 'Reader.exe'), 'utf8')).toBe('MZ win-unpacked');
      expect(readFileSync(path.join(drive, 'app', 'win-legacy', 'ia32', 'Reader.exe'), 'utf8')).toBe('MZ win-ia32-unpacked');
      expect(statSync(path.join(drive, 'app', 'linux', 'Reader')).mode & 0o111).not.toBe(0);
      expect(statSync(path.join(drive, 'start.sh')).mode & 0o777).toBe(0o755);
      rmSync(path.join(root, 'dist', 'linux-unpacked'), { recursive: true });
      expect(assembleDrive(root)).toEqual(['linux-unpacked']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('checks hand-supplied Electron zips against the checksums the electron package ships', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'changmun-zips-'));
    try {
      const [win, linux] = electronZipNames('45.5.0');
      expect([win, linux]).toEqual(['electron-v45.5.0-win32-x64.zip', 'electron-v45.5.0-linux-x64.zip']);
      writeFileSync(path.join(folder, win!), 'windows zip');
      writeFileSync(path.join(folder, linux!), 'linux zip');
      const sha = (s: string) => createHash('sha256').update(s).digest('hex');
      const sums = { [win!]: sha('windows zip'), [linux!]: sha('linux zip') };
      expect(checkElectronZips(folder, '45.5.0', sums)).toEqual([]);
      writeFileSync(path.join(folder, linux!), 'a zip someone changed');
      expect(checkElectronZips(folder, '45.5.0', sums)).toEqual([`${linux}: SHA-256 ${sha('a zip someone changed')} is not Electron's ${sums[linux!]}`]);
      rmSync(path.join(folder, win!));
      expect(checkElectronZips(folder, '45.5.0', sums)[0]).toBe(`${win} is not in ${folder}`);
      // The real checksums name both zips of the installed Electron.
      const real = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'electron', 'checksums.json'), 'utf8')) as Record<string, string>;
      const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
      for (const name of electronZipNames(version)) expect(real[name], name).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
