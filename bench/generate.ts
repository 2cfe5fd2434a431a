// A deterministic synthetic library for the search benchmark: Korean articles (South and some North
// Korean spelling) with real particles and endings on a long-tail vocabulary of syllable-built
// nouns, English articles with inflected words, Latin words glued to Hangul, and SRT subtitles.
// Every file is generated from its own number with a seeded PRNG, so a smaller library is the
// first files of a larger one, and the same parameters always give the same bytes.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bump when the generated text changes: a library with another stamp is generated again. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 20240611;

// ---- Random numbers --------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for text. Returns [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/**
 * A Zipf–Mandelbrot rank in 1..n: P(k) ∝ (k + q)^-s (inverse CDF of the continuous law). The
 * offset q flattens the head so the commonest word is ~1.5% of words, not 10%.
 */
function zipf(r: Rand, n: number, s: number, q = 10): number {
  const a = 1 - s;
  const lo = Math.pow(1 + q, a);
  const hi = Math.pow(n + 1 + q, a);
  const x = Math.pow(lo + (hi - lo) * r(), 1 / a);
  return Math.min(n, Math.max(1, Math.floor(x - q)));
}

// ---- Korean ------------------------------------------------------------------------------------

// Common Sino-Korean readings as they are before the initial-sound rule (력, 로, 녀 …): a noun made
// of them is spelled this way in the North and with the rule applied to its first syllable in the South.
const SYLLABLES = [...(
  '가각간감강개거건검게격견결경계고곡공과관광교구국군권귀규균극근금기길김나난남내녀년념노농능다단담당대덕도독동두등' +
  '라락란람랑래략량려력련렬령례로록론뢰료룡류륙률리린림립마만말망매면명모목몽무문물미민밀박반발방배백번범법벽변별병' +
  '보복본봉부북분불비빈사산살삼상생서석선설섬성세소속손송수숙순술숭습승시식신실심아악안암압앙애액야약양어억언엄업' +
  '여역연열염영예오옥온완왕외요욕용우운원월위유육윤은음읍응의이익인일임입자작잔잠장재쟁저적전절점접정제조족존종좌' +
  '주죽준중즉증지직진질집차착찬참창채책처척천철첨청체초촉촌총최추축춘출충취측층치칙친침칭쾌타탁탄탈탐탑탕태택토통' +
  '퇴투특파판패편평폐포폭표품풍피필하학한할함합항해핵행향허헌험혁현혈협형혜호혹혼홍화확환활황회획효후훈휘휴흉흑흥희'
)];

const BASE = 0xac00;
const jongOf = (code: number) => (code - BASE) % 28;
const choOf = (code: number) => Math.floor((code - BASE) / 588);
const jungOf = (code: number) => Math.floor(((code - BASE) % 588) / 28);
const Y_VOWELS = new Set([2, 6, 7, 12, 17, 20]);

/** The South Korean spelling of a word's first syllable (두음법칙): 력→역, 로→노, 녀→여. */
function southFirst(word: string): string {
  const code = word.charCodeAt(0);
  const cho = choOf(code);
  if (cho !== 5 && cho !== 2) return word;
  let to = cho;
  if (Y_VOWELS.has(jungOf(code))) to = 11;
  else if (cho === 5) to = 2;
  if (to === cho) return word;
  return String.fromCharCode(code + (to - cho) * 588) + word.slice(1);
}

// Real, frequent North/South pairs, as the first ranks of the vocabulary (North spelling).
const REAL_NOUNS = [
  '로동', '력사', '녀성', '리용', '래일', '락원', '로인', '량심', '련합', '리론', '례절', '료리', '류행', '륙지', '리익',
  '로동자', '력사가', '녀자', '론문', '령토', '래년', '련구', '로력', '리해', '렬차',
  '학교', '사람', '나라', '정부', '경제', '사회', '문화', '교육', '시간', '문제', '세계', '생활', '대학', '도서관', '신문',
  '국민', '지역', '기술', '과학', '음악', '영화', '노래', '마을', '바다', '하늘', '가을', '고양이', '아이', '어머니', '친구',
];

export interface Noun {
  /** As written in the North (no initial-sound rule). */
  north: string;
  south: string;
}

const nounCache = new Map<number, Noun>();

/** The noun of a vocabulary rank (1-based); the same rank is always the same noun. */
export function nounOf(rank: number): Noun {
  let n = nounCache.get(rank);
  if (n) return n;
  let north: string;
  if (rank <= REAL_NOUNS.length) north = REAL_NOUNS[rank - 1]!;
  else {
    const r = prng(hash32(rank, 0x6b6f));
    const u = r();
    const len = u < 0.04 ? 1 : u < 0.62 ? 2 : u < 0.9 ? 3 : 4;
    north = '';
    for (let i = 0; i < len; i++) north += pick(r, SYLLABLES);
  }
  n = { north, south: southFirst(north) };
  if (nounCache.size < 1_000_000) nounCache.set(rank, n);
  return n;
}

export const KOREAN_VOCABULARY = 1_000_000;
const ZIPF_S = 1.15;

export function koreanRank(r: Rand): number {
  return zipf(r, KOREAN_VOCABULARY, ZIPF_S);
}

const hasFinal = (w: string) => jongOf(w.charCodeAt(w.length - 1)) !== 0;
const finalIsRieul = (w: string) => jongOf(w.charCodeAt(w.length - 1)) === 8;

/** Particles and endings that take a noun, each as [after a final consonant, after a vowel]. */
const PARTICLES: ReadonlyArray<readonly [string, string]> = [
  ['이', '가'], ['은', '는'], ['을', '를'], ['과', '와'], ['의', '의'], ['에', '에'], ['에서', '에서'], ['도', '도'],
  ['으로', '로'], ['에게', '에게'], ['만', '만'], ['까지', '까지'], ['부터', '부터'], ['처럼', '처럼'], ['보다', '보다'],
  ['들은', '들은'], ['들이', '들이'], ['들의', '들의'], ['이다', '다'], ['이었다', '였다'], ['입니다', '입니다'],
];
const VERB_ENDINGS = ['하는', '하고', '했다', '하였다', '한다', '하며', '하기', '되는', '되었다', '된다', '해서'];

/** A noun as it appears in a sentence: bare or with a particle chosen by its last syllable. */
export function inflect(word: string, r: Rand): string {
  const u = r();
  if (u < 0.3) return word;
  if (u < 0.38 && word.length >= 2) return word + pick(r, VERB_ENDINGS);
  const [afterC, afterV] = pick(r, PARTICLES);
  if (afterC === '으로') return word + (hasFinal(word) && !finalIsRieul(word) ? '으로' : '로');
  return word + (hasFinal(word) ? afterC : afterV);
}

const FUNCTION_WORDS = [
  '그리고', '그러나', '하지만', '또한', '매우', '아주', '가장', '다시', '이미', '함께', '모든', '많은', '새로운', '다른',
  '이번', '지난', '올해', '우리', '그들은', '그는', '이것은', '그것을', '위한', '대한', '통해', '따라', '같은', '여러',
  '특히', '결국', '이제', '아직', '바로', '곧', '더', '잘', '못', '안', '수', '것', '때문에', '동안', '이후', '이전',
];
const PREDICATES = [
  '있다', '없다', '했다', '한다', '된다', '보인다', '말했다', '밝혔다', '전했다', '알려졌다', '있었다', '것이다',
  '수 있다', '할 수 있다', '많다', '적다', '크다', '중요하다', '필요하다', '시작되었다', '이어졌다', '나타났다',
];

// Latin words that turn up inside Korean text, often with a particle glued on (BTS의, USB를).
export const LATIN_IN_KOREAN = [
  'BTS', 'CPU', 'USB', 'AI', 'LED', 'GPS', 'DNA', 'UN', 'OECD', 'IT', 'PC', 'TV', 'SNS', 'K-pop', 'Linux', 'Python',
  'Wikipedia', 'YouTube', 'iPhone', 'Android', 'Unicode', 'OpenStreetMap', 'Kiwix', 'Firefox', 'PDF', 'EPUB', 'MP4',
];

function latinPseudo(rank: number): string {
  const r = prng(hash32(rank, 0x4c41));
  const on = ['k', 'br', 'st', 'v', 'm', 'pl', 'tr', 'd', 'g', 'sh', 'n', 'r', 'l', 'f', 'cr', 'p', 'th', 'w'];
  const nu = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea', 'io'];
  const co = ['', 'n', 'r', 'x', 'l', 'nd', 'st', 'm', 'ck', 'sh', 't'];
  let w = '';
  const len = 2 + Math.floor(r() * 2);
  for (let i = 0; i < len; i++) w += pick(r, on) + pick(r, nu) + (i === len - 1 ? pick(r, co) : '');
  return w;
}

function latinInKorean(r: Rand): string {
  if (r() < 0.7) return pick(r, LATIN_IN_KOREAN);
  const w = latinPseudo(zipf(r, 20_000, 1.1));
  return w[0]!.toUpperCase() + w.slice(1);
}

function koreanSentence(r: Rand, north: boolean): string {
  const words: string[] = [];
  if (r() < 0.3) words.push(pick(r, FUNCTION_WORDS));
  const phrases = 3 + Math.floor(r() * 8);
  for (let i = 0; i < phrases; i++) {
    const u = r();
    if (u < 0.03) {
      const latin = latinInKorean(r);
      const v = /[aeiouy]$/i.test(latin) || /^[A-Z-]+$/.test(latin);
      words.push(latin + (r() < 0.6 ? pick(r, v ? ['를', '의', '가', '에서', '는', '와'] : ['을', '의', '이', '에서', '은', '과']) : ''));
    } else if (u < 0.05) {
      words.push(`${1 + Math.floor(r() * 2030)}${pick(r, ['년', '년에', '월', '월에', '일', '명', '개', '%'])}`);
    } else if (u < 0.2) {
      words.push(pick(r, FUNCTION_WORDS));
    } else {
      const n = nounOf(koreanRank(r));
      words.push(inflect(north ? n.north : n.south, r));
    }
  }
  words.push(pick(r, PREDICATES));
  return words.join(' ') + '.';
}

function koreanTitle(r: Rand, north: boolean): string {
  const len = 1 + Math.floor(r() * 3);
  const words: string[] = [];
  for (let i = 0; i < len; i++) {
    // Titles use somewhat rarer words than running text.
    const n = nounOf(zipf(r, KOREAN_VOCABULARY, 1.05));
    const w = north ? n.north : n.south;
    words.push(i < len - 1 && r() < 0.25 ? w + (r() < 0.5 ? '의' : hasFinal(w) ? '과' : '와') : w);
  }
  return words.join(' ');
}

// ---- English -----------------------------------------------------------------------------------

const EN_VERBS = (
  'work organize build read write learn teach study create develop open close carry start finish follow change move ' +
  'play watch listen speak travel report record print store search index protect support include improve connect ' +
  'measure compare describe explain discover publish translate collect share train design plan produce grow remember'
).split(' ');
const EN_NOUNS = (
  'library book worker school history woman river mountain village city country family child teacher student ' +
  'government economy culture education science music film song newspaper market factory farmer union memory ' +
  'story language letter island harbor railway bridge garden forest season winter summer museum archive computer ' +
  'network drive subtitle reader search index article chapter journey question answer community century'
).split(' ');
const EN_ADJ = 'new old long short early late great small large public private local national digital free open quiet'.split(' ');
const EN_STOP = 'the of and to in on at by for with from as is are was were it this that but'.split(' ');

function verbForm(v: string, r: Rand): string {
  const u = r();
  if (u < 0.3) return v;
  if (u < 0.5) return v.endsWith('h') || v.endsWith('s') ? v + 'es' : v + 's';
  if (u < 0.75) return v.endsWith('e') ? v + 'd' : v + 'ed';
  return v.endsWith('e') ? v.slice(0, -1) + 'ing' : v + 'ing';
}

function nounForm(n: string, r: Rand): string {
  if (r() < 0.6) return n;
  if (n.endsWith('y') && !/[aeiou]y$/.test(n)) return n.slice(0, -1) + 'ies';
  if (/(s|sh|ch|x)$/.test(n)) return n + 'es';
  return n + 's';
}

export function englishWord(r: Rand): string {
  const u = r();
  if (u < 0.28) return pick(r, EN_STOP);
  if (u < 0.45) return verbForm(pick(r, EN_VERBS), r);
  if (u < 0.65) return nounForm(pick(r, EN_NOUNS), r);
  if (u < 0.72) return pick(r, EN_ADJ);
  return nounForm(latinPseudo(zipf(r, 60_000, 1.05)), r);
}

function englishSentence(r: Rand): string {
  const n = 6 + Math.floor(r() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(englishWord(r));
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function englishTitle(r: Rand): string {
  const words = [pick(r, EN_ADJ), nounForm(pick(r, EN_NOUNS), r)];
  if (r() < 0.5) words.push('of', nounForm(latinPseudo(zipf(r, 60_000, 1.05)), r));
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

export { verbForm, nounForm, EN_VERBS, EN_NOUNS };

// ---- Files -------------------------------------------------------------------------------------

export type FileKindGen = 'ko' | 'north' | 'en' | 'srt';

export interface GeneratedFile {
  path: string;
  kind: FileKindGen;
  title: string;
  bytes: number;
}

function paragraphs(r: Rand, target: number, sentence: () => string, heading: () => string, markdown: boolean): string {
  const parts: string[] = [];
  let size = 0;
  let sinceHeading = 0;
  while (size < target) {
    if (markdown && sinceHeading >= 3 && r() < 0.3) {
      const h = `## ${heading()}`;
      parts.push(h);
      size += h.length * 3;
      sinceHeading = 0;
    }
    const k = 2 + Math.floor(r() * 6);
    const ss: string[] = [];
    for (let i = 0; i < k; i++) ss.push(sentence());
    const p = ss.join(' ');
    parts.push(p);
    size += Buffer.byteLength(p, 'utf8') + 2;
    sinceHeading++;
  }
  return parts.join('\n\n');
}

function srtTime(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (x: number, n = 2) => String(x).padStart(n, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)},${pad(ms % 1000, 3)}`;
}

function subtitleText(r: Rand, target: number): string {
  const cues: string[] = [];
  let size = 0;
  let t = 1000 + Math.floor(r() * 5000);
  for (let i = 1; size < target; i++) {
    const dur = 1200 + Math.floor(r() * 3500);
    let line = koreanSentence(r, false);
    if (line.length > 40) line = line.slice(0, 40).replace(/\s\S*$/, '') + '…';
    const text = r() < 0.3 ? `${line}\n${koreanSentence(r, false).slice(0, 30).replace(/\s\S*$/, '')}` : line;
    const cue = `${i}\n${srtTime(t)} --> ${srtTime(t + dur)}\n${text}\n`;
    cues.push(cue);
    size += Buffer.byteLength(cue, 'utf8') + 1;
    t += dur + 200 + Math.floor(r() * 2000);
  }
  return cues.join('\n');
}

const FILES_PER_FOLDER = 100;

/** One file, from its number alone. */
export function generateFile(seed: number, n: number): { rel: string; kind: FileKindGen; title: string; content: string } {
  const r = prng(hash32(seed, n));
  const u = r();
  const kind: FileKindGen = u < 0.1 ? 'en' : u < 0.2 ? 'north' : u < 0.24 ? 'srt' : 'ko';
  // A few KB to ~100 KB, log-uniform.
  const target = Math.round(Math.exp(Math.log(3000) + r() * (Math.log(100_000) - Math.log(3000))));
  const folder = `${kind}/${String(Math.floor(n / FILES_PER_FOLDER)).padStart(4, '0')}`;
  const num = String(n).padStart(6, '0');
  if (kind === 'srt') {
    const title = koreanTitle(r, false);
    return { rel: `${folder}/${title.replace(/\s+/g, '_')}-${num}.ko.srt`, kind, title, content: subtitleText(r, target) };
  }
  if (kind === 'en') {
    const title = englishTitle(r);
    const body = paragraphs(r, target, () => englishSentence(r), () => englishTitle(r), true);
    return { rel: `${folder}/a${num}.md`, kind, title, content: `# ${title}\n\n${body}\n` };
  }
  const north = kind === 'north';
  const title = koreanTitle(r, north);
  const markdown = r() < 0.8;
  const body = paragraphs(r, target, () => koreanSentence(r, north), () => koreanTitle(r, north), markdown);
  if (markdown) return { rel: `${folder}/a${num}.md`, kind, title, content: `# ${title}\n\n${body}\n` };
  return { rel: `${folder}/a${num}.txt`, kind, title, content: `${title}\n\n${body}\n` };
}

export interface LibraryStamp {
  version: number;
  seed: number;
  targetBytes: number;
  files: GeneratedFile[];
  textBytes: number;
}

const STAMP = '.bench-stamp.json';

/**
 * Writes the library into `dir` unless a library of the same parameters is already there.
 * Returns its stamp (file list, titles, text bytes).
 */
export function ensureLibrary(dir: string, targetBytes: number, seed: number, log: (s: string) => void): { stamp: LibraryStamp; reused: boolean } {
  const stampPath = path.join(dir, STAMP);
  if (existsSync(stampPath)) {
    try {
      const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as LibraryStamp;
      if (stamp.version === GENERATOR_VERSION && stamp.seed === seed && stamp.targetBytes === targetBytes) return { stamp, reused: true };
    } catch {
      // regenerate
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: GeneratedFile[] = [];
  let total = 0;
  let lastLog = 0;
  const started = Date.now();
  for (let n = 0; total < targetBytes; n++) {
    const f = generateFile(seed, n);
    const abs = path.join(dir, f.rel);
    if (n % FILES_PER_FOLDER === 0 || !existsSync(path.dirname(abs))) mkdirSync(path.dirname(abs), { recursive: true });
    const buf = Buffer.from(f.content, 'utf8');
    writeFileSync(abs, buf);
    files.push({ path: f.rel, kind: f.kind, title: f.title, bytes: buf.length });
    total += buf.length;
    if (total - lastLog > 10_000_000) {
      lastLog = total;
      log(`  generated ${(total / 1e6).toFixed(0)} / ${(targetBytes / 1e6).toFixed(0)} MB (${files.length} files, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  const stamp: LibraryStamp = { version: GENERATOR_VERSION, seed, targetBytes, files, textBytes: total };
  writeFileSync(stampPath, JSON.stringify(stamp));
  return { stamp, reused: false };
}

// ---- Queries -----------------------------------------------------------------------------------

export type QueryKind = 'particle' | 'north-south' | 'choseong' | 'english' | 'several' | 'mixed';
export const QUERY_KINDS: QueryKind[] = ['particle', 'north-south', 'choseong', 'english', 'several', 'mixed'];

export interface BenchQuery {
  kind: QueryKind;
  q: string;
}

const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
function choseong(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xac00 && c <= 0xd7a3) out += CHOSEONG[choOf(c)];
  }
  return out;
}

/** A vocabulary rank for a query: half as often as the text uses words, half from the long tail. */
function queryRank(r: Rand): number {
  return r() < 0.5 ? koreanRank(r) : Math.floor(Math.exp(Math.log(20) + r() * (Math.log(30_000) - Math.log(20))));
}

function koreanQueryWord(r: Rand): string {
  return inflect(nounOf(queryRank(r)).south, r);
}

/** `perKind` queries of each kind, interleaved in a fixed shuffled order. */
export function generateQueries(stamp: LibraryStamp, perKind: number): BenchQuery[] {
  const r = prng(hash32(stamp.seed, 0x51));
  const koTitles = stamp.files.filter((f) => f.kind !== 'en').map((f) => f.title);
  const out: BenchQuery[] = [];
  for (let i = 0; i < perKind; i++) {
    out.push({ kind: 'particle', q: (() => {
      let w = koreanQueryWord(r);
      for (let k = 0; k < 5 && w === nounOf(1).south; k++) w = koreanQueryWord(r);
      return w.length > 1 ? w : w + '의';
    })() });
    // A noun whose two spellings differ, asked in either.
    let n = nounOf(queryRank(r));
    for (let k = 0; k < 200 && n.north === n.south; k++) n = nounOf(queryRank(r));
    out.push({ kind: 'north-south', q: inflect(r() < 0.5 ? n.north : n.south, r) });
    const title = pick(r, koTitles);
    const cs = choseong(title.replace(/\s+/g, ''));
    out.push({ kind: 'choseong', q: r() < 0.5 || cs.length <= 3 ? cs : cs.slice(0, 3 + Math.floor(r() * (cs.length - 2))) });
    const en = r() < 0.6
      ? (r() < 0.5 ? verbForm(pick(r, EN_VERBS), r) : nounForm(pick(r, EN_NOUNS), r))
      : `${nounForm(pick(r, EN_NOUNS), r)} ${verbForm(pick(r, EN_VERBS), r)}`;
    out.push({ kind: 'english', q: en });
    const k = 2 + Math.floor(r() * 2);
    const words: string[] = [];
    for (let j = 0; j < k; j++) words.push(koreanQueryWord(r));
    out.push({ kind: 'several', q: words.join(' ') });
    const latin = pick(r, LATIN_IN_KOREAN);
    out.push({ kind: 'mixed', q: r() < 0.5 ? `${latin}${pick(r, ['의', '에서', '를', '을'])} ${koreanQueryWord(r)}` : `${koreanQueryWord(r)} ${latin}` });
  }
  // Fisher–Yates with the same seed: every engine gets the same order.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
