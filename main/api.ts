// The one contract between the UI and the back end: its methods, in one table. Adding a method
// is one entry here plus its implementation in LibraryService (main/core/library-service.ts): the
// interface below is made from the table, the dispatcher (main/contract/dispatch.ts) serves it over
// IPC in Electron and over HTTP in the preview, and the page's one client (main/contract/client.ts)
// calls it on either. The data shapes are in main/contract/types.ts, the errors in
// main/contract/errors.ts; this file and those import nothing else, so both sides can import them.
import type {
  ArticleContent, DriveCheck, IndexStatus, LibraryChanges, LibraryInfo, ReadingPosition, RememberStatus, SaveResult, SearchOptions,
  SearchResponse, Settings, SubtitleTrackData,
} from './contract/types.js';

export type * from './contract/types.js';
export { ApiError, API_ERROR_STATUS, httpStatusOf, isApiErrorBody, type ApiAnswer, type ApiErrorBody, type ApiErrorCode } from './contract/errors.js';

/**
 * How each argument is checked before a method is called: its JSON type, with '?' when it may be
 * left out ('object' is a plain object, never null or an array; 'number' is finite). The type
 * checker holds the list to the method's parameters. The implementation still checks what is inside.
 */
export type ArgCheck = 'string' | 'number' | 'boolean' | 'object' | 'string?' | 'number?' | 'boolean?' | 'object?';
type KindOf<T> = T extends string ? 'string' : T extends number ? 'number' : T extends boolean ? 'boolean' : 'object';
type ChecksOf<A extends unknown[]> = { [I in keyof A]-?: undefined extends A[I] ? `${KindOf<Exclude<A[I], undefined>>}?` : KindOf<A[I]> };

/** One method of the contract: its argument checks, and (for the type checker only) its signature. */
export interface ApiMethod<A extends unknown[], R> {
  readonly args: readonly ArgCheck[];
  readonly signature?: (...args: A) => Promise<R>;
}

function method<A extends unknown[], R>(...args: ChecksOf<A> & readonly ArgCheck[]): ApiMethod<A, R> {
  return { args };
}

/** The contract, method by method. */
export const API = {
  getLibrary: method<[], LibraryInfo>(),
  /** What changed in the library after `version` (from getLibrary or an earlier call). */
  getLibraryChanges: method<[version: number], LibraryChanges>('number'),
  getIndexStatus: method<[], IndexStatus>(),
  search: method<[query: string, options?: SearchOptions], SearchResponse>('string', 'object?'),
  getArticle: method<[path: string], ArticleContent>('string'),
  /** Every subtitle track of a film (or of a lone subtitle file), all languages. */
  getSubtitles: method<[path: string], SubtitleTrackData[]>('string'),
  getSettings: method<[], Settings>(),
  saveSettings: method<[settings: Settings], SaveResult>('object'),
  getPositions: method<[], Record<string, ReadingPosition>>(),
  savePosition: method<[path: string, position: ReadingPosition], SaveResult>('string', 'object'),
  /** Delete everything remembered on the drive and in memory. */
  forgetEverything: method<[], SaveResult>(),
  /** Whether places are kept on the drive, and what was found there at start. */
  getRememberStatus: method<[], RememberStatus>(),
  /** Go on remembering on this drive: load what it holds (found at start) and keep writing. */
  resumeRemembering: method<[], SaveResult>(),
  /** Close the app at once (panic key). The preview server only forgets what it holds. */
  quit: method<[], void>(),
  /** The drive check run at start (polled while its state is 'checking'). */
  getDriveCheck: method<[], DriveCheck>(),
};

export type ApiMethodName = keyof typeof API;

/** The contract as an interface: what LibraryService implements and what the page calls. */
export type ChangmunApi = {
  [K in ApiMethodName]: (typeof API)[K] extends ApiMethod<infer A, infer R> ? (...args: A) => Promise<R> : never;
};

/** Names of every contract method, in table order. */
export const API_METHODS = Object.keys(API) as ApiMethodName[];

/** Whether `name` is a method of the contract (own properties only: never `constructor`, `__proto__`, `toString`). */
export function isApiMethod(name: unknown): name is ApiMethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API, name);
}

/**
 * How the renderer reaches files on the drive: `app://changmun/files/<path>` in Electron (one origin
 * with the UI, so the CSP's 'self' covers it), `/t/<token>/files/<path>` in the preview. Book covers
 * come out of the EPUB at `covers/<path>`.
 */
export interface FileUrls {
  file(path: string): string;
  cover(path: string): string;
  /** Where a book's entries are (ends in '/'): the reader opens `<it>.in/` and asks `<it>.list`. */
  book(path: string): string;
}
