// Reading the index a drive has saved, trusting nothing of it: the index manifest and catalog are
// checked against each other and, on a signed drive, against the signature (derived data changed
// after signing is not used); segments are opened with their seals. Anything else is an answer
// saying why there is no index to use, never a half-trusted one.
import path from 'node:path';
import type { LibraryLocation } from '../drive/locate.js';
import { DataDir } from '../drive/data-dir.js';
import type { SavedCatalog } from '../catalog/saved.js';
import { signedDataChecker, type SignedDataCheck } from '../manifest/signed-data.js';
import { IndexDamagedError } from './store/damage.js';
import { readCatalogFile, readIndexManifest, readSegmentMeta, MANIFEST_NAME, type IndexManifest } from './store/index-files.js';
import { DiskSegment, type SegmentMeta } from './store/segment.js';
import type { IndexStorage } from './store/storage.js';

export type SavedIndexRead =
  | { status: 'none' }
  /** Saved by another version of the app. */
  | { status: 'other-format' }
  /** A signed drive whose index is not the one that was signed. */
  | { status: 'not-as-signed' }
  | { status: 'damaged'; error: IndexDamagedError }
  | { status: 'ok'; manifest: IndexManifest; catalog: SavedCatalog; signed: SignedDataCheck };

/** The drive root a data folder belongs to (where manifest paths start). */
export function driveRootOf(location: LibraryLocation): string {
  return path.dirname(location.dataDir);
}

export function dataDirOf(location: LibraryLocation): DataDir {
  return new DataDir(location.dataDir);
}

export async function readSavedIndex(location: LibraryLocation): Promise<SavedIndexRead> {
  const dataDir = dataDirOf(location);
  try {
    const read = await readIndexManifest(dataDir);
    if (read.status !== 'ok') return read;
    const signed = (await signedDataChecker(driveRootOf(location)))(`.changmun/${MANIFEST_NAME}`, read.bytes);
    if (signed === 'differs') return { status: 'not-as-signed' };
    const catalog = await readCatalogFile(dataDir, read.manifest);
    return { status: 'ok', manifest: read.manifest, catalog, signed };
  } catch (e) {
    if (e instanceof IndexDamagedError) return { status: 'damaged', error: e };
    return { status: 'damaged', error: new IndexDamagedError('', e instanceof Error ? e.message : String(e)) };
  }
}

/** The segments a manifest names, opened and checked (IndexDamagedError when one is not right). */
export async function openSavedSegment(location: LibraryLocation, entry: IndexManifest['segments'][number], storage: IndexStorage): Promise<{ meta: SegmentMeta; segment: DiskSegment }> {
  const meta = await readSegmentMeta(dataDirOf(location), entry);
  return { meta, segment: DiskSegment.open(meta, storage) };
}
