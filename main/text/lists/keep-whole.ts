// Data, not code: words that end in a syllable that is also a particle (도, 의, 이), where taking it
// off would leave another word: 경기도 (a province) is not 경기 (a match, the economy) with 도
// "also"; 민주주의 is not 민주주 with 의; 고양이 (cat) is not 고양 (a city) with 이. Stripping stops at
// these words, with their own particles still taken off (경기도에서 → 경기도, 고양이가 → 고양이).
// Source: the provinces and large islands of Korea; the common -주의 (-ism) words of the National
// Institute of Korean Language's dictionary (표준국어대사전); -이 nouns whose stem is another word.

export interface WholeWord {
  word: string;
  why: string;
}

export const KEEP_WHOLE: readonly WholeWord[] = [
  // Provinces (-도) and islands, North and South.
  { word: '경기도', why: 'province; 경기 is a match, the economy' },
  { word: '강원도', why: 'province' },
  { word: '충청도', why: 'province' },
  { word: '전라도', why: 'province' },
  { word: '경상도', why: 'province' },
  { word: '황해도', why: 'province; 황해 is the Yellow Sea' },
  { word: '평안도', why: 'province; 평안 is peace' },
  { word: '함경도', why: 'province' },
  { word: '자강도', why: 'province (North)' },
  { word: '양강도', why: 'province (North)' },
  { word: '제주도', why: 'island and province; 제주 is the city' },
  { word: '울릉도', why: 'island' },
  { word: '강화도', why: 'island; 강화 is strengthening' },
  { word: '거제도', why: 'island' },
  { word: '한반도', why: 'the Korean peninsula' },
  // -주의: an -ism, not a noun ending in 주 with 의.
  { word: '민주주의', why: 'democracy' },
  { word: '사회주의', why: 'socialism' },
  { word: '자본주의', why: 'capitalism' },
  { word: '공산주의', why: 'communism' },
  { word: '제국주의', why: 'imperialism' },
  { word: '민족주의', why: 'nationalism' },
  { word: '국가주의', why: 'statism' },
  { word: '개인주의', why: 'individualism' },
  { word: '자유주의', why: 'liberalism' },
  { word: '보수주의', why: 'conservatism' },
  { word: '진보주의', why: 'progressivism' },
  { word: '현실주의', why: 'realism' },
  { word: '이상주의', why: 'idealism' },
  { word: '사실주의', why: 'realism (in art)' },
  { word: '낭만주의', why: 'romanticism' },
  { word: '군국주의', why: 'militarism' },
  { word: '식민주의', why: 'colonialism' },
  { word: '전체주의', why: 'totalitarianism' },
  { word: '평화주의', why: 'pacifism' },
  { word: '인도주의', why: 'humanitarianism; 인도 is India, a sidewalk' },
  { word: '애국주의', why: 'patriotism' },
  // -이 nouns whose stem is another word.
  { word: '고양이', why: 'cat; 고양 is a city' },
  { word: '어린이', why: 'child; 어린 is "young"' },
  { word: '늙은이', why: 'old person; 늙은 is "old"' },
  { word: '젊은이', why: 'young person; 젊은 is "young"' },
];
