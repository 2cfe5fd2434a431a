// Korean side of the search analysis: jamo composition, particle and ending stripping, the
// initial-sound rule (두음법칙) and 초성. No dictionary: rules and two word lists (lists/, data with a
// reason for each entry), so they are cheap, deterministic and identical at build and query time.
// Input here is already normalised (NFC, lower case).
import { KEEP_INITIAL_SOUND } from './lists/keep-initial-sound.js';
import { KEEP_WHOLE } from './lists/keep-whole.js';
import { NOT_WRITTEN_ONTO, ONE_SYLLABLE_NOUNS, WRITTEN_AFTER } from './lists/one-syllable-nouns.js';

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const CHO_STRIDE = 21 * 28;

// Compatibility jamo (what a keyboard types letter by letter) → conjoining indices.
// Initial consonants in 초성 order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
const CHOSEONG_LETTERS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
// Final consonants in 종성 order (index 1..27).
const JONGSEONG_LETTERS = ' ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';
const VOWEL_FIRST = 0x314f; // ㅏ; compatibility vowels ㅏ..ㅣ are in 중성 order
const VOWEL_LAST = 0x3163;

const choIndex = new Map<string, number>([...CHOSEONG_LETTERS].map((c, i) => [c, i]));
const jongIndex = new Map<string, number>([...JONGSEONG_LETTERS].map((c, i) => [c, i]));
// Two keys typed one after the other that make one vowel or one final cluster.
const VOWEL_PAIRS = new Map([['ㅗㅏ', 'ㅘ'], ['ㅗㅐ', 'ㅙ'], ['ㅗㅣ', 'ㅚ'], ['ㅜㅓ', 'ㅝ'], ['ㅜㅔ', 'ㅞ'], ['ㅜㅣ', 'ㅟ'], ['ㅡㅣ', 'ㅢ']]);
const FINAL_PAIRS = new Map([
  ['ㄱㅅ', 'ㄳ'], ['ㄴㅈ', 'ㄵ'], ['ㄴㅎ', 'ㄶ'], ['ㄹㄱ', 'ㄺ'], ['ㄹㅁ', 'ㄻ'], ['ㄹㅂ', 'ㄼ'],
  ['ㄹㅅ', 'ㄽ'], ['ㄹㅌ', 'ㄾ'], ['ㄹㅍ', 'ㄿ'], ['ㄹㅎ', 'ㅀ'], ['ㅂㅅ', 'ㅄ'],
]);

function isVowelLetter(c: string | undefined): c is string {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code >= VOWEL_FIRST && code <= VOWEL_LAST;
}

/** Composes one run of compatibility jamo the way a 2-beolsik IME would (ㄴㅗㄷㅗㅇ → 노동). */
function composeJamoRun(run: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < run.length) {
    const cho = choIndex.get(run[i] as string);
    let vowel = run[i + 1];
    if (cho === undefined || !isVowelLetter(vowel)) {
      out.push(run[i] as string); // a letter that cannot start a syllable stays as typed
      i++;
      continue;
    }
    i += 2;
    const pair = VOWEL_PAIRS.get(vowel + (run[i] ?? ''));
    if (pair !== undefined) {
      vowel = pair;
      i++;
    }
    let jong = 0;
    // A consonant followed by a vowel starts the next syllable instead of closing this one.
    const first = jongIndex.get(run[i] ?? '');
    if (first !== undefined && first > 0 && !isVowelLetter(run[i + 1])) {
      jong = first;
      i++;
      const cluster = FINAL_PAIRS.get((run[i - 1] as string) + (run[i] ?? ''));
      if (cluster !== undefined && !isVowelLetter(run[i + 1])) {
        jong = jongIndex.get(cluster) as number;
        i++;
      }
    }
    const jung = vowel.charCodeAt(0) - VOWEL_FIRST;
    out.push(String.fromCharCode(SYLLABLE_FIRST + cho * CHO_STRIDE + jung * 28 + jong));
  }
  return out.join('');
}

const JAMO_RUN = /[\u3131-\u3163]+/g;
const HAS_JAMO = /[\u3131-\u3163]/;

/** Composes compatibility jamo typed letter by letter into syllables where they form syllables. */
export function composeJamo(s: string): string {
  return HAS_JAMO.test(s) ? s.replace(JAMO_RUN, composeJamoRun) : s;
}

/** Hangul syllables and every kind of jamo: the characters of a Korean word. */
export function isHangulCode(code: number): boolean {
  return (
    (code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x3131 && code <= 0x318e) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xd7b0 && code <= 0xd7ff)
  );
}

function isSyllable(code: number): boolean {
  return code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST;
}

// ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ (중성 indices): the vowels before which initial ㄹ/ㄴ become ㅇ.
const Y_VOWELS = new Set([2, 6, 7, 12, 17, 20]);
const CHO_N = 2;
const CHO_R = 5;
const CHO_NG = 11;

/** 두음법칙 on one syllable, the South Korean way: 력→역, 로→노, 녀→여. Other characters unchanged. */
export function initialSoundRule(code: number): number {
  if (!isSyllable(code)) return code;
  const s = code - SYLLABLE_FIRST;
  const cho = Math.floor(s / CHO_STRIDE);
  if (cho !== CHO_R && cho !== CHO_N) return code;
  const jung = Math.floor((s % CHO_STRIDE) / 28);
  let to: number;
  if (Y_VOWELS.has(jung)) to = CHO_NG;
  else if (cho === CHO_R) to = CHO_N;
  else return code;
  return code + (to - cho) * CHO_STRIDE;
}

/** Every syllable 두음법칙 turns into `code` (노 ← 노, 로; 여 ← 여, 려, 녀), `code` itself included. */
export function syllablesMappingTo(code: number): number[] {
  if (!isSyllable(code)) return [code];
  const s = code - SYLLABLE_FIRST;
  const cho = Math.floor(s / CHO_STRIDE);
  const out = [code];
  for (const from of [CHO_R, CHO_N]) {
    if (from === cho) continue;
    const other = code + (from - cho) * CHO_STRIDE;
    if (initialSoundRule(other) === code) out.push(other);
  }
  return out;
}

// When a particle may follow: after a final consonant (C), after a vowel (V), after a vowel or
// ㄹ (L: 로/으로), any (A). Korean picks 이/가, 은/는, 을/를, 과/와, 으로/로 by this, so the
// condition keeps nouns like 가을, 바다, 효과 whole.
type After = 'A' | 'C' | 'V' | 'L';
interface Suffix {
  after: After;
  /** Fewest syllables that must remain. 2 where the suffix starts with a one-syllable particle. */
  minStem: number;
  /** A particle or the copula, which a listed one-syllable noun may lose too (not 하다/되다). */
  nominal: boolean;
}

const SUFFIXES = new Map<string, Suffix>();
function add(list: string, after: After, minStem: number, nominal = true): void {
  for (const s of list.split(' ')) SUFFIXES.set(s, { after, minStem, nominal });
}
// One-syllable particles (and plural 들): a one-syllable stem would eat nouns like 나이, 사과, 아들,
// except for the nouns of lists/one-syllable-nouns.ts (돈을 → 돈, 집이 → 집).
add('의 도 에 만 들', 'A', 2);
add('이 은 을 과', 'C', 2);
add('가 는 를 와', 'V', 2);
add('로', 'L', 2);
// 께 (to an elder: 어머니께) and 더러 (to: 돌쇠더러); vocative 아/야 (관호야, 창룡아). Two syllables
// must remain: 함께, 더러 "sometimes", 해야 and 시야 stay whole.
add('께 더러', 'A', 2);
add('아', 'C', 2);
add('야', 'V', 2);
// Multi-syllable particles: unambiguous enough to leave a one-syllable stem (집에서 → 집).
add('에서 에게 께서 한테 까지 부터 처럼 같이 보다 마저 조차 밖에 만큼 대로 에게서 한테서', 'A', 1);
add('이나 이랑', 'C', 1);
add('으로 으로서 으로써', 'C', 1);
add('로서 로써', 'L', 1);
// Copula after a noun (학생이었다, 나무였다, 학생입니다); same stem rule as the particle 이.
add('이다 이었다 이며 이고 이라는 이라고 이지만 이란 이라', 'C', 2);
add('였다 였던 란', 'V', 2);
add('입니다', 'A', 2);
// More of the copula's forms, honorific -시- included (마나님이신지, 선생님이셨다, 학생이면, 어머니여서).
add('이신지 이셨다 이시다 이신 이시고 이지 이면 이니 이던 이어서 이어도 이라도 이라면 이라서 이니까 이므로 이었고 이었는데 이었지만', 'C', 2);
add('신지 셨다 시다 였고 였는데 였지만 여서 여도 라고 라면 라도 라서', 'V', 2);
add('인데 인지 인가', 'A', 2);
// The polite 요 after a noun (어머니요, 선생님이요).
add('요', 'A', 2);
// 하다/되다 verbs of (mostly Sino-Korean) nouns of two syllables or more: 노동하는 → 노동,
// 사용되는 → 사용. Bare 한/할 are left alone: too many nouns end in them (남북한, 역할).
add('하다 하는 하고 하여 해서 했다 했던 하였다 합니다 한다 하며 하면 하기 하지 되다 되는 되어 되었다 됐다 된다', 'A', 2, false);

const MAX_SUFFIX = 3;

/** Words stripping stops at (lists/keep-whole.ts). */
const WHOLE = new Set(KEEP_WHOLE.map((w) => w.word));

/** Listed one-syllable nouns, with the particles each must keep. */
const ONE_SYLLABLE = new Map(ONE_SYLLABLE_NOUNS.map((n) => [n.noun, new Set(n.not ?? [])]));
/** Words (and, for those of two syllables or more, the starts of words) that 두음법칙 leaves alone. */
const KEEP_INITIAL = KEEP_INITIAL_SOUND.map((k) => k.word);

function keepsInitialSound(stem: string): boolean {
  for (const w of KEEP_INITIAL) if (stem === w || (w.length >= 2 && stem.startsWith(w))) return true;
  return false;
}

function allows(after: After, prev: number): boolean {
  if (after === 'A') return true;
  if (!isSyllable(prev)) return false;
  const jong = (prev - SYLLABLE_FIRST) % 28;
  if (after === 'C') return jong !== 0;
  if (after === 'V') return jong === 0;
  return jong === 0 || jong === 8; // L: ㄹ
}

/**
 * The index term of one Korean word: particles and endings stripped, then 두음법칙 on the first
 * syllable. Stripping repeats (노동자들은 → 노동자들 → 노동자, 점순이가 → 점순이 → 점순), which is
 * what makes a noun and the same noun with a particle meet even when the noun itself ends in a
 * particle-like syllable (고양이, 고양이가 → 고양). `attached` is for a run glued to Latin letters
 * or digits (CD를, 3월에): the stem is the Latin part, so a run that is only particles gives null.
 */
export function koreanTerm(word: string, attached: boolean): string | null {
  let end = word.length;
  strip: while (end > 0 && !WHOLE.has(end === word.length ? word : word.slice(0, end))) {
    for (let len = Math.min(MAX_SUFFIX, end); len >= 1; len--) {
      const rule = SUFFIXES.get(word.slice(end - len, end));
      if (rule === undefined) continue;
      const stem = end - len;
      if (stem < (attached ? 0 : rule.minStem) && !(stem === 1 && rule.nominal && !attached && oneSyllableNounTakes(word[0]!, word.slice(1, end)))) continue;
      if (stem > 0 && !allows(rule.after, word.charCodeAt(stem - 1))) continue;
      end = stem;
      continue strip;
    }
    break;
  }
  if (end === 0) return null;
  const stem = word.slice(0, end);
  // 두음법칙 belongs to Sino-Korean words of two syllables or more: not to one-syllable (bound)
  // nouns (년, 리), nor to loanwords, which keep ㄹ and ㄴ in both Koreas (라면, 뉴스).
  if (end < 2) return stem;
  const first = word.charCodeAt(0);
  const mapped = initialSoundRule(first);
  return mapped === first || keepsInitialSound(stem) ? stem : String.fromCharCode(mapped) + word.slice(1, end);
}

/** True when the listed one-syllable noun `noun` may lose `rest` (a particle or the copula). */
function oneSyllableNounTakes(noun: string, rest: string): boolean {
  const kept = ONE_SYLLABLE.get(noun);
  if (!kept) return false;
  for (const p of kept) if (rest.startsWith(p)) return false;
  return true;
}

/** The initial consonant of every Hangul syllable (타이타닉 → ㅌㅇㅌㄴ); everything else dropped. */
export function choseongOf(text: string): string {
  const s = text.normalize('NFC');
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isSyllable(code)) out.push(CHOSEONG_LETTERS[Math.floor((code - SYLLABLE_FIRST) / CHO_STRIDE)] as string);
  }
  return out.join('');
}

/**
 * Whether the syllables of s[start, end) begin with initial consonants `letters` (what
 * choseongOf(word).startsWith(letters) says for a word of syllables), read letter by letter: most
 * words of a text differ at the first.
 */
export function initialsStartWith(s: string, start: number, end: number, letters: string): boolean {
  if (end - start < letters.length) return false;
  for (let k = 0; k < letters.length; k++) {
    const code = s.charCodeAt(start + k);
    if (!isSyllable(code) || CHOSEONG_LETTERS[Math.floor((code - SYLLABLE_FIRST) / CHO_STRIDE)] !== letters[k]) return false;
  }
  return true;
}

/**
 * The syllables whose initial consonant is `letter` (ㅈ: 자 up to, not including, 짜), as the range
 * [from, to) of strings that start with one of them; undefined for anything but an initial consonant.
 */
export function syllableRangeOf(letter: string): [from: string, to: string] | undefined {
  const i = choIndex.get(letter);
  if (i === undefined) return undefined;
  return [String.fromCharCode(SYLLABLE_FIRST + i * CHO_STRIDE), String.fromCharCode(SYLLABLE_FIRST + (i + 1) * CHO_STRIDE)];
}

/** True when `s` is non-empty and made only of initial-consonant letters (ㄱ, ㄲ, … ㅎ). */
export function isChoseongOnly(s: string): boolean {
  if (s.length === 0) return false;
  for (const c of s) if (!choIndex.has(c)) return false;
  return true;
}

let particleInitials: Set<string> | undefined;
/**
 * The initial consonants that may follow a word's own in a 초성 query: those of the start of a
 * particle or of the copula (ㅇ for 이, 을, 에서; ㄲ, ㄲㅈ for 까지; ㅇㅅ for 에서), as the reader
 * types the word as written (독립군이: ㄷㄹㄱㅇ).
 */
export function isParticleInitials(letters: string): boolean {
  if (!particleInitials) {
    particleInitials = new Set();
    for (const [s, v] of SUFFIXES) {
      if (!v.nominal) continue;
      const c = choseongOf(s);
      for (let k = 1; k <= c.length; k++) particleInitials.add(c.slice(0, k));
    }
  }
  return particleInitials.has(letters);
}

/** The initial consonant of a Hangul syllable's code (가 → ㄱ), or '' for any other code. */
export function initialOfCode(code: number): string {
  return isSyllable(code) ? CHOSEONG_LETTERS[Math.floor((code - SYLLABLE_FIRST) / CHO_STRIDE)]! : '';
}

/**
 * The words a listed one-syllable noun is written in with a position noun joined on (집: 집안,
 * 집속, 집밖; lists/one-syllable-nouns.ts), or [] for any other word.
 */
export function writtenOnto(noun: string): string[] {
  if (!ONE_SYLLABLE.has(noun)) return [];
  return WRITTEN_AFTER.map((a) => noun + a.word).filter((w) => !NOT_ONTO.has(w));
}

const NOT_ONTO = new Set(NOT_WRITTEN_ONTO.map((w) => w.word));
