// The drive's launchers pick the build that runs on the PC (issue 17 §1): Start.cmd the legacy one
// (Electron 22) on Windows 7/8.1 or any 32-bit Windows and the current one on 64-bit Windows 10/11;
// start.sh says plainly, Korean first, when no desktop build fits this Linux (32-bit, an old glibc
// such as Red Star OS's) and sends the person to the browser edition. cmd.exe cannot run here:
// Start.cmd's lines are run by a small interpreter of the batch commands it uses
// (tests/helpers/batch-subset.ts), on the values real PCs give, against a drive laid out as
// `npm run dist` lays it out. What only a Windows PC can show: that cmd.exe reads them the same way.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { driveRootFromExecutable } from '../main/core/drive/locate.js';
import { assembleDrive, DRIVE_APPS, electronZipNames, executableNameFromConfig, LEGACY_ZIP_TARGETS, renderLaunchers } from '../packaging/drive-layout.js';
import { LEGACY_MAIN } from '../packaging/legacy-bundle.js';
import { FUSES_NOT_IN_ELECTRON_22, legacyBuilderConfig } from '../packaging/legacy-config.js';
import { runBatch } from './helpers/batch-subset.js';
import { REPO_ROOT } from './helpers/paths.js';

const YML = readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
const BASE = parse(YML) as Record<string, unknown>;
const NAME = executableNameFromConfig(YML);
const START_SH = path.join(REPO_ROOT, 'packaging', 'start.sh');
const LEGACY_ELECTRON = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'electron-legacy', 'package.json'), 'utf8')) as { version: string }).version;

let root: string;
let drive: string;

beforeAll(() => {
  // A project whose electron-builder made all four unpacked outputs, assembled into dist/drive.
  root = mkdtempSync(path.join(tmpdir(), 'changmun-legacy-drive-'));
  writeFileSync(path.join(root, 'electron-builder.yml'), YML);
  for (const [from] of DRIVE_APPS) {
    mkdirSync(path.join(root, 'dist', from, 'resources'), { recursive: true });
    writeFileSync(path.join(root, 'dist', from, from.includes('linux') ? NAME : `${NAME}.exe`), from);
  }
  expect(assembleDrive(root)).toEqual([]);
  drive = path.join(root, 'dist', 'drive');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Start.cmd picks the build for the PC', () => {
  const cmd = renderLaunchers(NAME).find((l) => l.name === 'Start.cmd')!;
  /** Start.cmd run on a PC: which app it starts, as a path under the drive. */
  const startOn = (ver: string, arch: string, wow64?: string) => {
    const run = runBatch(cmd.text, {
      ver: `\r\n${ver}\r\n`,
      env: { PROCESSOR_ARCHITECTURE: arch, ...(wow64 ? { PROCESSOR_ARCHITEW6432: wow64 } : {}) },
      scriptDir: 'E:\\',
      exists: (p) => p.startsWith('E:\\') && existsSync(path.join(drive, ...p.slice(3).split('\\'))),
    });
    expect(run.exitCode, run.echoed.join('\n')).toBe(0);
    return run.started?.replace(/^E:\\/, '').replaceAll('\\', '/');
  };

  it.each([
    ['Microsoft Windows [Version 10.0.19045.3803]', 'AMD64', undefined, 'win', 'Windows 10, 64-bit'],
    ['Microsoft Windows [Version 10.0.22631.2861]', 'AMD64', undefined, 'win', 'Windows 11'],
    ['Microsoft Windows [Version 10.0.22631.2861]', 'ARM64', undefined, 'win', 'Windows 11 on ARM (runs x64 programs)'],
    ['Microsoft Windows [Version 10.0.19045.3803]', 'ARM64', undefined, 'win-legacy/ia32', 'Windows 10 on ARM (runs x86 programs only)'],
    ['Microsoft Windows [Version 10.0.19045.3803]', 'x86', 'AMD64', 'win', 'Windows 10 64-bit, from a 32-bit cmd.exe'],
    ['Microsoft Windows [Version 6.1.7601]', 'AMD64', undefined, 'win-legacy/x64', 'Windows 7 SP1, 64-bit'],
    ['Microsoft Windows [Version 6.3.9600]', 'AMD64', undefined, 'win-legacy/x64', 'Windows 8.1, 64-bit'],
    ['Microsoft Windows [Version 6.1.7601]', 'x86', 'AMD64', 'win-legacy/x64', 'Windows 7 64-bit, from a 32-bit cmd.exe'],
    ['Microsoft Windows [Version 6.1.7601]', 'x86', undefined, 'win-legacy/ia32', 'Windows 7, 32-bit'],
    ['Microsoft Windows [Version 10.0.19045.3803]', 'x86', undefined, 'win-legacy/ia32', 'Windows 10, 32-bit'],
    ['Microsoft Windows [버전 6.1.7601]', 'AMD64', undefined, 'win-legacy/x64', 'a translated `ver`'],
    ['', 'AMD64', undefined, 'win-legacy/x64', '`ver` unreadable: the build that runs on every 64-bit Windows'],
  ] as [string, string, string | undefined, string, string][])('%s %s (%s) → app/%s: %s', (ver, arch, wow64, build) => {
    expect(startOn(ver, arch, wow64)).toBe(`app/${build}/${NAME}.exe`);
  });

  it('passes its arguments on, and can reach every Windows build the drive holds', () => {
    const run = runBatch(cmd.text, { ver: 'Microsoft Windows [Version 6.1.7601]', env: { PROCESSOR_ARCHITECTURE: 'x86' }, scriptDir: 'E:\\', exists: () => true });
    expect(run.startArgs).toBe('%*');
    const builds = [...new Set([...cmd.text.matchAll(/set "BUILD=([^"]+)"/g)].map((m) => `app/${m[1]!.replaceAll('\\', '/')}`))].sort();
    expect(builds).toEqual(DRIVE_APPS.map(([, to]) => `app/${to}`).filter((p) => p.includes('win')).sort());
    for (const b of builds) expect(existsSync(path.join(drive, b, `${NAME}.exe`)), b).toBe(true);
  });

  it('says which app is missing, and where to go instead, when the drive lacks it', () => {
    const run = runBatch(cmd.text, { ver: 'Microsoft Windows [Version 6.1.7601]', env: { PROCESSOR_ARCHITECTURE: 'x86' }, scriptDir: 'E:\\', exists: () => false });
    expect(run.exitCode).toBe(1);
    expect(run.started).toBeUndefined();
    expect(run.echoed[0]).toBe(`The app is missing from this drive: app\\win-legacy\\ia32\\${NAME}.exe`);
    expect(run.echoed.join('\n')).toContain('Changmun.html');
  });

  it('stays plain ASCII with CRLF and relative paths (cmd.exe reads batch files in the console code page)', () => {
    expect(/^[\x20-\x7e\r\n]*$/.test(cmd.text)).toBe(true);
    expect(cmd.text.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
    expect(cmd.text).not.toMatch(/[A-Za-z]:\\/);
  });
});

describe("start.sh's answer on a Linux no desktop build fits", () => {
  const fit = (machine: string, glibc: string) => {
    const r = spawnSync('sh', ['-c', `. "$0"; linux_fit '${machine}' '${glibc}'`, START_SH], { env: { ...process.env, CHANGMUN_LAUNCHER_FUNCTIONS_ONLY: '1' }, encoding: 'utf8' });
    return r.stdout.trim();
  };

  it.each([
    ['x86_64', '2.36', 'ok', 'Debian 12'],
    ['x86_64', '2.28', 'ok', 'Debian 10'],
    ['x86_64', '2.27', 'glibc', 'Ubuntu 18.04'],
    ['x86_64', '2.10', 'glibc', 'Red Star OS 3 (Fedora 11 era)'],
    ['x86_64', '', 'glibc', 'not glibc (musl): the app is built against glibc'],
    ['x86_64', '3.0', 'ok', 'a newer glibc major'],
    ['i686', '2.36', '32bit', '32-bit Linux'],
    ['i386', '2.10', '32bit', '32-bit Red Star OS'],
    ['armv7l', '2.31', '32bit', '32-bit ARM'],
    ['aarch64', '2.36', 'arch', '64-bit ARM: no build for it'],
  ])('%s glibc %s → %s (%s)', (machine, glibc, expected) => {
    expect(fit(machine, glibc)).toBe(expected);
  });

  /** start.sh run from the drive on a Linux whose uname and getconf say these. */
  const runOn = (machine: string, libc: string | undefined) => {
    const bin = mkdtempSync(path.join(tmpdir(), 'changmun-fake-bin-'));
    try {
      writeFileSync(path.join(bin, 'uname'), `#!/bin/sh\necho '${machine}'\n`, { mode: 0o755 });
      writeFileSync(path.join(bin, 'getconf'), libc === undefined ? '#!/bin/sh\nexit 1\n' : `#!/bin/sh\necho 'glibc ${libc}'\n`, { mode: 0o755 });
      return spawnSync('sh', [path.join(drive, 'start.sh')], { cwd: tmpdir(), encoding: 'utf8', env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, TMPDIR: bin } });
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  };

  it('on 32-bit Linux: says so in Korean, then in English, sends the person to Changmun.html, and starts nothing', () => {
    const r = runOn('i686', '2.17');
    expect(r.status).toBe(1);
    const [ko, en] = r.stderr.trim().split('\n');
    expect(ko).toBe('창문: 이 컴퓨터에서는 데스크톱 앱을 실행할 수 없습니다. 32비트 컴퓨터입니다. 이 드라이브의 Changmun.html 파일을 웹 브라우저로 여세요.');
    expect(en).toBe('Changmun: the desktop app cannot run on this computer: it is a 32-bit computer (i686). Open Changmun.html on this drive in a web browser.');
    expect(r.stdout).toBe('');
  });

  it('on an old glibc (Red Star OS) or none: names the version and the one needed', () => {
    const old = runOn('x86_64', '2.10');
    expect(old.status).toBe(1);
    expect(old.stderr).toContain('glibc 2.10');
    expect(old.stderr).toContain('2.28');
    expect(old.stderr.indexOf('창문:')).toBeLessThan(old.stderr.indexOf('Changmun:'));
    const musl = runOn('x86_64', undefined);
    expect(musl.status).toBe(1);
    expect(musl.stderr).toContain('glibc 없음');
  });

  it('on a 64-bit Linux with a recent glibc: goes on to start the app', () => {
    // The assembled app/linux/<name> here is a placeholder file without execute permission: start.sh
    // gets past the fit check and stops at the next one (a drive that cannot run programs).
    const r = runOn('x86_64', '2.36');
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('Changmun.html');
    expect(r.stderr).toContain('exFAT');
  });
});

describe("the legacy build's place on the drive and its packaging", () => {
  it('finds the library from the legacy executables, 64- and 32-bit', () => {
    expect(driveRootFromExecutable('E:\\app\\win-legacy\\x64\\Reader.exe')).toBe('E:\\');
    expect(driveRootFromExecutable('E:\\app\\win-legacy\\ia32\\Reader.exe')).toBe('E:\\');
    expect(driveRootFromExecutable('/media/usb/app/win-legacy/ia32/Reader.exe')).toBe('/media/usb');
    expect(driveRootFromExecutable('E:\\app\\win-legacy\\Reader.exe')).toBeUndefined();
  });

  it('packages Electron 22 for Windows ia32 and x64 as unpacked dirs, sharing everything else with electron-builder.yml', () => {
    const legacy = legacyBuilderConfig(YML, LEGACY_ELECTRON);
    expect(legacy['electronVersion']).toBe(LEGACY_ELECTRON);
    expect(legacy['win']).toEqual({ target: [{ target: 'dir', arch: ['ia32', 'x64'] }] });
    expect(legacy['linux']).toBeUndefined();
    expect(legacy['directories']).toEqual({ output: 'dist/legacy' });
    expect(legacy['extraMetadata']).toEqual({ main: LEGACY_MAIN });
    expect(LEGACY_MAIN).toBe('build/legacy/electron/entry.js');
    expect(legacy['files']).toEqual(expect.arrayContaining(['package.json', 'renderer/dist/**/*', 'build/legacy/**/*', '!node_modules/**/*']));
    expect((legacy['files'] as string[]).some((f) => f.startsWith('build/main'))).toBe(false);
    // Shared, written once in electron-builder.yml:
    for (const key of ['productName', 'executableName', 'appId', 'asar', 'asarUnpack', 'electronLanguages', 'npmRebuild', 'nodeGypRebuild', 'buildDependenciesFromSource', 'afterPack', 'publish']) {
      expect(legacy[key], key).toEqual(BASE[key]);
      expect(BASE[key], key).not.toBeUndefined();
    }
    expect(legacy['publish']).toBeNull();
    const fuses = legacy['electronFuses'] as Record<string, boolean>;
    expect(fuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
    for (const f of FUSES_NOT_IN_ELECTRON_22) expect(fuses[f], f).toBeUndefined();
  });

  it("is a configuration electron-builder accepts (its own schema check, as it runs before packaging)", async () => {
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as typeof import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = (await import('builder-util/out/DebugLogger.js')) as typeof import('builder-util/out/DebugLogger.js');
    await expect(validateConfiguration(legacyBuilderConfig(YML, LEGACY_ELECTRON) as never, new DebugLogger(false))).resolves.toBeUndefined();
    // The check is real: a misspelt option is refused.
    await expect(validateConfiguration({ ...legacyBuilderConfig(YML, LEGACY_ELECTRON), electronVersoin: '22' } as never, new DebugLogger(false))).rejects.toThrow(/electronVersoin/);
  });

  it('knows the Electron 22 zips a volunteer must bring, by the checksums electron-legacy ships', () => {
    const sums = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'electron-legacy', 'checksums.json'), 'utf8')) as Record<string, string>;
    const names = electronZipNames(LEGACY_ELECTRON, LEGACY_ZIP_TARGETS);
    expect(names).toEqual([`electron-v${LEGACY_ELECTRON}-win32-ia32.zip`, `electron-v${LEGACY_ELECTRON}-win32-x64.zip`]);
    for (const n of names) expect(sums[n], n).toMatch(/^[0-9a-f]{64}$/);
  });

  it('`npm run dist` builds and checks the legacy bundles before packaging, then packages both builds', () => {
    const dist = readFileSync(path.join(REPO_ROOT, 'packaging', 'dist.ts'), 'utf8');
    const order = ['buildLegacyBundles(', 'checkLegacyCompat(', 'if (dryRun)', "['--win', '--linux', '--publish', 'never', ...extra]", "['--config', legacyConfigFile, '--win', '--publish', 'never', ...legacyExtra]", 'assembleDrive(root)'];
    const at = order.map((s) => dist.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
