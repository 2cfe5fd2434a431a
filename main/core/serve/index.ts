// The one file-serving function: the preview server calls it now, Electron's app:// protocol will
// wrap the same answer in a Response later. It knows nothing of Node's http objects: a request is a
// method and headers, an answer is a status, headers and a body (a stream or bytes).
import { promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import { resolveInsideLibrary } from './guard.js';
import { appContentType, libraryContentType, LIBRARY_FILE_CSP } from './content-type.js';
import { parseRange } from './range.js';

export { resolveInsideLibrary, resolveLibraryPath, segmentsOfUrlPath, segmentsOfRelativePath, isSafeSegment, type Resolved } from './guard.js';
export { parseRange, type ByteRange } from './range.js';
export { libraryContentType, appContentType, LIBRARY_FILE_CSP, APP_CSP } from './content-type.js';

export interface ServeRequest {
  method: string;
  headers: Record<string, string | undefined>;
}

export interface ServeResponse {
  status: number;
  headers: Record<string, string>;
  body?: Readable | Uint8Array;
}

interface Policy {
  contentType: (name: string) => string;
  csp?: string;
}

const LIBRARY_POLICY: Policy = { contentType: libraryContentType, csp: LIBRARY_FILE_CSP };
const APP_POLICY: Policy = { contentType: appContentType };

/**
 * Serve a file of the library. `urlPath` is the path below the files route exactly as the request
 * carried it (still percent-encoded; a query is ignored). GET and HEAD, with Range.
 */
export function serveLibraryFile(root: string, urlPath: string, req: ServeRequest): Promise<ServeResponse> {
  return serveFile(root, urlPath, req, LIBRARY_POLICY);
}

/** Serve a file of the app's own built UI (renderer/dist): the same guard, the app's own types. */
export function serveAppFile(distRoot: string, urlPath: string, req: ServeRequest): Promise<ServeResponse> {
  return serveFile(distRoot, urlPath, req, APP_POLICY);
}

async function serveFile(root: string, urlPath: string, req: ServeRequest, policy: Policy): Promise<ServeResponse> {
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  const resolved = await resolveInsideLibrary(root, urlPath);
  // The body never names the path: the page that asked may be showing someone else's content.
  if (!resolved.ok) return plain(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not Found');

  let handle: fs.FileHandle;
  try {
    handle = await fs.open(resolved.absPath, 'r');
  } catch {
    return plain(404, 'Not Found');
  }
  let size: number;
  try {
    // The size of what was opened, not of what the guard saw a moment before.
    const st = await handle.stat();
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    await handle.close();
    return plain(404, 'Not Found');
  }

  const headers: Record<string, string> = {
    'Content-Type': policy.contentType(resolved.relPath),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    // Nothing from the drive may stay in a browser cache on a shared PC.
    'Cache-Control': 'no-store',
    ...(policy.csp ? { 'Content-Security-Policy': policy.csp } : {}),
  };
  const range = parseRange(headerOf(req, 'range'), size);
  if (range === 'unsatisfiable') {
    await handle.close();
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' }, body: new Uint8Array(0) };
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  const length = size === 0 ? 0 : end - start + 1;
  headers['Content-Length'] = String(length);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  const status = range ? 206 : 200;
  if (method === 'HEAD' || length === 0) {
    await handle.close();
    return { status, headers, ...(method === 'HEAD' ? {} : { body: new Uint8Array(0) }) };
  }
  // The stream owns the handle from here and closes it at the end or when destroyed.
  return { status, headers, body: handle.createReadStream({ start, end, autoClose: true }) };
}

function headerOf(req: ServeRequest, name: string): string | undefined {
  const direct = req.headers[name];
  if (direct !== undefined) return direct;
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

function plain(status: number, text: string, extra: Record<string, string> = {}): ServeResponse {
  const body = new TextEncoder().encode(`${text}\n`);
  return {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(body.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...extra,
    },
    body,
  };
}
