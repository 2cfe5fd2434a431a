// Whether a file the app derives and keeps in .changmun/ (the index manifest, the book locations) is
// the one the drive's signer signed. On a signed drive whose signature holds, derived data that
// differs from the signed manifest was changed after signing — by the app on another PC, or by
// someone who wants the reader to see forged titles and snippets — and is not used: the app builds
// its own from the library's files. On an unsigned drive nothing is vouched for, and the banner says so.
import { createHash } from 'node:crypto';
import { readDriveManifest } from './manifest.js';
import { publicKeyFromRaw, verifyBytes } from './keys.js';

export type SignedDataCheck =
  /** No valid signature vouches for the drive: nothing to compare with. */
  | 'unsigned'
  /** The file is what was signed (or, absent, was absent when signed). */
  | 'as-signed'
  /** The file differs from what was signed, or appeared or vanished since. */
  | 'differs';

/** Reads and verifies the drive's signed manifest once; then answers for any derived file. */
export async function signedDataChecker(driveRoot: string): Promise<(relPath: string, bytes: Uint8Array | undefined) => SignedDataCheck> {
  const read = await readDriveManifest(driveRoot).catch(() => undefined);
  if (!read || read.status !== 'ok' || !read.manifest.signer || !read.signature) return () => 'unsigned';
  let valid: boolean;
  try {
    valid = verifyBytes(read.bytes, read.signature, publicKeyFromRaw(Buffer.from(read.manifest.signer.publicKey, 'base64')));
  } catch {
    valid = false;
  }
  if (!valid) return () => 'unsigned';
  const hashes = new Map(read.manifest.files.map((f) => [f.path, f.sha256]));
  return (relPath, bytes) => {
    const expected = hashes.get(relPath);
    if (bytes === undefined) return expected === undefined ? 'as-signed' : 'differs';
    if (expected === undefined) return 'differs';
    return createHash('sha256').update(bytes).digest('hex') === expected ? 'as-signed' : 'differs';
  };
}
