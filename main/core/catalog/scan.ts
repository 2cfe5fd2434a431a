// Scan a library: walk every file, extract each one off the main thread, and assemble the catalog.
// A file that cannot be read becomes a problem entry; the scan always finishes.
import type { Item, Problem } from '../types.js';
import type { LibrarySettings } from '../drive/library-json.js';
import type { LibraryFile } from '../drive/walk.js';
import { ExtractPool, type ExtractOutcome, type PoolOptions } from './pool.js';
import { assembleCatalog, type FileResult } from './assemble.js';
import { listContentFiles, readLibrarySettings, skipProblems } from './library-files.js';

export { listContentFiles, readLibrarySettings, skipProblems, type ContentSkip } from './library-files.js';

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
