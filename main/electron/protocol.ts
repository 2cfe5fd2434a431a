// The app:// protocol: the app's routes (main/core/serve/app-routes.ts, the same as the preview
// server's), wrapped in a web Response for protocol.handle (Electron 25 and later), or in the
// { statusCode, headers, data } answer of registerStreamProtocol (Electron 22, the legacy build;
// main/electron/shell-adapter.ts picks one). Range is answered by the serve function, not by
// net.fetch('file://…'), which ignores it (electron#38749).
import { PassThrough, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { ServeRequest, ServeResponse } from '../core/serve/index.js';
import { plainResponse, responseHeaders, routeOfPath, serveAppRoute, type AppRouteContext } from '../core/serve/app-routes.js';
import { APP_ORIGIN } from './app-url.js';

/** What app:// reads from: the library, the built UI, and the back end's covers and books. */
export type AppProtocolContext = AppRouteContext;

/** What protocol.handle hands over; a web Request has all of it. */
export interface AppRequest {
  url: string;
  method: string;
  headers: Iterable<[string, string]> | Record<string, string | undefined>;
}

/** The answer to one app:// request, before it becomes a Response. */
export async function serveAppRequest(request: AppRequest, context: AppProtocolContext): Promise<ServeResponse> {
  const req: ServeRequest = { method: request.method, headers: headerRecord(request.headers) };
  const prefix = `${APP_ORIGIN}/`;
  // Chromium hands a standard scheme's URL over canonicalised: scheme and host lower case. The
  // contract goes over IPC, never over app://.
  if (!request.url.startsWith(prefix)) return plainResponse(404, 'Not Found');
  return serveAppRoute(routeOfPath(request.url.slice(prefix.length)), req, context);
}

/** protocol.handle's handler. */
export async function handleAppRequest(request: AppRequest, context: AppProtocolContext): Promise<Response> {
  return toResponse(await serveAppRequest(request, context));
}

/** A ServeResponse as a web Response, with the headers every route sends. */
export function toResponse(r: ServeResponse): Response {
  const headers = new Headers();
  for (const [k, v] of responseHeaders(r)) headers.append(k, v);
  return new Response(bodyOf(r), { status: r.status, headers });
}

/** What registerStreamProtocol's callback takes (Electron 22's ProtocolResponse, as far as it is used). */
export interface StreamProtocolResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  data: Readable;
}

/**
 * A ServeResponse as registerStreamProtocol's answer, with the same headers as toResponse: a
 * header sent twice (the two Content-Security-Policy headers of a library file) stays two values.
 * No web streams, Headers or Response: Node 16 (Electron 22) has none of them as globals.
 */
export function toStreamResponse(r: ServeResponse): StreamProtocolResponse {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of responseHeaders(r)) {
    const had = headers[k];
    headers[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
  }
  let data: Readable;
  if (r.body instanceof Readable) data = r.body;
  else {
    data = new PassThrough();
    (data as PassThrough).end(r.body && r.body.length > 0 ? Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength) : undefined);
  }
  return { statusCode: r.status, headers, data };
}

function bodyOf(r: ServeResponse): ConstructorParameters<typeof Response>[0] {
  if (r.body === undefined) return null;
  if (r.body instanceof Uint8Array) return r.body.length === 0 ? null : (r.body as Uint8Array<ArrayBuffer>);
  // A web stream that destroys the file stream (and closes the file) when the player cancels it.
  return Readable.toWeb(r.body) as NodeReadableStream<Uint8Array> as unknown as ReadableStream<Uint8Array>;
}

function headerRecord(h: AppRequest['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const entries = Symbol.iterator in h ? [...(h as Iterable<[string, string]>)] : Object.entries(h as Record<string, string | undefined>);
  for (const [k, v] of entries) out[k.toLowerCase()] = v;
  return out;
}
