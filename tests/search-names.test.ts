// Issue 15: names and words typed as one where the text writes them apart, and a given name that
// finds the full name. What a reader notices: typing 김첨지 finds the story's "김 첨지", typing 관호
// also finds 김관호, and neither finds passages that only share letters.
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../main/core/search/engine.js';
import type { Item } from '../main/core/types.js';

const PASSAGES = [
  '새침하게 흐린 품이 눈이 올 듯하더니 비가 내렸다. 이날이야말로 김 첨지에게는 오래간만에 닥친 운수 좋은 날이었다.', // 0
  '김 첨지는 인력거를 끌고 정거장으로 달려갔다.', // 1
  '첨지라는 말은 나이 든 사내를 부르는 말이다. 김은 바닷가에서 말렸다.', // 2: 김 and 첨지, apart
  '그날 저녁 김관호는 집에 돌아오지 않았다.', // 3
  '관호는 동생의 손을 잡았다.', // 4
  '관호 씨가 선린에 다닐 때였다.', // 5
  '장터에서 조 선달은 나귀를 끌고 나섰다.', // 6
  '조선 팔도를 돌아다녔다. 달이 밝았다.', // 7: 조선 and 달, not 조 선달
];

function engineOf(): SearchEngine {
  const item: Item = {
    path: 'stories/passages.txt', type: 'article', title: '이야기', language: 'ko', collections: [], size: 1, mtimeMs: 0,
    chunks: PASSAGES.map((text, i) => ({ text, locator: { anchor: `p${i}` } })),
  };
  const engine = new SearchEngine();
  engine.indexItems('names', [item]);
  return engine;
}

const found = (engine: SearchEngine, query: string): number[] =>
  (engine.search(query, { snippetsPerItem: 0 }).results[0]?.hits ?? []).map((h) => Number(h.locator.anchor!.slice(1))).sort((a, b) => a - b);

describe('names and words typed as one', () => {
  const engine = engineOf();

  it('finds a full name typed as one word where the text writes it apart (김첨지 → 김 첨지)', () => {
    expect(found(engine, '김첨지')).toEqual([0, 1]);
    expect(found(engine, '김첨지 ')).toEqual([0, 1]);
  });

  it('splits a name at the family name: 조선달 is 조 선달, not 조선 and 달', () => {
    expect(found(engine, '조선달 ')).toEqual([6]);
  });

  it('finds a given name alone, with its particles, and inside the full name', () => {
    const hits = found(engine, '관호 ');
    expect(hits).toEqual([3, 4, 5]);
  });

  it('ranks an item with the name as typed before one that has it only inside the full name', () => {
    const e = new SearchEngine();
    const item = (path: string, text: string): Item => ({ path, type: 'article', title: path, language: 'ko', collections: [], size: 1, mtimeMs: 0, chunks: [{ text, locator: { anchor: 'p0' } }] });
    e.indexItems('names', [item('a-full-name.txt', '그날 저녁 김관호는 집에 돌아오지 않았다.'), item('b-given-name.txt', '관호는 동생의 손을 잡았다.')]);
    expect(e.search('관호 ').results.map((r) => r.path)).toEqual(['b-given-name.txt', 'a-full-name.txt']);
  });

  it('finds nothing for a word that is neither in the text nor its two parts side by side', () => {
    expect(found(engine, '김나귀 ')).toEqual([]);
  });
});
