// The app:// protocol: the same routes and the same answers as the preview server, from the one
// file-serving function (main/core/serve), wrapped in a web Response for protocol.handle.
// Range is answered here, not by net.fetch('file://…'), which ignores it (electron#38749).
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { APP_CSP, LIBRARY_FILE_CSP, segmentsOfUrlPath, serveAppFile, serveLibraryFile, type ServeRequest, type ServeResponse } from '../core/serve/index.js';
import type { CoverImage } from '../core/serve/cover.js';
import { routeOf } from './app-url.js';

export interface AppProtocolContext {
  /** The library's folder (files/ route). */
  libraryRoot: string;
  /** The built UI (renderer/dist). */
  distDir: string;
  /** A book's cover image (LibraryService.coverBytes). */
  cover(libraryPath: string): Promise<CoverImage | undefined>;
  /** A book's entries for the reader (LibraryService.bookEntry). */
  book(urlPath: string, req: ServeRequest): Promise<ServeResponse>;
}

/** What protocol.handle hands over; a web Request has all of it. */
export interface AppRequest {
  url: string;
  method: string;
  headers: Iterable<[string, string]> | Record<string, string | undefined>;
}

/** Sent with every answer, whatever the route (as the preview does). */
const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** The answer to one app:// request, before it becomes a Response. */
export async function serveAppRequest(request: AppRequest, context: AppProtocolContext): Promise<ServeResponse> {
  const req: ServeRequest = { method: request.method, headers: headerRecord(request.headers) };
  const route = routeOf(request.url);
  switch (route.kind) {
    case 'files':
      return serveLibraryFile(context.libraryRoot, route.path, req);
    case 'covers':
      return serveCover(route.path, req, context);
    case 'books':
      return context.book(route.path, req);
    case 'ui':
      return serveAppFile(context.distDir, route.path, req);
    case 'refused':
      return plain(404, 'Not Found');
  }
}

/** protocol.handle's handler. */
export async function handleAppRequest(request: AppRequest, context: AppProtocolContext): Promise<Response> {
  return toResponse(await serveAppRequest(request, context));
}

/**
 * A ServeResponse as a web Response. Both policies are enforced where a library file adds its own
 * (sandbox, nothing loaded): the app's CSP and the file's, as two values of the header.
 */
export function toResponse(r: ServeResponse): Response {
  const headers = new Headers();
  let own: string | undefined;
  for (const [k, v] of Object.entries(r.headers)) {
    if (k.toLowerCase() === 'content-security-policy') own = v;
    else headers.set(k, v);
  }
  for (const [k, v] of Object.entries(COMMON_HEADERS)) headers.set(k, v);
  headers.append('Content-Security-Policy', APP_CSP);
  if (own) headers.append('Content-Security-Policy', own);
  return new Response(bodyOf(r), { status: r.status, headers });
}

function bodyOf(r: ServeResponse): ConstructorParameters<typeof Response>[0] {
  if (r.body === undefined) return null;
  if (r.body instanceof Uint8Array) return r.body.length === 0 ? null : (r.body as Uint8Array<ArrayBuffer>);
  // A web stream that destroys the file stream (and closes the file) when the player cancels it.
  return Readable.toWeb(r.body) as NodeReadableStream<Uint8Array> as unknown as ReadableStream<Uint8Array>;
}

async function serveCover(urlPath: string, req: ServeRequest, context: AppProtocolContext): Promise<ServeResponse> {
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  const segments = segmentsOfUrlPath(urlPath);
  if (!segments) return plain(403, 'Forbidden');
  const cover = await context.cover(segments.join('/'));
  if (!cover) return plain(404, 'Not Found');
  return {
    status: 200,
    headers: { 'Content-Type': cover.mediaType, 'Content-Length': String(cover.bytes.length), 'Content-Security-Policy': LIBRARY_FILE_CSP },
    ...(method === 'HEAD' ? {} : { body: cover.bytes }),
  };
}

function plain(status: number, text: string, extra: Record<string, string> = {}): ServeResponse {
  const body = new TextEncoder().encode(`${text}\n`);
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length), ...extra }, body };
}

function headerRecord(h: AppRequest['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const entries = Symbol.iterator in h ? [...(h as Iterable<[string, string]>)] : Object.entries(h as Record<string, string | undefined>);
  for (const [k, v] of entries) out[k.toLowerCase()] = v;
  return out;
}
