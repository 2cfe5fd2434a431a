// Where the library is: named by the person, found from where the app runs on a drive, or the
// sample library during development.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export interface LibraryLocation {
  /** The folder whose files are the library (DRIVE/library on a built drive). */
  libraryRoot: string;
  /** Where derived data lives: DRIVE/.changmun on a drive, <folder>/.changmun for a loose folder. */
  dataDir: string;
  /** The drive root when the library is part of a built drive. */
  driveRoot?: string;
  source: 'argument' | 'drive' | 'development';
}

export class LibraryNotFoundError extends Error {
  override readonly name = 'LibraryNotFoundError';
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A folder given by the person: a drive root (has library/), a drive's library/, or any folder. */
export function resolveLibraryFolder(folder: string, source: LibraryLocation['source'] = 'argument'): LibraryLocation {
  const abs = path.resolve(folder);
  if (!isDir(abs)) {
    throw new LibraryNotFoundError(
      `changmun: 서재 폴더를 찾을 수 없습니다 / library folder not found: ${abs}`,
    );
  }
  if (isDir(path.join(abs, 'library'))) {
    return { libraryRoot: path.join(abs, 'library'), dataDir: path.join(abs, '.changmun'), driveRoot: abs, source };
  }
  const parent = path.dirname(abs);
  if (path.basename(abs) === 'library' && (isDir(path.join(parent, '.changmun')) || isDir(path.join(parent, 'app')))) {
    return { libraryRoot: abs, dataDir: path.join(parent, '.changmun'), driveRoot: parent, source };
  }
  return { libraryRoot: abs, dataDir: path.join(abs, '.changmun'), source };
}

/**
 * The drive root for an executable inside DRIVE/app/win/, DRIVE/app/linux/ or the legacy build's
 * DRIVE/app/win-legacy/x64/ and DRIVE/app/win-legacy/ia32/ (electron-builder's unpacked `dir`
 * outputs copied there), or undefined when the app does not run from a drive.
 */
export function driveRootFromExecutable(execPath: string): string | undefined {
  // Windows paths may reach us on any OS (tests), so both separators count.
  const m = /^(.*)[\\/]app[\\/](?:win|linux|win-legacy[\\/](?:x64|ia32))[\\/][^\\/]+$/.exec(execPath);
  if (!m) return undefined;
  const root = m[1]!;
  if (root === '') return '/';
  if (/^[A-Za-z]:$/.test(root)) return `${root}\\`;
  return root;
}

export interface LocateOptions {
  /** `--library <dir>` or a positional folder. */
  explicit?: string;
  /** process.execPath of the running app. */
  execPath?: string;
  /** The repository root in development (content-sample/ lives there). */
  devRoot?: string;
}

export function locateLibrary(options: LocateOptions): LibraryLocation {
  if (options.explicit) return resolveLibraryFolder(options.explicit, 'argument');
  if (options.execPath) {
    const drive = driveRootFromExecutable(options.execPath);
    if (drive && isDir(path.join(drive, 'library'))) return resolveLibraryFolder(drive, 'drive');
  }
  if (options.devRoot) {
    const sample = path.join(options.devRoot, 'content-sample');
    if (existsSync(sample)) return resolveLibraryFolder(sample, 'development');
  }
  throw new LibraryNotFoundError(
    'changmun: 서재를 찾지 못했습니다. 폴더를 지정하세요 (--library <폴더>). / No library found: name a folder with --library <dir>.',
  );
}
