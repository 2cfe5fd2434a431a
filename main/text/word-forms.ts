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
export function verbFormTerms(word: string, df: (term: string) => number, exclude?: string): string[] {
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
    if (evidence >= MIN_EVIDENCE) for (const t of terms) out.add(t);
  }
  if (exclude !== undefined) out.delete(exclude);
  return [...out];
}
