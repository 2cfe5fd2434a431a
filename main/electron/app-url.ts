// The app's one origin, app://changmun, and what each of its URLs names. The window, the library's
// files and the books' covers share this origin on purpose: the UI's CSP (in renderer/index.html and
// in every response) allows only 'self', and one origin needs no CORS for the readers' fetch().
// The routes are the preview server's under another base (main/core/serve/app-routes.ts), and the
// URLs the page makes for them come from the contract's one encoder (main/contract/client.ts).
import { fileUrlsAt } from '../contract/client.js';
import { routeOfPath, type AppRoute } from '../core/serve/app-routes.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'changmun';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const urls = fileUrlsAt(`${APP_ORIGIN}/`);

export function fileUrl(libraryPath: string): string {
  return urls.file(libraryPath);
}

export function coverUrl(libraryPath: string): string {
  return urls.cover(libraryPath);
}

/** Where a book's entries are served (the reader adds `.in/<entry>` or `.list`). */
export function bookUrl(libraryPath: string): string {
  return urls.book(libraryPath);
}

/** What an app:// URL asks for (the routes of main/core/serve/app-routes.ts), or refused for another origin. */
export type AppUrlRoute = AppRoute | { kind: 'refused' };

export function routeOf(url: string): AppUrlRoute {
  const prefix = `${APP_ORIGIN}/`;
  // Chromium hands a standard scheme's URL over canonicalised: scheme and host lower case.
  if (!url.startsWith(prefix)) return { kind: 'refused' };
  return routeOfPath(url.slice(prefix.length));
}

/** True for a URL of the app's own origin (any route). */
export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}
