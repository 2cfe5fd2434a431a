// The drive manifest (.changmun/manifest.json): every file of the drive with its size, time and
// SHA-256, and the public key of whoever signed it. The signature (.changmun/manifest.sig, base64) is
// Ed25519 over the exact bytes of manifest.json, so nothing needs re-serialising to be checked.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { DataDir } from '../drive/data-dir.js';
import { DATA_DIR, listDriveFiles, MANIFEST_FILE, SIGNATURE_FILE, UNSIGNED_FOLDERS, type DriveSkip } from './drive-files.js';
import { sha256File } from './hash.js';
import { fingerprintOf, publicKeyOf, rawPublicKey, signBytes } from './keys.js';

export const MANIFEST_FORMAT = 1;
export const MANIFEST_KIND = 'changmun-drive-manifest';

export interface ManifestEntry {
  /** Relative to the drive root, '/'-separated, NFC. */
  path: string;
  size: number;
  /** Whole milliseconds; the quick check uses it to choose what to hash, never as proof. */
  mtimeMs: number;
  sha256: string;
}

export interface ManifestSigner {
  algorithm: 'ed25519';
  /** The 32 raw public-key bytes, base64. */
  publicKey: string;
  /** Hex SHA-256 of those bytes. */
  fingerprint: string;
}

export interface DriveManifest {
  kind: typeof MANIFEST_KIND;
  format: number;
  createdAt: string;
  generator: string;
  /** Null on an unsigned drive. Inside the signed bytes, so it cannot be swapped on its own. */
  signer: ManifestSigner | null;
  /** What the manifest leaves out, for people reading it. */
  excluded: string[];
  totals: { files: number; bytes: number };
  files: ManifestEntry[];
}

export interface ManifestProgress {
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
  current?: string;
}

/** Hashes already known for a file in its current state (from the copy, or from the last manifest). */
export type KnownHashes = Map<string, { size: number; mtimeMs: number; sha256: string }>;

export interface CreateManifestOptions {
  /** The last manifest of this drive: its hashes are reused for files whose size and time are unchanged. */
  previous?: DriveManifest;
  known?: KnownHashes;
  /** Hash every file again, trusting nothing from before. */
  rehash?: boolean;
  signer?: KeyObject;
  generator?: string;
  onProgress?: (p: ManifestProgress) => void;
}

export interface CreatedManifest {
  manifest: DriveManifest;
  hashed: number;
  hashedBytes: number;
  reused: number;
  skipped: DriveSkip[];
}

export async function createManifest(driveRoot: string, options: CreateManifestOptions = {}): Promise<CreatedManifest> {
  const { files, skipped } = await listDriveFiles(driveRoot);
  const known: KnownHashes = new Map();
  if (!options.rehash) {
    for (const f of options.previous?.files ?? []) known.set(f.path, f);
    for (const [p, k] of options.known ?? []) known.set(p, k);
  }
  const toHash = files.filter((f) => {
    const k = known.get(f.path);
    return !k || k.size !== f.size || k.mtimeMs !== f.mtimeMs;
  });
  const totalBytes = toHash.reduce((n, f) => n + f.size, 0);
  const progress = { done: 0, total: toHash.length, bytes: 0, totalBytes };
  options.onProgress?.({ ...progress });
  const hashes = new Map<string, string>();
  for (const f of toHash) {
    hashes.set(f.path, await sha256File(f.absPath, (n) => {
      progress.bytes += n;
      options.onProgress?.({ ...progress, current: f.path });
    }));
    progress.done++;
    options.onProgress?.({ ...progress, current: f.path });
  }
  const entries: ManifestEntry[] = files.map((f) => ({
    path: f.path,
    size: f.size,
    mtimeMs: f.mtimeMs,
    sha256: hashes.get(f.path) ?? known.get(f.path)!.sha256,
  }));
  const signer = options.signer
    ? (() => {
        const raw = rawPublicKey(publicKeyOf(options.signer));
        return { algorithm: 'ed25519' as const, publicKey: raw.toString('base64'), fingerprint: fingerprintOf(raw) };
      })()
    : null;
  const manifest: DriveManifest = {
    kind: MANIFEST_KIND,
    format: MANIFEST_FORMAT,
    createdAt: new Date().toISOString(),
    generator: options.generator ?? 'changmun',
    signer,
    excluded: [MANIFEST_FILE, SIGNATURE_FILE, ...UNSIGNED_FOLDERS.map((f) => `${f}/`), 'hidden and system files (System Volume Information, Thumbs.db, .*)', 'symbolic links'],
    totals: { files: entries.length, bytes: entries.reduce((n, e) => n + e.size, 0) },
    files: entries,
  };
  return { manifest, hashed: toHash.length, hashedBytes: totalBytes, reused: files.length - toHash.length, skipped };
}

/**
 * Write manifest.json, then its signature (or, unsigned, remove a signature left from an earlier
 * build: it would not match and would read as tampering). Returns the bytes written.
 */
export async function writeManifest(driveRoot: string, manifest: DriveManifest, privateKey?: KeyObject): Promise<Buffer> {
  if ((manifest.signer === null) !== (privateKey === undefined)) {
    throw new Error('changmun: the manifest names a signer only when it is signed with that key');
  }
  if (privateKey && manifest.signer && fingerprintOf(publicKeyOf(privateKey)) !== manifest.signer.fingerprint) {
    throw new Error('changmun: the manifest names another key than the one signing it');
  }
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`, 'utf8');
  // Through the data folder's guard: a .changmun that is a link out of the drive is refused.
  const data = new DataDir(path.join(driveRoot, DATA_DIR));
  const inData = (rel: string) => rel.slice(DATA_DIR.length + 1);
  await data.write(inData(MANIFEST_FILE), bytes);
  if (privateKey) await data.write(inData(SIGNATURE_FILE), `${signBytes(bytes, privateKey).toString('base64')}\n`);
  else await data.remove(inData(SIGNATURE_FILE));
  return bytes;
}

export type ManifestRead =
  | { status: 'ok'; bytes: Buffer; manifest: DriveManifest; signature?: Buffer }
  | { status: 'missing' }
  | { status: 'damaged'; detail: string };

/** Read and check the shape of the manifest (the signature is checked by the caller). */
export async function readDriveManifest(driveRoot: string): Promise<ManifestRead> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(driveRoot, MANIFEST_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'damaged', detail: (e as Error).message };
  }
  let signature: Buffer | undefined;
  try {
    const text = await fs.readFile(path.join(driveRoot, SIGNATURE_FILE), 'utf8');
    signature = Buffer.from(text.trim(), 'base64');
  } catch {
    signature = undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    return { status: 'damaged', detail: `not JSON: ${(e as Error).message}` };
  }
  const problem = shapeProblem(parsed);
  if (problem) return { status: 'damaged', detail: problem };
  return { status: 'ok', bytes, manifest: parsed as DriveManifest, ...(signature ? { signature } : {}) };
}

const HEX64 = /^[0-9a-f]{64}$/;

/** What is wrong with a manifest's shape, or undefined. Paths must stay inside the drive. */
function shapeProblem(m: unknown): string | undefined {
  if (typeof m !== 'object' || m === null) return 'not an object';
  const o = m as Record<string, unknown>;
  if (o['kind'] !== MANIFEST_KIND) return 'not a Changmun drive manifest';
  if (o['format'] !== MANIFEST_FORMAT) return `format ${String(o['format'])} is not one this version reads`;
  const signer = o['signer'];
  if (signer !== null) {
    if (typeof signer !== 'object' || signer === undefined) return 'bad signer';
    const s = signer as Record<string, unknown>;
    if (s['algorithm'] !== 'ed25519' || typeof s['publicKey'] !== 'string' || typeof s['fingerprint'] !== 'string') return 'bad signer';
    const raw = Buffer.from(s['publicKey'], 'base64');
    if (raw.length !== 32 || fingerprintOf(raw) !== s['fingerprint']) return 'the signer fingerprint does not match its key';
  }
  const files = o['files'];
  if (!Array.isArray(files)) return 'no file list';
  const seen = new Set<string>();
  for (const f of files as unknown[]) {
    if (typeof f !== 'object' || f === null) return 'bad file entry';
    const e = f as Record<string, unknown>;
    const p = e['path'];
    if (typeof p !== 'string' || !safeRelativePath(p)) return `bad path ${JSON.stringify(p)}`;
    if (seen.has(p)) return `path listed twice: ${p}`;
    seen.add(p);
    if (!Number.isSafeInteger(e['size']) || (e['size'] as number) < 0) return `bad size for ${p}`;
    if (typeof e['mtimeMs'] !== 'number' || !Number.isFinite(e['mtimeMs'])) return `bad time for ${p}`;
    if (typeof e['sha256'] !== 'string' || !HEX64.test(e['sha256'])) return `bad sha256 for ${p}`;
  }
  return undefined;
}

function safeRelativePath(p: string): boolean {
  if (p === '' || p.includes('\\') || p.includes('\0') || p.startsWith('/') || /^[A-Za-z]:/.test(p)) return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}
