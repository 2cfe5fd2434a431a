// Turn a content folder into a drive: copy the content into DRIVE/library (or build in place), build
// the catalog, search index and stored text (incrementally), work out book locations, copy the
// packaged app and the launchers, write the browser edition (Changmun.html and its folder, issue 17
// §2), then list every file in a manifest and sign it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { resolveLibraryFolder, type LibraryLocation } from '../drive/locate.js';
import { isIgnoredName } from '../catalog/file-kinds.js';
import { buildWorkerCount } from '../catalog/pool.js';
import { DataDir, DataDirError } from '../drive/data-dir.js';
import { LibraryIndex, type IndexProgress, type IndexSummary } from '../search/library-index.js';
import { listDriveFiles, MANIFEST_FILE } from '../manifest/drive-files.js';
import { displayFingerprint, fingerprintOf, publicKeyOf, readPrivateKey, verifyBytes } from '../manifest/keys.js';
import { createManifest, readDriveManifest, writeManifest, type DriveManifest, type KnownHashes } from '../manifest/manifest.js';
import { copyApp, copyLaunchers, isDir, type AppSummary, type LaunchersSummary } from './app-files.js';
import { writeBookLocations, type LocationsSummary } from './book-locations.js';
import { writeFilmFrames, type FramesSummary } from './film-frames.js';
import { BuildError } from './build-error.js';
import { listSourceFiles, mirrorFolder, type MirrorResult } from './mirror.js';
import { findPrivateKeys } from './secrets.js';
import { writeBrowserEdition, type EditionSummary } from '../../browser-edition/write.js';
import { EDITION_FOLDER, EDITION_PAGE } from '../../browser-edition/format.js';

export { BuildError };
export { packageRoot } from './app-files.js';
import { packageRoot } from './app-files.js';

export type BuildPhase = 'check' | 'copy' | 'index' | 'locations' | 'covers' | 'browser' | 'app' | 'manifest';

export interface BuildProgress {
  phase: BuildPhase;
  done: number;
  total: number;
  /** For phases that move bytes (copy, app, manifest). */
  bytes?: number;
  totalBytes?: number;
  current?: string;
  /** Index sub-phase. */
  step?: IndexProgress['phase'];
}

export interface BuildOptions {
  /** The content folder (copied into DRIVE/library), or with `inPlace` the folder to build in place. */
  content: string;
  /** The drive folder (a mounted stick, or a folder to copy onto one later). */
  out?: string;
  inPlace?: boolean;
  /** Private key to sign with; without it the drive is unsigned. */
  keyFile?: string;
  /** Folder with electron-builder's `dir` outputs (win-unpacked, linux-unpacked); false: no app. */
  appDist?: string | false;
  /** Folder with Start.cmd and start.sh; false: no launchers. */
  launchers?: string | false;
  /** The browser edition's UI bundle (default: this package's build/page/); false: no edition. */
  browserEdition?: string | false;
  /** The ffmpeg that takes a frame of each film for its cover (default: 'ffmpeg' on the PATH); false: none. */
  ffmpeg?: string | false;
  /** Copy, read and hash everything again. */
  rebuild?: boolean;
  workers?: number;
  generator?: string;
  onProgress?: (p: BuildProgress) => void;
}

export interface BuildSummary {
  drive: string;
  library: string;
  mode: 'copy' | 'in-place';
  content: { files: number; copied: number; unchanged: number; removed: number; bytesCopied: number; skipped: string[]; copiedAll: boolean } | null;
  index: IndexSummary;
  bookLocations: LocationsSummary;
  /** Film covers: posters found beside films, frames taken with ffmpeg (none without it). */
  filmCovers: FramesSummary;
  app: AppSummary;
  launchers: LaunchersSummary;
  /** The browser edition; null when not asked for, or for a loose folder built in place. */
  browserEdition: EditionSummary | null;
  manifest: { file: string; files: number; bytes: number; hashed: number; hashedBytes: number; reused: number };
  signature: { signed: false } | { signed: true; fingerprint: string; display: string };
  seconds: number;
}

export async function buildDrive(options: BuildOptions): Promise<BuildSummary> {
  const started = Date.now();
  const report = options.onProgress ?? (() => {});
  const plan = await planBuild(options);
  const { location, driveRoot, source } = plan;

  let key: KeyObject | undefined;
  if (options.keyFile) key = await readPrivateKey(options.keyFile);

  // Fail before copying gigabytes: a private key in the content would travel with the drive.
  report({ phase: 'check', done: 0, total: 1 });
  const keysInContent = await findPrivateKeys(source);
  if (keysInContent.length > 0) throw privateKeyError(keysInContent);
  report({ phase: 'check', done: 1, total: 1 });

  // What is already on the drive is taken as it is (by size and time) only when the drive's manifest
  // was signed by this same key: a drive back from the field may hold files someone changed, and
  // signing them as found would vouch for them. Otherwise everything is copied afresh.
  const previous = options.rebuild ? undefined : await reusableManifest(driveRoot, key);
  const copyAll = options.rebuild === true || (key !== undefined && previous === undefined);

  let content: MirrorResult | undefined;
  if (plan.mode === 'copy') {
    await refuseForeignLibrary(driveRoot, location.libraryRoot, source);
    content = await mirrorFolder(source, location.libraryRoot, {
      skip: (name) => isIgnoredName(name),
      all: copyAll,
      onProgress: (p) => report({ phase: 'copy', ...p }),
    });
  }

  const index = new LibraryIndex(location, {
    save: true,
    // An index found beside untrusted files is not trusted either.
    rebuild: copyAll,
    workers: options.workers ?? buildWorkerCount(),
    onProgress: (p) => report({ phase: 'index', done: p.done, total: p.total, step: p.phase, ...(p.current ? { current: p.current } : {}) }),
  });
  let indexSummary: IndexSummary;
  let books;
  let films;
  try {
    indexSummary = await index.start();
    books = index.catalog.items.filter((i) => i.type === 'book' && i.book);
    films = index.catalog.items.filter((i) => i.type === 'video' && i.video?.hasVideo);
  } finally {
    index.close();
  }
  if (indexSummary.notSavedReason === 'read-only') {
    // Either the stick refuses writes, or its .changmun (or a folder in it) is a link or a file:
    // a drive made to send our writes elsewhere. Say which.
    const dataDir = new DataDir(path.join(driveRoot, '.changmun'));
    const refused = await dataDir.checkDir('index').then(() => undefined, (e: unknown) => (e instanceof DataDirError ? e : undefined));
    if (refused) {
      throw new BuildError(
        '드라이브의 .changmun 폴더가 진짜 폴더가 아니라 다른 곳을 가리킵니다 (링크). 아무것도 쓰지 않았습니다. 지우고 다시 만드세요.',
        `.changmun on this drive is not a plain folder (a link or a file), so nothing was written: ${refused.message.replace(/^changmun: /, '')}`,
      );
    }
    throw new BuildError('드라이브에 쓸 수 없습니다 (읽기 전용)', `the drive is read-only: ${driveRoot}`);
  }

  const bookLocations = await writeBookLocations(
    location.dataDir,
    books.map((b) => ({ path: b.path, absPath: path.join(location.libraryRoot, b.path), size: b.size, mtimeMs: b.mtimeMs, spine: b.book!.spine })),
    (done, total, current) => report({ phase: 'locations', done, total, ...(current ? { current } : {}) }),
    copyAll,
  );

  const filmCovers = await writeFilmFrames(
    location.dataDir,
    location.libraryRoot,
    films.map((f) => ({ path: f.path, absPath: path.join(location.libraryRoot, f.path), size: f.size, mtimeMs: f.mtimeMs })),
    {
      ...(options.ffmpeg !== undefined ? { ffmpeg: options.ffmpeg } : {}),
      fresh: copyAll,
      onProgress: (done, total, current) => report({ phase: 'covers', done, total, ...(current ? { current } : {}) }),
    },
  );

  // The browser edition sits at the drive's root beside library/: a loose folder built in place has none.
  const browserEdition = options.browserEdition === false || !plan.driveLayout
    ? null
    : await writeBrowserEdition({
        driveRoot,
        location,
        uiDir: options.browserEdition ?? path.join(packageRoot(), 'build', 'page'),
        onProgress: (done, total, current) => report({ phase: 'browser', done, total, ...(current ? { current } : {}) }),
      });

  const known: KnownHashes = new Map();
  const prefix = plan.mode === 'copy' ? 'library/' : '';
  for (const [p, k] of content?.known ?? []) known.set(`${prefix}${p}`, k);
  let app: AppSummary;
  if (options.appDist === false) app = { source: null, copied: [], missing: [], kept: [], note: '복사하지 않았습니다 (--no-app) / not copied (--no-app)' };
  else if (!plan.driveLayout) {
    app = { source: null, copied: [], missing: [], kept: [], note: '제자리에서 만든 폴더에는 프로그램을 넣지 않습니다. 내용을 <드라이브>/library/에 두세요 / a loose folder built in place gets no app: put the content in <drive>/library/ to add it' };
  } else {
    app = await copyApp({ driveRoot, dist: options.appDist, all: copyAll, known, onProgress: (p) => report({ phase: 'app', ...p }) });
  }
  const launchers = options.launchers === false || !plan.driveLayout
    ? { source: null, copied: [], missing: [] }
    : await copyLaunchers(driveRoot, { launchers: options.launchers, dist: options.appDist || undefined });

  // Last guard, over everything the manifest will list: no private key leaves on this drive.
  const everything = await listDriveFiles(driveRoot);
  const keysOnDrive = await findPrivateKeys(driveRoot, everything.files.map((f) => ({ rel: f.path, abs: f.absPath, size: f.size })));
  if (keysOnDrive.length > 0) throw privateKeyError(keysOnDrive);

  const made = await createManifest(driveRoot, {
    previous,
    known,
    rehash: options.rebuild,
    signer: key,
    generator: options.generator,
    onProgress: (p) => report({ phase: 'manifest', ...p }),
  });
  await writeManifest(driveRoot, made.manifest, key);

  const fingerprint = key ? fingerprintOf(publicKeyOf(key)) : undefined;
  return {
    drive: driveRoot,
    library: location.libraryRoot,
    mode: plan.mode,
    content: content
      ? { files: content.files, copied: content.copied.length, unchanged: content.unchanged, removed: content.removed.length, bytesCopied: content.bytesCopied, skipped: content.skipped, copiedAll: copyAll }
      : null,
    index: indexSummary,
    bookLocations,
    filmCovers,
    app,
    launchers,
    browserEdition,
    manifest: {
      file: path.join(driveRoot, MANIFEST_FILE),
      files: made.manifest.totals.files,
      bytes: made.manifest.totals.bytes,
      hashed: made.hashed,
      hashedBytes: made.hashedBytes,
      reused: made.reused,
    },
    signature: fingerprint ? { signed: true, fingerprint, display: displayFingerprint(fingerprint) } : { signed: false },
    seconds: (Date.now() - started) / 1000,
  };
}

interface BuildPlan {
  mode: 'copy' | 'in-place';
  /** The folder whose files become DRIVE/library (the library itself when in place). */
  source: string;
  driveRoot: string;
  location: LibraryLocation;
  /** A drive with library/ inside (app and launchers go beside it); false for a loose folder in place. */
  driveLayout: boolean;
}

async function planBuild(options: BuildOptions): Promise<BuildPlan> {
  const content = path.resolve(options.content);
  if (!(await isDir(content))) throw new BuildError('내용 폴더를 찾을 수 없습니다', `content folder not found: ${content}`);
  let plan: BuildPlan;
  if (options.inPlace) {
    if (options.out && path.resolve(options.out) !== content) {
      throw new BuildError('--in-place와 --out은 함께 쓸 수 없습니다', '--in-place builds in the folder itself: leave out --out');
    }
    const location = resolveLibraryFolder(content);
    plan = { mode: 'in-place', source: location.libraryRoot, driveRoot: path.dirname(location.dataDir), location, driveLayout: location.driveRoot !== undefined };
  } else {
    if (!options.out) throw new BuildError('드라이브 폴더를 --out으로 주세요', 'name the drive folder with --out <folder> (or build with --in-place)');
    const source = resolveLibraryFolder(content).libraryRoot;
    const driveRoot = path.resolve(options.out);
    await refuseForeignDrive(driveRoot);
    await fs.mkdir(path.join(driveRoot, 'library'), { recursive: true });
    const realSource = await fs.realpath(source);
    const realDrive = await fs.realpath(driveRoot);
    const realLibrary = await fs.realpath(path.join(driveRoot, 'library'));
    const location = resolveLibraryFolder(driveRoot);
    if (realSource === realLibrary) {
      plan = { mode: 'in-place', source, driveRoot, location, driveLayout: true };
    } else {
      if (inside(realDrive, realSource)) throw new BuildError('드라이브 폴더가 내용 폴더 안에 있습니다', `the drive folder is inside the content folder: ${driveRoot}`);
      if (inside(realSource, realDrive)) throw new BuildError('내용 폴더가 드라이브 폴더 안에 있습니다', `the content folder is inside the drive folder: ${source}`);
      plan = { mode: 'copy', source, driveRoot, location, driveLayout: true };
    }
  }
  if (options.keyFile) {
    const realKey = await fs.realpath(path.resolve(options.keyFile)).catch(() => path.resolve(options.keyFile!));
    for (const folder of [plan.driveRoot, plan.source]) {
      const real = await fs.realpath(folder);
      if (inside(realKey, real)) {
        throw new BuildError(
          '비밀 열쇠가 드라이브나 내용 폴더 안에 있습니다. 열쇠는 절대 드라이브에 실으면 안 됩니다. 다른 곳으로 옮기세요',
          `the private key is inside the drive or content folder (${realKey}); it must never travel on a drive: move it elsewhere`,
        );
      }
    }
  }
  return plan;
}

/** What a drive's root holds: everything else is someone's files, which a manifest would list. */
const DRIVE_ROOT_NAMES = new Set(['library', 'app', '.changmun', 'start.cmd', 'start.sh', EDITION_PAGE.toLowerCase(), EDITION_FOLDER.toLowerCase()]);

/**
 * `--out` names a folder that is not a drive and holds other things (a home folder given by
 * mistake): building there would list and hash all of it into the manifest. Refused.
 */
async function refuseForeignDrive(driveRoot: string): Promise<void> {
  const names = await fs.readdir(driveRoot).catch(() => [] as string[]);
  if ((await readDriveManifest(driveRoot)).status !== 'missing') return;
  const foreign = names.filter((n) => !DRIVE_ROOT_NAMES.has(n.toLowerCase()) && !isIgnoredName(n));
  if (foreign.length > 0) {
    const list = foreign.slice(0, 3).join(', ');
    throw new BuildError(
      `드라이브 폴더에 다른 파일이 있습니다 (${list}…). 빈 폴더나 빈 USB 메모리를 고르세요`,
      `the drive folder holds other files (${list}…): choose an empty folder or an empty stick: ${driveRoot}`,
    );
  }
}

/** A folder that was never built by us but already holds files the content does not have. */
async function refuseForeignLibrary(driveRoot: string, libraryDest: string, source: string): Promise<void> {
  if ((await readDriveManifest(driveRoot)).status !== 'missing') return;
  const [{ files: there }, { files: wanted }] = await Promise.all([listSourceFiles(libraryDest), listSourceFiles(source, (name) => isIgnoredName(name))]);
  const names = new Set(wanted.map((f) => f.rel.normalize('NFC')));
  const foreign = there.filter((f) => !names.has(f.rel.normalize('NFC')));
  if (foreign.length > 0) {
    throw new BuildError(
      `${libraryDest}에 내용 폴더에 없는 파일이 있습니다 (${foreign.slice(0, 3).map((f) => f.rel).join(', ')}…). 빈 폴더를 고르거나 --in-place를 쓰세요`,
      `${libraryDest} holds files the content folder does not have (${foreign.slice(0, 3).map((f) => f.rel).join(', ')}…); choose an empty folder or use --in-place`,
    );
  }
}

/**
 * The drive's last manifest, when its hashes may be carried over: signed by the very key signing now
 * (a drive back from the field may carry a manifest someone edited; signing their hashes would vouch
 * for their files), or any readable one when this build is not signed either.
 */
async function reusableManifest(driveRoot: string, key: KeyObject | undefined): Promise<DriveManifest | undefined> {
  const read = await readDriveManifest(driveRoot);
  if (read.status !== 'ok') return undefined;
  if (!key) return read.manifest;
  const signer = read.manifest.signer;
  if (!signer || !read.signature || signer.fingerprint !== fingerprintOf(publicKeyOf(key))) return undefined;
  return verifyBytes(read.bytes, read.signature, publicKeyOf(key)) ? read.manifest : undefined;
}

function privateKeyError(files: string[]): BuildError {
  const list = files.slice(0, 5).join(', ');
  return new BuildError(
    `비밀 열쇠로 보이는 파일이 있어 멈췄습니다: ${list}. 드라이브에 실으면 안 됩니다. 옮기고 다시 하세요`,
    `stopped: these files look like private keys and must never go onto a drive: ${list}. Move them out and build again`,
  );
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

