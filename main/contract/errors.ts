// How a failure crosses the contract: `{ code, ko, en }`, the same on both transports. The code is
// for the program (the article reader tells "not found" from "damaged" by it); `ko` and `en` are
// for the person, Korean first. The back end throws ApiError; the dispatcher (dispatch.ts) turns it
// into an answer; the page's client (client.ts) throws an ApiError again, so the UI catches the
// same class whether it runs in the Electron window or in the preview.

/**
 * Every code, with the HTTP status the preview answers it with. 400-class: the request was wrong
 * (or named a file that is not there, or one this method will not open); 500-class: nothing the
 * page could have done otherwise.
 */
export const API_ERROR_STATUS = {
  /** No such method in the contract (main/api.ts). */
  'unknown-method': 404,
  /** Wrong number or type of arguments. */
  'bad-argument': 400,
  /** The file or item is not in the library (or the path leads out of it). */
  'not-found': 404,
  /** Not something this method opens (a film asked for as an article). */
  unsupported: 422,
  /** Too large to open safely. */
  'too-large': 422,
  /** There, but it cannot be read: an unknown encoding, a damaged file, a read error. */
  unreadable: 422,
  /** Asked from a page or frame that may not ask (only the app's own page may). */
  refused: 403,
  /** The search index does not answer yet; asking again later may work. */
  'not-ready': 503,
  /** Anything unexpected: a fault of the program, not of the request. */
  failed: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** An error as it crosses the contract. */
export interface ApiErrorBody {
  code: ApiErrorCode;
  /** What happened, for a person, in Korean. */
  ko: string;
  en: string;
}

/** What a transport carries back for one call: the value, or the error. */
export type ApiAnswer = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

/** A failure a person may be shown: a code, and a sentence in Korean and in English (library paths only). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly ko: string;
  readonly en: string;

  constructor(code: ApiErrorCode, ko: string, en: string, options?: { cause?: unknown }) {
    super(`${ko} / ${en}`, options);
    this.code = code;
    this.ko = ko;
    this.en = en;
  }

  static from(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.ko, body.en);
  }

  toJSON(): ApiErrorBody {
    return { code: this.code, ko: this.ko, en: this.en };
  }
}

export function isApiErrorCode(v: unknown): v is ApiErrorCode {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(API_ERROR_STATUS, v);
}

/** Whether a value is an error body as the contract carries it (from JSON or from IPC). */
export function isApiErrorBody(v: unknown): v is ApiErrorBody {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return isApiErrorCode(o['code']) && typeof o['ko'] === 'string' && typeof o['en'] === 'string';
}

/** The HTTP status for a code (500 for anything not known). */
export function httpStatusOf(code: unknown): number {
  return isApiErrorCode(code) ? API_ERROR_STATUS[code] : 500;
}
