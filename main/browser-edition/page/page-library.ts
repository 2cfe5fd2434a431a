// The contract (main/api.ts), implemented inside the browser edition's page: the third back end,
// beside the app's (LibraryService, over IPC) and the preview's (the same, over HTTP). What the
// others read from the drive at run time was prepared by `changmun build` as data scripts: the
// library, the index's fragments, each article's HTML (still to be sanitised, as in the app), each
// film's subtitle tracks. Nothing is written anywhere: settings and places live in this page's
// memory and go with it.
import type {
  ArticleContent, ChangmunApi, DriveCheck, IndexStatus, LibraryChanges, LibraryInfo, Problem, ReadingPosition, RememberStatus, SaveResult,
  SearchOptions, SearchResponse, Settings, SubtitleTrackData,
} from '../../api.js';
import { ApiError } from '../../contract/errors.js';
import {
  articleScript, EDITION_FOLDER, EDITION_FORMAT, LIBRARY_ID, LIBRARY_SCRIPT, subtitleScript, type EditionLibrary,
} from '../format.js';
import { cleanPosition, cleanSettings, DEFAULT_VOLUME, isItemPath } from '../../core/state/settings-rules.js';
import { DataScriptError, type DataScripts } from './scripts.js';
import { FragmentStore } from './fragments.js';
import { PageIndex, type BookTextSection } from './page-index.js';

/** The library script, and the index over it once it is known. */
interface Loaded {
  library: EditionLibrary;
  index: PageIndex;
}

const NOTHING_SAVED: SaveResult = { saved: false, reason: 'not-remembering' };

export class PageLibrary implements ChangmunApi {
  private readonly loaded: Promise<Loaded>;
  private settings: Settings | undefined;
  private readonly positions = new Map<string, ReadingPosition>();
  /** The library, once loaded (for what must be answered at once: file URLs). */
  private known: EditionLibrary | undefined;

  constructor(private readonly scripts: DataScripts) {
    this.loaded = this.load();
    this.loaded.catch(() => undefined);
  }

  private async load(): Promise<Loaded> {
    const unreadable = (e: unknown) =>
      new ApiError(
        'unreadable',
        '이 드라이브의 서재 목록(Changmun-files/data/library.js)을 읽을 수 없습니다. 드라이브가 손상되었거나 파일이 빠졌을 수 있습니다.',
        "This drive's library list (Changmun-files/data/library.js) cannot be read. The drive may be damaged or a file is missing.",
        { cause: e },
      );
    let library: EditionLibrary;
    try {
      library = JSON.parse(await this.scripts.load(LIBRARY_SCRIPT, LIBRARY_ID)) as EditionLibrary;
    } catch (e) {
      throw unreadable(e);
    }
    if (!hasLibraryShape(library)) throw unreadable(new Error('changmun: library.js is not a library'));
    if (library.format !== EDITION_FORMAT) {
      throw new ApiError('unsupported', '이 드라이브의 자료는 다른 판의 창문이 만든 것입니다.', "This drive's data was made by another version of Changmun.");
    }
    const store = library.index ? new FragmentStore(this.scripts, library.index.files) : undefined;
    const index = new PageIndex(library, store);
    this.known = library;
    void index.open();
    return { library, index };
  }

  private defaults(library: EditionLibrary): Settings {
    return { language: library.language, fontSize: 18, theme: 'light', remember: false, rememberPlaces: true, volume: DEFAULT_VOLUME };
  }

  async getLibrary(): Promise<LibraryInfo> {
    const { library, index } = await this.loaded;
    return {
      title: library.title,
      appName: library.appName,
      language: library.language,
      collections: library.collections,
      items: library.items.map((i) => i.item),
      problems: this.problems(library, index),
      index: this.status(index),
      writable: false,
      version: 1,
    };
  }

  async getLibraryChanges(version: number): Promise<LibraryChanges> {
    const { library, index } = await this.loaded;
    return { version: Math.max(1, version), full: false, items: [], removed: [], problems: this.problems(library, index), index: this.status(index), writable: false };
  }

  async getIndexStatus(): Promise<IndexStatus> {
    return this.status((await this.loaded).index);
  }

  private status(index: PageIndex): IndexStatus {
    const total = index.segmentCount;
    // Damage: 'done' without complete, which the page shows as an index that could not be made.
    // (Not notice 'damaged': the app's sentence for it says the index is being made again, and a page makes nothing.)
    if (index.ready) return { complete: index.damaged.length === 0, phase: 'done', done: total, total };
    return { complete: false, phase: 'loading', done: index.openSegments, total };
  }

  private problems(library: EditionLibrary, index: PageIndex): Problem[] {
    if (index.damaged.length === 0) return library.problems;
    const files = [...new Set(index.damaged)].slice(0, 5).join(', ');
    const ko = `이 드라이브의 검색 자료 일부가 손상되었거나 빠져서 쓰지 않습니다 (${files}). 그 항목들은 제목으로만 찾을 수 있습니다. 창문 프로그램이나 changmun verify로 드라이브를 확인하세요.`;
    const en = `Part of this drive's search data is damaged or missing and is not used (${files}). Those items can be found by their titles only. Check the drive with the Changmun app or changmun verify.`;
    // 'index-failed': the screen's plain sentence for it says the index could not be used and titles still find.
    return [...library.problems, { path: '', code: 'index-failed', message: `${ko} / ${en}`, messageKo: ko, messageEn: en }];
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const { index } = await this.loaded;
    return index.search(String(query).slice(0, 500), options);
  }

  async getArticle(path: string): Promise<ArticleContent> {
    const { library } = await this.loaded;
    const ref = own(library.articles, path);
    if (!ref) throw notOnDrive(path);
    return JSON.parse(await this.data(articleScript(ref.n), `a${ref.n}`, ref.sha256, path)) as ArticleContent;
  }

  async getSubtitles(path: string): Promise<SubtitleTrackData[]> {
    const { library } = await this.loaded;
    const ref = own(library.subtitles, path);
    if (!ref) return [];
    return JSON.parse(await this.data(subtitleScript(ref.n), `s${ref.n}`, ref.sha256, path)) as SubtitleTrackData[];
  }

  private async data(script: string, id: string, sha256: string, path: string): Promise<string> {
    try {
      return await this.scripts.load(script, id, sha256);
    } catch (e) {
      if (!(e instanceof DataScriptError)) throw e;
      throw new ApiError(
        'unreadable',
        `이 드라이브에서 ${path}의 자료(${EDITION_FOLDER}/${script})가 ${e.reason === 'missing' ? '빠졌습니다' : '손상되었습니다'}.`,
        `The data for ${path} on this drive (${EDITION_FOLDER}/${script}) is ${e.reason === 'missing' ? 'missing' : 'damaged'}.`,
      );
    }
  }

  /** Where a book's cover was put on the drive, once the library is known (else undefined). */
  coverOf(path: string): string | undefined {
    return this.known ? own(this.known.covers, path) : undefined;
  }

  async bookSections(path: string): Promise<BookTextSection[]> {
    return (await this.loaded).index.bookSections(path);
  }

  async bookSection(path: string, href: string): Promise<string[]> {
    return (await this.loaded).index.bookSection(path, href);
  }

  async getSettings(): Promise<Settings> {
    const { library } = await this.loaded;
    this.settings ??= this.defaults(library);
    return { ...this.settings };
  }

  async saveSettings(settings: Settings): Promise<SaveResult> {
    const current = await this.getSettings();
    const next = cleanSettings(settings, current);
    // Nothing can be kept on the drive from a page: "remember on this drive" stays off.
    this.settings = { ...next, remember: false };
    if (next.rememberPlaces === false) this.positions.clear();
    return next.remember ? { saved: false, reason: 'read-only' } : NOTHING_SAVED;
  }

  async getPositions(): Promise<Record<string, ReadingPosition>> {
    return Object.fromEntries([...this.positions].map(([k, v]) => [k, { ...v }]));
  }

  async savePosition(path: string, position: ReadingPosition): Promise<SaveResult> {
    const clean = cleanPosition(position);
    if (!isItemPath(path) || !clean) throw new ApiError('bad-argument', '읽던 곳이 올바르지 않습니다.', 'That is not a reading place.');
    if ((await this.getSettings()).rememberPlaces === false) return NOTHING_SAVED;
    this.positions.delete(path);
    this.positions.set(path, clean);
    return NOTHING_SAVED;
  }

  async forgetEverything(): Promise<SaveResult> {
    this.settings = undefined;
    this.positions.clear();
    return { saved: true };
  }

  async getRememberStatus(): Promise<RememberStatus> {
    return { onDrive: false, sessionPlaces: this.positions.size };
  }

  async resumeRemembering(): Promise<SaveResult> {
    return { saved: false, reason: 'read-only' };
  }

  async quit(): Promise<void> {
    this.settings = undefined;
    this.positions.clear();
  }

  /** A page cannot read the drive's files to check them against its manifest: nothing is claimed. */
  async getDriveCheck(): Promise<DriveCheck> {
    return { state: 'none', signature: 'unsigned', changed: [], missing: [], added: [], damaged: [], counts: { changed: 0, missing: 0, added: 0, damaged: 0 }, unverified: 0 };
  }
}

/** The outline of what library.js must hand over, before anything reads it (a damaged drive's is anything). */
function hasLibraryShape(x: unknown): x is EditionLibrary {
  const o = x as Partial<Record<keyof EditionLibrary, unknown>> | null;
  const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return (
    isMap(o) &&
    Array.isArray(o!.items) &&
    o!.items.every((i: unknown) => isMap(i) && isMap((i as { item?: unknown }).item)) &&
    Array.isArray(o!.problems) &&
    Array.isArray(o!.collections) &&
    isMap(o!.articles) &&
    isMap(o!.subtitles) &&
    isMap(o!.covers) &&
    (o!.index === null || (isMap(o!.index) && Array.isArray((o!.index as { segments?: unknown }).segments) && Array.isArray((o!.index as { files?: unknown }).files)))
  );
}

/** An own property of a map read from the drive (never `__proto__` or `constructor`). */
function own<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

function notOnDrive(path: string): ApiError {
  return new ApiError('not-found', `이 드라이브의 브라우저판에는 없는 글입니다: ${path}`, `This article is not in this drive's browser edition: ${path}`);
}
