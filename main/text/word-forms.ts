// The other forms of a query word that the library has, found through the index's vocabulary: a
// verb or adjective typed in one form finds its other forms (기다리고 → 기다렸다, 기다려, 기다리는).
// Generation (korean-inflection.ts) proposes stems and their forms; a stem counts only when the
// library holds at least two of its forms that only a verb or adjective can take (a past tense, -고,
// -며, -면, -는데 …), so a noun that merely looks like a stem plus an ending (바다 = 바 + 다) finds
// nothing more than itself. Matches found this way rank after the word as typed.
import { termOfWord } from './analyze.js';
import { inflections, isVerbalEvidence, stemsOf } from './korean-inflection.js';

const HANGUL_WORD = /^[\uac00-\ud7a3]{2,10}$/;
/** Forms showing a verb the library holds, besides any other: one could be a noun that looks like it. */
const MIN_EVIDENCE = 2;

/**
 * Index terms of the other forms of `word` (written, normalised) that occur in the library (`df` of
 * a term: in how many chunks it occurs). `exclude`: the word's own term.
 */
/**
 * First syllables of the auxiliary verbs that join a verb's 어/아 form into one word (흘러가다,
 * 흘러나오다, 떠나가다, 먹어버리다, 울어대다): 가다, 오다, 나다/나가다/나오다, 내다, 버리다, 들다
 * (into), 주다, 놓다, 두다, 보다, 대다, 치우다, each in its common forms.
 */
const AUXILIARY_START = new Set(
  '가 간 갈 갔 감 와 온 올 왔 오 옵 나 난 날 났 내 낸 낼 냈 버 들 주 준 줄 줬 줘 놓 놨 두 둔 뒀 보 본 볼 봤 봐 대 댄 댔 치'.split(' '),
);

export function verbFormTerms(word: string, df: (term: string) => number, exclude?: string, complete?: (prefix: string) => string[]): string[] {
  if (!HANGUL_WORD.test(word)) return [];
  // A one-syllable noun with its particle is a noun as typed (말을 is 말 with 을, not 말다).
  if (termOfWord(word)?.length === 1) return [];
  const out = new Set<string>();
  for (const stem of stemsOf(word)) {
    const terms: string[] = [];
    let evidence = 0;
    const seen = new Set<string>();
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
    if (evidence < MIN_EVIDENCE) continue;
    for (const t of terms) out.add(t);
    if (!complete) continue;
    // Compounds with an auxiliary verb, written as one word (흘러간다, 흘러나오는): the library's
    // words that start with the 어/아 form (a form f that also has f + 서) and go on with one.
    const forms = new Set(inflections(stem));
    for (const f of forms) {
      if (f.length < 2 || !forms.has(`${f}서`)) continue;
      for (const t of complete(f)) if (t.length > f.length && AUXILIARY_START.has(t[f.length]!)) out.add(t);
    }
  }
  if (exclude !== undefined) out.delete(exclude);
  return [...out];
}
