// The page's one client of the contract, made from the method table (main/api.ts): every method
// sends its name and arguments through a transport and gets an ApiAnswer back. In the Electron
// window the transport is the preload's invoke (IPC); in the preview it is a POST to api/<method>
// (renderer/src/api/http.ts). A failure is thrown as an ApiError with its code, Korean and English,
// on both. Runs in the page: no Node, no DOM.
import { API_METHODS, type ChangmunApi, type FileUrls } from '../api.js';
import { ApiError, isApiErrorBody, type ApiAnswer } from './errors.js';

/** Carries one call to the back end; it may reject when the transport itself fails. */
export type ApiTransport = (method: string, args: unknown[]) => Promise<ApiAnswer>;

export function createApiClient(send: ApiTransport): ChangmunApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    api[method] = async (...args: unknown[]) => {
      // A left-out optional argument is not sent (JSON would make it null).
      let n = args.length;
      while (n > 0 && args[n - 1] === undefined) n--;
      let answer: ApiAnswer;
      try {
        answer = await send(method, args.slice(0, n));
      } catch (e) {
        throw transportFailure(method, e);
      }
      if (!isAnswer(answer)) throw transportFailure(method, 'an answer that is not the contract’s');
      if (!answer.ok) throw ApiError.from(answer.error);
      // Nothing to answer (quit) travels as null.
      return answer.value ?? undefined;
    };
  }
  return api as unknown as ChangmunApi;
}

function isAnswer(a: unknown): a is ApiAnswer {
  if (typeof a !== 'object' || a === null) return false;
  const o = a as Record<string, unknown>;
  return o['ok'] === true ? 'value' in o : o['ok'] === false && isApiErrorBody(o['error']);
}

function transportFailure(method: string, cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError('failed', `앱 안에서 요청이 전달되지 못했습니다(${method}): ${detail}`, `The request did not get through inside the app (${method}): ${detail}`, { cause });
}

/** A library path as a URL path: every segment encoded, so '#', '?' and '%' in names stay names. */
export function encodeLibraryPath(path: string): string {
  return String(path).split('/').map(encodeURIComponent).join('/');
}

/**
 * Where the files, covers and book entries are, below the app's base URL (ending in '/'): the
 * routes both transports serve (main/core/serve/app-routes.ts).
 */
export function fileUrlsAt(base: string): FileUrls {
  return {
    file: (path: string) => `${base}files/${encodeLibraryPath(path)}`,
    cover: (path: string) => `${base}covers/${encodeLibraryPath(path)}`,
    book: (path: string) => `${base}books/${encodeLibraryPath(path)}/`,
  };
}
