// The back end behind the contract, on a temp copy of content-sample, and the state it keeps.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../main/api.js';
import { LibraryService } from '../main/core/library-service.js';
import { textToHtml } from '../main/core/serve/article-html.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { StateStore, stateDir, stateFile } from '../main/core/state/index.js';
import type { Settings } from '../main/api.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';

const temps: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
function copySample(): string {
  const d = tempDir('changmun-service-');
  // Never a saved index someone left in content-sample: these tests start from the files.
  cpSync(CONTENT_SAMPLE, d, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const LIBRARY_JSON = JSON.parse(readFileSync(path.join(CONTENT_SAMPLE, 'library.json'), 'utf8')) as { title: string; collections: Record<string, string[]> };
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('LibraryService on content-sample', () => {
  let dir: string;
  let service: LibraryService;
  let quits = 0;

  beforeAll(async () => {
    dir = copySample();
    service = new LibraryService(resolveLibraryFolder(dir), { workers: 2, onQuit: () => void quits++ });
    // Asked at once, the worker answers, saying the answer is not complete yet.
    const early = await service.search('동백꽃');
    expect(early.complete).toBe(false);
    await service.ready;
  });
  afterAll(async () => {
    await service.close();
  });

  it('lists 15 items, no problems, and the collections and title of library.json', async () => {
    const lib = await service.getLibrary();
    expect(lib.items).toHaveLength(15);
    expect(lib.problems).toEqual([]);
    expect(lib.collections).toEqual(Object.keys(LIBRARY_JSON.collections));
    expect(lib).toMatchObject({ title: LIBRARY_JSON.title, appName: '창문', language: 'ko', writable: true });
    expect(lib.index).toMatchObject({ complete: true, phase: 'done' });
    const book = lib.items.find((i) => i.path === 'books/동백꽃.epub')!;
    expect(book).toMatchObject({ type: 'book', title: '동백꽃', collections: ['문학 Literature'] });
    expect(book.book?.hasCover).toBe(true);
    expect(book.book?.toc.length).toBeGreaterThan(0);
    expect(book.chunkCount).toBeGreaterThan(3);
    const film = lib.items.find((i) => i.path === 'films/바다의 편지.mp4')!;
    expect(film.video).toMatchObject({ hasVideo: true, subtitles: [{ path: 'films/바다의 편지.smi', format: 'sami' }] });
    // Plain JSON: nothing the contract does not name crosses the wire (chunks, shards, spine).
    expect(JSON.stringify(lib)).not.toMatch(/"chunks"|"shard"|"spine"/);
    expect(await service.getIndexStatus()).toMatchObject({ complete: true });
  });

  it('searches through the worker', async () => {
    const r = await service.search('동백꽃');
    expect(r.complete).toBe(true);
    expect(r.results[0]).toMatchObject({ path: 'books/동백꽃.epub', titleMatch: 'exact' });
    const filtered = await service.search('lighthouse', { type: 'video', limit: 2 });
    expect(filtered.results.length).toBeGreaterThan(0);
    expect(filtered.results.every((x) => x.type === 'video')).toBe(true);
  });

  it('returns articles as HTML: HTML as written, Markdown rendered, text in paragraphs', async () => {
    const html = await service.getArticle('articles/history/타이타닉호의-마지막-밤.html');
    expect(html).toMatchObject({ format: 'html', title: '타이타닉호의 마지막 밤', language: 'ko' });
    expect(html.html).toContain('타이타닉');
    const md = await service.getArticle('articles/history/제주-해녀의-역사.md');
    expect(md.format).toBe('markdown');
    expect(md.html).toContain('<h1>바다를 일군 여성들 — 제주 해녀의 역사</h1>');
    expect(md.html).toContain('숨비소리');
    const txt = await service.getArticle('articles/daily-life/running-a-small-library.txt');
    expect(txt.format).toBe('text');
    expect(txt.html).toMatch(/^<p>Running a Small Library from a Box<br>/);
    expect(txt.html).toContain('A library does not need a building.');
  });

  it('escapes plain text and keeps its paragraphs', () => {
    expect(textToHtml('a <b>\r\n& "c"\n\n\n  d\'\n')).toBe('<p>a &#60;b&#62;<br>\n&#38; &#34;c&#34;</p>\n<p>d&#39;</p>');
  });

  it('returns every subtitle track of a film, Korean and English, from the CP949 SAMI file', async () => {
    const tracks = await service.getSubtitles('films/바다의 편지.mp4');
    expect(tracks.map((t) => t.language).sort()).toEqual(['en', 'ko']);
    const ko = tracks.find((t) => t.language === 'ko')!;
    expect(ko).toMatchObject({ path: 'films/바다의 편지.smi', format: 'sami', label: 'KRCC' });
    expect(ko.cues.some((c) => c.text.includes('똠방이'))).toBe(true);
    expect(ko.cues.every((c) => c.endMs >= c.startMs)).toBe(true);
    const keeper = await service.getSubtitles('films/the-lighthouse-keeper.mp4');
    expect(new Set(keeper.map((t) => t.path)).size).toBeGreaterThanOrEqual(2);
  });

  it('reads a book cover out of the EPUB', async () => {
    const cover = await service.coverBytes('books/동백꽃.epub');
    expect(cover?.mediaType).toBe('image/png');
    expect([...cover!.bytes.subarray(0, 8)]).toEqual(PNG);
    expect(await service.coverBytes('articles/history/haenyeo.png')).toBeUndefined();
    expect(await service.coverBytes('../books/동백꽃.epub')).toBeUndefined();
  });

  it('refuses paths outside the library without naming where the library is', async () => {
    for (const bad of ['../library.json', '/etc/passwd.txt', '.changmun/index/manifest.json', 'articles/../../x.md']) {
      const e = await service.getArticle(bad).then(() => undefined, (x: unknown) => x);
      expect(e, bad).toBeInstanceOf(ApiError);
      expect(String((e as Error).message)).not.toContain(dir);
    }
    await expect(service.getArticle('films/바다의 편지.mp4')).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('keeps settings and positions in memory, and quit() calls its callback', async () => {
    const s = await service.getSettings();
    expect(s).toEqual({ language: 'ko', fontSize: 18, theme: 'light', remember: false, rememberPlaces: true, volume: 0.3 });
    expect(await service.saveSettings({ ...s, theme: 'dark' })).toEqual({ saved: false, reason: 'not-remembering' });
    expect((await service.getSettings()).theme).toBe('dark');
    expect(await service.savePosition('books/동백꽃.epub', { at: 'epubcfi(/6/4)', updatedAt: '2025-01-01T00:00:00Z' })).toMatchObject({ saved: false });
    expect(Object.keys(await service.getPositions())).toEqual(['books/동백꽃.epub']);
    expect(existsSync(path.join(dir, '.changmun', 'state'))).toBe(false);
    await service.quit();
    expect(quits).toBe(1);
    expect(await service.forgetEverything()).toEqual({ saved: true });
    expect(await service.getPositions()).toEqual({});
  });

  it('shows the saved catalog at once when it starts again, before the index is loaded', async () => {
    const again = new LibraryService(resolveLibraryFolder(dir), { workers: 1 });
    try {
      const lib = await again.getLibrary();
      expect(lib.items).toHaveLength(15);
      // The worker is still starting: the items came from the catalog the drive had saved.
      expect(lib.index.complete).toBe(false);
      await again.ready;
      expect((await again.getLibrary()).index.complete).toBe(true);
    } finally {
      await again.close();
    }
  });
});

describe('LibraryService while a new library is indexed', () => {
  it('shows items as they are read, before the index is complete', async () => {
    const service = new LibraryService(resolveLibraryFolder(copySample()), { workers: 1 });
    try {
      const seen: { items: number; complete: boolean; phase: string }[] = [];
      let done = false;
      service.ready.then(() => (done = true), () => (done = true));
      while (!done) {
        const lib = await service.getLibrary();
        seen.push({ items: lib.items.length, complete: lib.index.complete, phase: lib.index.phase });
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(seen.some((x) => !x.complete && x.items > 0), JSON.stringify(seen.slice(-5))).toBe(true);
      expect(seen.some((x) => x.phase === 'indexing')).toBe(true);
      // 'done' is said only with a complete index (without one it means indexing failed).
      expect(seen.filter((x) => x.phase === 'done' && !x.complete)).toEqual([]);
      expect((await service.getLibrary()).items).toHaveLength(15);
    } finally {
      await service.close();
    }
  });
});

describe('LibraryService: the library sent once, then as changes', () => {
  it('while the first index is built, the changes add up to the library, and a page that applies them is never sent it whole again', async () => {
    const { applyLibraryChanges } = await import('../renderer/src/screens/library-changes.js');
    const service = new LibraryService(resolveLibraryFolder(copySample()), { workers: 1 });
    try {
      let lib = await service.getLibrary();
      let done = false;
      service.ready.then(() => (done = true), () => (done = true));
      const sent: number[] = [];
      let fulls = 0;
      while (!done) {
        const c = await service.getLibraryChanges(lib.version);
        if (c.full) fulls++;
        sent.push(c.items.length);
        lib = applyLibraryChanges(lib, c);
        await new Promise((r) => setTimeout(r, 5));
      }
      const last = await service.getLibraryChanges(lib.version);
      lib = applyLibraryChanges(lib, last);
      const whole = await service.getLibrary();
      expect(lib.items.map((i) => i.path)).toEqual(whole.items.map((i) => i.path));
      expect(lib.items).toHaveLength(15);
      // Items came a few at a time; the whole list at most once (the first answer after the saved catalog).
      expect(sent.filter((n) => n > 0).length).toBeGreaterThan(1);
      expect(fulls).toBeLessThanOrEqual(1);
      // Once complete and unchanged: nothing.
      const idle = await service.getLibraryChanges(lib.version);
      expect(idle).toMatchObject({ full: false, items: [], removed: [] });
      expect(idle.index.complete).toBe(true);
    } finally {
      await service.close();
    }
  });

  it('a damaged saved index is said in the index status while it is built again, then the library is whole', async () => {
    const dir = copySample();
    const first = new LibraryService(resolveLibraryFolder(dir), { workers: 1 });
    await first.ready;
    await first.close();
    const index = path.join(dir, '.changmun', 'index');
    const post = readdirSync(index).find((n) => /^seg-\d+\.post$/.test(n))!;
    writeFileSync(path.join(index, post), 'not postings');
    const service = new LibraryService(resolveLibraryFolder(dir), { workers: 1 });
    try {
      await service.ready;
      const lib = await service.getLibrary();
      expect(lib.index).toMatchObject({ complete: true, notice: 'damaged' });
      expect(lib.items).toHaveLength(15);
      expect((await service.search('동백꽃')).results[0]!.path).toBe('books/동백꽃.epub');
    } finally {
      await service.close();
    }
  });
});

describe('LibraryService: a search worker that stops', () => {
  it('is noticed at once (nothing waits for a timeout) and started again; search works again', async () => {
    const service = new LibraryService(resolveLibraryFolder(copySample()), { workers: 1 });
    try {
      await service.ready;
      const internal = service as unknown as { searchService: { crashForTest(): Promise<number> } };
      const asked = service.search('동백꽃');
      await internal.searchService.crashForTest();
      // The question in flight is answered with an error, not left hanging for ever.
      await expect(asked).rejects.toThrow(/stopped|starting again/);
      expect((await service.getIndexStatus()).complete).toBe(false);
      for (let i = 0; i < 200 && !(await service.getIndexStatus()).complete; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await service.getIndexStatus()).complete).toBe(true);
      expect((await service.search('동백꽃')).results[0]!.path).toBe('books/동백꽃.epub');
      expect((await service.getLibrary()).items).toHaveLength(15);
    } finally {
      await service.close();
    }
  });
});

describe('StateStore', () => {
  const on = (s: Partial<Settings> = {}): Settings => ({ language: 'ko', fontSize: 20, theme: 'dark', remember: true, rememberPlaces: true, volume: 0.3, ...s });
  const at = (x: string | number) => ({ at: x, updatedAt: '2025-05-05T05:05:05Z' });

  it('remembers nothing on the drive by default', async () => {
    const dataDir = path.join(tempDir('changmun-state-'), '.changmun');
    const store = await StateStore.open(dataDir, { language: 'en' });
    expect(store.getSettings()).toEqual({ language: 'en', fontSize: 18, theme: 'light', remember: false, rememberPlaces: true, volume: 0.3 });
    expect(await store.saveSettings(on({ remember: false }))).toEqual({ saved: false, reason: 'not-remembering' });
    expect(await store.savePosition('a.md', at(0.5))).toEqual({ saved: false, reason: 'not-remembering' });
    expect(store.getSettings().fontSize).toBe(20);
    expect(store.getPositions()).toEqual({ 'a.md': at(0.5) });
    expect(existsSync(dataDir)).toBe(false);
    expect((await StateStore.open(dataDir)).getPositions()).toEqual({});
  });

  it('keeps settings and positions in state/state.json when remember is on, offered to the next session', async () => {
    const dataDir = path.join(tempDir('changmun-state-'), '.changmun');
    const store = await StateStore.open(dataDir);
    await store.savePosition('films/x.mp4', at(42));
    expect(await store.saveSettings(on())).toEqual({ saved: true });
    expect(await store.savePosition('books/b.epub', at('epubcfi(/6/2)'))).toEqual({ saved: true });
    expect(existsSync(stateFile(dataDir))).toBe(true);
    // The next session is told, and uses it only when the person continues.
    const next = await StateStore.open(dataDir);
    expect(next.getSettings().remember).toBe(false);
    expect(next.rememberStatus()).toEqual({ onDrive: false, found: { places: 2 }, sessionPlaces: 0 });
    expect(await next.resumeRemembering()).toEqual({ saved: true });
    expect(next.getSettings()).toEqual(on());
    expect(next.getPositions()).toEqual({ 'films/x.mp4': at(42), 'books/b.epub': at('epubcfi(/6/2)') });
    // Many saves at once end in one whole file.
    await Promise.all(Array.from({ length: 20 }, (_, i) => next.savePosition(`p${i}.md`, at(i / 20))));
    expect((await StateStore.open(dataDir)).rememberStatus().found).toEqual({ places: 22 });
    // Turning it off takes the file off the drive.
    expect(await next.saveSettings(on({ remember: false }))).toEqual({ saved: false, reason: 'not-remembering' });
    expect(existsSync(stateDir(dataDir))).toBe(false);
    expect((await StateStore.open(dataDir)).rememberStatus().found).toBeUndefined();
  });

  it('where the data folder is not a folder, writes nothing, says so and works from memory', async () => {
    const dataDir = path.join(tempDir('changmun-state-'), '.changmun');
    writeFileSync(dataDir, 'a file where the folder should be');
    const store = await StateStore.open(dataDir);
    expect(await store.saveSettings(on())).toEqual({ saved: false, reason: 'refused' });
    expect(store.getSettings()).toEqual(on());
    expect(await store.savePosition('a.md', at(0.25))).toEqual({ saved: false, reason: 'refused' });
    expect(store.getPositions()).toEqual({ 'a.md': at(0.25) });
    expect(await store.forgetEverything()).toEqual({ saved: true });
    expect(store.getSettings().remember).toBe(false);
  });

  it('forgets everything: the state folder and memory', async () => {
    const dataDir = path.join(tempDir('changmun-state-'), '.changmun');
    const store = await StateStore.open(dataDir);
    await store.saveSettings(on());
    await store.savePosition('a.md', at(1));
    expect(existsSync(stateFile(dataDir))).toBe(true);
    expect(await store.forgetEverything()).toEqual({ saved: true });
    expect(existsSync(stateDir(dataDir))).toBe(false);
    expect(store.getPositions()).toEqual({});
    expect(store.getSettings().remember).toBe(false);
    expect((await StateStore.open(dataDir)).rememberStatus().found).toBeUndefined();
  });

  it('remembers where I was for the session by default; turned off, keeps no place and drops those kept, on the drive too', async () => {
    const dataDir = path.join(tempDir('changmun-state-'), '.changmun');
    const store = await StateStore.open(dataDir);
    expect(store.getSettings().rememberPlaces).toBe(true);
    await store.savePosition('books/b.epub', at('epubcfi(/6/2)'));
    await store.saveSettings(on());
    expect((await StateStore.open(dataDir)).rememberStatus().found).toEqual({ places: 1 });
    expect(await store.saveSettings(on({ rememberPlaces: false }))).toEqual({ saved: true });
    expect(store.getPositions()).toEqual({});
    expect(await store.savePosition('a.md', at(0.5))).toEqual({ saved: false, reason: 'not-remembering' });
    expect(store.getPositions()).toEqual({});
    // What the drive holds now has no place in it, and says places are not kept.
    const next = await StateStore.open(dataDir);
    expect(next.rememberStatus().found).toEqual({ places: 0 });
    await next.resumeRemembering();
    expect(next.getSettings().rememberPlaces).toBe(false);
  });

  it('keeps the films\' volume, starting low, and reads a state file written before volume and places existed', async () => {
    const dataDir = path.join(tempDir('changmun-state-'), '.changmun');
    const store = await StateStore.open(dataDir);
    expect(store.getSettings().volume).toBeLessThanOrEqual(0.3);
    await store.saveSettings(on({ volume: 0.8, theme: 'sepia' }));
    const next = await StateStore.open(dataDir);
    await next.resumeRemembering();
    expect(next.getSettings()).toMatchObject({ volume: 0.8, theme: 'sepia' });
    await next.saveSettings({ ...next.getSettings(), volume: 7 });
    expect(next.getSettings().volume).toBe(0.8);
    // An older file: the four first settings only.
    writeFileSync(stateFile(dataDir), JSON.stringify({ format: 1, settings: { language: 'ko', fontSize: 20, theme: 'dark', remember: true }, positions: {} }));
    const old = await StateStore.open(dataDir);
    expect(old.rememberStatus().found).toEqual({ places: 0 });
    await old.resumeRemembering();
    expect(old.getSettings()).toMatchObject({ theme: 'dark', rememberPlaces: true, volume: 0.3 });
  });

  it('cleans what it is given and survives a damaged file', async () => {
    const dataDir = path.join(tempDir('changmun-state-'), '.changmun');
    const store = await StateStore.open(dataDir);
    await store.saveSettings({ language: 'xx', fontSize: 1e9, theme: 'neon', remember: 'yes' } as unknown as Settings);
    expect(store.getSettings()).toEqual({ language: 'ko', fontSize: 48, theme: 'light', remember: false, rememberPlaces: true, volume: 0.3 });
    await expect(store.savePosition('a.md', { at: {} } as never)).rejects.toMatchObject({ code: 'bad-argument', ko: expect.stringMatching(/[가-힣]/) });
    await store.saveSettings(on());
    writeFileSync(stateFile(dataDir), '{ not json');
    const next = await StateStore.open(dataDir);
    expect(next.getSettings().remember).toBe(false);
    expect(next.rememberStatus().found).toEqual({ unreadable: true });
  });
});
