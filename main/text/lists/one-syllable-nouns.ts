// Data, not code: one-syllable nouns that may lose a one-syllable particle or the copula (돈을 → 돈,
// 집이다 → 집). Without this list a stem must keep two syllables, which is what keeps 고양이, 나이
// and 사과 whole — so only nouns common in prose are listed, each checked against the words it
// could be mistaken for: a verb or adjective form written the same (피는 "blooming", 낮은 "low"),
// or a two-syllable word that looks like noun + particle (불만, 강의, 차도, 별로, 속도). Where such
// a word exists, the particles that would make it are listed as `not`: that pair is never stripped.
// Particles after a final consonant (이, 은, 을, 과) and after a vowel (가, 는, 를, 와) are chosen by
// the stem already (차이 is not 차 + 이), so only the others need listing.
// Source: common nouns of the National Institute of Korean Language's basic vocabulary
// (한국어 학습용 어휘 목록, 2003), chosen by hand for how often they take a particle in prose.

export interface OneSyllableNoun {
  noun: string;
  /** What it means, and why it is safe (or what is kept out). */
  why: string;
  /** Particles never stripped from this noun: noun + particle is another word. */
  not?: string[];
}

export const ONE_SYLLABLE_NOUNS: readonly OneSyllableNoun[] = [
  { noun: '돈', why: 'money' },
  { noun: '방', why: 'room' },
  { noun: '집', why: 'house' },
  { noun: '말', why: 'speech; horse' },
  { noun: '물', why: 'water' },
  { noun: '꿈', why: 'dream' },
  { noun: '눈', why: 'eye; snow' },
  { noun: '낯', why: 'face' },
  { noun: '달', why: 'moon; month' },
  { noun: '땀', why: 'sweat' },
  { noun: '밥', why: 'rice, a meal' },
  { noun: '손', why: 'hand' },
  { noun: '술', why: 'liquor' },
  { noun: '피', why: 'blood; 피는 is "blooming, smoking", 피로 "fatigue"', not: ['는', '로'] },
  { noun: '몸', why: 'body' },
  { noun: '옷', why: 'clothes' },
  { noun: '맘', why: 'mind' },
  { noun: '빛', why: 'light' },
  { noun: '숨', why: 'breath; 숨은 is "hidden"', not: ['은'] },
  { noun: '힘', why: 'strength' },
  { noun: '일', why: 'work; day' },
  { noun: '땅', why: 'land' },
  { noun: '밤', why: 'night; chestnut' },
  { noun: '낮', why: 'daytime; 낮은 is "low"', not: ['은'] },
  { noun: '봄', why: 'spring' },
  { noun: '곳', why: 'place' },
  { noun: '때', why: 'time, when' },
  { noun: '날', why: 'day' },
  { noun: '앞', why: 'front' },
  { noun: '뒤', why: 'back, behind' },
  { noun: '옆', why: 'side' },
  { noun: '위', why: 'top, above' },
  { noun: '밑', why: 'bottom, below' },
  { noun: '끝', why: 'end' },
  { noun: '밖', why: 'outside' },
  { noun: '개', why: 'dog; a counter' },
  { noun: '소', why: 'cow' },
  { noun: '닭', why: 'chicken' },
  { noun: '쥐', why: 'mouse' },
  { noun: '범', why: 'tiger' },
  { noun: '뱀', why: 'snake' },
  { noun: '꽃', why: 'flower' },
  { noun: '풀', why: 'grass' },
  { noun: '잎', why: 'leaf' },
  { noun: '책', why: 'book' },
  { noun: '칼', why: 'knife' },
  { noun: '총', why: 'gun' },
  { noun: '떡', why: 'rice cake' },
  { noun: '쌀', why: 'rice (grain)' },
  { noun: '콩', why: 'bean' },
  { noun: '국', why: 'soup (국가 "nation" is kept whole by 가 needing a vowel before it)' },
  { noun: '약', why: 'medicine' },
  { noun: '병', why: 'bottle; illness' },
  { noun: '팔', why: 'arm' },
  { noun: '목', why: 'neck' },
  { noun: '코', why: 'nose' },
  { noun: '발', why: 'foot' },
  { noun: '배', why: 'ship; belly; pear' },
  { noun: '빚', why: 'debt' },
  { noun: '값', why: 'price' },
  { noun: '턱', why: 'chin' },
  { noun: '등', why: 'back (of the body); and so on' },
  { noun: '섬', why: 'island' },
  { noun: '숲', why: 'forest' },
  { noun: '굴', why: 'cave; oyster' },
  { noun: '벽', why: 'wall' },
  { noun: '창', why: 'window; spear' },
  { noun: '길', why: 'road, way' },
  { noun: '강', why: 'river; 강의 is "lecture", 강도 "robber"', not: ['의', '도'] },
  { noun: '산', why: 'mountain' },
  { noun: '비', why: 'rain' },
  { noun: '해', why: 'sun; year; 해도 and 해야 are forms of 하다', not: ['도', '야'] },
  { noun: '차', why: 'car; tea; 차도 is "roadway"', not: ['도'] },
  { noun: '문', why: 'door; 문의 is "inquiry"', not: ['의'] },
  { noun: '불', why: 'fire; 불만 is "discontent", 불과 "only", 불의 "injustice"', not: ['만', '과', '의'] },
  { noun: '별', why: 'star; 별로 is "not much", 별도 "separately"', not: ['로', '도'] },
  { noun: '새', why: 'bird; 새로 is "newly"', not: ['로'] },
  { noun: '속', why: 'inside; 속도 is "speed"', not: ['도'] },
  { noun: '안', why: 'inside; 안은 is "hugged", 안도 "relief"', not: ['은', '도'] },
  { noun: '입', why: 'mouth; 입은 is "worn"', not: ['은'] },
  { noun: '귀', why: 'ear; 귀가 is "going home"', not: ['가'] },
  { noun: '글', why: 'writing' },
  { noun: '볕', why: 'sunlight' },
  { noun: '전', why: 'jeon (a coin); before; 전도 is "mission", 전과 "a criminal record"', not: ['도', '과'] },
  { noun: '원', why: 'won (money); circle' },
  { noun: '씨', why: 'Mr/Ms (after a name); seed' },
  { noun: '놈', why: 'fellow (rude)' },
  { noun: '년', why: 'year (as a count); woman (rude): a bound noun, which 두음법칙 leaves alone' },
  { noun: '리', why: 'reason, as in 그럴 리가 없다: a bound noun, which 두음법칙 leaves alone' },
];

/**
 * Position nouns older and careless prose writes onto a listed one-syllable noun where the standard
 * spelling has a space (방안, 물속, 집밖 for 방 안, 물 속, 집 밖). Search for the noun finds them too,
 * ranked after the noun written alone. Determiners written on (이집, 그달) are not taken: with these
 * nouns they make too many words of their own (그때, 이불, 이별, 그물, 이리, 이씨).
 */
export interface SpacedOnto {
  word: string;
  why: string;
}

export const WRITTEN_AFTER: readonly SpacedOnto[] = [
  { word: '안', why: 'inside (방안, 집안으로)' },
  { word: '속', why: 'inside, within (물속, 눈속, 산속)' },
  { word: '밖', why: 'outside (집밖, 문밖, 창밖)' },
];

/** Noun + position noun spelling a word of its own (Sino-Korean mostly), never taken as the noun. */
export const NOT_WRITTEN_ONTO: readonly SpacedOnto[] = [
  { word: '불안', why: '不安, anxiety' },
  { word: '위안', why: '慰安, comfort' },
  { word: '해안', why: '海岸, a coast' },
  { word: '문안', why: '問安, a greeting to an elder' },
  { word: '창안', why: '創案, an idea' },
  { word: '원안', why: '原案, the first draft' },
  { word: '피안', why: '彼岸, the far shore' },
  { word: '개안', why: '開眼, opening one\'s eyes' },
  { word: '총안', why: '銃眼, a loophole' },
  { word: '벽안', why: '碧眼, blue eyes' },
  { word: '약속', why: '約束, a promise' },
  { word: '귀속', why: '歸屬, belonging' },
  { word: '전속', why: '專屬, exclusive' },
  { word: '등속', why: '等屬, and the like' },
];
