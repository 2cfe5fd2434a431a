// Issue 15: 초성 (initial consonants) for a word in the text, not only in titles. A reader who types
// ㅈㄱㅈ finds the passage with 정거장까지, and the letters of a name (ㅎㅊㄹ) find 황창룡이.
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../main/core/search/engine.js';
import type { Item } from '../main/core/types.js';

const PASSAGES = [
  '남대문 정거장까지 얼마란 말이요?', // 0
  '황창룡이는 바다를 보며 웃었다.', // 1
  '황철로 위로 기차가 지나갔다.', // 2: 황철 + 로, written ㅎㅊㄹ
  '저녁에는 중국집이며 술집이 붐볐다.', // 3: ㅈㄱㅈ too
  '바람이 불고 비가 왔다.', // 4
  '황철과 구리를 샀다. 황철은 무겁다.', // 5: 황철 written ㅎㅊㄱ, ㅎㅊㅇ: never ㅎㅊㄹ
  '독립군이 산을 넘었다.', // 6: 독립군 + 이
  '독립군과 함께 갔다.', // 7: 독립군 + 과
];

function engineOf(): SearchEngine {
  const item: Item = {
    path: 'stories/passages.txt', type: 'article', title: '이야기', language: 'ko', collections: [], size: 1, mtimeMs: 0,
    chunks: PASSAGES.map((text, i) => ({ text, locator: { anchor: `p${i}` } })),
  };
  const engine = new SearchEngine();
  engine.indexItems('choseong', [item]);
  return engine;
}

const found = (engine: SearchEngine, query: string): number[] =>
  (engine.search(query, { snippetsPerItem: 0 }).results[0]?.hits ?? []).map((h) => Number(h.locator.anchor!.slice(1))).sort((a, b) => a - b);

describe('초성 in the text', () => {
  const engine = engineOf();

  it('finds every written word whose initial consonants start with the letters', () => {
    expect(found(engine, 'ㅈㄱㅈ')).toEqual([0, 3]);
  });

  it('finds the word as written, particle included (ㅎㅊㄹ: 황창룡이, and 황철로, which is 황철 with 로), not the same word with another particle (황철과), nor letters no word has (ㅎㅊㄹㅂ)', () => {
    expect(found(engine, 'ㅎㅊㄹ')).toEqual([1, 2]);
    expect(found(engine, 'ㅎㅊㄹㅂ')).toEqual([]);
  });

  it('finds a word typed with its particle (ㄷㄹㄱㅇ: 독립군이) and marks that word, not the same word with another particle', () => {
    expect(found(engine, 'ㄷㄹㄱㅇ')).toEqual([6]);
    const r = engine.search('ㄷㄹㄱㅇ', { snippetsPerItem: 5 });
    const hit = r.results[0]!.hits[0]!;
    expect(hit.highlights!.map(([a, b]) => hit.snippet!.slice(a, b))).toEqual(['독립군이']);
  });

  it('finds nothing for letters no word has, and nothing for one letter alone', () => {
    expect(found(engine, 'ㅋㅋㅋ')).toEqual([]);
    expect(engine.search('ㅂ').total).toBe(0);
  });
});
