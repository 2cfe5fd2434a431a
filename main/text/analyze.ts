// The one text analysis shared by index building and queries: whatever is done to the text is
// done to the query, so both meet on the same terms. The index stores exactly the terms `analyze`
// returns (FlexSearch tokenizer "strict"), one term per word to keep the index small.
import { englishTerm, foldEnglish } from './english.js';
import { choseongOf, composeJamo, initialOfCode, initialSoundRule, initialsStartWith, isChoseongOnly, isHangulCode, koreanTerm, syllablesMappingTo } from './korean.js';

export { choseongOf };

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;

function toHalfWidth(c: string): string {
  return c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0);
}

/**
 * Normalises text before analysis: full-width ASCII (Ｃｈａｎｇｍｕｎ, ２０２４) → ASCII (the NFKC
 * mapping, for that block only: NFKC elsewhere would also rewrite Hangul), decomposed Hangul
 * (NFD) → syllables (NFC), letter-by-letter jamo (ㄴㅗㄷㅗㅇ) → syllables (노동), lower case.
 * Idempotent.
 */
export function normalizeInput(s: string): string {
  const t = FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_ALL, toHalfWidth) : s;
  // The second NFC covers the few characters whose lower case is not in NFC.
  return composeJamo(t.normalize('NFC')).toLowerCase().normalize('NFC');
}

// ---- Words ---------------------------------------------------------------------------------

const SEP = 1;
const HANGUL = 2;
const WORD = 3; // a letter, digit or mark of any other script
const ASTRAL_WORD = 4; // WORD outside the BMP: two code units
const APOSTROPHE = 5; // joins two WORD runs (don't, BTS's)

const KOREAN = 0;
const KOREAN_ATTACHED = 1; // Hangul glued to the end of a Latin/digit run: CD를, 3월에
const OTHER = 2;
type WordKind = typeof KOREAN | typeof KOREAN_ATTACHED | typeof OTHER;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// Filled lazily: a table lookup per character keeps the scan free of regex and allocation.
const classes = new Uint8Array(0x10000);

function classify(code: number): number {
  let c: number;
  if (code === 0x27 || code === 0x2019) c = APOSTROPHE;
  else if (isHangulCode(code)) c = HANGUL;
  else if (code >= 0xd800 && code <= 0xdfff) c = SEP; // a lone surrogate
  else c = WORD_CHAR.test(String.fromCharCode(code)) ? WORD : SEP;
  classes[code] = c;
  return c;
}

function classAt(s: string, i: number): number {
  const code = s.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) {
    const cp = s.codePointAt(i) as number;
    if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp)) ? ASTRAL_WORD : SEP;
  }
  const c = classes[code] as number;
  return c !== 0 ? c : classify(code);
}

/** Calls `visit` for every word of normalised text `s`, in order. */
function scanWords(s: string, visit: (start: number, end: number, kind: WordKind) => void): void {
  const n = s.length;
  let otherEnd = -1;
  let i = 0;
  while (i < n) {
    const c = classAt(s, i);
    const start = i;
    if (c === HANGUL) {
      i++;
      while (i < n && classAt(s, i) === HANGUL) i++;
      visit(start, i, start === otherEnd ? KOREAN_ATTACHED : KOREAN);
    } else if (c === WORD || c === ASTRAL_WORD) {
      i += c === WORD ? 1 : 2;
      while (i < n) {
        const d = classAt(s, i);
        if (d === WORD) i++;
        else if (d === ASTRAL_WORD) i += 2;
        else if (d === APOSTROPHE && i + 1 < n && (classAt(s, i + 1) === WORD || classAt(s, i + 1) === ASTRAL_WORD)) i++;
        else break;
      }
      visit(start, i, OTHER);
      otherEnd = i;
    } else {
      i++;
    }
  }
}

// ---- Terms ---------------------------------------------------------------------------------

// Words repeat a lot: analysing each distinct word once is most of the speed. Bounded by
// clearing, which is cheaper than an LRU and loses little (frequent words come straight back).
const CACHE_LIMIT = 100_000;
const caches: Array<Map<string, string | null>> = [new Map(), new Map(), new Map()];

function wordTerm(word: string, kind: WordKind): string | null {
  const cache = caches[kind] as Map<string, string | null>;
  let term = cache.get(word);
  if (term === undefined) {
    term = kind === OTHER ? englishTerm(word) : koreanTerm(word, kind === KOREAN_ATTACHED);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, term);
  }
  return term;
}

/** The index term of one written word (already normalised), or null (a stop word, particles only). */
export function termOfWord(word: string): string | null {
  let term: string | null = null;
  let count = 0;
  scanWords(word, (start, end, kind) => {
    count++;
    term = wordTerm(word.slice(start, end), kind);
  });
  return count === 1 ? term : null;
}

/**
 * The index terms of a text, in order, duplicates kept: one per word, Korean particles and
 * endings stripped and 두음법칙 applied, English folded and Porter-stemmed, stop words dropped.
 */
export function analyze(text: string): string[] {
  const s = normalizeInput(text);
  const out: string[] = [];
  scanWords(s, (start, end, kind) => {
    const term = wordTerm(s.slice(start, end), kind);
    if (term !== null) out.push(term);
  });
  return out;
}

export interface QueryAnalysis {
  /** Terms of the finished words; a result must contain each. */
  terms: string[];
  /** The finished words as written (normalised), one for each term: for finding their other forms. */
  words: string[];
  /** The word being typed as written (normalised), when there is one. */
  prefixWord?: string;
  /**
   * The word still being typed (the query does not end in a space or punctuation), analysed like
   * a term — particles stripped, 두음법칙, Porter stem — but kept when a stop word. Match it
   * against the start of vocabulary terms; it is not in `terms`. Analysed rather than as typed
   * because the vocabulary holds only analysed terms: 학교에 or 노동자들 as typed would start no
   * term, while their stems (a prefix of the typed Korean word) start every term the word could
   * become.
   */
  prefix?: string;
  /**
   * The whole query (spaces aside) when it is only initial consonants (ㅌㅇㅌㄴ): match titles'
   * choseongOf. At least two: one letter (ㅎ) is in nearly every title and says nothing of which.
   */
  choseong?: string;
  /**
   * Phrases typed in double quotes, of two words or more: each a list of its words as written
   * (normalised). Their terms are in `terms` too; a chunk must also hold each phrase (phraseHolds).
   */
  phrases?: string[][];
}

const QUOTED = /["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)(?:["\u201c\u201d\u201e]|$)/gu;

/**
 * A Korean word with every particle and ending taken off, down to one syllable if need be (전을,
 * 볕은 → 전, 볕): inside a phrase the words around it say what it is. Other words as they are.
 */
function bareOf(word: string): string {
  let hangul = true;
  for (let i = 0; i < word.length && hangul; i++) hangul = isHangulCode(word.charCodeAt(i));
  return hangul ? (koreanTerm(word, true) ?? word) : word;
}

/**
 * True when a word of `text`, as written (particles included), has initial consonants that start
 * with `letters` (ㅈㄱㅈ: 정거장까지, 중국집이며).
 */
export function choseongHolds(text: string, letters: string): boolean {
  const s = normalizeInput(text);
  let held = false;
  scanWords(s, (start, end, kind) => {
    if (!held && kind !== OTHER && initialsStartWith(s, start, end, letters)) held = true;
  });
  return held;
}

/** The quoted phrases of a normalised query: the words of each, as written. */
function phrasesOf(s: string): string[][] {
  const out: string[][] = [];
  for (const m of s.matchAll(QUOTED)) {
    const inner = m[1]!;
    const words: string[] = [];
    scanWords(inner, (start, end) => words.push(inner.slice(start, end)));
    if (words.length >= 2) out.push(words);
  }
  return out;
}

/**
 * True when `text` holds `phrase` (words as written in the query, normalised): its words one after
 * the other with only spaces between, the last with any particle or ending (관호 씨가), the others
 * as typed — the first may end a longer name (김관호 씨 for "관호 씨") — or all written as one word
 * (아침볕 for "아침 볕"). "만수의 어머니" is not "만수 어머니", nor "먼 동편 하늘" "먼 하늘".
 */
export function phraseHolds(text: string, phrase: readonly string[]): boolean {
  const n = phrase.length;
  if (n === 0) return true;
  const s = normalizeInput(text);
  const lastTerm = termOfWord(phrase[n - 1]!) ?? phrase[n - 1]!;
  const joined = phrase.join('');
  const joinedTerm = termOfWord(joined) ?? joined;
  const lastBare = bareOf(phrase[n - 1]!);
  const words: Array<{ start: number; end: number }> = [];
  scanWords(s, (start, end) => words.push({ start, end }));
  const word = (i: number) => s.slice(words[i]!.start, words[i]!.end);
  const spaced = (i: number) => /^\s+$/u.test(s.slice(words[i - 1]!.end, words[i]!.start));
  for (let i = 0; i < words.length; i++) {
    const w = word(i);
    // Written as one word.
    if (w.startsWith(joined) && (w === joined || termOfWord(w) === joinedTerm)) return true;
    if (i + n > words.length) continue;
    if (!(w === phrase[0] || (w.endsWith(phrase[0]!) && w.length > phrase[0]!.length))) continue;
    let k = 1;
    for (; k < n; k++) {
      if (!spaced(i + k)) break;
      const next = word(i + k);
      if (k < n - 1 ? next !== phrase[k] : !(next === phrase[k] || (termOfWord(next) ?? next) === lastTerm || bareOf(next) === lastBare)) break;
    }
    if (k === n) return true;
  }
  return false;
}

/** Analyses a search box query the same way `analyze` analyses text. */
export function analyzeQuery(query: string): QueryAnalysis {
  const s = normalizeInput(query);
  const words: Array<{ word: string; kind: WordKind; end: number }> = [];
  scanWords(s, (start, end, kind) => words.push({ word: s.slice(start, end), kind, end }));

  const result: QueryAnalysis = { terms: [], words: [] };
  const compact = s.replace(/\s+/gu, '');
  if (compact.length >= 2 && isChoseongOnly(compact)) result.choseong = compact;
  const phrases = phrasesOf(s);
  if (phrases.length > 0) result.phrases = phrases;

  const last = words.at(-1);
  // A particle typed after Latin letters (BTS의) means the word before it is finished.
  // So does a particle or an ending typed after a Korean word (돈을, 물에, 어머니께): the word is
  // the stem, not the start of longer words (물에 must not find 물결, 물론).
  const typing =
    last !== undefined &&
    last.end === s.length &&
    !(last.kind === KOREAN_ATTACHED && wordTerm(last.word, last.kind) === null) &&
    !(last.kind === KOREAN && (wordTerm(last.word, last.kind) ?? last.word).length < last.word.length);
  for (const w of typing ? words.slice(0, -1) : words) {
    const term = wordTerm(w.word, w.kind);
    if (term !== null) {
      result.terms.push(term);
      result.words.push(w.word);
    }
  }
  if (typing) {
    const prefix = wordTerm(last.word, last.kind) ?? foldEnglish(last.word);
    if (prefix.length > 0) {
      result.prefix = prefix;
      result.prefixWord = last.word;
    }
  }
  return result;
}

const RAW_WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Ranges [start, end) of the ORIGINAL `text` to highlight: each space-separated word whose terms
 * include one of `queryTerms` or start with `prefix`. The whole written word is marked,
 * particles included (타이타닉을 for 타이타닉; 로동 for 노동).
 */
export function matchRanges(text: string, queryTerms: readonly string[], prefix?: string, options: { first?: boolean } = {}): Array<[number, number]> {
  const { wanted, holds, choseong, letters: choseongLetters } = matcherOf(queryTerms, prefix);
  const ranges: Array<[number, number]> = [];
  if (wanted.size === 0 && !prefix && !choseong) return ranges;
  if (options.first && !choseong) {
    const probes = hangulProbes(wanted, prefix);
    if (probes) {
      const found = firstByProbes(text, probes, holds);
      return found ? [found] : ranges;
    }
  }
  // Most words of a chunk cannot match: a word of Hangul syllables only, or of ASCII letters only,
  // has one term, which starts with its first letter (두음법칙 applied). Such a word is passed over
  // without analysing it unless that letter starts a query term.
  const firsts = new Set<number>();
  for (const t of wanted) firsts.add(t.charCodeAt(0));
  if (prefix) firsts.add(prefix.charCodeAt(0));
  const choseongFirsts = new Set(choseongLetters.map((l) => l[0]!));
  for (const m of text.matchAll(RAW_WORD)) {
    const key = quickKey(m[0]);
    // A word the 초성 may start begins with a syllable of its first letter.
    if (key >= 0 && !firsts.has(key) && !(choseong && choseongFirsts.has(initialOfCode(key)))) continue;
    if (holds(m[0])) {
      ranges.push([m.index, m.index + m[0].length]);
      if (options.first) break;
    }
  }
  return ranges;
}

/**
 * A term that matches a written word only when the word's initials start with the 초성 typed: a word
 * a 초성 query found one particle short (독립군 for ㄷㄹㄱㅇ marks 독립군이, 독립군의, not 독립군과).
 * Written `term` U+0001 `letters` in a search answer's terms.
 */
export function choseongTerm(term: string, letters: string): string {
  return `${term}\u0001${letters}`;
}

/** The query's plain terms, and whether a written word matches one of its terms or choseongTerms. */
function matcherOf(queryTerms: readonly string[], prefix: string | undefined): { wanted: Set<string>; holds: (word: string) => boolean; choseong: boolean; letters: string[] } {
  const wanted = new Set<string>();
  let tails: Map<string, string[]> | undefined;
  for (const q of queryTerms) {
    const cut = q.indexOf('\u0001');
    if (cut < 0) {
      wanted.add(q);
      continue;
    }
    const t = q.slice(0, cut);
    tails ??= new Map();
    tails.set(t, [...(tails.get(t) ?? []), q.slice(cut + 1)]);
  }
  // The chunk was kept for a written word the 초성 starts (choseongHolds): whichever word that is,
  // it is the one marked, a listed short word or not (즉각적으로 for ㅈㄱㅈ).
  const letters = tails ? [...new Set([...tails.values()].flat())] : [];
  const holds = (word: string) =>
    wordTerms(word).some((t) => wanted.has(t) || (prefix !== undefined && prefix !== '' && t.startsWith(prefix))) ||
    (letters.length > 0 && letters.some((l) => initialsStartWith(word, 0, word.length, l)));
  return { wanted, holds, choseong: letters.length > 0, letters };
}

/**
 * When every query term starts with a Hangul syllable: the syllables a matching word can start with
 * (두음법칙 read backwards: 노동 is written 로동 too). A word can only match where one of them begins it.
 */
function hangulProbes(wanted: Set<string>, prefix: string | undefined): string[] | undefined {
  const probes = new Set<string>();
  for (const t of [...wanted, ...(prefix ? [prefix] : [])]) {
    const c = t.charCodeAt(0);
    if (!(c >= 0xac00 && c <= 0xd7a3)) return undefined;
    for (const s of syllablesMappingTo(c)) probes.add(String.fromCharCode(s));
  }
  return [...probes];
}

const WORD_AT = /[\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{N}\p{M}]+)*/uy;
/** Letters, digits, marks and the apostrophe inside a word (don't): what a word start looks back over. */
const WORD_CHAR_BEFORE = /[\p{L}\p{N}\p{M}'\u2019]/u;

/**
 * The first word of `text` whose terms match, found by looking only at words that hold a probe (a
 * probe inside a word counts too: 3월에 has the term 월). Words are those of `matchRanges`.
 */
function firstByProbes(text: string, probes: string[], holds: (word: string) => boolean): [number, number] | undefined {
  const next = probes.map((p) => text.indexOf(p));
  let checkedTo = 0;
  for (;;) {
    let at = -1;
    let which = -1;
    for (let i = 0; i < next.length; i++) if (next[i]! >= 0 && (at < 0 || next[i]! < at)) [at, which] = [next[i]!, i];
    if (at < 0) return undefined;
    next[which] = text.indexOf(probes[which]!, at + 1);
    if (at < checkedTo) continue;
    // The whole word around the probe, as matchRanges would see it.
    let start = at;
    while (start > 0 && WORD_CHAR_BEFORE.test(text[start - 1]!)) start--;
    let m: RegExpExecArray | null;
    for (;;) {
      while (start < at && (text[start] === "'" || text[start] === '\u2019')) start++;
      WORD_AT.lastIndex = start;
      m = WORD_AT.exec(text);
      // Two apostrophes in a row end a word (BTS''노동): the word holding the probe comes after.
      if (!m || start + m[0].length > at) break;
      start += m[0].length;
    }
    if (!m) continue;
    checkedTo = start + m[0].length;
    if (holds(m[0])) return [start, checkedTo];
  }
}

/**
 * The first letter of the one term a plain word can have (Hangul syllables only: the first syllable,
 * when 두음법칙 cannot change it; ASCII letters only: the first letter in lower case), or -1 when the word is of any
 * other make-up and must be analysed to know.
 */
function quickKey(word: string): number {
  const first = word.charCodeAt(0);
  if (first >= 0xac00 && first <= 0xd7a3) {
    for (let i = 1; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c < 0xac00 || c > 0xd7a3) return -1;
    }
    // A first syllable 두음법칙 may turn is turned or not by what the word is (라면, 년): analyse it.
    return initialSoundRule(first) === first ? first : -1;
  }
  if ((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a)) {
    for (let i = 1; i < word.length; i++) {
      const c = word.charCodeAt(i) | 0x20;
      if (c < 0x61 || c > 0x7a) return -1;
    }
    return first | 0x20;
  }
  return -1;
}

// Snippets and highlights analyse every written word of a chunk; the same words come back again
// and again, so their terms are kept (bounded) rather than analysed anew each time.
const wordTermsCache = new Map<string, string[]>();

function wordTerms(word: string): string[] {
  let terms = wordTermsCache.get(word);
  if (terms === undefined) {
    terms = analyze(word);
    if (wordTermsCache.size >= CACHE_LIMIT) wordTermsCache.clear();
    wordTermsCache.set(word, terms);
  }
  return terms;
}
