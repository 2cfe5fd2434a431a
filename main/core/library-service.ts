// The back end behind the contract (main/api.ts), in plain Node: the contract's dispatcher serves it
// over HTTP in the preview and over IPC in the Electron window. What a person may be told of a
// failure is thrown as an ApiError (main/contract/errors.ts): a code, Korean and English. Search
// and indexing run in a worker thread (SearchService); this thread only reads single files for the
// readers and keeps the state.
import { promises as fs, constants as fsConstants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  ArticleContent, ChangmunApi, DriveCheck, IndexStatus, LibraryChanges, LibraryInfo, LibraryItem, Problem, ReadingPosition, RememberStatus,
  SaveResult, SearchOptions, SearchResponse, Settings, SubtitleTrackData,
} from '../api.js';
import { ApiError } from '../contract/errors.js';
import type { LibraryLocation } from './drive/locate.js';
import type { LibrarySettings } from './drive/library-json.js';
import { readLibrarySettings } from './catalog/scan.js';
import { fileKindOf } from './catalog/file-kinds.js';
import { SearchService } from './search/service.js';
import type { SavedCatalog, SavedItem } from './catalog/saved.js';
import type { CatalogChanges } from './catalog/catalog-versions.js';
import { readSavedIndex } from './search/saved-index.js';
import { signedDataChecker } from './manifest/signed-data.js';
import { decodeText } from './extract/encoding.js';
import { articleFormatOf, extractArticle, titleFromFileName } from './extract/article/index.js';
import { subtitleFormatOf } from './extract/subtitles/index.js';
import { resolveLibraryPath } from './serve/guard.js';
import { BookEntries } from './serve/book-entries.js';
import { cleanCss } from '../text/clean-css.js';
import type { ServeRequest, ServeResponse } from './serve/index.js';
import { articleHtml } from './serve/article-html.js';
import { readEpubCover, type CoverImage } from './serve/cover.js';
import {
  articleCoverSource, frameManifestPath, frameName, FRAMES_DIR, MAX_FRAME_BYTES, MAX_PICTURE_BYTES, posterCandidates, readPicture,
} from './serve/item-covers.js';
import { DataDir } from './drive/data-dir.js';
import { subtitleFilesBeside, subtitleTracks } from './serve/subtitles.js';
import { StateStore } from './state/index.js';
import { StartupDriveCheck } from './manifest/startup-check.js';
import { BOOK_LOCATIONS_FILE, BOOK_LOCATIONS_FORMAT, type BookLocations, type BookLocationsFile } from './drive-build/book-locations.js';

/** The window title when library.json names none: neutral on purpose. */
export const DEFAULT_APP_NAME = '창문';
const MAX_ARTICLE_BYTES = 32 * 1024 * 1024;

export interface LibraryServiceOptions {
  /** What quit() does: the app closes its window; the preview forgets what it holds. */
  onQuit?: () => void | Promise<void>;
  /** Extraction worker threads under the search worker. */
  workers?: number;
  /** Never write the index on the drive: it is built in a temporary folder of this PC, removed at
   * close (the preview: a volunteer checking a finished, signed drive changes nothing on it). */
  indexOffDrive?: boolean;
}

interface Startup {
  settings: LibrarySettings;
  settingsProblems: Problem[];
  state: StateStore;
}

export class LibraryService implements ChangmunApi {
  private readonly searchService: SearchService;
  /** The index's temporary folder on this PC when it stays off the drive. */
  private readonly scratchDir: string | undefined;
  private readonly startup: Promise<Startup>;
  /** The catalog the worker finished with, or until then the one the drive had saved. */
  private catalog: SavedCatalog | undefined;
  /** Its items by path. */
  private byPath = new Map<string, SavedItem>();
  private indexReady = false;
  /** Why the saved index was not used (shown as one line). */
  private indexNotice: IndexStatus['notice'];
  private indexFailure: string | undefined;
  private writable = true;
  /** The quick check of the drive against its signed manifest, in a worker thread. */
  private readonly driveCheck: StartupDriveCheck;
  /** Books served to the reader entry by entry, through the scan's bounded zip reader. */
  private readonly books: BookEntries;
  /** Whether a derived file is what the drive's signer signed (read once, when a frame is first asked for). */
  private signedCheck: ReturnType<typeof signedDataChecker> | undefined;
  /** Reading locations `changmun build` worked out for each book (none on an unbuilt folder). */
  private bookLocations = new Map<string, BookLocations>();

  constructor(readonly location: LibraryLocation, private readonly options: LibraryServiceOptions = {}) {
    // The worker saves the index only when the drive is writable.
    if (options.indexOffDrive) this.scratchDir = mkdtempSync(path.join(tmpdir(), 'changmun-index-'));
    this.searchService = new SearchService(location, { save: !options.indexOffDrive, workers: options.workers, ...(this.scratchDir ? { scratchDir: this.scratchDir } : {}) });
    // A book's CSS files get the same cleaning as the CSS inside its pages: nothing in them may ask
    // another machine for anything (an @import or a url() of a remote host).
    this.books = new BookEntries(location.libraryRoot, cleanCss);
    this.searchService.ready.then(
      ({ summary, catalog }) => {
        if (summary.damaged) this.indexNotice = 'damaged';
        else if (summary.notAsSigned) this.indexNotice = 'not-as-signed';
        this.catalog = catalog;
        this.byPath = new Map(catalog.items.map((i) => [i.path, i]));
        this.indexReady = true;
        if (summary.notSavedReason === 'read-only') this.writable = false;
      },
      (e: unknown) => {
        this.indexFailure = e instanceof Error ? e.message : String(e);
      },
    );
    // Damage met after the index was complete (by a query): it is being built again.
    this.searchService.onDamaged = () => {
      this.indexReady = false;
      this.indexNotice = 'damaged';
    };
    // The worker stopped by itself (out of memory, a crash): searching again as soon as a new one has loaded.
    this.searchService.onWorkerStopped = (reason, restarting) => {
      this.indexReady = false;
      if (!restarting) this.indexFailure = reason;
    };
    this.searchService.onRebuilt = ({ catalog }) => {
      this.catalog = catalog;
      this.byPath = new Map(catalog.items.map((i) => [i.path, i]));
      this.indexReady = true;
    };
    this.startup = this.start();
    this.startup.catch(() => {});
    void readBookLocationsFile(location.dataDir).then((m) => (this.bookLocations = m));
    // The drive root is where .changmun sits (a built drive, or a folder built in place).
    this.driveCheck = new StartupDriveCheck(path.dirname(location.dataDir), { after: this.searchService.ready });
  }

  /** Resolves when the drive check has its answer. */
  get driveChecked(): Promise<DriveCheck> {
    return this.driveCheck.done;
  }

  /** Resolves when the index is complete. */
  get ready(): Promise<unknown> {
    return this.searchService.ready;
  }

  private async start(): Promise<Startup> {
    const { libraryRoot, dataDir } = this.location;
    const [{ settings, problems }, saved, writable] = await Promise.all([
      readLibrarySettings(libraryRoot),
      savedCatalogOf(this.location),
      canWrite(dataDir),
    ]);
    // The saved catalog lets the home screen fill at once while the worker loads and checks.
    if (!this.catalog && saved) {
      this.catalog = saved;
      this.byPath = new Map(saved.items.map((i) => [i.path, i]));
    }
    if (!writable) this.writable = false;
    const state = await StateStore.open(dataDir, { language: settings.language });
    return { settings, settingsProblems: problems, state };
  }

  async getLibrary(): Promise<LibraryInfo> {
    const s = await this.startup;
    const { catalog, version } = await this.currentCatalog();
    const settings = this.indexReady && catalog ? catalog.settings : s.settings;
    const { libraryRoot, driveRoot } = this.location;
    return {
      // A drive root such as E:\ has no name of its own: then the neutral default.
      title: settings.title ?? (path.basename(driveRoot ?? libraryRoot) || DEFAULT_APP_NAME),
      appName: settings.appName ?? DEFAULT_APP_NAME,
      language: settings.language,
      collections: Object.keys(settings.collections),
      items: (catalog?.items ?? []).map((i) => this.libraryItem(i)),
      problems: this.problemsWith(catalog?.problems ?? s.settingsProblems),
      index: this.indexStatus(),
      writable: this.writable,
      version,
    };
  }

  /**
   * The whole catalog with its version: the worker's as it stands (growing file by file while it
   * indexes), or, until the worker has anything, the one the drive had saved, read here at start
   * (version 0: the first getLibraryChanges then sends everything).
   */
  private async currentCatalog(): Promise<{ catalog: SavedCatalog | undefined; version: number }> {
    // Before the worker reports anything it is still starting: no need to wait for it. A worker
    // that died never answers: then what this thread already has.
    const answer = this.workerHasCatalog() && !this.indexFailure ? await within(this.searchService.changes(-1), 3000).catch(() => undefined) : undefined;
    const c = answer?.changes;
    if (!c || (!answer.complete && c.items.length === 0 && this.catalog)) return { catalog: this.catalog, version: 0 };
    this.applyChanges(c);
    return { catalog: this.catalog, version: c.version };
  }

  async getLibraryChanges(since: number): Promise<LibraryChanges> {
    if (typeof since !== 'number' || !Number.isFinite(since)) throw new ApiError('bad-argument', '버전이 숫자가 아닙니다.', 'The version is not a number.');
    const s = await this.startup;
    const answer = this.workerHasCatalog() && !this.indexFailure ? await within(this.searchService.changes(Math.trunc(since)), 3000).catch(() => undefined) : undefined;
    const c = answer?.changes;
    const base = { index: this.indexStatus(), writable: this.writable };
    if (!c) return { version: since, full: false, items: [], removed: [], ...(this.indexFailure ? { problems: this.problemsWith(this.catalog?.problems ?? s.settingsProblems) } : {}), ...base };
    this.applyChanges(c);
    return {
      version: c.version,
      full: c.full,
      items: c.items.map((i) => this.libraryItem(i)),
      removed: c.removed,
      ...(c.problems ? { problems: this.problemsWith(c.problems) } : {}),
      ...base,
    };
  }

  private libraryItem(i: SavedItem): LibraryItem {
    return withLocations(toLibraryItem(i), this.bookLocations.get(i.path), i);
  }

  private problemsWith(problems: Problem[]): Problem[] {
    return this.indexFailure ? [...problems, indexFailureProblem(this.scrub(this.indexFailure))] : problems;
  }

  /** Whether the worker has a catalog to tell of (it has reported something, or finished). */
  private workerHasCatalog(): boolean {
    return this.indexReady || this.searchService.latestProgress !== undefined;
  }

  /** The service's own copy of the catalog, kept by path for the readers' lookups. */
  private applyChanges(c: CatalogChanges): void {
    const byPath = c.full ? new Map<string, SavedItem>() : new Map(this.byPath);
    for (const i of c.items) byPath.set(i.path, i);
    for (const p of c.removed) byPath.delete(p);
    this.byPath = byPath;
    const items = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.catalog = { settings: this.catalog?.settings ?? { language: 'ko', collections: {}, exclude: [] }, files: [], problems: c.problems ?? this.catalog?.problems ?? [], items };
  }

  async getIndexStatus(): Promise<IndexStatus> {
    return this.indexStatus();
  }

  private indexStatus(): IndexStatus {
    const p = this.searchService.latestProgress;
    const notice = this.indexNotice ?? (this.searchService.damage ? 'damaged' : undefined);
    const extra = notice ? { notice } : {};
    if (this.indexReady) return { complete: true, phase: 'done', done: p?.total ?? 0, total: p?.total ?? 0, ...extra };
    if (this.indexFailure) return { complete: false, phase: 'done', done: p?.done ?? 0, total: p?.total ?? 0, ...extra };
    // The worker says 'done' a moment before its index is handed over: not done for the reader yet
    // ('done' without complete means indexing failed, and the UI would stop waiting).
    const phase = p?.phase === 'done' ? 'checking' : (p?.phase ?? 'loading');
    return { complete: false, phase, done: p?.done ?? 0, total: p?.total ?? 0, ...(p?.current ? { current: p.current } : {}), ...extra };
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    if (typeof query !== 'string') throw new ApiError('bad-argument', '검색어가 글자가 아닙니다.', 'The query is not a string.');
    // The worker answers while it indexes, marking answers incomplete.
    const answer = this.searchService.search(query.slice(0, 500), cleanSearchOptions(options));
    // After a failure the worker may be gone, and a question to a dead worker is never answered.
    return this.indexFailure ? within(answer, 15_000) : answer;
  }

  async getArticle(itemPath: string): Promise<ArticleContent> {
    const format = articleFormatOf(String(itemPath));
    if (!format) throw new ApiError('unsupported', `글이 아닙니다: ${itemPath}`, `not an article: ${itemPath}`);
    const bytes = await this.readLibraryFile(itemPath, MAX_ARTICLE_BYTES);
    let text: string;
    try {
      text = decodeText(bytes).text;
    } catch {
      throw new ApiError('unreadable', `글자 인코딩을 알 수 없습니다: ${itemPath}`, `unknown text encoding: ${itemPath}`);
    }
    // Not catalogued yet (first run, still indexing): the title the catalog would give.
    const item = this.itemAt(itemPath) ?? (await extractArticle(bytes, itemPath).catch(() => undefined));
    const title = item?.title ?? titleFromFileName(itemPath);
    return { path: itemPath, title, ...(item?.language ? { language: item.language } : {}), format, html: articleHtml(format, text) };
  }

  async getSubtitles(itemPath: string): Promise<SubtitleTrackData[]> {
    const p = String(itemPath);
    const root = this.location.libraryRoot;
    const item = this.itemAt(p);
    // A lone subtitle file is its own item; a film not catalogued yet pairs by name in its folder.
    const files = subtitleFormatOf(p) ? [p] : item ? (item.subtitles ?? []).map((x) => x.path) : await subtitleFilesBeside(root, p);
    if (!files) throw new ApiError('not-found', `파일을 찾을 수 없습니다: ${p}`, `file not found: ${p}`);
    return subtitleTracks(root, files);
  }

  /** One entry of a book for the reader (books/<path>/.in/<entry>, books/<path>/.list): see BookEntries. */
  bookEntry(urlPath: string, req: ServeRequest): Promise<ServeResponse> {
    return this.books.serve(urlPath, req);
  }

  /**
   * The picture for an item's cover, or undefined (the UI then draws one): a book's cover read from
   * the EPUB; an article's first local picture; a film's poster beside it, else the frame build took.
   * Everything is bounded and checked for what it is (serve/item-covers.ts).
   */
  async coverBytes(itemPath: string): Promise<CoverImage | undefined> {
    const p = String(itemPath);
    const root = this.location.libraryRoot;
    const r = await resolveLibraryPath(root, p);
    if (!r.ok) return undefined;
    switch (fileKindOf(r.relPath)) {
      case 'book': {
        const known = this.itemAt(p)?.book;
        if (known && !known.cover) return undefined;
        return readEpubCover(r.absPath, known?.cover);
      }
      case 'article': {
        const images = this.itemAt(p)?.article?.images;
        const source = images && articleCoverSource(r.relPath, images);
        const picture = source ? await resolveLibraryPath(root, source) : undefined;
        return picture?.ok ? readPicture(picture.absPath, MAX_PICTURE_BYTES) : undefined;
      }
      case 'video':
        return (await this.posterOf(r.relPath, path.dirname(r.absPath))) ?? (await this.frameOf(p));
      default:
        return undefined;
    }
  }

  /** A poster beside the film: one listing of its folder, then only names that are there. */
  private async posterOf(filmPath: string, absDir: string): Promise<CoverImage | undefined> {
    const names = new Set((await fs.readdir(absDir).catch(() => [] as string[])).map((n) => n.normalize('NFC')));
    for (const candidate of posterCandidates(filmPath)) {
      if (!names.has(candidate.slice(candidate.lastIndexOf('/') + 1))) continue;
      const x = await resolveLibraryPath(this.location.libraryRoot, candidate);
      const picture = x.ok ? await readPicture(x.absPath, MAX_PICTURE_BYTES) : undefined;
      if (picture) return picture;
    }
    return undefined;
  }

  /**
   * The frame `changmun build` took of the film, from `.changmun/covers/<fixed name>.jpg`: a plain
   * folder (no link), a JPEG of bounded size, and on a signed drive the very bytes that were signed.
   */
  private async frameOf(filmPath: string): Promise<CoverImage | undefined> {
    const data = new DataDir(this.location.dataDir);
    try {
      if ((await data.checkDir(FRAMES_DIR)) === 'missing') return undefined;
    } catch {
      return undefined;
    }
    const name = frameName(filmPath);
    const picture = await readPicture(data.pathOf(`${FRAMES_DIR}/${name}`), MAX_FRAME_BYTES, 'image/jpeg');
    if (!picture) return undefined;
    this.signedCheck ??= signedDataChecker(path.dirname(this.location.dataDir)).catch(() => () => 'unsigned' as const);
    return (await this.signedCheck)(frameManifestPath(name), picture.bytes) === 'differs' ? undefined : picture;
  }

  async getSettings(): Promise<Settings> {
    return (await this.startup).state.getSettings();
  }

  async saveSettings(settings: Settings): Promise<SaveResult> {
    return this.noteSave(await (await this.startup).state.saveSettings(settings));
  }

  async getPositions(): Promise<Record<string, ReadingPosition>> {
    return (await this.startup).state.getPositions();
  }

  async savePosition(itemPath: string, position: ReadingPosition): Promise<SaveResult> {
    return this.noteSave(await (await this.startup).state.savePosition(itemPath, position));
  }

  async forgetEverything(): Promise<SaveResult> {
    return this.noteSave(await (await this.startup).state.forgetEverything());
  }

  async getRememberStatus(): Promise<RememberStatus> {
    return (await this.startup).state.rememberStatus();
  }

  async resumeRemembering(): Promise<SaveResult> {
    return this.noteSave(await (await this.startup).state.resumeRemembering());
  }

  async quit(): Promise<void> {
    await this.options.onQuit?.();
  }

  async getDriveCheck(): Promise<DriveCheck> {
    const check = this.driveCheck.current();
    // Derived data that is not as signed is a change to the drive like any other, told as such.
    return this.indexNotice === 'not-as-signed' && check.state !== 'checking' && check.state !== 'none' ? { ...check, derived: 'rebuilt' } : check;
  }

  /** Forget what this session holds in memory (the preview's quit). */
  async forgetMemory(): Promise<void> {
    await (await this.startup).state.clearMemory();
  }

  async close(): Promise<void> {
    await this.startup.catch(() => {});
    this.books.close();
    await this.driveCheck.close();
    await this.searchService.close();
    if (this.scratchDir) rmSync(this.scratchDir, { recursive: true, force: true });
  }

  /** Messages leave this process (to a browser): no absolute path of the drive in them. */
  scrub(message: string): string {
    const { libraryRoot, dataDir, driveRoot } = this.location;
    let m = message;
    for (const p of [dataDir, libraryRoot, driveRoot]) if (p) m = m.split(p).join('…');
    return m;
  }

  private noteSave(r: SaveResult): SaveResult {
    if (r.reason === 'read-only') this.writable = false;
    return r;
  }

  private itemAt(itemPath: string): SavedItem | undefined {
    if (this.byPath.size === 0 && this.catalog) this.byPath = new Map(this.catalog.items.map((i) => [i.path, i]));
    return this.byPath.get(itemPath);
  }

  private async readLibraryFile(relPath: string, maxBytes: number): Promise<Uint8Array> {
    const r = await resolveLibraryPath(this.location.libraryRoot, String(relPath));
    if (!r.ok) throw new ApiError('not-found', `파일을 찾을 수 없습니다: ${relPath}`, `file not found: ${relPath}`);
    if (r.size > maxBytes) throw new ApiError('too-large', `파일이 너무 큽니다: ${relPath}`, `file too large: ${relPath}`);
    try {
      return await fs.readFile(r.absPath);
    } catch {
      throw new ApiError('unreadable', `파일을 읽을 수 없습니다: ${relPath}`, `file could not be read: ${relPath}`);
    }
  }
}

/** The build's book locations, keyed by book path; empty when there are none or they cannot be read. */
/**
 * The build's book locations, keyed by book path; empty when there are none, when they cannot be
 * read, or when on a signed drive they are not what was signed. Every book's entry is checked for
 * its shape (a forged file must not hand the reader anything else than numbers and paths).
 */
async function readBookLocationsFile(dataDir: string): Promise<Map<string, BookLocations>> {
  try {
    const file = path.join(dataDir, BOOK_LOCATIONS_FILE);
    const st = await fs.stat(file);
    if (!st.isFile() || st.size > MAX_BOOK_LOCATIONS_BYTES) return new Map();
    const bytes = await fs.readFile(file);
    const signed = (await signedDataChecker(path.dirname(dataDir)))(`.changmun/${BOOK_LOCATIONS_FILE}`, bytes);
    if (signed === 'differs') return new Map();
    const data = JSON.parse(bytes.toString('utf8')) as BookLocationsFile;
    if (data.format !== BOOK_LOCATIONS_FORMAT || typeof data.books !== 'object' || data.books === null || Array.isArray(data.books)) return new Map();
    const out = new Map<string, BookLocations>();
    for (const [p, loc] of Object.entries(data.books as Record<string, unknown>)) if (isBookLocations(loc)) out.set(p, loc);
    return out;
  } catch {
    return new Map();
  }
}

const MAX_BOOK_LOCATIONS_BYTES = 64 * 1024 * 1024;

function isBookLocations(v: unknown): v is BookLocations {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const count = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= -1;
  if (!count(o['size']) || !count(o['mtimeMs']) || !count(o['total']) || !Array.isArray(o['sections']) || o['sections'].length > 20_000) return false;
  return (o['sections'] as unknown[]).every((sec) => {
    if (typeof sec !== 'object' || sec === null) return false;
    const x = sec as Record<string, unknown>;
    return typeof x['href'] === 'string' && x['href'].length <= 4096 && count(x['chars']) && count(x['start']);
  });
}

/** Attach a book's locations when they were worked out for this very file (same size and time). */
function withLocations(item: LibraryItem, loc: BookLocations | undefined, saved: SavedItem): LibraryItem {
  if (!item.book || !loc || loc.size !== saved.size || loc.mtimeMs !== saved.mtimeMs || !(loc.total > 0)) return item;
  const sections = loc.sections.map(({ href, chars, start }) => ({ href, chars, start }));
  return { ...item, book: { ...item.book, locations: { total: loc.total, sections } } };
}

export function toLibraryItem(i: SavedItem): LibraryItem {
  const item: LibraryItem = {
    path: i.path, type: i.type, title: i.title, collections: i.collections, size: i.size, mtimeMs: i.mtimeMs, chunkCount: i.chunkCount,
  };
  if (i.language) item.language = i.language;
  if (i.languages?.length) item.languages = i.languages;
  if (i.authors?.length) item.authors = i.authors;
  if (i.description) item.description = i.description;
  if (i.book) item.book = { direction: i.book.direction, hasCover: i.book.cover !== undefined, toc: i.book.toc };
  if (i.type === 'video') {
    item.video = { hasVideo: i.video?.hasVideo ?? false, subtitles: (i.subtitles ?? []).map((s) => ({ path: s.path, format: s.format, languages: s.languages })) };
  }
  const coverSource = i.book?.cover ? i.path : i.article ? articleCoverSource(i.path, i.article.images) : i.video?.hasVideo ? i.path : undefined;
  if (coverSource) item.cover = { source: coverSource };
  return item;
}

function cleanSearchOptions(o: unknown): SearchOptions {
  if (typeof o !== 'object' || o === null) return {};
  const x = o as Record<string, unknown>;
  const int = (v: unknown, min: number, max: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.trunc(v))) : undefined);
  const str = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : undefined);
  const out: SearchOptions = {};
  if (x['type'] === 'article' || x['type'] === 'book' || x['type'] === 'video') out.type = x['type'];
  const language = str(x['language']);
  if (language) out.language = language;
  const collection = str(x['collection']);
  if (collection) out.collection = collection;
  const limit = int(x['limit'], 1, 500);
  if (limit !== undefined) out.limit = limit;
  const offset = int(x['offset'], 0, 1_000_000);
  if (offset !== undefined) out.offset = offset;
  const snippets = int(x['snippetsPerItem'], 0, 10_000);
  if (snippets !== undefined) out.snippetsPerItem = snippets;
  return out;
}

/** The catalog the drive saved, when it can be trusted (checked, and as signed on a signed drive). */
async function savedCatalogOf(location: LibraryLocation): Promise<SavedCatalog | undefined> {
  const read = await readSavedIndex(location).catch(() => undefined);
  return read?.status === 'ok' ? read.catalog : undefined;
}

/** Whether the drive takes writes, asked without writing (a write would change its timestamps). */
async function canWrite(dataDir: string): Promise<boolean> {
  let dir = dataDir;
  for (;;) {
    try {
      const st = await fs.stat(dir);
      if (!st.isDirectory()) return false;
      await fs.access(dir, fsConstants.W_OK);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return false;
      const parent = path.dirname(dir);
      if (parent === dir) return false;
      dir = parent;
    }
  }
}

/** The promise, or an ApiError ('not-ready') when it takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError('not-ready', '검색 색인이 답하지 않습니다. 잠시 뒤에 다시 해 보세요.', 'The search index does not answer. Try again in a moment.')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function indexFailureProblem(detail: string): Problem {
  const ko = '검색 색인을 만들지 못했습니다. 찾기가 일부만 될 수 있습니다.';
  const en = 'The search index could not be built; search may be incomplete.';
  return { path: '', code: 'index-failed', message: `${ko} / ${en} (${detail.slice(0, 200)})`, messageKo: ko, messageEn: en };
}
