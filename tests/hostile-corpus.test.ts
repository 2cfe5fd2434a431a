// Issue 7 §1: a library holding content-sample and the hostile corpus (tests/hostile/corpus.ts).
// Every hostile file must end as a problem entry (its path, a message in Korean and English) or as
// an item that reads safely; the sample must come through untouched and searchable; the scan must
// finish (vitest's timeout; the pool's time limit) within bounded memory (measured, printed).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanLibrary, type ScanResult } from '../main/core/catalog/scan.js';
import { LibraryIndex } from '../main/core/search/library-index.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import type { Item } from '../main/core/types.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';
import { copyContentSample, removeTree, writeHostileCorpus, type HostileFile } from './hostile/corpus.js';
import { SCRIPT_WORD } from './hostile/markup.js';

interface Query { kind: string; query: string; expect: string }
const QUERIES = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'search-queries.json'), 'utf8')) as Query[];

const MiB = 1024 * 1024;
/** Growth of the whole process (the main thread and its extraction workers) the scan may cause. */
const RSS_GROWTH_LIMIT = 1024 * MiB;

let tmp = '';
let library = '';
let corpus: HostileFile[] = [];
let scan: ScanResult;
let sampleOnly: ScanResult;
let peakGrowth = 0;
let scanMs = 0;

const textOf = (item: Item) => item.chunks.map((c) => c.text).join('\n');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-hostile-'));
  library = path.join(tmp, 'library');
  copyContentSample(CONTENT_SAMPLE, library);
  corpus = writeHostileCorpus(library, { outside: path.join(tmp, 'outside') });
  const sample = path.join(tmp, 'sample-only');
  copyContentSample(CONTENT_SAMPLE, sample);
  sampleOnly = await scanLibrary(sample);

  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    scan = await scanLibrary(library);
  } finally {
    clearInterval(sampler);
  }
  scanMs = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  peakGrowth = peak - base;
  console.log(
    `[hostile corpus] ${corpus.length} hostile files + content-sample: scanned in ${(scanMs / 1000).toFixed(1)} s; ` +
      `${scan.catalog.items.length} items, ${scan.catalog.problems.length} problems; ` +
      `peak RSS growth ${(peakGrowth / MiB).toFixed(0)} MB (limit ${RSS_GROWTH_LIMIT / MiB} MB)`,
  );
}, 180_000);

afterAll(() => {
  if (tmp) removeTree(tmp);
});

describe('scanning a library with the hostile corpus in it', () => {
  it('reports exactly the broken and refused files as problems, each with its path and a message in Korean and English', () => {
    const wanted = corpus.filter((f) => 'problem' in f.expect);
    const problems = new Map(scan.catalog.problems.map((p) => [p.path, p]));
    expect([...problems.keys()].sort()).toEqual(wanted.map((f) => f.path).sort());
    for (const f of wanted) {
      const p = problems.get(f.path)!;
      const codes = (f.expect as { problem: string[] }).problem;
      expect(codes, `${f.path} (${f.what}): ${p.code} ${p.messageEn}`).toContain(p.code);
      expect(p.messageKo.startsWith(`${f.path}: `), p.messageKo).toBe(true);
      expect(p.messageEn.startsWith(`${f.path}: `), p.messageEn).toBe(true);
      expect(p.messageKo.slice(f.path.length), `${f.path}: Korean message`).toMatch(/[가-힣]/);
      expect(p.messageEn.slice(f.path.length), `${f.path}: English message`).toMatch(/[a-z]{3}/);
      expect(p.message).toBe(`${p.messageKo} / ${p.messageEn}`);
    }
  });

  it('makes every other hostile file an item that reads as text: visible words in, scripts and hidden text out', () => {
    const wanted = corpus.filter((f) => 'item' in f.expect);
    const items = new Map(scan.catalog.items.filter((i) => i.path.startsWith('hostile/')).map((i) => [i.path, i]));
    expect([...items.keys()].sort()).toEqual(wanted.map((f) => f.path).sort());
    for (const f of wanted) {
      const e = f.expect as { item: string; words?: string[]; never?: string[]; minChunks?: number };
      const item = items.get(f.path)!;
      expect(item.type, `${f.path} (${f.what})`).toBe(e.item);
      const text = `${item.title}\n${textOf(item)}`;
      for (const w of e.words ?? []) expect(text, `${f.path} should hold ${w}`).toContain(w);
      for (const w of e.never ?? []) expect(text, `${f.path} must not hold ${w}`).not.toContain(w);
      expect(item.chunks.length).toBeGreaterThanOrEqual(e.minChunks ?? 1);
      for (const c of item.chunks) expect(c.text.length).toBeLessThanOrEqual(2000);
    }
  });

  it('treats names that start with a dot as hidden files: neither an item nor a problem', () => {
    const hidden = corpus.filter((f) => 'hidden' in f.expect).map((f) => f.path);
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    const seen = new Set([...scan.catalog.items.map((i) => i.path), ...scan.catalog.problems.map((p) => p.path)]);
    for (const h of hidden) expect(seen.has(h), h).toBe(false);
  });

  it('never reads through a link out of the library, and never indexes a script', () => {
    const all = scan.catalog.items.map((i) => `${i.title}\n${textOf(i)}`).join('\n');
    expect(all).not.toContain('OUTSIDESECRET');
    expect(all).not.toContain('OUTSIDEFOLDER');
    expect(all).not.toContain('root:x:0:0');
    expect(all).not.toContain(SCRIPT_WORD);
  });

  it('keeps subtitle times sane however the file wrote them: non-negative, sorted, end not before start', () => {
    const films = scan.catalog.items.filter((i) => i.path.startsWith('hostile/subtitles/'));
    expect(films.length).toBeGreaterThanOrEqual(5);
    for (const film of films) {
      const starts = film.chunks.map((c) => c.locator.startMs!);
      for (const s of starts) expect(Number.isFinite(s) && s >= 0, `${film.path}: ${s}`).toBe(true);
      expect(starts, film.path).toEqual([...starts].sort((a, b) => a - b));
    }
    // The 50 MB line is cut into bounded chunks that all open at its cue.
    const long = films.find((f) => f.path.endsWith('long-line.srt'))!;
    expect(long.chunks.length).toBeGreaterThan(10_000);
    expect(new Set(long.chunks.slice(0, -1).map((c) => c.locator.startMs))).toEqual(new Set([1000]));
  });

  it('leaves every item of content-sample exactly as a library without the corpus has it', () => {
    const strip = ({ mtimeMs: _m, ...rest }: Item) => rest;
    const combined = new Map(scan.catalog.items.map((i) => [i.path, i]));
    expect(sampleOnly.catalog.items.length).toBe(15);
    for (const item of sampleOnly.catalog.items) {
      const same = combined.get(item.path);
      expect(same, item.path).toBeDefined();
      expect(strip(same!)).toEqual(strip(item));
    }
    expect(scan.catalog.problems.filter((p) => !p.path.startsWith('hostile/'))).toEqual([]);
  });

  it('stays within bounded memory: the workers hold one file each, under a heap limit', () => {
    expect(peakGrowth).toBeLessThan(RSS_GROWTH_LIMIT);
  });
});

describe('the app’s index over the same library (LibraryIndex, in memory)', () => {
  let index: LibraryIndex;
  beforeAll(async () => {
    index = new LibraryIndex(resolveLibraryFolder(library), { save: false });
    const summary = await index.start();
    expect(summary.saved).toBe(false);
  }, 180_000);
  afterAll(() => index?.close());

  it('lists the same items and problems as the scan', () => {
    const catalog = index.snapshot();
    expect(catalog.items.map((i) => i.path)).toEqual(scan.catalog.items.map((i) => i.path));
    expect(catalog.problems.map((p) => `${p.path} ${p.code}`).sort()).toEqual(scan.catalog.problems.map((p) => `${p.path} ${p.code}`).sort());
  });

  it(`still finds the sample's items for all ${QUERIES.length} checked-in queries`, () => {
    const misses = QUERIES.filter((q) => !index.engine.search(q.query, { limit: 10, snippetsPerItem: 0 }).results.some((r) => r.path === q.expect))
      .map((q) => `[${q.kind}] "${q.query}" → ${index.engine.search(q.query, { limit: 5 }).results.map((r) => r.path).join(', ')}`);
    expect(misses).toEqual([]);
  });

  it('finds what the hostile items show, and never what their scripts or hidden parts hold', () => {
    const find = (q: string) => index.engine.search(q, { limit: 20 }).results.map((r) => r.path);
    expect(find('VISIBLEWORD')).toEqual(['hostile/articles/스크립트 가득한 글.html']);
    expect(find('MDVISIBLE')).toEqual(['hostile/articles/raw-html.md']);
    expect(find('BOOKVISIBLE')).toEqual(['hostile/books/scripts.epub']);
    expect(find('LASTSECTIONWORD')).toEqual(['hostile/books/thousands-of-sections.epub']);
    expect(find('AFTERLONG')).toEqual(['hostile/subtitles/long-line.srt']);
    expect(find('DEEPPATHWORD')).toHaveLength(1);
    expect(find('KOREANNAME')).toEqual(['hostile/names/한국어 이름   과 공백.md']);
    for (const w of [SCRIPT_WORD, 'HIDDENWORD', 'TEMPLATEWORD', 'OUTSIDESECRET', 'EVILUP', 'EVILPASSWD', 'UNSAFENAME', 'DEEPBOOKLOST']) {
      expect(find(w), w).toEqual([]);
    }
  });
});

describe('the extraction pool’s limits', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'changmun-hostile-limits-'));
    writeFileSync(path.join(dir, 'fine.md'), '# 멀쩡한 글\n\n멀쩡한 낱말 FINEWORD.\n');
    // 32 MB of tiny elements: a DOM of four million nodes, far more than a worker's heap holds.
    writeFileSync(path.join(dir, 'memory-bomb.html'), `<p>${'<b>x</b>'.repeat(4_000_000)}`);
  });
  afterAll(() => {
    if (dir) removeTree(dir);
  });

  it('a file that needs more memory than a worker may have costs only that file (the main thread lives on)', async () => {
    const { catalog } = await scanLibrary(dir, { maxHeapMb: 64 });
    expect(catalog.items.map((i) => i.path)).toEqual(['fine.md']);
    expect(catalog.problems.map((p) => [p.path, p.code])).toEqual([['memory-bomb.html', 'too-large']]);
    expect(catalog.problems[0]!.messageEn).toMatch(/memory limit/);
  }, 60_000);

  it('a file that takes longer than the time limit is given up on, and the rest is read', async () => {
    const { catalog } = await scanLibrary(dir, { timeoutMs: 1000 });
    expect(catalog.items.map((i) => i.path)).toEqual(['fine.md']);
    expect(catalog.problems.map((p) => [p.path, p.code])).toEqual([['memory-bomb.html', 'too-large']]);
    expect(catalog.problems[0]!.messageEn).toMatch(/gave up after 1 s/);
  }, 60_000);
});
