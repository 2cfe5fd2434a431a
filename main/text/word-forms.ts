// The other forms of a query word that the library has, found through the index's vocabulary: a
// verb or adjective typed in one form finds its other forms (기다리고 → 기다렸다, 기다려, 기다리는).
// Generation (korean-inflection.ts) proposes stems and their forms; a stem counts only when the
// library holds at least two of its forms that only a verb or adjective can take (a past tense, -고,
// -며, -면, -는데 …), so a noun that merely looks like a stem plus an ending (바다 = 바 + 다) finds
// nothing more than itself. Matches found this way rank after the word as typed.
import { termOfWord } from './analyze.js';
import { headsOf, inflections, isEndingRest, isVerbalEvidence, mergedHeadsOf, stemsOf } from './korean-inflection.js';

const HANGUL_WORD = /^[\uac00-\ud7a3]{2,10}$/;
/**
 * Words read per start of a form: a verb's start of two syllables or more is its own (기다리, 떠나)
 * and its words are mostly its forms, so more of them; one syllable (먹, 빌) starts nouns too.
 */
const WIDE = 32;
const NARROW = 12;
/** Forms showing a verb the library holds, besides any other: one could be a noun that looks like it. */
const MIN_EVIDENCE = 2;

/**
 * Index terms of the other forms of `word` (written, normalised) that occur in the library (`df` of
 * a term: in how many chunks it occurs). `exclude`: the word's own term.
 */
/**
 * First syllables of the auxiliary verbs that join a verb's 어/아 form into one word (흘러가다,
 * 흘러나오다, 떠나가다, 먹어버리다, 울어대다, 가벼워지다, 빌어먹다, 반가워하다): 가다, 오다,
 * 나다/나가다/나오다, 내다, 버리다, 들다 (into), 주다, 놓다, 두다, 보다, 대다, 치우다, 지다 (becoming),
 * 먹다 (living by: 빌어먹다, 얻어먹다), 하다 (a feeling shown: 괴로워하다), each in its common forms.
 */
const AUXILIARY_START = new Set(
  '가 간 갈 갔 감 와 온 올 왔 오 옵 나 난 날 났 내 낸 낼 냈 버 들 주 준 줄 줬 줘 놓 놨 두 둔 뒀 보 본 볼 봤 봐 대 댄 댔 치 지 진 질 졌 져 먹 하 한 할 했 해 합'.split(' '),
);

/**
 * The forms a ㄷ-irregular stem shares with the ㄹ stem next to it, when the library holds that other
 * verb too (two forms only it takes: 들고, 들며, 드는 for 들다): 들어, 들었다 are 듣다's (to hear)
 * and 들다's (to enter, to hold) alike, and a reader who typed 듣고 does not want every 들어갔다.
 * Its own forms (들은, 들을, 들으며) still find 듣다.
 */
function twinForms(stem: string, df: (term: string) => number): { shared: string[]; heads: Set<string> } {
  const none = { shared: [], heads: new Set<string>() };
  const code = stem.charCodeAt(stem.length - 1);
  if (code < 0xac00 || code > 0xd7a3 || (code - 0xac00) % 28 !== 7) return none;
  const twin = stem.slice(0, -1) + String.fromCharCode(code + 1); // ㄷ → ㄹ under the same syllable
  const own = new Set(inflections(stem).map((f) => termOfWord(f)));
  const shared: string[] = [];
  let evidence = 0;
  for (const form of inflections(twin)) {
    const term = termOfWord(form);
    if (term === null || term.length < 2 || df(term) === 0) continue;
    if (own.has(term)) shared.push(term);
    else if (isVerbalEvidence(form, twin)) evidence++;
  }
  return evidence >= MIN_EVIDENCE ? { shared, heads: new Set(headsOf(twin)) } : none;
}

/**
 * Whether `word` is `stem` with ㄴ or ㄹ merged into its last syllable: an open stem (시가 → 시간,
 * 아프 → 아픈), an ㄹ stem losing its ㄹ (시갈 → 시간) or an ㅎ stem its ㅎ (시갛 → 시간, as 파랗 → 파란).
 */
function isPlainMerge(stem: string, word: string): boolean {
  const w = word.charCodeAt(word.length - 1) - 0xac00;
  if (w < 0 || w > 11171 || (w % 28 !== 4 && w % 28 !== 8) || word.length !== stem.length || word.slice(0, -1) !== stem.slice(0, -1)) return false;
  const c = stem.charCodeAt(stem.length - 1) - 0xac00;
  const open = w - (w % 28);
  return c === open || c === open + 8 || c === open + 27;
}

export function verbFormTerms(word: string, df: (term: string) => number, exclude?: string, complete?: (prefix: string, max: number) => string[]): string[] {
  if (!HANGUL_WORD.test(word)) return [];
  // A one-syllable noun with its particle is a noun as typed (말을 is 말 with 을, not 말다).
  if (termOfWord(word)?.length === 1) return [];
  // One syllable and -기 is a noun as typed (자기 oneself, 보기 an example), seldom a verb's -기 form.
  if (word.length === 2 && word.endsWith('기')) return [];
  const out = new Set<string>();
  for (const stem of stemsOf(word)) {
    const terms: string[] = [];
    let evidence = 0;
    const twin = twinForms(stem, df);
    const seen = new Set<string>(twin.shared);
    for (const form of [`${stem}다`, ...inflections(stem)]) {
      const term = termOfWord(form);
      // A form of one syllable (비는 → 비, 운, 빈) is as often a noun of its own (rain, luck, empty).
      if (term === null || term.length < 2 || df(term) === 0) continue;
      if (!seen.has(term)) {
        seen.add(term);
        terms.push(term);
      }
      // Each form counts, also when its particle-like ending was taken off in the index (빌어도
      // and 빌어야 are both 빌어 there).
      if (isVerbalEvidence(form, stem)) evidence++;
    }
    // The forms no generator lists (기다릴까, 기다리라고, 흐르겠느냐, 괴로운지, 먹다시피): the library's
    // words that start where a form starts and go on with endings only. A head of one syllable
    // (먹, 빌) only with two syllables of endings or more: 빌라 and 먹자 would be too much alike.
    // Those after a head of two syllables or more are evidence too (아프냐, 아픈데 for 아프다).
    const more: string[] = [];
    // Read only for a stem some generated form already shows to be a verb's (a noun's would-be
    // stems cost dictionary reads for nothing).
    if (complete && evidence > 0) {
      const merged = new Set(mergedHeadsOf(stem));
      for (const h of headsOf(stem)) {
        // 간, 갈 of 가다 start nouns (간도, 갈대) more than forms.
        if (twin.heads.has(h) || (h.length < 2 && merged.has(h))) continue;
        for (const t of complete(h, h.length >= 2 ? WIDE : NARROW)) {
          const rest = t.slice(h.length);
          if (!isEndingRest(rest) || (h.length < 2 && rest.length < 2) || seen.has(t)) continue;
          seen.add(t);
          more.push(t);
          // Not after a ㄴ/ㄹ-merged start: 하는데 and 할까 are 하다's before any 하늘다's.
          if (h.length >= 2 && !merged.has(h)) evidence++;
        }
      }
    }
    if (evidence < MIN_EVIDENCE) continue;
    // A word of two syllables typed as a stem with ㄴ or ㄹ merged in (시간 as 시가 + ㄴ) is a noun far
    // more often: its stem must show a past tense too (시갔다 is never written; 아팠다 is).
    if (word.length === 2 && isPlainMerge(stem, word)) {
      const past = headsOf(stem).filter((h) => (h.charCodeAt(h.length - 1) - 0xac00) % 28 === 20);
      if (![...terms, ...more].some((t) => past.some((p) => t.startsWith(p)))) continue;
    }
    for (const t of terms) out.add(t);
    for (const t of more) out.add(t);
    if (!complete) continue;
    // Compounds with an auxiliary verb, written as one word (흘러간다, 흘러나오는): the library's
    // words that start with the 어/아 form (a form f that also has f + 서) and go on with one.
    const forms = new Set(inflections(stem));
    // Not from a ㄷ-irregular stem's changed form: 들어 (듣다) is also 들다's, and 들어가다 is 들다's.
    const changed = stem.length >= 1 && (stem.charCodeAt(stem.length - 1) - 0xac00) % 28 === 7 ? stem.slice(0, -1) + String.fromCharCode(stem.charCodeAt(stem.length - 1) + 1) : undefined;
    for (const f of forms) {
      if (f.length < 2 || !forms.has(`${f}서`)) continue;
      if (changed !== undefined && f.startsWith(changed)) continue;
      for (const t of complete(f, WIDE)) if (t.length > f.length && AUXILIARY_START.has(t[f.length]!)) out.add(t);
    }
  }
  if (exclude !== undefined) out.delete(exclude);
  return [...out];
}
