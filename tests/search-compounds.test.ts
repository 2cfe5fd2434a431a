// Issue 15: a noun typed in search also finds the compounds whose last part it is (바다: 앞바다, and
// with 사이시옷 바닷가; 학교: 소학교), ranked after the word itself — and not the words that only end
// in its letters (주머니 is not 아주머니) nor the word said twice (어른 is not 어른어른). On real
// stories from the shared corpus, through an index written to the drive and opened again, as a
// reader's search would run.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { LibraryIndex } from '../main/core/search/library-index.js';
import { SearchEngine } from '../main/core/search/engine.js';
import type { SearchResponse } from '../main/core/search/types.js';
import { corpusAvailable, corpusPath } from './helpers/paths.js';

const STORIES = ['haedoji-kim-dongin.utf8.txt', 'meondong-choe-seohae.utf8.txt', 'unsu-joeun-nal-hyeon-jingeon.utf8.txt'];

let dir: string;
let index: LibraryIndex;

/** Every highlighted word of every hit of the answer (each hit's snippet cut), per item file name. */
function highlighted(r: SearchResponse): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of r.results) {
    const words: string[] = [];
    for (const h of item.hits) for (const [a, b] of h.highlights ?? []) words.push(h.snippet!.slice(a, b));
    out.set(path.basename(item.path), words);
  }
  return out;
}

const search = (q: string) => index.search(q, { snippetsPerItem: 500, limit: 50 });

describe.skipIf(!corpusAvailable)('compounds found by their last word, on the shared corpus stories', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'changmun-compounds-'));
    mkdirSync(path.join(dir, 'articles'), { recursive: true });
    for (const s of STORIES) cpSync(corpusPath('korean-text', s), path.join(dir, 'articles', s));
    // Built and saved once, then read from the drive: the dictionary on disk answers.
    const first = new LibraryIndex(resolveLibraryFolder(dir), { workers: 1, save: true });
    await first.start();
    first.close();
    index = new LibraryIndex(resolveLibraryFolder(dir), { workers: 1, save: false });
    const summary = await index.start();
    expect(summary.loadedFromDrive).toBe(true);
  }, 120_000);

  afterAll(() => {
    index?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('바다 finds 앞바다 and, through 사이시옷, 바닷가 and 바닷소리, marked in the snippets', () => {
    const r = search('바다 ');
    expect(r.terms).toEqual(expect.arrayContaining(['바다', '앞바다', '바닷가', '바닷소리']));
    const words = highlighted(r).get('haedoji-kim-dongin.utf8.txt') ?? [];
    // A snippet shows its chunk's first match: the word itself, or a compound in a chunk without it.
    expect(words.some((x) => x.startsWith('바다'))).toBe(true);
    expect(words.some((x) => x.startsWith('바닷') || x.startsWith('앞바다'))).toBe(true);
  });

  it('학교 finds 소학교, 중학교, 상업학교 and 전문학교', () => {
    const r = search('학교에 ');
    expect(r.terms).toEqual(expect.arrayContaining(['학교', '소학교', '중학교', '상업학교', '전문학교']));
    expect(r.results.map((x) => path.basename(x.path)).sort()).toEqual([...STORIES].sort());
  });

  it('주머니 finds 호주머니 but not 아주머니; 어른 does not find 어른어른', () => {
    const r = search('주머니 ');
    expect(r.terms).toContain('호주머니');
    expect(r.terms).not.toContain('아주머니');
    const pouch = highlighted(r);
    expect(pouch.get('meondong-choe-seohae.utf8.txt')?.some((w) => w.startsWith('호주머니'))).toBe(true);
    expect([...pouch.values()].flat().filter((w) => w.startsWith('아주머니'))).toEqual([]);
    const elder = search('어른 ');
    expect(elder.terms).not.toContain('어른어른');
    expect([...highlighted(elder).values()].flat().filter((w) => w.startsWith('어른어른'))).toEqual([]);
  });

  it('ranks the story with the word itself before one that has it only inside a compound', () => {
    // 호주머니 (meondong) is only a compound of 주머니; unsu has 주머니 itself.
    expect(search('주머니 ').results.map((r) => path.basename(r.path))).toEqual(['unsu-joeun-nal-hyeon-jingeon.utf8.txt', 'meondong-choe-seohae.utf8.txt']);
  });
});

describe('a one-syllable noun with a position noun written onto it (방안 for 방 안)', () => {
  const passages = ['방안에 들어서니 어두웠다.', '그는 방에 누웠다.', '약속을 지켰다.', '약을 먹었다.', '물속에 잠긴 돌.', '불안이 밀려왔다.'];
  const engine = new SearchEngine();
  engine.indexItems('onto', [{
    path: 'p.txt', type: 'article', title: '이야기', language: 'ko', collections: [], size: 1, mtimeMs: 0,
    chunks: passages.map((text, i) => ({ text, locator: { anchor: `p${i}` } })),
  }]);
  const found = (q: string) => (engine.search(q, { snippetsPerItem: 0 }).results[0]?.hits ?? []).map((h) => Number(h.locator.anchor!.slice(1))).sort();

  it('finds 방안, 물속 for 방, 물 — and not 약속 for 약 nor 불안 for 불', () => {
    expect(found('방에 ')).toEqual([0, 1]);
    expect(found('물이 ')).toEqual([4]);
    expect(found('약을 ')).toEqual([3]);
    expect(found('불이 ')).toEqual([]);
  });
});

describe('a quoted phrase the text writes as one word', () => {
  const passages = ['우뚝 솟은 아침볕이 어우러진 숲이었다.', '아침에 볕이 들었다.', '아침 볕을 쬐었다.'];
  const engine = new SearchEngine();
  engine.indexItems('joined', [{
    path: 'p.txt', type: 'article', title: '이야기', language: 'ko', collections: [], size: 1, mtimeMs: 0,
    chunks: passages.map((text, i) => ({ text, locator: { anchor: `p${i}` } })),
  }]);

  it('"아침 볕" finds 아침볕이 and 아침 볕을, not 아침에 볕이, and marks the joined word', () => {
    const r = engine.search('"아침 볕"', { snippetsPerItem: 5 });
    expect(r.results[0]!.hits.map((h) => h.locator.anchor).sort()).toEqual(['p0', 'p2']);
    const joined = r.results[0]!.hits.find((h) => h.locator.anchor === 'p0')!;
    expect(joined.highlights!.map(([a, b]) => joined.snippet!.slice(a, b))).toEqual(['아침볕이']);
  });
});
