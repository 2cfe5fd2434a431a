// The back end over HTTP, for the preview server: every contract method is a POST of its arguments
// (a JSON array) to api/<method>, relative to the page's /t/<token>/ base; files and covers are
// URLs under the same base. The token in the base is what lets the page through.
import type {
  ArticleContent, ChangmunApi, DriveCheck, FileUrls, IndexStatus, LibraryChanges, LibraryInfo, ReadingPosition, RememberStatus,
  SaveResult, SearchOptions, SearchResponse, Settings, SubtitleTrackData,
} from '../../../main/api';
import type { Backend } from './context';

/** '/t/<token>/' from the page's address (the UI may add a #route after it). */
export function previewBase(loc: Pick<Location, 'pathname'> = window.location): string {
  const m = /^\/t\/[^/]+\//.exec(loc.pathname);
  return m ? m[0] : '/';
}

/** A library path as a URL path: every segment encoded, so '#', '?' and '%' in names stay names. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function createHttpBackend(base: string = previewBase()): Backend {
  async function call<T>(method: keyof ChangmunApi, args: unknown[]): Promise<T> {
    const res = await fetch(`${base}api/${method}`, {
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
      throw new Error(`changmun: ${method}: HTTP ${res.status}`);
    }
    if (!res.ok) {
      const error = (value as { error?: unknown } | null)?.error;
      throw new Error(typeof error === 'string' ? error : `changmun: ${method}: HTTP ${res.status}`);
    }
    return value as T;
  }

  // Written out method by method: the type checker then insists on every method of the contract.
  const api: ChangmunApi = {
    getLibrary: () => call<LibraryInfo>('getLibrary', []),
    getLibraryChanges: (version: number) => call<LibraryChanges>('getLibraryChanges', [version]),
    getIndexStatus: () => call<IndexStatus>('getIndexStatus', []),
    search: (query: string, options?: SearchOptions) => call<SearchResponse>('search', options === undefined ? [query] : [query, options]),
    getArticle: (path: string) => call<ArticleContent>('getArticle', [path]),
    getSubtitles: (path: string) => call<SubtitleTrackData[]>('getSubtitles', [path]),
    getSettings: () => call<Settings>('getSettings', []),
    saveSettings: (settings: Settings) => call<SaveResult>('saveSettings', [settings]),
    getPositions: () => call<Record<string, ReadingPosition>>('getPositions', []),
    savePosition: (path: string, position: ReadingPosition) => call<SaveResult>('savePosition', [path, position]),
    forgetEverything: () => call<SaveResult>('forgetEverything', []),
    getRememberStatus: () => call<RememberStatus>('getRememberStatus', []),
    resumeRemembering: () => call<SaveResult>('resumeRemembering', []),
    quit: async () => {
      await call<null>('quit', []);
    },
    getDriveCheck: () => call<DriveCheck>('getDriveCheck', []),
  };

  const urls: FileUrls = {
    file: (path: string) => `${base}files/${encodePath(path)}`,
    cover: (path: string) => `${base}covers/${encodePath(path)}`,
    book: (path: string) => `${base}books/${encodePath(path)}/`,
  };

  return { api, urls };
}
