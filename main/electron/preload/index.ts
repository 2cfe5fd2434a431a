// The preload: the one door from the page to the back end. It exposes exactly the contract
// (main/api.ts) and where files are, as `window.changmun = { api, urls }`, through contextBridge;
// never ipcRenderer itself. It runs in Electron's sandbox, where `require` knows only 'electron'
// and a few others: so it imports nothing of ours but types, and repeats two strings that
// tests/electron-preload.test.ts holds equal to main/electron (API_CHANNEL, APP_ORIGIN).
import electron = require('electron');
import type {
  ArticleContent, ChangmunApi, DriveCheck, FileUrls, IndexStatus, LibraryChanges, LibraryInfo, ReadingPosition, RememberStatus,
  SaveResult, SearchOptions, SearchResponse, Settings, SubtitleTrackData,
} from '../../api.js';

const API_CHANNEL = 'changmun:api';
const APP_ORIGIN = 'app://changmun';

type ApiAnswer = { ok: true; value: unknown } | { ok: false; error: string };

async function call<T>(method: keyof ChangmunApi, args: unknown[]): Promise<T> {
  const answer = (await electron.ipcRenderer.invoke(API_CHANNEL, method, args)) as ApiAnswer;
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as T;
}

// Written out method by method: the type checker then insists on every method of the contract,
// and nothing else can be called through this object.
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

/** A library path as a URL path: every segment encoded, so '#', '?' and '%' in names stay names. */
function encodePath(path: string): string {
  return String(path).split('/').map(encodeURIComponent).join('/');
}

const urls: FileUrls = {
  file: (path: string) => `${APP_ORIGIN}/files/${encodePath(path)}`,
  cover: (path: string) => `${APP_ORIGIN}/covers/${encodePath(path)}`,
  book: (path: string) => `${APP_ORIGIN}/books/${encodePath(path)}/`,
};

electron.contextBridge.exposeInMainWorld('changmun', { api, urls });
