// Scan a library: walk every file, extract each one off the main thread, and assemble the catalog.
// A file that cannot be read becomes a problem entry; the scan always finishes.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Item, Problem } from '../types.js';
import { DEFAULT_SETTINGS, isExcluded, parseLibraryJson, type LibrarySettings } from '../drive/library-json.js';
import { walkLibrary, type LibraryFile, type WalkSkip } from '../drive/walk.js';
import { decodeText } from '../extract/encoding.js';
import { fileKindOf } from './file-kinds.js';
import { segmentsOfRelativePath } from '../serve/guard.js';
import { ExtractPool, type ExtractOutcome, type PoolOptions } from './pool.js';
import { assembleCatalog, type FileResult } from './assemble.js';

export interface Catalog {
  libraryRoot: string;
  settings: LibrarySettings;
  items: Item[];
  problems: Problem[];
}

export interface ScanProgress {
  done: number;
  total: number;
  /** The file being read now (relative path), or undefined when finished. */
  current?: string;
}

/** Results of earlier scans, by path, reused while a file's size and time are unchanged. */
export type ExtractCache = Map<string, { size: number; mtimeMs: number; outcome: ExtractOutcome }>;

export interface ScanOptions extends PoolOptions {
  onProgress?: (p: ScanProgress) => void;
  cache?: ExtractCache;
  /** Share a pool across scans (the app); otherwise one is made and closed here. */
  pool?: ExtractPool;
}

export interface ScanResult {
  catalog: Catalog;
  cache: ExtractCache;
  /** How many files were read this time, and how many came from the cache. */
  extracted: number;
  reused: number;
}

export async function readLibrarySettings(libraryRoot: string): Promise<{ settings: LibrarySettings; problems: Problem[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.join(libraryRoot, 'library.json'));
  } catch {
    return { settings: { ...DEFAULT_SETTINGS, collections: {}, exclude: [] }, problems: [] };
  }
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch {
    text = '';
  }
  const { settings, issues } = parseLibraryJson(text);
  const problems = issues.map((i) => ({
    path: 'library.json',
    code: 'settings',
    message: `${i.messageKo} / ${i.messageEn}`,
    messageKo: i.messageKo,
    messageEn: i.messageEn,
  }));
  return { settings, problems };
}

/** A file left out before extraction: the walk's reasons, and names no reader could open. */
export interface ContentSkip {
  path: string;
  reason: WalkSkip['reason'] | 'unsafe-name';
  detail: string;
}

/** Problems for what the walk could not or would not enter (links out of the library), or names refused. */
export function skipProblems(skipped: ContentSkip[]): Problem[] {
  return skipped.map((s) => {
    const [ko, en] =
      s.reason === 'link-outside'
        ? [`${s.path}: 서재 밖을 가리키는 링크라서 열지 않습니다.`, `${s.path}: this link points outside the library, so it is not opened.`]
        : s.reason === 'unsafe-name'
          ? [
              `${s.path}: 이 이름으로는 안전하게 열 수 없어 보여 주지 않습니다 (끝의 점이나 빈칸, : * " < > | \\ 같은 글자, CON·NUL 같은 장치 이름, % 뒤의 16진수 두 자리). 이름을 바꾸세요.`,
              `${s.path}: this name cannot be opened safely, so the file is not shown (a trailing dot or space, a character such as : * " < > | \\, a device name such as CON or NUL, or % and two hex digits): rename it.`,
            ]
          : [`${s.path}: 읽을 수 없습니다 (${s.detail})`, `${s.path}: could not be read (${s.detail})`];
    return { path: s.path, code: s.reason, message: `${ko} / ${en}`, messageKo: ko, messageEn: en };
  });
}

/**
 * The files of a library that can become items (not images or styles, not excluded). A file whose
 * name the path guard refuses (a folder `notes..`, a name with `:` or a trailing space: Windows
 * reads those as other names) could be listed but never opened, so it is a problem instead.
 */
export async function listContentFiles(libraryRoot: string, settings: LibrarySettings): Promise<{ files: LibraryFile[]; skipped: ContentSkip[] }> {
  const walked = await walkLibrary(libraryRoot);
  const skipped: ContentSkip[] = [...walked.skipped];
  const files: LibraryFile[] = [];
  for (const f of walked.files) {
    if (fileKindOf(f.path) === 'asset' || isExcluded(f.path, settings.exclude)) continue;
    if (segmentsOfRelativePath(f.path) === undefined) skipped.push({ path: f.path, reason: 'unsafe-name', detail: 'name refused by the path guard' });
    else files.push(f);
  }
  return { files, skipped };
}

export async function scanLibrary(libraryRoot: string, options: ScanOptions = {}): Promise<ScanResult> {
  const { settings, problems: settingsProblems } = await readLibrarySettings(libraryRoot);
  const { files: wanted, skipped } = await listContentFiles(libraryRoot, settings);
  const cache: ExtractCache = new Map();
  const previous = options.cache ?? new Map();
  const pool = options.pool ?? new ExtractPool(options);
  const total = wanted.length;
  let done = 0;
  let extracted = 0;
  let reused = 0;
  options.onProgress?.({ done, total });

  const results: FileResult[] = new Array(wanted.length);
  try {
    await Promise.all(
      wanted.map(async (file: LibraryFile, i) => {
        const hit = previous.get(file.path);
        let outcome: ExtractOutcome;
        if (hit && hit.size === file.size && hit.mtimeMs === file.mtimeMs) {
          outcome = hit.outcome;
          reused++;
        } else {
          outcome = await pool.extract(file.absPath, file.path);
          extracted++;
        }
        cache.set(file.path, { size: file.size, mtimeMs: file.mtimeMs, outcome });
        results[i] = { file, outcome };
        done++;
        options.onProgress?.({ done, total, current: file.path });
      }),
    );
  } finally {
    if (!options.pool) await pool.close();
  }

  const { items, problems } = assembleCatalog(results, settings);
  problems.push(...skipProblems(skipped));
  problems.unshift(...settingsProblems);
  options.onProgress?.({ done: total, total });
  return { catalog: { libraryRoot, settings, items, problems }, cache, extracted, reused };
}
