// Names of a book's files as epub.js writes them: the path inside the book, and a form to compare
// two names by. No state, no epub.js.

/**
 * The path of a book's file inside the book, percent-encoded as epub.js keeps it: what follows the
 * `/.in/` of the address the back end serves it at (see main/core/serve/book-entries.ts).
 */
export function bookPath(u: string): string {
  const at = u.indexOf('/.in/');
  return at < 0 ? u.replace(/^\/+/, '') : u.slice(at + '/.in/'.length);
}

/** A path to compare with another: no fragment, no leading slash, decoded, NFC. */
export function normPath(u: string | undefined): string {
  if (!u) return '';
  let x = bookPath(u.split('#')[0]!).replace(/^\/+/, '');
  try {
    x = decodeURIComponent(x);
  } catch {
    // as written
  }
  return x.normalize('NFC');
}
