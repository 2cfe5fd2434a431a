// Where the desktop app writes while it runs (never the PC's profile), and where it finds its drive:
// a writable drive, a read-only drive, no drive at all; stale sessions swept; the drive root found
// from each place the executable can be.
import { existsSync, mkdirSync, symlinkSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driveRootFromExecutable, locateLibrary } from '../main/core/drive/locate.js';
import { locateOptionsFor } from '../main/electron/args.js';
import {
  isWritableDirectory, planRuntime, prepareRuntime, processIsAlive, removeRuntime, removeRuntimeSync, sessionFolderName,
  staleSessionFolders, sweepStaleSessions, type RuntimeInputs,
} from '../main/electron/runtime-paths.js';

const base: Omit<RuntimeInputs, 'dataDir' | 'driveWritable'> = { systemTemp: '/tmp', name: 'reader', pid: 77, nonce: 'f00d' };

describe('planRuntime: the paths for each kind of drive', () => {
  it('a writable drive: a session folder under .changmun/runtime/, every path inside it', () => {
    const plan = planRuntime({ ...base, dataDir: '/media/usb/.changmun', driveWritable: true });
    expect(plan).toEqual({
      where: 'drive',
      base: '/media/usb/.changmun/runtime',
      root: '/media/usb/.changmun/runtime/reader-77-f00d',
      paths: {
        userData: '/media/usb/.changmun/runtime/reader-77-f00d/profile',
        sessionData: '/media/usb/.changmun/runtime/reader-77-f00d/profile',
        crashDumps: '/media/usb/.changmun/runtime/reader-77-f00d/crashes',
        temp: '/media/usb/.changmun/runtime/reader-77-f00d/temp',
        logs: '/media/usb/.changmun/runtime/reader-77-f00d/logs',
      },
    });
  });

  it('a read-only drive: a fresh folder in the system temp folder', () => {
    const plan = planRuntime({ ...base, dataDir: '/media/usb/.changmun', driveWritable: false });
    expect(plan.where).toBe('temp');
    expect(plan.root).toBe('/tmp/reader-77-f00d');
    expect(Object.values(plan.paths).every((p) => p.startsWith('/tmp/reader-77-f00d/'))).toBe(true);
  });

  it('no drive (no library found): the system temp folder', () => {
    expect(planRuntime({ ...base, dataDir: undefined, driveWritable: true }).root).toBe('/tmp/reader-77-f00d');
  });

  it('never names the app in the temp folder beyond the executable name', () => {
    expect(sessionFolderName('Reader.exe', 1, 'a')).toBe('Reader-1-a');
    expect(sessionFolderName('창문', 1, 'a')).toBe('app-1-a');
    expect(sessionFolderName('../../evil', 1, 'a')).toBe('....evil-1-a');
  });
});

describe('on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'changmun-runtime-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const inputs = (dataDir: string | undefined, driveWritable: boolean): RuntimeInputs => ({ ...base, systemTemp: path.join(dir, 'temp'), dataDir, driveWritable });

  it('creates the folders on a writable drive', () => {
    const plan = prepareRuntime(inputs(path.join(dir, 'DRIVE', '.changmun'), true));
    expect(plan.where).toBe('drive');
    for (const p of Object.values(plan.paths)) expect(existsSync(p)).toBe(true);
  });

  it('falls back to the temp folder when the drive refuses the folder, leaving nothing on it', () => {
    mkdirSync(path.join(dir, 'DRIVE'));
    writeFileSync(path.join(dir, 'DRIVE', '.changmun'), 'a file where the folder should be');
    const plan = prepareRuntime(inputs(path.join(dir, 'DRIVE', '.changmun'), true));
    expect(plan.where).toBe('temp');
    expect(plan.root.startsWith(path.join(dir, 'temp'))).toBe(true);
    expect(existsSync(plan.paths.userData)).toBe(true);
    expect(readdirSync(path.join(dir, 'DRIVE'))).toEqual(['.changmun']);
  });

  it('falls back to the temp folder when .changmun or its runtime folder is a link out of the drive', () => {
    for (const link of ['.changmun', '.changmun/runtime']) {
      const drive = path.join(dir, `DRIVE-${link.length}`);
      const pc = path.join(dir, `PC-${link.length}`);
      mkdirSync(pc);
      mkdirSync(path.dirname(path.join(drive, link)), { recursive: true });
      symlinkSync(pc, path.join(drive, link), 'dir');
      const plan = prepareRuntime(inputs(path.join(drive, '.changmun'), true));
      expect(plan.where).toBe('temp');
      expect(readdirSync(pc)).toEqual([]);
    }
  });

  it('asks whether a drive is writable without writing to it', () => {
    mkdirSync(path.join(dir, 'DRIVE'));
    expect(isWritableDirectory(path.join(dir, 'DRIVE', '.changmun'))).toBe(true);
    expect(readdirSync(path.join(dir, 'DRIVE'))).toEqual([]);
    writeFileSync(path.join(dir, 'file'), 'x');
    expect(isWritableDirectory(path.join(dir, 'file', '.changmun'))).toBe(false);
  });

  it('removes the session folder at quit, and runtime/ with it when it was the last', async () => {
    const plan = prepareRuntime(inputs(path.join(dir, 'DRIVE', '.changmun'), true));
    writeFileSync(path.join(plan.paths.userData, 'Local State'), '{}');
    await removeRuntime(plan);
    expect(existsSync(path.join(dir, 'DRIVE', '.changmun', 'runtime'))).toBe(false);
    expect(existsSync(path.join(dir, 'DRIVE', '.changmun'))).toBe(true);
    const again = prepareRuntime(inputs(undefined, false));
    removeRuntimeSync(again);
    expect(existsSync(again.root)).toBe(false);
    // The system temp folder itself stays.
    expect(existsSync(path.join(dir, 'temp'))).toBe(true);
  });

  it('sweeps folders of dead sessions of this app only', async () => {
    const plan = prepareRuntime(inputs(undefined, false));
    const t = path.join(dir, 'temp');
    for (const n of ['reader-123-dead', 'reader-456-live', 'reader-notapid-x', 'other-123-dead', 'reader-123-dead.txt']) mkdirSync(path.join(t, n));
    const swept = await sweepStaleSessions(plan, 'reader', (pid) => pid === 456);
    expect(swept).toEqual(['reader-123-dead']);
    expect(readdirSync(t).sort()).toEqual(['other-123-dead', 'reader-123-dead.txt', 'reader-456-live', 'reader-77-f00d', 'reader-notapid-x']);
  });
});

describe('staleSessionFolders', () => {
  it('keeps its own folder and live processes, and only matches its own name', () => {
    const names = ['reader-1-aa', 'reader-2-bb', 'reader-3-cc', 'Reader-4-dd', 'reader-x-1', 'readerx-5-ee'];
    expect(staleSessionFolders(names, 'reader', 'reader-1-aa', (pid) => pid === 2)).toEqual(['reader-3-cc']);
  });
  it('knows this process is alive and a made-up one is not', () => {
    expect(processIsAlive(process.pid)).toBe(true);
    expect(processIsAlive(2 ** 22 + 12345)).toBe(false);
  });
});

describe('the drive root from where the executable is', () => {
  it.each([
    ['E:\\app\\win\\Reader.exe', 'E:\\'],
    ['F:\\자료\\app\\win\\reader.exe', 'F:\\자료'],
    ['\\\\server\\share\\app\\win\\reader.exe', '\\\\server\\share'],
    ['/media/user/USB STICK/app/linux/reader', '/media/user/USB STICK'],
    ['/run/media/user/0A1B-2C3D/app/linux/reader', '/run/media/user/0A1B-2C3D'],
    ['/app/linux/reader', '/'],
  ])('%s is on the drive %s', (exe, root) => {
    expect(driveRootFromExecutable(exe)).toBe(root);
  });

  it.each([
    '/home/dev/changmun/node_modules/electron/dist/electron',
    'C:\\Users\\me\\Downloads\\win-unpacked\\reader.exe',
    '/opt/reader/reader',
    'E:\\app\\mac\\reader',
    'E:\\app\\win\\sub\\reader.exe',
  ])('%s is not on a drive', (exe) => {
    expect(driveRootFromExecutable(exe)).toBeUndefined();
  });

  it('finds the library of the drive the packaged app runs from', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'changmun-drive-'));
    try {
      mkdirSync(path.join(dir, 'library'));
      mkdirSync(path.join(dir, 'app', 'linux'), { recursive: true });
      const exe = path.join(dir, 'app', 'linux', 'reader');
      const place = { execPath: exe, isPackaged: true, packageRoot: path.join(dir, 'app', 'linux', 'resources', 'app.asar') };
      const location = locateLibrary(locateOptionsFor({ selfTest: false, devtools: false }, place));
      expect(location).toEqual({ libraryRoot: path.join(dir, 'library'), dataDir: path.join(dir, '.changmun'), driveRoot: dir, source: 'drive' });
      // --library wins over the drive.
      mkdirSync(path.join(dir, 'other'));
      expect(locateLibrary(locateOptionsFor({ library: path.join(dir, 'other'), selfTest: false, devtools: false }, place)).source).toBe('argument');
      // A packaged app off a drive never falls back to a development folder.
      rmSync(path.join(dir, 'library'), { recursive: true });
      expect(() => locateLibrary(locateOptionsFor({ selfTest: false, devtools: false }, place))).toThrow(/--library/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
