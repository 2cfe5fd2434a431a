// English (and any other non-Korean) side of the search analysis. Input is one word, already
// normalised (NFC, lower case). Latin words of letters only get the Porter stem; words with digits
// and words in other scripts are kept as they are (diacritics aside).
import { stemmer } from 'stemmer';

// Deliberately short: these words are in almost every English chunk, so as terms they cost index
// space and, being dropped on both sides, a query never has to match them.
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as',
  'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'but', 'if',
]);

const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const ASCII_LETTERS = /^[a-z]+$/;
const APOSTROPHES = /['\u2019]/g;

/** Non-ASCII words lose their accents (café → cafe) and use one apostrophe character. */
function fold(word: string): string {
  let w = word;
  for (let i = 0; i < w.length; i++) {
    if (w.charCodeAt(i) > 0x7f) {
      w = w.replace(/\u2019/g, "'").normalize('NFD').replace(COMBINING_DIACRITICS, '').normalize('NFC');
      break;
    }
  }
  return w;
}

/**
 * The form of a word before stemming: accents folded, possessive 's dropped, apostrophes removed
 * (don't → dont, o'brien → obrien). This is also what a word being typed is prefix-matched with.
 */
export function foldEnglish(word: string): string {
  let w = fold(word);
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.includes("'")) w = w.replace(APOSTROPHES, '');
  return w;
}

/** The index term of one non-Korean word, or null for stop words and words that fold to nothing. */
export function englishTerm(word: string): string | null {
  const w = foldEnglish(word);
  if (w.length === 0 || STOP_WORDS.has(w)) return null;
  // Three letters and fewer stay whole: Porter would turn acronyms into other words (bts → bt).
  return w.length > 3 && ASCII_LETTERS.test(w) ? stemmer(w) : w;
}
