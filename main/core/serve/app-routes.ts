// The app's routes below its one base URL, answered the same way by both transports: Electron's
// app:// protocol (base app://changmun/) and the preview server (base /t/<token>/).
//   <base>                            the UI (renderer/dist), index.html at the root
//   <base>files/<path>                a file of the library, with Range
//   <base>covers/<path>               a book's cover image, read out of the EPUB
//   <base>books/<path>/.in/<entry>, …/.list   a book's entries for the reader (BookEntries)
//   <base>api/<method>                the contract over HTTP (the preview only; Electron uses IPC)
// Every answer gets the same headers and both policies where a library file adds its own.
import { APP_CSP, LIBRARY_FILE_CSP } from './content-type.js';
import type { CoverImage } from './cover.js';
import { segmentsOfUrlPath } from './guard.js';
import { serveAppFile, serveLibraryFile, type ServeRequest, type ServeResponse } from './index.js';

/**
 * What a request below the base asks for. `path` is the rest of the URL path exactly as it arrived,
 * still percent-encoded: the serve functions decode it once and refuse what they must (`%2e%2e`,
 * `%2f`, drive letters…), so nothing here decodes or resolves it first. A query or fragment is dropped.
 */
export type AppRoute =
  | { kind: 'files'; path: string }
  | { kind: 'covers'; path: string }
  | { kind: 'books'; path: string }
  | { kind: 'api'; method: string }
  | { kind: 'ui'; path: string };

/** The route of `rest`, the URL after the base (no leading '/'). */
export function routeOfPath(rest: string): AppRoute {
  const cut = rest.search(/[?#]/);
  const p = cut >= 0 ? rest.slice(0, cut) : rest;
  if (p.startsWith('files/')) return { kind: 'files', path: p.slice('files/'.length) };
  if (p.startsWith('covers/')) return { kind: 'covers', path: p.slice('covers/'.length) };
  if (p.startsWith('books/')) return { kind: 'books', path: p.slice('books/'.length) };
  if (p.startsWith('api/')) return { kind: 'api', method: p.slice('api/'.length) };
  return { kind: 'ui', path: p === '' ? 'index.html' : p };
}

/** What the routes read from: the library, the built UI, and the back end's covers and books. */
export interface AppRouteContext {
  /** The library's folder (files/). */
  libraryRoot: string;
  /** The built UI (renderer/dist). */
  distDir: string;
  /** A book's cover image (LibraryService.coverBytes). */
  cover(libraryPath: string): Promise<CoverImage | undefined>;
  /** A book's entries for the reader (LibraryService.bookEntry). */
  book(urlPath: string, req: ServeRequest): Promise<ServeResponse>;
}

/** The answer to a files/, covers/, books/ or UI route (api/ is the transport's own: 404 here). */
export async function serveAppRoute(route: AppRoute, req: ServeRequest, context: AppRouteContext): Promise<ServeResponse> {
  switch (route.kind) {
    case 'files':
      return serveLibraryFile(context.libraryRoot, route.path, req);
    case 'covers':
      return serveCover(route.path, req, context);
    case 'books':
      return context.book(route.path, req);
    case 'ui':
      return serveAppFile(context.distDir, route.path, req);
    case 'api':
      return plainResponse(404, 'Not Found');
  }
}

async function serveCover(urlPath: string, req: ServeRequest, context: AppRouteContext): Promise<ServeResponse> {
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return plainResponse(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  const segments = segmentsOfUrlPath(urlPath);
  if (!segments) return plainResponse(403, 'Forbidden');
  const cover = await context.cover(segments.join('/'));
  if (!cover) return plainResponse(404, 'Not Found');
  return {
    status: 200,
    headers: { 'Content-Type': cover.mediaType, 'Content-Length': String(cover.bytes.length), 'Content-Security-Policy': LIBRARY_FILE_CSP },
    ...(method === 'HEAD' ? {} : { body: cover.bytes }),
  };
}

/** Sent with every answer, whatever the route and whichever transport. */
const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * The headers an answer goes out with, as name–value pairs (a name may come twice). Two policies are
 * both enforced where a library file adds its own (a sandbox, nothing loaded): the app's CSP and the
 * file's, as two values of the header.
 */
export function responseHeaders(r: ServeResponse): [string, string][] {
  const out: [string, string][] = [];
  let own: string | undefined;
  for (const [k, v] of Object.entries(r.headers)) {
    const lower = k.toLowerCase();
    if (lower === 'content-security-policy') own = v;
    else if (!(lower in LOWER_COMMON)) out.push([k, v]);
  }
  for (const [k, v] of Object.entries(COMMON_HEADERS)) out.push([k, v]);
  out.push(['Content-Security-Policy', APP_CSP]);
  if (own) out.push(['Content-Security-Policy', own]);
  return out;
}

const LOWER_COMMON: Record<string, true> = Object.fromEntries(Object.keys(COMMON_HEADERS).map((k) => [k.toLowerCase(), true]));

/** A short plain-text answer (errors of the routes). */
export function plainResponse(status: number, text: string, extra: Record<string, string> = {}): ServeResponse {
  const body = new TextEncoder().encode(`${text}\n`);
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length), ...extra }, body };
}

/** A JSON answer (the contract over HTTP). */
export function jsonResponse(status: number, value: unknown, extra: Record<string, string> = {}): ServeResponse {
  const body = new TextEncoder().encode(JSON.stringify(value));
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length), ...extra }, body };
}
