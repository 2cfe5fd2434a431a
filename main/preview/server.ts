// The volunteer's preview: the same UI and the same contract as the app, over HTTP on 127.0.0.1 only.
// Every request must carry a random token as its path prefix (/t/<token>/), so no other page in the
// browser and no other user of the machine can reach the library, even on a known port.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { pipeline } from 'node:stream';
import { API_METHODS, type ChangmunApi } from '../api.js';
import type { LibraryLocation } from '../core/drive/locate.js';
import { LibraryService } from '../core/library-service.js';
import { APP_CSP, segmentsOfUrlPath, serveAppFile, serveLibraryFile, type ServeRequest, type ServeResponse } from '../core/serve/index.js';
import { LIBRARY_FILE_CSP } from '../core/serve/content-type.js';
import { requireBuiltUi } from './ui-dist.js';

export const PREVIEW_HOST = '127.0.0.1';
const MAX_API_BODY = 1024 * 1024;
const METHODS: ReadonlySet<string> = new Set(API_METHODS);

/** Sent with every answer, whatever the route. */
const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export interface PreviewOptions {
  location: LibraryLocation;
  /** 0 (the default) lets the system choose a free port. */
  port?: number;
  /** The built UI (renderer/dist); found from the package root when not given. */
  distDir?: string;
  workers?: number;
}

export interface PreviewServer {
  /** http://127.0.0.1:PORT/t/TOKEN/ */
  url: string;
  port: number;
  token: string;
  service: LibraryService;
  close(): Promise<void>;
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const distDir = requireBuiltUi(options.distDir);
  const token = randomBytes(24).toString('base64url');
  // quit() is the panic key; a preview has no window to close, so it forgets what it holds.
  const service: LibraryService = new LibraryService(options.location, { workers: options.workers, onQuit: () => service.forgetMemory() });
  let port = 0;
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host;
    // A page elsewhere that rebinds its own name to 127.0.0.1 still says its own name here.
    if (host !== `${PREVIEW_HOST}:${port}` && host !== `localhost:${port}`) return sendText(res, 403, 'Forbidden');
    const rest = afterToken(req.url ?? '/', token);
    if (rest === undefined) return sendText(res, 403, 'Forbidden');
    if (rest === '' || rest.startsWith('?')) return sendText(res, 301, 'Moved', { Location: `/t/${token}/` });
    const sub = rest.slice(1);
    const serveReq: ServeRequest = { method: req.method ?? 'GET', headers: flatHeaders(req.headers) };

    if (sub.startsWith('api/')) return handleApi(req, res, sub.slice('api/'.length), service);
    if (sub.startsWith('files/')) return send(res, await serveLibraryFile(options.location.libraryRoot, sub.slice('files/'.length), serveReq));
    if (sub.startsWith('covers/')) return handleCover(res, serveReq, sub.slice('covers/'.length), service);
    if (sub.startsWith('books/')) return send(res, await service.bookEntry(sub.slice('books/'.length), serveReq));
    const page = sub === '' || sub.startsWith('?') ? 'index.html' : sub;
    return send(res, await serveAppFile(distDir, page, serveReq));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: never 0.0.0.0, never another interface.
    server.listen(options.port ?? 0, PREVIEW_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (e: unknown) => {
    await service.close();
    throw e;
  });
  port = (server.address() as { port: number }).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${PREVIEW_HOST}:${port}/t/${token}/`,
    port,
    token,
    service,
    close: () => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // A browser keeps connections open; they must not keep the process alive.
        server.closeAllConnections();
        await closed;
        await service.close();
      })();
      return closing;
    },
  };
}

/** The path after `/t/<token>` (starting with '/' or '?', or ''), or undefined for a wrong token. */
export function afterToken(url: string, token: string): string | undefined {
  if (!url.startsWith('/t/')) return undefined;
  const end = url.slice(3).search(/[/?]/);
  const given = end < 0 ? url.slice(3) : url.slice(3, 3 + end);
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  return end < 0 ? '' : url.slice(3 + end);
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, rawName: string, service: LibraryService): Promise<void> {
  const name = rawName.split('?')[0]!;
  if (!METHODS.has(name)) return sendJson(res, 404, { error: 'unknown method' });
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' }, { Allow: 'POST' });
  let args: unknown;
  try {
    const body = await readBody(req, MAX_API_BODY);
    args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
  } catch (e) {
    return sendJson(res, e instanceof BodyTooLarge ? 413 : 400, { error: 'the body must be a JSON array of arguments' });
  }
  if (!Array.isArray(args)) return sendJson(res, 400, { error: 'the body must be a JSON array of arguments' });
  try {
    const method = service[name as keyof ChangmunApi] as (...a: unknown[]) => Promise<unknown>;
    const result = await method.apply(service, args);
    return sendJson(res, 200, result ?? null);
  } catch (e) {
    return sendJson(res, 500, { error: service.scrub(e instanceof Error ? e.message : String(e)) });
  }
}

async function handleCover(res: http.ServerResponse, req: ServeRequest, urlPath: string, service: LibraryService): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  const segments = segmentsOfUrlPath(urlPath);
  if (!segments) return sendText(res, 403, 'Forbidden');
  const cover = await service.coverBytes(segments.join('/'));
  if (!cover) return sendText(res, 404, 'Not Found');
  return send(res, {
    status: 200,
    headers: { 'Content-Type': cover.mediaType, 'Content-Length': String(cover.bytes.length), 'Content-Security-Policy': LIBRARY_FILE_CSP },
    ...(req.method === 'HEAD' ? {} : { body: cover.bytes }),
  });
}

function send(res: http.ServerResponse, r: ServeResponse): void {
  res.statusCode = r.status;
  for (const [k, v] of Object.entries(r.headers)) if (k.toLowerCase() !== 'content-security-policy') res.setHeader(k, v);
  for (const [k, v] of Object.entries(COMMON_HEADERS)) res.setHeader(k, v);
  // Two policies are both enforced: the app's, and the sandbox a library file adds to it.
  const own = Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'content-security-policy')?.[1];
  res.setHeader('Content-Security-Policy', own ? [APP_CSP, own] : APP_CSP);
  const body = r.body;
  if (body === undefined) res.end();
  else if (body instanceof Uint8Array) res.end(body);
  else pipeline(body, res, () => {}); // A closed tab ends the stream early; nothing to report.
}

function sendText(res: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  const body = Buffer.from(`${text}\n`);
  send(res, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length), ...extra }, body });
}

function sendJson(res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  send(res, { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length), ...extra }, body });
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (b: Buffer) => {
      size += b.length;
      if (size > limit) {
        // Stop keeping it; the rest is read and dropped so the answer can still be sent.
        reject(new BodyTooLarge());
        parts.length = 0;
        return;
      }
      if (size <= limit) parts.push(b);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function flatHeaders(h: http.IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
