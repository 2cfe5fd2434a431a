// Data, not code: common words whose last syllables spell another word by coincidence. A noun typed
// in search also finds the longer words that end in it, the compounds whose last part it is (바다:
// 앞바다; 학교: 소학교; 어머니: 시어머니; engine.ts, compoundsOf; a given name its full names, 관호:
// 김관호, fullNames) — except these, which are words of
// their own with another meaning: a reader who types 주머니 (a pouch) does not ask for 아주머니 (a
// woman), nor one who types 다리 (a leg, a bridge) for 사다리 (a ladder).
// Source: the 표준국어대사전 (National Institute of Korean Language) entries of these words, each read
// as one morpheme (or, for 전과자, a Sino-Korean word whose parts are not the typed one).

export interface NotCompound {
  word: string;
  /** The word it seems to end in, and why it is not that word. */
  why: string;
}

export const NOT_COMPOUNDS: readonly NotCompound[] = [
  { word: '아주머니', why: '주머니 (a pouch); 아주머니 is a married woman, one word' },
  { word: '전과자', why: '과자 (sweets); 전과자 is 前科者, an ex-convict' },
  { word: '사다리', why: '다리 (a leg, a bridge); 사다리 is a ladder' },
  { word: '개구리', why: '구리 (copper); 개구리 is a frog' },
  { word: '너구리', why: '구리 (copper); 너구리 is a raccoon dog' },
  { word: '보자기', why: '자기 (oneself); 보자기 is a wrapping cloth' },
  { word: '도자기', why: '자기 (oneself); 도자기 is pottery (the 자기 of porcelain is another word)' },
  { word: '고사리', why: '사리 (noodles in a coil, a relic); 고사리 is a fern' },
  { word: '개나리', why: '나리 (a lily, sir); 개나리 is forsythia' },
  { word: '미나리', why: '나리 (a lily, sir); 미나리 is water dropwort' },
  { word: '우두머리', why: '머리 (a head) in a figure of speech; 우두머리 is a leader, one word' },
  { word: '허수아비', why: '아비 (a father); 허수아비 is a scarecrow' },
  { word: '모가지', why: '가지 (a branch, an eggplant); 모가지 is a neck' },
  { word: '바가지', why: '가지 (a branch, an eggplant); 바가지 is a gourd bowl' },
  { word: '기다리', why: '다리 (a leg); 기다리 is the stem of 기다리다, to wait' },
  { word: '봉우리', why: '우리 (we; a pen); 봉우리 is a peak, a bud' },
  { word: '산봉우리', why: '우리 (we; a pen); 산봉우리 is a mountain peak' },
  { word: '갑자기', why: '자기 (oneself); 갑자기 is an adverb, suddenly' },
  { word: '오소리', why: '소리 (a sound); 오소리 is a badger' },
  { word: '할아버지', why: '아버지 (a father); 할아버지 is a grandfather, another kin' },
];

/** The list as a set, for lookups. */
export const NOT_COMPOUND_WORDS: ReadonlySet<string> = new Set(NOT_COMPOUNDS.map((e) => e.word));
