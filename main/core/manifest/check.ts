// Check a drive against its signed manifest. The signature first (is this the list its signer made,
// and is the signer someone we trust?), then every file: missing, added, a different size, and
// (all in full mode; in quick mode the files whose time moved plus a random sample) a different hash.
import { randomInt } from 'node:crypto';
import { areaOf, isLooseLibrary, listDriveFiles, type DriveArea, type DriveFile, type DriveSkip } from './drive-files.js';
import { sha256File } from './hash.js';
import { displayFingerprint, publicKeyFromRaw, verifyBytes, type TrustedKeys } from './keys.js';
import { readDriveManifest, type ManifestEntry } from './manifest.js';

export type CheckMode = 'quick' | 'full';
export type SignatureStatus = 'valid' | 'invalid' | 'unsigned';
/** Whether the signer is one of the keys the checker was told to trust ('unchecked': none given). */
export type SignerTrust = 'trusted' | 'untrusted' | 'unchecked';

export interface FileFinding {
  path: string;
  area: DriveArea;
  /** Bytes now (absent for missing files). */
  size?: number;
  /** Bytes the manifest lists (absent for added files). */
  expectedSize?: number;
  /** modified: 'size' (seen without reading) or 'content' (the hash differs). */
  reason?: 'size' | 'content';
  detail?: string;
}

export interface DriveCheckResult {
  mode: CheckMode;
  checkedAt: string;
  manifest: 'ok' | 'missing' | 'damaged';
  manifestDetail?: string;
  /** When the manifest was made. */
  signedAt?: string;
  signature: {
    status: SignatureStatus;
    /** Full hex fingerprint of the key named in the manifest, and its short form for people. */
    fingerprint?: string;
    display?: string;
    trust: SignerTrust;
    /** The trusted-keys file that named the signer. */
    trustedBy?: string;
  };
  files: {
    listed: number;
    present: number;
    /** Files read and hashed, and their bytes. */
    hashed: number;
    hashedBytes: number;
  };
  /** Files whose size or hash differs from the manifest. */
  modified: FileFinding[];
  missing: FileFinding[];
  added: FileFinding[];
  /** Files that exist but could not be read: the stick or the file system is failing. */
  damaged: FileFinding[];
  /** Quick mode: times changed since signing, not hashed within the quick budget (run a full check). */
  unverified: FileFinding[];
  /** Hidden and system files, and links: never in a manifest, listed here for the curious. */
  ignored: DriveSkip[];
  /** When most files' times are off by the same whole quarter-hours (a FAT stick read in another time zone). */
  clockShiftMinutes?: number;
  /** ok: all as signed by a trusted key; incomplete: nothing wrong found, but not everything established; failed. */
  verdict: 'ok' | 'incomplete' | 'failed';
}

export interface QuickBudget {
  /** Random files hashed besides those whose time changed. */
  sampleFiles: number;
  /** Larger files are left out of the random sample (a full check reads them). */
  maxSampleFileBytes: number;
  /** Bytes read at most in quick mode, time-changed files first. */
  maxHashBytes: number;
}

export const CLI_QUICK_BUDGET: QuickBudget = { sampleFiles: 32, maxSampleFileBytes: 64 * 1024 * 1024, maxHashBytes: 256 * 1024 * 1024 };
/** The app reads less at start: the stick is slow and the person may start a film at once. */
export const APP_QUICK_BUDGET: QuickBudget = { sampleFiles: 16, maxSampleFileBytes: 16 * 1024 * 1024, maxHashBytes: 64 * 1024 * 1024 };

export interface CheckProgress {
  phase: 'listing' | 'hashing';
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
  current?: string;
}

export interface CheckOptions {
  mode?: CheckMode;
  /** Keys to trust; without them the signature is checked against the key the manifest names only. */
  trusted?: TrustedKeys;
  budget?: QuickBudget;
  onProgress?: (p: CheckProgress) => void;
}

/** FAT keeps times to 2 s. */
const TIME_SLACK_MS = 2000;
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const MAX_SHIFT_MS = 14 * 60 * 60 * 1000;

export async function checkDrive(driveRoot: string, options: CheckOptions = {}): Promise<DriveCheckResult> {
  const mode = options.mode ?? 'quick';
  const result: DriveCheckResult = {
    mode,
    checkedAt: new Date().toISOString(),
    manifest: 'ok',
    signature: { status: 'unsigned', trust: 'unchecked' },
    files: { listed: 0, present: 0, hashed: 0, hashedBytes: 0 },
    modified: [], missing: [], added: [], damaged: [], unverified: [], ignored: [],
    verdict: 'failed',
  };
  const read = await readDriveManifest(driveRoot);
  if (read.status !== 'ok') {
    result.manifest = read.status;
    if (read.status === 'damaged') result.manifestDetail = read.detail;
    return result;
  }
  const { manifest } = read;
  result.signedAt = manifest.createdAt;

  // The signature: over the exact bytes, with the key the (signed) manifest names.
  if (manifest.signer) {
    const fingerprint = manifest.signer.fingerprint;
    result.signature.fingerprint = fingerprint;
    result.signature.display = displayFingerprint(fingerprint);
    const key = publicKeyFromRaw(Buffer.from(manifest.signer.publicKey, 'base64'));
    result.signature.status = read.signature && verifyBytes(read.bytes, read.signature, key) ? 'valid' : 'invalid';
    if (options.trusted) {
      const by = options.trusted.fingerprints.get(fingerprint);
      result.signature.trust = by === undefined ? 'untrusted' : 'trusted';
      if (by !== undefined) result.signature.trustedBy = by;
    }
  } else {
    // A signature beside a manifest that names no signer belongs to something else.
    result.signature.status = read.signature ? 'invalid' : 'unsigned';
    if (options.trusted) result.signature.trust = 'untrusted';
  }

  options.onProgress?.({ phase: 'listing', done: 0, total: manifest.files.length, bytes: 0, totalBytes: 0 });
  const loose = await isLooseLibrary(driveRoot);
  const { files, skipped } = await listDriveFiles(driveRoot);
  result.ignored = skipped.filter((s) => s.reason !== 'unreadable');
  const now = new Map(files.map((f) => [f.path, f]));
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  result.files.listed = manifest.files.length;
  result.files.present = files.filter((f) => expected.has(f.path)).length;

  for (const s of skipped) {
    if (s.reason === 'unreadable') result.damaged.push({ path: s.path, area: areaOf(s.path, loose), ...(s.detail ? { detail: s.detail } : {}) });
  }
  const unreadableDirs = skipped.filter((s) => s.reason === 'unreadable').map((s) => s.path);
  const underUnreadable = (p: string) => unreadableDirs.some((d) => d === '.' || p.startsWith(`${d}/`));
  for (const e of manifest.files) {
    if (!now.has(e.path) && !underUnreadable(e.path)) result.missing.push({ path: e.path, area: areaOf(e.path, loose), expectedSize: e.size });
  }
  for (const f of files) {
    if (!expected.has(f.path)) result.added.push({ path: f.path, area: areaOf(f.path, loose), size: f.size });
  }
  const sameSize: { file: DriveFile; entry: ManifestEntry }[] = [];
  for (const f of files) {
    const e = expected.get(f.path);
    if (!e) continue;
    if (e.size !== f.size) result.modified.push({ path: f.path, area: areaOf(f.path, loose), size: f.size, expectedSize: e.size, reason: 'size' });
    else sameSize.push({ file: f, entry: e });
  }

  const toHash = mode === 'full' ? sameSize : chooseQuick(sameSize, options.budget ?? CLI_QUICK_BUDGET, result, loose);
  const totalBytes = toHash.reduce((n, x) => n + x.file.size, 0);
  const progress: CheckProgress = { phase: 'hashing', done: 0, total: toHash.length, bytes: 0, totalBytes };
  options.onProgress?.({ ...progress });
  for (const { file, entry } of toHash) {
    let hash: string;
    try {
      hash = await sha256File(file.absPath, (n) => {
        progress.bytes += n;
        options.onProgress?.({ ...progress, current: file.path });
      });
    } catch (e) {
      result.damaged.push({ path: file.path, area: areaOf(file.path, loose), size: file.size, detail: (e as Error).message });
      continue;
    } finally {
      progress.done++;
    }
    result.files.hashed++;
    result.files.hashedBytes += file.size;
    if (hash !== entry.sha256) result.modified.push({ path: file.path, area: areaOf(file.path, loose), size: file.size, expectedSize: entry.size, reason: 'content' });
  }
  options.onProgress?.({ ...progress });
  result.modified.sort((a, b) => (a.path < b.path ? -1 : 1));
  result.damaged.sort((a, b) => (a.path < b.path ? -1 : 1));
  result.verdict = verdictOf(result, options.trusted !== undefined);
  return result;
}

function verdictOf(r: DriveCheckResult, keysGiven: boolean): DriveCheckResult['verdict'] {
  if (r.manifest !== 'ok' || r.signature.status === 'invalid' || r.signature.trust === 'untrusted') return 'failed';
  if (keysGiven && r.signature.status === 'unsigned') return 'failed';
  if (r.modified.length + r.missing.length + r.added.length + r.damaged.length > 0) return 'failed';
  if (r.signature.status === 'unsigned' || r.signature.trust === 'unchecked' || r.unverified.length > 0) return 'incomplete';
  return 'ok';
}

/**
 * Quick mode: hash every file whose time moved (within the budget; the rest are 'unverified'), then
 * a random sample of the others, library files first (media is what gets watermarked).
 */
function chooseQuick(
  sameSize: { file: DriveFile; entry: ManifestEntry }[],
  budget: QuickBudget,
  result: DriveCheckResult,
  loose: boolean,
): { file: DriveFile; entry: ManifestEntry }[] {
  const shift = clockShift(sameSize);
  if (shift !== 0) result.clockShiftMinutes = shift / 60000;
  const timeOk = (x: { file: DriveFile; entry: ManifestEntry }) => {
    const d = x.file.mtimeMs - x.entry.mtimeMs;
    return Math.abs(d) <= TIME_SLACK_MS || Math.abs(d - shift) <= TIME_SLACK_MS;
  };
  let bytesLeft = budget.maxHashBytes;
  const chosen: { file: DriveFile; entry: ManifestEntry }[] = [];
  const moved = sameSize.filter((x) => !timeOk(x)).sort((a, b) => a.file.size - b.file.size);
  for (const x of moved) {
    if (x.file.size <= bytesLeft) {
      chosen.push(x);
      bytesLeft -= x.file.size;
    } else {
      result.unverified.push({ path: x.file.path, area: areaOf(x.file.path, loose), size: x.file.size, detail: 'time changed' });
    }
  }
  const candidates = sameSize.filter((x) => timeOk(x) && x.file.size > 0 && x.file.size <= budget.maxSampleFileBytes);
  const library = shuffle(candidates.filter((x) => areaOf(x.file.path, loose) === 'library'));
  const rest = shuffle(candidates.filter((x) => areaOf(x.file.path, loose) !== 'library'));
  const fromLibrary = Math.ceil((budget.sampleFiles * 2) / 3);
  const picks = [...library.slice(0, fromLibrary), ...rest, ...library.slice(fromLibrary)];
  let sampled = 0;
  for (const x of picks) {
    if (sampled >= budget.sampleFiles) break;
    if (x.file.size > bytesLeft) continue;
    chosen.push(x);
    bytesLeft -= x.file.size;
    sampled++;
  }
  return chosen;
}

/**
 * FAT stores local time without a zone: a stick written in Berlin and read in Seoul shows every time
 * off by the same whole hours. When most files agree on one such offset, it is the clock, not the files.
 */
function clockShift(pairs: { file: DriveFile; entry: ManifestEntry }[]): number {
  const counts = new Map<number, number>();
  for (const { file, entry } of pairs) {
    const d = file.mtimeMs - entry.mtimeMs;
    if (Math.abs(d) <= TIME_SLACK_MS) continue;
    const q = Math.round(d / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
    if (q === 0 || Math.abs(q) > MAX_SHIFT_MS || Math.abs(d - q) > TIME_SLACK_MS) continue;
    counts.set(q, (counts.get(q) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [q, n] of counts) if (n > bestCount) [best, bestCount] = [q, n];
  return bestCount >= 3 && bestCount * 2 >= pairs.length ? best : 0;
}

function shuffle<T>(list: T[]): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
