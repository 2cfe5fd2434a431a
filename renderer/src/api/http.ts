// The contract over HTTP, for the preview server: every method is a POST of its arguments (a JSON
// array) to api/<method> below the page's /t/<token>/ base, answered with the value (200) or with
// { error: { code, ko, en } } and the status of its code. The methods themselves are the contract's
// one client (main/contract/client.ts), as in the Electron window. Files, covers and books are URLs
// under the same base; the token in the base is what lets the page through.
// (Imports carry the extension Node's resolution wants: plain Node tests run this file too.)
import type { ChangmunApi, FileUrls } from '../../../main/api.js';
import { isApiErrorBody, type ApiAnswer } from '../../../main/contract/errors.js';
import { createApiClient, fileUrlsAt, type ApiTransport } from '../../../main/contract/client.js';

/** '/t/<token>/' from the page's path (the UI may add a #route after it). */
export function previewBase(pathname: string): string {
  const m = /^\/t\/[^/]+\//.exec(pathname);
  return m ? m[0] : '/';
}

/** Calls over HTTP: the answer as the contract carries it, whatever the status. */
export function httpTransport(base: string): ApiTransport {
  return async (method, args) => {
    const res = await fetch(`${base}api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
      cache: 'no-store',
      credentials: 'same-origin',
    });
    const text = await res.text();
    let value: unknown;
    try {
      value = text === '' ? null : JSON.parse(text);
    } catch {
      throw new Error(`changmun: ${method}: HTTP ${res.status}, not JSON`);
    }
    if (res.ok) return { ok: true, value } satisfies ApiAnswer;
    const error = (value as { error?: unknown } | null)?.error;
    if (isApiErrorBody(error)) return { ok: false, error };
    throw new Error(`changmun: ${method}: HTTP ${res.status}`);
  };
}

export function createHttpBackend(base: string): { api: ChangmunApi; urls: FileUrls } {
  return { api: createApiClient(httpTransport(base)), urls: fileUrlsAt(base) };
}
