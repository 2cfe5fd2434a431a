// What a recipient is told when something fails: one plain sentence in the language they chose,
// never a stack, an exception's English message or a program's detail (those are for volunteers,
// in the console and in `changmun report`). The back end's own sentences (ApiError's ko / en) are
// kept when they are meant for a person; anything else becomes "something went wrong, try again".
import { ApiError } from '../../main/contract/errors';
import { i18n } from './i18n';

/** Codes whose sentence says nothing a person can use: a fault of the program or of the request. */
const NOT_FOR_PEOPLE = new Set(['failed', 'bad-argument', 'unknown-method', 'refused']);

export function plainError(e: unknown): string {
  const english = i18n.language?.startsWith('en') === true;
  if (e instanceof ApiError && !NOT_FOR_PEOPLE.has(e.code)) {
    const sentence = (english ? e.en : e.ko).trim();
    // A technical note in parentheses at the end is for the report, not for the screen.
    const open = sentence.indexOf(' (');
    const plain = open > 0 && sentence.endsWith(')') ? sentence.slice(0, open) : sentence;
    if (plain) return plain;
  }
  console.warn('changmun:', e);
  return i18n.t('app.somethingWrong');
}
