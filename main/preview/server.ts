// The volunteer's preview: the same UI and the same contract as the app, over HTTP on 127.0.0.1 only.
// Every request must carry a random token as its path prefix (/t/<token>/), so no other page in the
// browser and no other user of the machine can reach the library, even on a known port.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { pipeline } from 'node:stream';
import { httpStatusOf, type ApiErrorBody } from '../api.js';
import { dispatchApi } from '../contract/dispatch.js';
import type { LibraryLocation } from '../core/drive/locate.js';
import { LibraryService } from '../core/library-service.js';
import type { ServeRequest, ServeResponse } from '../core/serve/index.js';
import { jsonResponse, plainResponse, responseHeaders, routeOfPath, serveAppRoute, type AppRouteContext } from '../core/serve/app-routes.js';
import { requireBuiltUi } from './ui-dist.js';

export const PREVIEW_HOST = '127.0.0.1';
const MAX_API_BODY = 1024 * 1024;

export interface PreviewOptions {
  location: LibraryLocation;
  /** 0 (the default) lets the system choose a free port. */
  port?: number;
  /** The index in a temporary folder of this PC, removed at close, not on the drive (the default:
   * previewing a finished drive changes nothing on it). false keeps it on the drive, as the app does. */
  indexOffDrive?: boolean;
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
  // The index is built in a temporary folder of this PC, never on what is previewed: a volunteer
  // checking a finished, signed drive must change nothing on it.
  const service: LibraryService = new LibraryService(options.location, { workers: options.workers, indexOffDrive: options.indexOffDrive !== false, onQuit: () => service.forgetMemory() });
  const routes: AppRouteContext = {
    libraryRoot: options.location.libraryRoot,
    distDir,
    cover: (p) => service.coverBytes(p),
    book: (p, req) => service.bookEntry(p, req),
  };
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
    const route = routeOfPath(rest.slice(1));
    if (route.kind === 'api') return send(res, await answerApi(req, route.method, service));
    const serveReq: ServeRequest = { method: req.method ?? 'GET', headers: flatHeaders(req.headers) };
    return send(res, await serveAppRoute(route, serveReq, routes));
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

/**
 * POST api/<method>: the contract's dispatcher, with the status of the error's code (400 a bad
 * argument, 404 an unknown method or a missing file, 422 a file refused, 500 only the unexpected).
 */
async function answerApi(req: http.IncomingMessage, name: string, service: LibraryService): Promise<ServeResponse> {
  if (req.method !== 'POST') {
    req.resume();
    return apiError({ code: 'bad-argument', ko: '요청은 POST로만 받습니다.', en: 'Requests are taken by POST only.' }, 405, { Allow: 'POST' });
  }
  let args: unknown;
  try {
    const body = await readBody(req, MAX_API_BODY);
    args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
  } catch (e) {
    if (e instanceof BodyTooLarge) return apiError({ code: 'too-large', ko: '요청이 너무 큽니다.', en: 'The request is too large.' }, 413);
    return apiError({ code: 'bad-argument', ko: '요청의 내용이 인자 목록(JSON 배열)이 아닙니다.', en: 'The body must be a JSON array of arguments.' });
  }
  const answer = await dispatchApi(service, name, args, { scrub: (m) => service.scrub(m) });
  return answer.ok ? jsonResponse(200, answer.value) : apiError(answer.error);
}

function apiError(error: ApiErrorBody, status = httpStatusOf(error.code), extra: Record<string, string> = {}): ServeResponse {
  return jsonResponse(status, { error }, extra);
}

function send(res: http.ServerResponse, r: ServeResponse): void {
  res.statusCode = r.status;
  const headers = new Map<string, string[]>();
  for (const [k, v] of responseHeaders(r)) headers.set(k, [...(headers.get(k) ?? []), v]);
  for (const [k, v] of headers) res.setHeader(k, v.length === 1 ? v[0]! : v);
  const body = r.body;
  if (body === undefined) res.end();
  else if (body instanceof Uint8Array) res.end(body);
  else pipeline(body, res, () => {}); // A closed tab ends the stream early; nothing to report.
}

function sendText(res: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  send(res, plainResponse(status, text, extra));
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
