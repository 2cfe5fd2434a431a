// The app's one origin, app://changmun, and what each of its URLs names. The window, the library's
// files and the books' covers share this origin on purpose: the UI's CSP (in renderer/index.html and
// in every response) allows only 'self', and one origin needs no CORS for the readers' fetch().
// The routes are the preview server's (main/preview/server.ts) under another origin:
//   app://changmun/                   the UI (renderer/dist), index.html at the root
//   app://changmun/files/<path>       a file of the library, with Range
//   app://changmun/covers/<path>      a book's cover image, read out of the EPUB
//   app://changmun/books/<path>/.in/<entry>, …/.list   a book's entries for the reader (BookEntries)

export const APP_SCHEME = 'app';
export const APP_HOST = 'changmun';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** A library path as a URL path: every segment encoded, so '#', '?' and '%' in names stay names. */
export function encodeLibraryPath(libraryPath: string): string {
  return libraryPath.split('/').map(encodeURIComponent).join('/');
}

export function fileUrl(libraryPath: string): string {
  return `${APP_ORIGIN}/files/${encodeLibraryPath(libraryPath)}`;
}

export function coverUrl(libraryPath: string): string {
  return `${APP_ORIGIN}/covers/${encodeLibraryPath(libraryPath)}`;
}

/** Where a book's entries are served (the reader adds `.in/<entry>` or `.list`). */
export function bookUrl(libraryPath: string): string {
  return `${APP_ORIGIN}/books/${encodeLibraryPath(libraryPath)}/`;
}

/**
 * What an app:// request asks for. `path` is the rest of the URL path exactly as it arrived, still
 * percent-encoded: the serve function decodes it once and refuses what it must (`%2e%2e`, `%2f`,
 * drive letters…), so nothing here decodes or resolves it first. A query or fragment is dropped.
 */
export type AppRoute =
  | { kind: 'files'; path: string }
  | { kind: 'covers'; path: string }
  | { kind: 'books'; path: string }
  | { kind: 'ui'; path: string }
  | { kind: 'refused' };

export function routeOf(url: string): AppRoute {
  const prefix = `${APP_ORIGIN}/`;
  // Chromium hands a standard scheme's URL over canonicalised: scheme and host lower case.
  if (!url.startsWith(prefix)) return { kind: 'refused' };
  let rest = url.slice(prefix.length);
  const cut = rest.search(/[?#]/);
  if (cut >= 0) rest = rest.slice(0, cut);
  if (rest.startsWith('files/')) return { kind: 'files', path: rest.slice('files/'.length) };
  if (rest.startsWith('covers/')) return { kind: 'covers', path: rest.slice('covers/'.length) };
  if (rest.startsWith('books/')) return { kind: 'books', path: rest.slice('books/'.length) };
  return { kind: 'ui', path: rest === '' ? 'index.html' : rest };
}

/** True for a URL of the app's own origin (any route). */
export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}
