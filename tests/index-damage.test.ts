// A saved index that is damaged, foreign or forged is never trusted (issues 12 §1 and §5, 13): each
// case below builds the sample library's index, breaks it the way a failing stick, another computer
// or an attacker would, and then starts again. The app must say so (one line), answer exactly what a
// fresh index answers (never a wrong result), rebuild the index on the drive, and write nothing
// outside the drive's .changmun folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { LibraryIndex, type IndexSummary } from '../main/core/search/library-index.js';
import type { SearchResponse } from '../main/core/search/types.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';
import { copyContentSample, removeTree } from './hostile/corpus.js';

const QUERIES = ['타이타닉을', '로동', '점순이', 'lighthouse', '해녀 숨비소리', '동백꽃', '바다', 'library', '수증기', 'ㄷㅂㄲ'];

let tmp = '';
/** A built copy of the sample library (its .changmun/index made by a first start). */
let template = '';
/** What a fresh index answers to QUERIES. */
let reference: string[] = [];

function answersOf(search: (q: string) => SearchResponse): string[] {
  return QUERIES.map((q) => {
    const r = search(q);
    return JSON.stringify({ q, total: r.total, partial: r.partial, results: r.results.map((x) => ({ path: x.path, hits: x.hits })) });
  });
}

async function startIndex(dir: string, save = true): Promise<{ index: LibraryIndex; summary: IndexSummary }> {
  const index = new LibraryIndex(resolveLibraryFolder(dir), { workers: 1, save });
  return { index, summary: await index.start() };
}

let copies = 0;
function builtCopy(): { dir: string; indexDir: string } {
  const dir = path.join(tmp, `case-${copies++}`, 'library');
  // Times kept to the nanosecond (cp -a): the copy is the same library as indexed, nothing to read again.
  mkdirSync(path.dirname(dir), { recursive: true });
  execFileSync('cp', ['-a', template, dir]);
  return { dir, indexDir: path.join(dir, '.changmun', 'index') };
}

const named = (indexDir: string, re: RegExp) => readdirSync(indexDir).filter((n) => re.test(n)).map((n) => path.join(indexDir, n));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every file under `root` with its size and content hash, `.changmun` of `except` left out. */
function snapshot(root: string, except: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (p === except) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(p, sha256(readFileSync(p)));
      else out.set(p, 'link');
    }
  };
  walk(root);
  return out;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-damage-'));
  template = path.join(tmp, 'template');
  copyContentSample(CONTENT_SAMPLE, template);
  const { index, summary } = await startIndex(template);
  expect(summary.saved).toBe(true);
  reference = answersOf((q) => index.search(q));
  index.close();
  // Not vacuous: the queries find things, with hits and snippets.
  expect(reference.filter((a) => JSON.parse(a).total > 0).length).toBeGreaterThanOrEqual(9);
}, 120_000);

afterAll(() => {
  if (tmp) removeTree(tmp);
});

/** Start on the damaged copy: the damage is named, the answers are a fresh index's, the drive is mended. */
async function expectRebuilt(dir: string, what: RegExp): Promise<void> {
  const outside = snapshot(path.dirname(path.dirname(dir)), path.join(dir, '.changmun'));
  const { index, summary } = await startIndex(dir);
  try {
    expect(summary.damaged, 'the damage is reported').toMatch(what);
    expect(summary.loadedFromDrive).toBe(false);
    expect(summary.saved, 'the index is built again on the drive').toBe(true);
    expect(answersOf((q) => index.search(q))).toEqual(reference);
  } finally {
    index.close();
  }
  // Mended: the next start loads it, with nothing to say.
  const again = await startIndex(dir);
  try {
    expect(again.summary.loadedFromDrive).toBe(true);
    expect(again.summary.damaged).toBeUndefined();
    expect(answersOf((q) => again.index.search(q))).toEqual(reference);
  } finally {
    again.index.close();
  }
  expect(snapshot(path.dirname(path.dirname(dir)), path.join(dir, '.changmun')), 'nothing outside .changmun changed').toEqual(outside);
}

describe('a damaged saved index is dropped and built again, with the same answers as a fresh one', () => {
  it('postings cut short', async () => {
    const { dir, indexDir } = builtCopy();
    const [post] = named(indexDir, /^seg-\d+\.post$/);
    truncateSync(post!, Math.floor(statSync(post!).size / 2));
    await expectRebuilt(dir, /seg-\d+\.post/);
  });

  it('a dictionary replaced by another file of the same size', async () => {
    const { dir, indexDir } = builtCopy();
    const [dict] = named(indexDir, /^seg-\d+\.dict$/);
    const size = statSync(dict!).size;
    writeFileSync(dict!, Buffer.alloc(size, 0x41));
    await expectRebuilt(dir, /seg-\d+\.dict/);
  });

  it('one byte changed in the chunk table', async () => {
    const { dir, indexDir } = builtCopy();
    const [chunks] = named(indexDir, /^run-\d+-\d+\.chunks$/);
    const b = readFileSync(chunks!);
    b[Math.floor(b.length / 3)]! ^= 0x01;
    writeFileSync(chunks!, b);
    await expectRebuilt(dir, /run-\d+-\d+\.chunks/);
  });

  it('the stored text missing', async () => {
    const { dir, indexDir } = builtCopy();
    for (const f of named(indexDir, /\.text$/)) rmSync(f);
    await expectRebuilt(dir, /\.text/);
  });

  it('the catalog of another library (a file from another drive)', async () => {
    const { dir, indexDir } = builtCopy();
    const [catalog] = named(indexDir, /^catalog-\d+\.json\.gz$/);
    writeFileSync(catalog!, gzipSync(JSON.stringify({ settings: { language: 'ko', collections: {}, exclude: [] }, items: [], problems: [], files: [] })));
    await expectRebuilt(dir, /catalog-\d+/);
  });

  it('an index manifest that is not JSON', async () => {
    const { dir, indexDir } = builtCopy();
    writeFileSync(path.join(indexDir, 'manifest.json'), '{"format": 3, "generation": ');
    await expectRebuilt(dir, /manifest\.json/);
  });

  it('a forged manifest whose generation is a path out of the drive (nothing is written there)', async () => {
    const { dir, indexDir } = builtCopy();
    const m = JSON.parse(readFileSync(path.join(indexDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    m['generation'] = '/../../../../escaped/x';
    writeFileSync(path.join(indexDir, 'manifest.json'), JSON.stringify(m));
    await expectRebuilt(dir, /generation/);
    expect(existsSync(path.join(tmp, 'escaped'))).toBe(false);
  });

  it('a forgery consistent with every hash: a chunk table that gives one item\'s chunks to another', async () => {
    // What an attacker with the format in hand writes: the chunks file edited, its seal, the
    // segment description and the manifest recomputed to match. The catalog disagrees with it.
    const { dir, indexDir } = builtCopy();
    const [metaFile] = named(indexDir, /^seg-\d+\.json$/);
    const meta = JSON.parse(readFileSync(metaFile!, 'utf8')) as { parts: { run: string; items: string[]; chunks: { size: number; blocks: string } }[] };
    const part = meta.parts[0]!;
    const chunksFile = path.join(indexDir, `${part.run}.chunks`);
    const b = readFileSync(chunksFile);
    // The first chunk now belongs to the last item of the part.
    b.writeUInt32LE(part.items.length - 1, 0);
    writeFileSync(chunksFile, b);
    const blocks: Buffer[] = [];
    for (let at = 0; at < b.length; at += 8192) blocks.push(createHash('sha256').update(b.subarray(at, at + 8192)).digest());
    part.chunks = { size: b.length, blocks: Buffer.concat(blocks).toString('base64') };
    const metaBytes = Buffer.from(JSON.stringify(meta));
    writeFileSync(metaFile!, metaBytes);
    const manifestFile = path.join(indexDir, 'manifest.json');
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as { segments: { size: number; sha256: string }[] };
    m.segments[0]!.size = metaBytes.length;
    m.segments[0]!.sha256 = sha256(metaBytes);
    writeFileSync(manifestFile, JSON.stringify(m));
    await expectRebuilt(dir, /chunks there, not the catalog's/);
  });
});

describe('damage met after the index has loaded', () => {
  it('a query that reads a changed block answers from a fresh index (incomplete at first), which is then saved', async () => {
    const { dir, indexDir } = builtCopy();
    // Every block of the stored text changed: the first snippet read meets it.
    for (const f of named(indexDir, /\.text$/)) {
      const b = readFileSync(f);
      for (let at = 100; at < b.length; at += 8192) b[at]! ^= 0x20;
      writeFileSync(f, b);
    }
    const damaged: string[] = [];
    // No warm-up searches: the first search is this test's (a warm-up would meet the damage first).
    const index = new LibraryIndex(resolveLibraryFolder(dir), { workers: 1, save: true, warmUp: false, onDamaged: (e) => damaged.push(e.message) });
    try {
      const summary = await index.start();
      // The text is read only for snippets: loading did not need it.
      expect(summary.loadedFromDrive).toBe(true);
      const first = index.search('타이타닉을');
      expect(damaged.join('\n')).toMatch(/\.text/);
      // Never a snippet from the damaged text: whatever is answered comes from the files read again.
      expect(first.complete).toBe(false);
      expect(index.rebuilding).toBeDefined();
      const rebuilt = await index.rebuilding!;
      expect(rebuilt.saved).toBe(true);
      expect(answersOf((q) => index.search(q))).toEqual(reference);
    } finally {
      index.close();
    }
    const again = await startIndex(dir);
    expect(again.summary.loadedFromDrive).toBe(true);
    expect(answersOf((q) => again.index.search(q))).toEqual(reference);
    again.index.close();
  });
});

describe('damage met by the searches that warm the engine up after loading', () => {
  it('is handled before start() resolves: the index is built again and the answers are a fresh one\'s', async () => {
    const { dir, indexDir } = builtCopy();
    for (const f of named(indexDir, /\.text$/)) {
      const b = readFileSync(f);
      for (let at = 100; at < b.length; at += 8192) b[at]! ^= 0x20;
      writeFileSync(f, b);
    }
    await expectRebuilt(dir, /\.text/);
  });
});

describe('bounds on what a forged index can cost', () => {
  it('a catalog that would inflate to gigabytes is refused after a bounded amount, with memory staying flat', async () => {
    const { dir, indexDir } = builtCopy();
    // 1.5 GB of one byte: a multi-member gzip of a 64 MB member, repeated; hashes recomputed.
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 24 }, () => member));
    const [catalog] = named(indexDir, /^catalog-\d+\.json\.gz$/);
    writeFileSync(catalog!, bomb);
    const manifestFile = path.join(indexDir, 'manifest.json');
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as { catalog: { size: number; sha256: string } };
    m.catalog = { size: bomb.length, sha256: sha256(bomb) };
    writeFileSync(manifestFile, JSON.stringify(m));
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      await expectRebuilt(dir, /inflate/);
    } finally {
      clearInterval(timer);
    }
    console.log(`[damage] catalog bomb of ${(bomb.length / 1e6).toFixed(1)} MB (1.5 GB inflated): RSS rose by ${((peak - before) / 1e6).toFixed(0)} MB at most`);
    expect(peak - before).toBeLessThan(400e6);
  }, 120_000);

  it('an index folder that is a link to a folder of the PC gets nothing written into it; the index lives in memory', async () => {
    const base = path.join(tmp, 'linked');
    const dir = path.join(base, 'library');
    copyContentSample(CONTENT_SAMPLE, dir);
    const pc = path.join(base, 'pc-autostart');
    mkdirSync(pc);
    writeFileSync(path.join(pc, 'keep.desktop'), 'x');
    mkdirSync(path.join(dir, '.changmun'));
    symlinkSync(pc, path.join(dir, '.changmun', 'index'), 'dir');
    const { index, summary } = await startIndex(dir);
    try {
      expect(summary.saved).toBe(false);
      expect(answersOf((q) => index.search(q))).toEqual(reference);
    } finally {
      index.close();
    }
    expect(readdirSync(pc)).toEqual(['keep.desktop']);
  });
});

describe('the command line on a damaged index', () => {
  it('`changmun search` says so in one line, answers as a fresh index would, and writes nothing', () => {
    const { dir, indexDir } = builtCopy();
    const [post] = named(indexDir, /^seg-\d+\.post$/);
    truncateSync(post!, 10);
    const before = snapshot(dir, '');
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'changmun.js'), 'search', dir, '타이타닉을', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/색인이 손상/);
    expect(r.stderr.trim().split('\n').filter((l) => /손상/.test(l))).toHaveLength(1);
    const response = JSON.parse(r.stdout) as SearchResponse;
    expect(response.results.map((x) => x.path)).toEqual((JSON.parse(reference[0]!) as { results: { path: string }[] }).results.map((x) => x.path));
    expect(snapshot(dir, '')).toEqual(before);
  });

  it('`changmun index` says so and builds it again on the drive', () => {
    const { dir, indexDir } = builtCopy();
    const [dict] = named(indexDir, /^seg-\d+\.dict$/);
    writeFileSync(dict!, 'not a dictionary');
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'changmun.js'), 'index', dir], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/색인이 손상/);
    const again = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'changmun.js'), 'index', dir, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(again.stdout)).toMatchObject({ loadedFromDrive: true, extracted: 0 });
  });
});
