import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectionsOf, parseLibraryJson } from '../main/core/drive/library-json.js';
import { driveRootFromExecutable, locateLibrary, resolveLibraryFolder } from '../main/core/drive/locate.js';
import { REPO_ROOT } from './helpers/paths.js';

describe('library.json', () => {
  it('reads title, language, collections and app name', () => {
    const { settings, issues } = parseLibraryJson(JSON.stringify({
      title: '창문 서재', language: 'en', appName: 'Reader', collections: { '역사': ['articles/history/', 'books\\old'] },
    }));
    expect(issues).toEqual([]);
    expect(settings).toEqual({ title: '창문 서재', language: 'en', appName: 'Reader', collections: { '역사': ['articles/history', 'books/old'] }, exclude: [] });
  });

  it('names the bad field and keeps the defaults for it', () => {
    const { settings, issues } = parseLibraryJson(JSON.stringify({ title: 'ok', language: 'fr', collections: { a: 3 } }));
    expect(settings.title).toBe('ok');
    expect(settings.language).toBe('ko');
    expect(settings.collections).toEqual({});
    expect(issues.map((i) => i.field)).toEqual(['language', 'collections.a']);
    expect(issues[0]!.messageKo).toContain('"language"');
    expect(issues[0]!.messageEn).toContain('"language"');
  });

  it('opens with defaults when the file is not JSON at all', () => {
    const { settings, issues } = parseLibraryJson('{ title: 창문');
    expect(settings).toEqual({ language: 'ko', collections: {}, exclude: [] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.messageEn).toMatch(/not valid JSON/);
  });

  it('drops collection folders that would leave the library', () => {
    const { settings, issues } = parseLibraryJson(JSON.stringify({ collections: { x: ['../secret', 'ok', 'C:/Windows'] } }));
    expect(settings.collections['x']).toEqual(['ok']);
    expect(issues[0]!.field).toBe('collections.x');
  });

  it('puts an item in every collection whose folder holds it, and not in look-alike folders', () => {
    const cols = { '역사': ['articles/history'], all: ['articles'] };
    expect(collectionsOf('articles/history/a.md', cols)).toEqual(['역사', 'all']);
    expect(collectionsOf('articles/history-2/a.md', cols)).toEqual(['all']);
    expect(collectionsOf('books/b.epub', cols)).toEqual([]);
  });
});

describe('finding the library', () => {
  it('finds the drive root from the executable in app/win or app/linux', () => {
    expect(driveRootFromExecutable('E:\\app\\win\\Changmun.exe')).toBe('E:\\');
    expect(driveRootFromExecutable('F:\\stick\\app\\win\\창문.exe')).toBe('F:\\stick');
    expect(driveRootFromExecutable('/media/usb/app/linux/changmun')).toBe('/media/usb');
    expect(driveRootFromExecutable('/app/linux/changmun')).toBe('/');
    expect(driveRootFromExecutable('/usr/lib/changmun/changmun')).toBeUndefined();
    expect(driveRootFromExecutable('/media/usb/app/mac/changmun')).toBeUndefined();
  });

  it('prefers an explicit folder, then the drive, then the sample library in development', () => {
    const drive = mkdtempSync(path.join(tmpdir(), 'changmun-drive-'));
    mkdirSync(path.join(drive, 'library'));
    mkdirSync(path.join(drive, 'app', 'linux'), { recursive: true });
    const exe = path.join(drive, 'app', 'linux', 'changmun');
    writeFileSync(exe, '');

    const fromDrive = locateLibrary({ execPath: exe, devRoot: REPO_ROOT });
    expect(fromDrive).toMatchObject({ source: 'drive', libraryRoot: path.join(drive, 'library'), dataDir: path.join(drive, '.changmun') });

    const other = mkdtempSync(path.join(tmpdir(), 'changmun-lib-'));
    expect(locateLibrary({ explicit: other, execPath: exe, devRoot: REPO_ROOT })).toMatchObject({ source: 'argument', libraryRoot: other });

    const dev = locateLibrary({ execPath: '/usr/bin/node', devRoot: REPO_ROOT });
    expect(dev).toMatchObject({ source: 'development', libraryRoot: path.join(REPO_ROOT, 'content-sample') });
  });

  it('treats a drive root, its library folder and a loose folder each the right way', () => {
    const drive = mkdtempSync(path.join(tmpdir(), 'changmun-drive-'));
    mkdirSync(path.join(drive, 'library'));
    mkdirSync(path.join(drive, '.changmun'));
    expect(resolveLibraryFolder(drive).libraryRoot).toBe(path.join(drive, 'library'));
    expect(resolveLibraryFolder(path.join(drive, 'library')).driveRoot).toBe(drive);
    const loose = mkdtempSync(path.join(tmpdir(), 'changmun-loose-'));
    const looseLocation = resolveLibraryFolder(loose);
    expect(looseLocation).toMatchObject({ libraryRoot: loose, dataDir: path.join(loose, '.changmun') });
    expect(looseLocation.driveRoot).toBeUndefined();
  });

  it('says plainly when a named folder does not exist', () => {
    expect(() => resolveLibraryFolder('/nonexistent/changmun-library')).toThrow(/library folder not found/);
  });
});
