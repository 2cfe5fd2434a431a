// What is on a drive and what a volunteer must fix before it ships: counts, sizes, hours of reading
// and of video, and the list to fix (unreadable files, items nobody can find by searching, files too
// big for FAT32, films Electron will not play, duplicates, names that give the drive away, keys and
// system litter that must not travel). The same data feeds the terminal and the HTML report.
import path from 'node:path';
import { resolveLibraryFolder } from '../drive/locate.js';
import { walkLibrary } from '../drive/walk.js';
import { areaOf, isLooseLibrary, listDriveFiles, type DriveArea } from '../manifest/drive-files.js';
import { sha256File } from '../manifest/hash.js';
import { displayFingerprint } from '../manifest/keys.js';
import { readDriveManifest } from '../manifest/manifest.js';
import type { SavedItem } from '../catalog/saved.js';
import { PICTURES_ONLY } from '../catalog/assemble.js';
import type { ItemType, Problem } from '../types.js';
import { checkName, volumeLabel, type GiveawayFinding } from './giveaway.js';
import { playVerdict, probeMedia, type MediaStreams, type PlayVerdict } from './media-probe.js';
import { findPrivateKeys } from './secrets.js';
import { catalogWithText, readingHours, type TextAmount } from './text-amounts.js';

/** FAT32 keeps files up to 4 GiB − 1 byte. */
export const FAT32_MAX_FILE_BYTES = 4 * 1024 * 1024 * 1024 - 1;

export interface NotSearchable {
  path: string;
  type: ItemType;
  title: string;
  /** 'pictures-only': a comic or picture book (its alt texts, if any, are all search has of it). */
  reason: 'book-without-text' | 'pictures-only' | 'film-without-subtitles' | 'subtitles-without-text' | 'article-without-text';
}

export interface CodecFinding {
  path: string;
  title: string;
  streams?: MediaStreams;
  verdict: PlayVerdict['verdict'] | 'unknown';
  reasons: { ko: string; en: string }[];
}

export interface DriveReport {
  generatedAt: string;
  drive: string;
  library: string;
  title: string | null;
  /** Where the catalog came from: the saved index (up to date) or a fresh read of every file. */
  source: 'saved-index' | 'fresh-scan';
  /** How codecs were read: ffprobe, or the container read here. */
  codecsVia: 'ffprobe' | 'container' | 'none';
  label: { text: string; source: 'volume' | 'option' } | null;
  items: { total: number; byType: Record<ItemType, { items: number; bytes: number }>; byLanguage: { language: string; items: number }[]; byCollection: { collection: string; items: number }[] };
  sizes: { driveBytes: number; byArea: Record<DriveArea, number>; libraryFiles: number; otherLibraryBytes: number };
  reading: { hangul: number; other: number; hours: number; perItem: { path: string; hours: number }[] };
  video: { films: number; seconds: number; hours: number; unknownDuration: string[] };
  manifest: { present: boolean; damaged?: string; signed: boolean; fingerprint?: string; display?: string; signedAt?: string; files?: number };
  fix: {
    unreadable: Pick<Problem, 'path' | 'code' | 'messageKo' | 'messageEn'>[];
    notSearchable: NotSearchable[];
    /** Subtitle files with no film beside them: their text is searchable, but there is nothing to watch. */
    subtitlesWithoutFilm: { path: string; title: string }[];
    over4GB: { path: string; size: number }[];
    codecs: CodecFinding[];
    duplicates: { sha256: string; size: number; paths: string[] }[];
    giveaways: GiveawayFinding[];
    privateKeys: string[];
    systemFiles: string[];
  };
  /** How many things are on the fix list. */
  toFix: number;
}

export interface ReportOptions {
  /** Use ffprobe when installed (default true). */
  ffprobe?: boolean;
  /** The label the stick has or will have, when the system cannot tell. */
  label?: string;
  onProgress?: (p: { phase: 'reading' | 'media' | 'hashing'; done: number; total: number; current?: string }) => void;
}

export async function buildReport(folder: string, options: ReportOptions = {}): Promise<DriveReport> {
  const location = resolveLibraryFolder(folder);
  const driveRoot = path.dirname(location.dataDir);
  const loose = await isLooseLibrary(driveRoot);
  const libPrefix = loose ? '' : `${path.relative(driveRoot, location.libraryRoot).split(path.sep).join('/')}/`;
  const progress = options.onProgress ?? (() => {});

  const { catalog, text, source } = await catalogWithText(location, (done, total, current) => progress({ phase: 'reading', done, total, ...(current ? { current } : {}) }));
  const items = catalog.items;
  const [{ files: driveFiles, skipped }, { files: libraryFiles }, manifestRead] = await Promise.all([
    listDriveFiles(driveRoot),
    walkLibrary(location.libraryRoot),
    readDriveManifest(driveRoot),
  ]);

  // Counts and sizes.
  const byType: DriveReport['items']['byType'] = { article: { items: 0, bytes: 0 }, book: { items: 0, bytes: 0 }, video: { items: 0, bytes: 0 } };
  const languages = new Map<string, number>();
  const collections = new Map<string, number>();
  const itemBytes = new Map<string, number>();
  const sizeOf = new Map(libraryFiles.map((f) => [f.path, f.size]));
  for (const item of items) {
    const bytes = (sizeOf.get(item.path) ?? item.size) + (item.type === 'video' && item.video?.hasVideo ? (item.subtitles ?? []).reduce((n, s) => n + (sizeOf.get(s.path) ?? 0), 0) : 0);
    itemBytes.set(item.path, bytes);
    byType[item.type].items++;
    byType[item.type].bytes += bytes;
    for (const l of item.languages?.length ? item.languages : [item.language ?? '?']) languages.set(l, (languages.get(l) ?? 0) + 1);
    for (const c of item.collections) collections.set(c, (collections.get(c) ?? 0) + 1);
  }
  const byArea: Record<DriveArea, number> = { library: 0, app: 0, data: 0, other: 0 };
  for (const f of driveFiles) byArea[areaOf(f.path, loose)] += f.size;
  const counted = [...itemBytes.values()].reduce((n, b) => n + b, 0);

  // Reading time.
  const total: TextAmount = { hangul: 0, other: 0 };
  const perItem: { path: string; hours: number }[] = [];
  for (const [p, t] of text) {
    total.hangul += t.hangul;
    total.other += t.other;
    perItem.push({ path: p, hours: readingHours(t) });
  }
  perItem.sort((a, b) => b.hours - a.hours);

  // Films: length and whether they play.
  const films = items.filter((i) => i.type === 'video' && i.video?.hasVideo);
  const codecs: CodecFinding[] = [];
  const unknownDuration: string[] = [];
  let seconds = 0;
  let via: DriveReport['codecsVia'] = 'none';
  let done = 0;
  for (const film of films) {
    progress({ phase: 'media', done: done++, total: films.length, current: film.path });
    let streams: MediaStreams;
    try {
      streams = await probeMedia(path.join(location.libraryRoot, film.path), { ffprobe: options.ffprobe });
    } catch (e) {
      codecs.push({ path: film.path, title: film.title, verdict: 'unknown', reasons: [{ ko: `파일을 읽을 수 없습니다: ${(e as Error).message}`, en: `could not be read: ${(e as Error).message}` }] });
      continue;
    }
    if (via === 'none' || streams.via === 'container') via = streams.via;
    if (streams.durationSeconds) seconds += streams.durationSeconds;
    else unknownDuration.push(film.path);
    const v = playVerdict(streams);
    if (v.verdict !== 'plays') codecs.push({ path: film.path, title: film.title, streams, verdict: v.verdict, reasons: v.reasons });
  }

  const manifestHashes = new Map(manifestRead.status === 'ok' ? manifestRead.manifest.files.map((f) => [f.path, f]) : []);
  const duplicates = await findDuplicates(libraryFiles.map((f) => ({ ...f, drivePath: `${libPrefix}${f.path}` })), manifestHashes, (d, t, c) => progress({ phase: 'hashing', done: d, total: t, current: c }));

  const label = options.label !== undefined ? { text: options.label, source: 'option' as const } : await volumeLabel(driveRoot).then((t) => (t ? { text: t, source: 'volume' as const } : null));

  const report: DriveReport = {
    generatedAt: new Date().toISOString(),
    drive: driveRoot,
    library: location.libraryRoot,
    title: catalog.settings.title ?? null,
    source,
    codecsVia: via,
    label,
    items: {
      total: items.length,
      byType,
      byLanguage: [...languages].map(([language, n]) => ({ language, items: n })).sort((a, b) => b.items - a.items),
      byCollection: [...collections].map(([collection, n]) => ({ collection, items: n })).sort((a, b) => b.items - a.items),
    },
    sizes: { driveBytes: driveFiles.reduce((n, f) => n + f.size, 0), byArea, libraryFiles: libraryFiles.length, otherLibraryBytes: Math.max(0, byArea.library - counted) },
    reading: { ...total, hours: readingHours(total), perItem },
    video: { films: films.length, seconds, hours: seconds / 3600, unknownDuration },
    manifest: manifestSummary(manifestRead),
    fix: {
      unreadable: catalog.problems.filter((p) => p.kind !== 'notice').map(({ path: p, code, messageKo, messageEn }) => ({ path: p, code, messageKo, messageEn })),
      notSearchable: notSearchable(items, new Set(catalog.problems.filter((p) => p.kind === 'notice' && p.code === PICTURES_ONLY).map((p) => p.path))),
      subtitlesWithoutFilm: items.filter((i) => i.type === 'video' && i.video && !i.video.hasVideo).map((i) => ({ path: i.path, title: i.title })),
      over4GB: driveFiles.filter((f) => f.size > FAT32_MAX_FILE_BYTES).map((f) => ({ path: f.path, size: f.size })),
      codecs,
      duplicates,
      giveaways: giveaways(label?.text, driveRoot, catalog.settings, items, libraryFiles.map((f) => f.path)),
      privateKeys: await findPrivateKeys(driveRoot, driveFiles.map((f) => ({ rel: f.path, abs: f.absPath, size: f.size }))),
      systemFiles: skipped.filter((s) => s.reason === 'system').map((s) => s.path),
    },
    toFix: 0,
  };
  const f = report.fix;
  report.toFix = f.unreadable.length + f.notSearchable.length + f.subtitlesWithoutFilm.length + f.over4GB.length + f.codecs.length + f.duplicates.length + f.giveaways.length + f.privateKeys.length + f.systemFiles.length;
  return report;
}

function manifestSummary(read: Awaited<ReturnType<typeof readDriveManifest>>): DriveReport['manifest'] {
  if (read.status === 'missing') return { present: false, signed: false };
  if (read.status === 'damaged') return { present: true, damaged: read.detail, signed: false };
  const m = read.manifest;
  return {
    present: true,
    signed: m.signer !== null && read.signature !== undefined,
    ...(m.signer ? { fingerprint: m.signer.fingerprint, display: displayFingerprint(m.signer.fingerprint) } : {}),
    signedAt: m.createdAt,
    files: m.files.length,
  };
}

/** Items search cannot find by their text. `pictureBooks`: the books the catalog noted as pictures only. */
function notSearchable(items: SavedItem[], pictureBooks: Set<string>): NotSearchable[] {
  const out: NotSearchable[] = [];
  for (const i of items) {
    const base = { path: i.path, type: i.type, title: i.title };
    if (i.type === 'book' && pictureBooks.has(i.path)) out.push({ ...base, reason: 'pictures-only' });
    // Subtitles without their film are searchable (fix.subtitlesWithoutFilm says so) unless they hold no text.
    else if (i.chunkCount > 0) continue;
    else if (i.type === 'book') out.push({ ...base, reason: 'book-without-text' });
    else if (i.type === 'article') out.push({ ...base, reason: 'article-without-text' });
    else if ((i.subtitles ?? []).length === 0) out.push({ ...base, reason: 'film-without-subtitles' });
    else out.push({ ...base, reason: 'subtitles-without-text' });
  }
  return out;
}

/** Same bytes twice: only files of equal size are read, and a fresh manifest hash saves the reading. */
async function findDuplicates(
  files: { path: string; drivePath: string; absPath: string; size: number; mtimeMs: number }[],
  manifest: Map<string, { size: number; mtimeMs: number; sha256: string }>,
  onProgress: (done: number, total: number, current?: string) => void,
): Promise<DriveReport['fix']['duplicates']> {
  const bySize = new Map<number, typeof files>();
  for (const f of files) if (f.size > 0) bySize.set(f.size, [...(bySize.get(f.size) ?? []), f]);
  const candidates = [...bySize.values()].filter((g) => g.length > 1).flat();
  const byHash = new Map<string, { size: number; paths: string[] }>();
  let done = 0;
  for (const f of candidates) {
    onProgress(done++, candidates.length, f.path);
    const m = manifest.get(f.drivePath);
    let hash: string;
    try {
      hash = m && m.size === f.size && m.mtimeMs === f.mtimeMs ? m.sha256 : await sha256File(f.absPath);
    } catch {
      continue;
    }
    const g = byHash.get(hash) ?? { size: f.size, paths: [] };
    g.paths.push(f.path);
    byHash.set(hash, g);
  }
  return [...byHash].filter(([, g]) => g.paths.length > 1).map(([sha256, g]) => ({ sha256, size: g.size, paths: g.paths.sort() }));
}

function giveaways(
  label: string | undefined,
  driveRoot: string,
  settings: { title?: string; appName?: string; collections: Record<string, string[]> },
  items: SavedItem[],
  libraryPaths: string[],
): GiveawayFinding[] {
  const found: (GiveawayFinding | undefined)[] = [];
  if (label) found.push(checkName('label', label));
  // A stick mounted at /media/<user>/<label> has its label for a folder name: said once.
  if (path.basename(driveRoot) !== label) found.push(checkName('folder-name', path.basename(driveRoot)));
  if (settings.title) found.push(checkName('library-title', settings.title));
  if (settings.appName) found.push(checkName('app-name', settings.appName));
  for (const c of Object.keys(settings.collections)) found.push(checkName('collection', c));
  // Every folder and file name once, by the path it first appears at.
  const seen = new Set<string>();
  for (const p of libraryPaths) {
    const parts = p.split('/');
    for (let i = 0; i < parts.length; i++) {
      const sub = parts.slice(0, i + 1).join('/');
      if (seen.has(sub)) continue;
      seen.add(sub);
      found.push(checkName('path', parts[i]!, sub));
    }
  }
  // A title that only repeats its file's name says nothing the name did not.
  const pathWords = new Map(found.filter((f) => f?.where === 'path').map((f) => [f!.path, f!.words.map((w) => w.word).join('\n')]));
  for (const item of items) {
    const t = checkName('title', item.title, item.path);
    if (t && pathWords.get(item.path) !== t.words.map((w) => w.word).join('\n')) found.push(t);
    for (const a of item.authors ?? []) found.push(checkName('author', a, item.path));
  }
  return found.filter((f): f is GiveawayFinding => f !== undefined);
}
