// Data, not code: words 두음법칙 must not touch. The rule turns an initial ㄹ or ㄴ the South Korean
// way (로동 → 노동, 녀자 → 여자) so that North and South spellings of Sino-Korean words meet. Loanwords
// keep their ㄹ and ㄴ in both Koreas (라디오, 뉴스), and turned they meet unrelated words: 라면
// "ramyeon" would become 나면 "if it comes out", 뉴스 would meet 유스, 룬 would meet 눈. A word here
// (or a longer word starting with one of two syllables or more: 러시아인, 라디오를) keeps its first
// syllable as written. One-syllable words never get the rule at all (bound nouns: 년, 리).
// Source: loanwords of the 외래어 표기법 examples and common ones in news and prose, by hand.

export interface KeptWord {
  word: string;
  why: string;
}

export const KEEP_INITIAL_SOUND: readonly KeptWord[] = [
  { word: '라면', why: 'ramyeon (loanword); 나면 is a verb form' },
  { word: '라디오', why: 'radio' },
  { word: '라이터', why: 'lighter' },
  { word: '라인', why: 'line' },
  { word: '라틴', why: 'Latin' },
  { word: '램프', why: 'lamp' },
  { word: '러시아', why: 'Russia' },
  { word: '런던', why: 'London' },
  { word: '레몬', why: 'lemon' },
  { word: '레닌', why: 'Lenin' },
  { word: '레코드', why: 'record' },
  { word: '로봇', why: 'robot' },
  { word: '로마', why: 'Rome' },
  { word: '로켓', why: 'rocket' },
  { word: '루블', why: 'rouble' },
  { word: '룬', why: 'rune; 눈 is eye or snow' },
  { word: '리본', why: 'ribbon' },
  { word: '리스트', why: 'list; 이스트 is yeast' },
  { word: '리더', why: 'leader' },
  { word: '링컨', why: 'Lincoln' },
  { word: '뉴스', why: 'news; 유스 is youth' },
  { word: '뉴욕', why: 'New York' },
  { word: '뉴질랜드', why: 'New Zealand' },
  { word: '니켈', why: 'nickel' },
  { word: '니코틴', why: 'nicotine' },
  { word: '닉네임', why: 'nickname' },
  { word: '뉴턴', why: 'Newton' },
];
