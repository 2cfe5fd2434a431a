// Issue 12 §4, the state half: "remember on this drive" is on only when the person using the app now
// turns it on. A state file planted on a stick (to make the app record what its reader reads) is
// never loaded or written silently; opting in writes, and the next session is asked; a state folder
// that is a link out of the drive gets nothing. The back end on copies of content-sample.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../main/core/library-service.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { StateStore, stateDir, stateFile } from '../main/core/state/index.js';
import { MAX_POSITIONS } from '../main/core/state/state-file.js';
import { copySample, removeTemps, tempDir } from './helpers/volunteer.js';

afterAll(() => removeTemps());

const PLACE = { at: 'epubcfi(/6/4!/4/2/1:0)', updatedAt: '2025-05-05T05:05:05Z' };
const ON = { language: 'ko', fontSize: 20, theme: 'dark', remember: true } as const;
/** What an older state file (before the places switch and the films' volume) comes back as. */
const FILLED = { rememberPlaces: true, volume: 0.3 } as const;

/** A state file as someone preparing a hostile stick would plant it: exactly this app's format. */
function plantState(dataDir: string, doc: unknown = { format: 1, settings: { ...ON, fontSize: 30 }, positions: { 'books/동백꽃.epub': PLACE, 'films/바다의 편지.mp4': { at: 12, updatedAt: PLACE.updatedAt } } }): void {
  mkdirSync(stateDir(dataDir), { recursive: true });
  writeFileSync(stateFile(dataDir), typeof doc === 'string' ? doc : JSON.stringify(doc));
}

/** Every name, size and time under a folder (links as links): what a write would change. */
function snapshot(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((n) => {
    const st = lstatSync(path.join(dir, n));
    return `${n} ${st.size} ${st.mtimeMs} ${st.isSymbolicLink() ? 'link' : ''}`;
  });
}

async function withService<T>(folder: string, run: (s: LibraryService) => Promise<T>): Promise<T> {
  const service = new LibraryService(resolveLibraryFolder(folder), { workers: 1 });
  try {
    return await run(service);
  } finally {
    await service.close();
  }
}

describe('a state file found on the drive', () => {
  it('is not loaded, and a session that does not opt in writes nothing to it', async () => {
    const drive = copySample(path.join(tempDir('changmun-remember-'), 'library'));
    const dataDir = resolveLibraryFolder(drive).dataDir;
    plantState(dataDir);
    const before = snapshot(stateDir(dataDir));
    await withService(drive, async (service) => {
      // Nothing of it is used: defaults, no places, "remember" off.
      expect(await service.getSettings()).toEqual({ language: 'ko', fontSize: 18, theme: 'light', remember: false, rememberPlaces: true, volume: 0.3 });
      expect(await service.getPositions()).toEqual({});
      // The person is told it is there, and how many places it holds (no names).
      expect(await service.getRememberStatus()).toEqual({ onDrive: false, found: { places: 2 }, sessionPlaces: 0 });
      // Reading and changing settings in this session stays in memory.
      expect(await service.savePosition('books/동백꽃.epub', { at: 'epubcfi(/6/8)', updatedAt: new Date().toISOString() })).toEqual({ saved: false, reason: 'not-remembering' });
      expect(await service.saveSettings({ language: 'ko', fontSize: 22, theme: 'dark', remember: false })).toEqual({ saved: false, reason: 'not-remembering' });
      expect(Object.keys(await service.getPositions())).toEqual(['books/동백꽃.epub']);
      await service.ready;
    });
    expect(snapshot(stateDir(dataDir))).toEqual(before);
  });

  it('is used only when the person continues: its places come back, and from then on every change is written', async () => {
    const drive = copySample(path.join(tempDir('changmun-remember-'), 'library'));
    const dataDir = resolveLibraryFolder(drive).dataDir;
    plantState(dataDir);
    await withService(drive, async (service) => {
      await service.savePosition('articles/a.md', { at: 0.5, updatedAt: PLACE.updatedAt });
      expect(await service.resumeRemembering()).toEqual({ saved: true });
      expect(await service.getSettings()).toEqual({ ...ON, ...FILLED, fontSize: 30 });
      // The drive's places, and this session's on top.
      expect(Object.keys(await service.getPositions()).sort()).toEqual(['articles/a.md', 'books/동백꽃.epub', 'films/바다의 편지.mp4']);
      expect(await service.getRememberStatus()).toEqual({ onDrive: true, sessionPlaces: 3 });
    });
    const onDrive = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as { positions: Record<string, unknown> };
    expect(Object.keys(onDrive.positions)).toHaveLength(3);
  });

  it('is deleted, folder and all, when the person forgets it', async () => {
    const drive = copySample(path.join(tempDir('changmun-remember-'), 'library'));
    const dataDir = resolveLibraryFolder(drive).dataDir;
    plantState(dataDir);
    await withService(drive, async (service) => {
      expect(await service.forgetEverything()).toEqual({ saved: true });
      expect(existsSync(stateDir(dataDir))).toBe(false);
      expect((await service.getRememberStatus()).found).toBeUndefined();
    });
  });

  it('is refused whole unless every field is exactly what this app writes', async () => {
    const good = { format: 1, settings: ON, positions: { 'a.md': PLACE } };
    const many = Object.fromEntries(Array.from({ length: MAX_POSITIONS + 1 }, (_, i) => [`a${i}.md`, PLACE]));
    const bad: [string, unknown][] = [
      ['not JSON', '{ "format": 1,'],
      ['another format', { ...good, format: 2 }],
      ['an unknown field', { ...good, extra: 1 }],
      ['remember off', { ...good, settings: { ...ON, remember: false } }],
      ['a text size no page sends', { ...good, settings: { ...ON, fontSize: 1e9 } }],
      ['a missing setting', { ...good, settings: { language: 'ko', fontSize: 20, remember: true } }],
      ['a language that is not one', { ...good, settings: { ...ON, language: 'xx' } }],
      ['places as a list', { ...good, positions: [PLACE] }],
      ['too many places', { ...good, positions: many }],
      ['a place with more in it', { ...good, positions: { 'a.md': { ...PLACE, script: 'x' } } }],
      ['a place that is not one', { ...good, positions: { 'a.md': { at: { x: 1 }, updatedAt: 'x' } } }],
      ['an absolute path', { ...good, positions: { '/etc/passwd': PLACE } }],
    ];
    for (const [what, doc] of bad) {
      const dataDir = path.join(tempDir('changmun-state-'), '.changmun');
      plantState(dataDir, doc);
      const store = await StateStore.open(dataDir);
      expect(store.rememberStatus().found, what).toEqual({ unreadable: true });
      // Continuing is not offered for such a file; even so, nothing of it would be applied.
      expect(store.getSettings().remember, what).toBe(false);
      expect(store.getPositions(), what).toEqual({});
    }
    const dataDir = path.join(tempDir('changmun-state-'), '.changmun');
    plantState(dataDir, good);
    expect((await StateStore.open(dataDir)).rememberStatus().found).toEqual({ places: 1 });
  });
});

describe('remember on this drive, opted in', () => {
  it('writes the places to the drive, and the next session is asked before anything is used', async () => {
    const drive = copySample(path.join(tempDir('changmun-remember-'), 'library'));
    const dataDir = resolveLibraryFolder(drive).dataDir;
    await withService(drive, async (service) => {
      expect(await service.getRememberStatus()).toEqual({ onDrive: false, sessionPlaces: 0 });
      expect(await service.saveSettings(ON)).toEqual({ saved: true });
      expect(await service.savePosition('books/동백꽃.epub', PLACE)).toEqual({ saved: true });
      expect(await service.getRememberStatus()).toEqual({ onDrive: true, sessionPlaces: 1 });
    });
    expect(JSON.parse(readFileSync(stateFile(dataDir), 'utf8'))).toEqual({ format: 1, settings: { ...ON, ...FILLED }, positions: { 'books/동백꽃.epub': PLACE } });
    await withService(drive, async (service) => {
      expect(await service.getRememberStatus()).toEqual({ onDrive: false, found: { places: 1 }, sessionPlaces: 0 });
      expect((await service.getSettings()).remember).toBe(false);
      expect(await service.getPositions()).toEqual({});
      expect(await service.resumeRemembering()).toEqual({ saved: true });
      expect(await service.getPositions()).toEqual({ 'books/동백꽃.epub': PLACE });
    });
  });
});

describe('a state folder that leads out of the drive', () => {
  it('.changmun/state as a link to a folder outside the drive gets nothing written into it', async () => {
    const tmp = tempDir('changmun-remember-');
    const drive = copySample(path.join(tmp, 'library'));
    const dataDir = resolveLibraryFolder(drive).dataDir;
    const outside = path.join(tmp, 'PC-documents');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'letter.txt'), 'the PC owner’s file');
    mkdirSync(dataDir, { recursive: true });
    symlinkSync(outside, stateDir(dataDir), 'junction');
    const before = snapshot(outside);
    await withService(drive, async (service) => {
      // Something is there that is not a state file: said, not used.
      expect((await service.getRememberStatus()).found).toEqual({ unreadable: true });
      expect(await service.saveSettings(ON)).toEqual({ saved: false, reason: 'refused' });
      expect(await service.savePosition('books/동백꽃.epub', PLACE)).toEqual({ saved: false, reason: 'refused' });
      expect(await service.resumeRemembering()).toEqual({ saved: false, reason: 'refused' });
      // Memory still works, and the drive is not taken for read-only.
      expect(Object.keys(await service.getPositions())).toEqual(['books/동백꽃.epub']);
      expect((await service.getLibrary()).writable).toBe(true);
      // Forgetting removes the link itself, never what it points at.
      expect(await service.forgetEverything()).toEqual({ saved: true });
    });
    expect(snapshot(outside)).toEqual(before);
    expect(existsSync(stateDir(dataDir))).toBe(false);
    expect(statSync(outside).isDirectory()).toBe(true);
  });

  it('a .changmun that is a link out of the drive gets no state either', async () => {
    const tmp = tempDir('changmun-remember-');
    const drive = path.join(tmp, 'DRIVE');
    const outside = path.join(tmp, 'PC-home');
    mkdirSync(drive);
    mkdirSync(outside);
    symlinkSync(outside, path.join(drive, '.changmun'), 'junction');
    const store = await StateStore.open(path.join(drive, '.changmun'));
    expect(await store.saveSettings(ON)).toEqual({ saved: false, reason: 'refused' });
    expect(await store.forgetEverything()).toEqual({ saved: true });
    expect(readdirSync(outside)).toEqual([]);
  });
});
