import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanLibrary } from '../main/core/catalog/scan.js';
import { SearchEngine } from '../main/core/search/engine.js';
import { LibraryIndex, type IndexProgress } from '../main/core/search/library-index.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { analyze } from '../main/text/analyze.js';
import type { SearchResponse } from '../main/core/search/types.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';

interface Query { kind: string; query: string; expect: string }
const QUERIES = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'search-queries.json'), 'utf8')) as Query[];

function copySample(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'changmun-search-'));
  cpSync(CONTENT_SAMPLE, dir, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  return dir;
}

describe('search over content-sample', () => {
  let engine: SearchEngine;

  beforeAll(async () => {
    const { catalog } = await scanLibrary(CONTENT_SAMPLE, { workers: 2 });
    engine = new SearchEngine();
    engine.indexItems('test', catalog.items);
  });

  it(`puts the expected item in the top three for all ${QUERIES.length} checked-in queries`, () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(40);
    const misses = QUERIES.filter((q) => !engine.search(q.query, { limit: 3, snippetsPerItem: 0 }).results.some((r) => r.path === q.expect))
      .map((q) => `[${q.kind}] "${q.query}" → ${engine.search(q.query, { limit: 3 }).results.map((r) => r.path).join(', ')}`);
    expect(misses).toEqual([]);
  });

  it('covers every kind of query the issue names', () => {
    const kinds = new Set(QUERIES.map((q) => q.kind));
    for (const k of ['particle', 'north-to-south', 'south-to-north', 'choseong', 'english-stem', 'two-words', 'mixed-script', 'subtitle-ko', 'subtitle-en', 'book-passage']) {
      expect(kinds).toContain(k);
    }
  });

  it('puts an exact title first, above items that only mention it', () => {
    const r = engine.search('동백꽃');
    expect(r.results[0]).toMatchObject({ path: 'books/동백꽃.epub', titleMatch: 'exact' });
  });

  it('finds North Korean spelling from South Korean and back, highlighting the word as written', () => {
    const south = engine.search('노동');
    const wonsan = south.results.find((r) => r.path === 'articles/history/원산-로동자들의-력사.html')!;
    expect(wonsan).toBeDefined();
    const hit = wonsan.hits.find((h) => h.snippet)!;
    const marked = hit.highlights!.map(([a, b]) => hit.snippet!.slice(a, b));
    expect(marked.some((w) => w.startsWith('로동'))).toBe(true);

    const north = engine.search('로동');
    expect(north.results.map((r) => r.path)).toContain('articles/history/제주-해녀의-역사.md');
  });

  it('lists every hit of an item in document order, with a locator a reader can open', () => {
    const book = engine.search('점순이', { snippetsPerItem: 100 }).results.find((r) => r.path === 'books/동백꽃.epub')!;
    expect(book.hitCount).toBeGreaterThan(3);
    expect(book.hits).toHaveLength(book.hitCount);
    const spineOrder = book.hits.map((h) => h.locator.href!);
    expect(spineOrder.every((href) => typeof href === 'string' && href.endsWith('.xhtml'))).toBe(true);
    const keys = book.hits.map((h) => `${h.locator.href}#${String(h.locator.ordinal).padStart(4, '0')}`);
    const hrefOrder = [...new Set(spineOrder)];
    expect(hrefOrder).toEqual([...new Set([...spineOrder].sort((a, b) => hrefOrder.indexOf(a) - hrefOrder.indexOf(b)))]);
    expect(new Set(keys).size).toBe(keys.length);

    const film = engine.search('lighthouse').results.find((r) => r.type === 'video')!;
    const starts = film.hits.map((h) => h.locator.startMs!);
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((s) => Number.isInteger(s))).toBe(true);

    const article = engine.search('빙산').results[0]!;
    expect(typeof article.hits[0]!.locator.anchor).toBe('string');
  });

  it('cuts snippets only for the hits asked for, each with the query words highlighted', () => {
    const r = engine.search('점순이', { snippetsPerItem: 2 });
    const book = r.results.find((x) => x.path === 'books/동백꽃.epub')!;
    expect(book.hits.filter((h) => h.snippet !== undefined)).toHaveLength(2);
    for (const h of book.hits.slice(0, 2)) {
      expect(h.highlights!.length).toBeGreaterThan(0);
      for (const [a, b] of h.highlights!) expect(analyze(h.snippet!.slice(a, b)).some((t) => t.startsWith('점순'))).toBe(true);
    }
  });

  it('requires every word, and offers partial matches marked as such when none has all', () => {
    const both = engine.search('해녀 숨비소리');
    expect(both.partial).toBe(false);
    expect(both.results.map((r) => r.path)).toContain('articles/history/제주-해녀의-역사.md');
    expect(both.results.length).toBeGreaterThan(0);
    expect(both.results.every((r) => r.hits.length > 0)).toBe(true);

    const none = engine.search('해녀 libration');
    expect(none.partial).toBe(true);
    expect(none.results.map((r) => r.path)).toEqual(expect.arrayContaining(['articles/history/제주-해녀의-역사.md', 'articles/science/why-the-moon-shows-one-face.html']));
  });

  it('takes a quoted phrase as those words together, never apart, and offers no words-apart matches instead', () => {
    const apart = engine.search('제주 해녀', { snippetsPerItem: 100 });
    const together = engine.search('"제주 해녀"', { snippetsPerItem: 100 });
    const hitsOf = (r: SearchResponse) => r.results.find((x) => x.path === 'articles/history/제주-해녀의-역사.md')?.hitCount ?? 0;
    expect(hitsOf(together)).toBeGreaterThan(0);
    expect(hitsOf(together)).toBeLessThan(hitsOf(apart));
    for (const h of together.results[0]!.hits) if (h.snippet) expect(h.snippet.replace(/\s+/g, ' ')).toContain('제주 해녀');
    // Both words are in the article, never side by side: unquoted it is found, quoted it is not.
    expect(engine.search('해녀 물질').results.map((r) => r.path)).toContain('articles/history/제주-해녀의-역사.md');
    expect(engine.search('"해녀 물질"')).toMatchObject({ total: 0, partial: false });
  });

  it('filters by type, language and collection, and pages', () => {
    const videos = engine.search('바다', { type: 'video' }).results;
    expect(videos.length).toBeGreaterThan(0);
    expect(videos.every((r) => r.type === 'video')).toBe(true);
    expect(engine.search('바다').results.some((r) => r.type !== 'video')).toBe(true);
    const english = engine.search('library', { language: 'en' }).results;
    expect(english.length).toBeGreaterThan(0);
    expect(english.every((r) => r.language === 'en')).toBe(true);
    const history = engine.search('역사', { collection: '역사 History' });
    expect(history.results.length).toBeGreaterThan(0);
    expect(history.results.every((r) => r.collections.includes('역사 History'))).toBe(true);
    const all = engine.search('the ', { limit: 50 });
    const first = engine.search('바다', { limit: 2 });
    const second = engine.search('바다', { limit: 2, offset: 2 });
    expect(first.total).toBeGreaterThan(2);
    expect(second.results[0]!.path).not.toBe(first.results[0]!.path);
    expect(all.results).toEqual([]);
  });

  it('answers nothing (not everything) for an empty query', () => {
    expect(engine.search('   ').results).toEqual([]);
  });
});

describe('the saved index', () => {
  it('is saved under .changmun/index, loads again with the same answers, and says when answers are complete', async () => {
    const dir = copySample();
    const location = resolveLibraryFolder(dir);
    const first = new LibraryIndex(location, { workers: 1 });
    const built = await first.start();
    expect(built).toMatchObject({ saved: true, loadedFromDrive: false, extracted: 18 });
    const before = first.engine.search('타이타닉을');
    first.close();
    expect(readdirSync(path.join(dir, '.changmun', 'index'))).toContain('manifest.json');

    // Titles answer before any shard is loaded, marked incomplete.
    let early: SearchResponse | undefined;
    const second = new LibraryIndex(location, {
      workers: 1,
      onProgress: (p: IndexProgress) => {
        if (p.phase === 'loading' && p.done === 0 && !early) early = second.engine.search('동백꽃');
      },
    });
    const loaded = await second.start();
    expect(loaded).toMatchObject({ loadedFromDrive: true, extracted: 0, saved: false });
    expect(early!.complete).toBe(false);
    expect(early!.results[0]!.path).toBe('books/동백꽃.epub');
    const after = second.engine.search('타이타닉을');
    expect(after.complete).toBe(true);
    expect(after.results).toEqual(before.results);
    second.close();
  });

  it('indexes only the files added, changed or removed since it was built', async () => {
    const dir = copySample();
    const location = resolveLibraryFolder(dir);
    const a = new LibraryIndex(location, { workers: 1 });
    await a.start();
    a.close();

    const md = path.join(dir, 'articles', 'history', '제주-해녀의-역사.md');
    writeFileSync(md, `${readFileSync(md, 'utf8')}\n\n## 새로 쓴 마당\n\n해녀들은 갈치조림수수께끼를 좋아했다.\n`);
    utimesSync(md, new Date(), new Date(Date.now() + 5000));
    writeFileSync(path.join(dir, 'articles', 'new-note.md'), '# 새 쪽지\n\n호랑이담배피우던시절 이야기.\n');
    rmSync(path.join(dir, 'articles', 'science', '물의-순환.html'));

    const b = new LibraryIndex(location, { workers: 1 });
    const summary = await b.start();
    expect(summary).toMatchObject({ extracted: 2, saved: true, loadedFromDrive: true });
    expect(b.engine.search('갈치조림수수께끼').results.map((r) => r.path)).toEqual(['articles/history/제주-해녀의-역사.md']);
    expect(b.engine.search('호랑이담배피우던시절').results.map((r) => r.path)).toEqual(['articles/new-note.md']);
    expect(b.engine.search('수증기가').results.map((r) => r.path)).not.toContain('articles/science/물의-순환.html');
    // The old version of the changed article no longer answers twice.
    expect(b.engine.search('숨비소리').results.filter((r) => r.path === 'articles/history/제주-해녀의-역사.md')).toHaveLength(1);
    b.close();

    const c = new LibraryIndex(location, { workers: 1 });
    expect(await c.start()).toMatchObject({ extracted: 0, loadedFromDrive: true });
    expect(c.engine.search('갈치조림수수께끼').results).toHaveLength(1);
    c.close();
  });

  it('on a drive it cannot write to, indexes in memory, searches, and says it could not save', async () => {
    const dir = copySample();
    // Where the index would go is taken by a file: nothing can be written there.
    writeFileSync(path.join(dir, '.changmun'), 'not a folder');
    const progress: IndexProgress[] = [];
    const index = new LibraryIndex(resolveLibraryFolder(dir), { workers: 1, onProgress: (p) => progress.push(p) });
    const summary = await index.start();
    expect(summary).toMatchObject({ saved: false, notSavedReason: 'read-only', items: 15 });
    expect(progress.filter((p) => p.phase === 'indexing').at(-1)).toMatchObject({ done: 18, total: 18 });
    expect(index.engine.search('타이타닉을').results[0]!.path).toBe('articles/history/타이타닉호의-마지막-밤.html');
    index.close();
  });

  it('answers from what is indexed so far while a library is still being indexed', async () => {
    const dir = copySample();
    const seen: SearchResponse[] = [];
    const index = new LibraryIndex(resolveLibraryFolder(dir), {
      workers: 1,
      save: false,
      runChars: 1,
      batchFiles: 2,
      onProgress: (p) => {
        if (p.phase === 'indexing') seen.push(index.engine.search('바다'));
      },
    });
    await index.start();
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((r) => r.complete === false)).toBe(true);
    expect(seen.some((r) => r.results.length > 0)).toBe(true);
    const final = index.engine.search('바다');
    expect(final.complete).toBe(true);
    expect(final.results.length).toBeGreaterThanOrEqual(Math.max(...seen.map((r) => r.results.length)));
    index.close();
  });

  it('pairs a subtitle added beside a film with that film', async () => {
    const dir = copySample();
    const location = resolveLibraryFolder(dir);
    const a = new LibraryIndex(location, { workers: 1 });
    await a.start();
    a.close();
    writeFileSync(path.join(dir, 'films', 'the-lighthouse-keeper.ja.srt'), '1\n00:00:01,000 --> 00:00:04,000\n灯台守の物語\n');
    const b = new LibraryIndex(location, { workers: 1 });
    await b.start();
    const hit = b.engine.search('灯台守の物語').results;
    expect(hit.map((r) => r.path)).toEqual(['films/the-lighthouse-keeper.mp4']);
    expect(b.catalog.items.find((i) => i.path === 'films/the-lighthouse-keeper.mp4')!.subtitles).toHaveLength(3);
    expect(b.engine.search('lighthouse keeper never missed').results[0]!.path).toBe('films/the-lighthouse-keeper.mp4');
    b.close();
  });
});

describe('changmun index and changmun search (the commands)', () => {
  const cli = path.join(REPO_ROOT, 'bin', 'changmun.js');

  it('search prints the documented JSON shape without writing to the library', () => {
    const dir = copySample();
    const r = spawnSync(process.execPath, [cli, 'search', dir, '타이타닉을', '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as SearchResponse;
    expect(doc.complete).toBe(true);
    expect(doc.results[0]).toMatchObject({ path: 'articles/history/타이타닉호의-마지막-밤.html', type: 'article' });
    expect(doc.results[0]!.hitCount).toBe(doc.results[0]!.hits.length);
    expect(doc.results[0]!.hits[0]!.snippet).toContain('타이타닉');
    expect(typeof doc.results[0]!.hits[0]!.locator.anchor).toBe('string');
    expect(readdirSync(dir)).not.toContain('.changmun');
  });

  it('search --type video finds a film by a line of its dialogue, with the cue time', () => {
    const r = spawnSync(process.execPath, [cli, 'search', CONTENT_SAMPLE, 'fishing boat compass', '--type', 'video', '--json'], { encoding: 'utf8' });
    const doc = JSON.parse(r.stdout) as SearchResponse;
    expect(doc.results.map((x) => x.path)).toEqual(['films/the-lighthouse-keeper.mp4']);
    expect(doc.results[0]!.hits.map((h) => h.locator.startMs)).toContain(25000);
  });

  it('index builds the saved index, and a second run reads nothing again', () => {
    const dir = copySample();
    const one = spawnSync(process.execPath, [cli, 'index', dir, '--json'], { encoding: 'utf8' });
    expect(one.status, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ saved: true, extracted: 18 });
    const two = spawnSync(process.execPath, [cli, 'index', dir, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(two.stdout)).toMatchObject({ saved: false, extracted: 0, loadedFromDrive: true });
  });
});

describe('the search service (worker thread)', () => {
  it('shows the library growing while it is indexed, then complete', async () => {
    const { SearchService } = await import('../main/core/search/service.js');
    const dir = copySample();
    const service = new SearchService(resolveLibraryFolder(dir), { save: false, workers: 1 });
    const early = await service.catalog();
    expect(early.complete).toBe(false);
    const { summary } = await service.ready;
    const late = await service.catalog();
    expect(late.complete).toBe(true);
    expect(late.catalog!.items).toHaveLength(summary.items);
    expect((await service.search('타이타닉을')).results[0]!.path).toBe('articles/history/타이타닉호의-마지막-밤.html');
    await service.close();
  });
});
