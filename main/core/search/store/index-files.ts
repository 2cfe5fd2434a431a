// The saved index under .changmun/index/:
//   manifest.json              written last and atomically: the generation, and the size and SHA-256
//                              of the catalog and of each segment's description
//   catalog-<gen>.json.gz      the catalog (see catalog-file.ts)
//   seg-<id>.json              a segment's description: the seals of its files (see segment.ts)
//   seg-<id>.dict, .post       its dictionary and postings
//   run-<gen>-<k>.text, .chunks  the parts: chunk tables and text
// A chain of hashes runs from manifest.json to every byte: the catalog and the descriptions are
// checked whole when read, the rest block by block (sealed.ts). Every name is made here from numbers
// that were checked; nothing read from the drive is ever joined into a path. Files of other
// generations are never read, so a drive pulled mid-save still opens with the previous index.
import { promisify } from 'node:util';
import { gzip, gunzip } from 'node:zlib';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { DataDir } from '../../drive/data-dir.js';
import type { SavedCatalog } from '../../catalog/saved.js';
import { IndexDamagedError } from './damage.js';
import { parseSavedCatalog, segmentId } from './catalog-file.js';
import { Malformed, arr, base64, int, obj, sha256Hex, str, strings, type Json } from './check-json.js';
import { BLOCK_SIZE } from './sealed.js';
import { SEGMENT_FORMAT, type SegmentMeta } from './segment.js';
import { INDEX_FOLDER } from './storage.js';
import type { PartMeta } from './part.js';

/**
 * Bumped whenever the analysis (main/text: what terms a word gives) or the files change: saved
 * indexes of another format are rebuilt. 4: one-syllable nouns lose their particles, 께 더러 아 야
 * 요 and the copula's 이란/란 are taken off, 두음법칙 leaves one-syllable words and loanwords alone,
 * listed words keep their end (main/text/lists/).
 * 5: books' SVG <text> and MathML are read (main/text/readable.ts), picture books are noted.
 */
export const INDEX_FORMAT = 7;

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_SEGMENT_META_BYTES = 64 * 1024 * 1024;
const MAX_CATALOG_GZ_BYTES = 256 * 1024 * 1024;
/** The catalog inflates at most this many times its compressed size, and never past the cap. */
const MAX_CATALOG_RATIO = 64;
const MAX_CATALOG_BYTES = 1024 * 1024 * 1024;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface FileCheck {
  size: number;
  sha256: string;
}

export interface IndexManifest {
  format: number;
  generation: number;
  builtAt: string;
  catalog: FileCheck;
  segments: (FileCheck & { id: string; chunks: number })[];
  /** Chunks in segments that newer segments have replaced; a rebuild is due when they are many. */
  staleChunks: number;
}

export const MANIFEST_NAME = `${INDEX_FOLDER}/manifest.json`;
export const catalogName = (generation: number) => `catalog-${generation}.json.gz`;
export const segmentMetaName = (id: string) => `seg-${id}.json`;
const RUN_NAME = /^run-[1-9][0-9]{0,8}-[0-9]{1,6}$/;

export type ManifestRead =
  | { status: 'none' }
  /** An index of another format (an older version of the app): rebuilt, not damage. */
  | { status: 'other-format' }
  | { status: 'ok'; manifest: IndexManifest; bytes: Buffer };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file under index/ of at most `max` bytes, or says it is damaged. */
async function readIndexFile(dataDir: DataDir, name: string, max: number): Promise<Buffer> {
  const abs = dataDir.pathOf(`${INDEX_FOLDER}/${name}`);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(abs, 'r');
  } catch (e) {
    throw new IndexDamagedError(name, `it cannot be opened (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new IndexDamagedError(name, 'it is not a file');
    if (st.size > max) throw new IndexDamagedError(name, `it has ${st.size} bytes, more than ${max}`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function readChecked(dataDir: DataDir, name: string, check: FileCheck, max: number): Promise<Buffer> {
  const bytes = await readIndexFile(dataDir, name, max);
  if (bytes.length !== check.size || sha256(bytes) !== check.sha256) throw new IndexDamagedError(name, 'it is not the file the index manifest names');
  return bytes;
}

function damaged<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof Malformed || e instanceof SyntaxError) throw new IndexDamagedError(name, e.message);
    throw e;
  }
}

/** The index manifest; `none` when there is no index, IndexDamagedError when it cannot be right. */
export async function readIndexManifest(dataDir: DataDir): Promise<ManifestRead> {
  if ((await dataDir.checkDir(INDEX_FOLDER).catch(() => 'bad' as const)) !== 'ok') {
    // No index folder, or one that is a link: no index to load (a link is never read through).
    return { status: 'none' };
  }
  let bytes: Buffer;
  try {
    bytes = await readIndexFile(dataDir, 'manifest.json', MAX_MANIFEST_BYTES);
  } catch (e) {
    if (e instanceof IndexDamagedError && /ENOENT/.test(e.detail)) return { status: 'none' };
    throw e;
  }
  return damaged('manifest.json', () => {
    const o = obj(JSON.parse(bytes.toString('utf8')) as Json, 'the index manifest');
    if (o['format'] !== INDEX_FORMAT) return { status: 'other-format' } as const;
    const check = (v: Json, what: string): FileCheck => {
      const x = obj(v, what);
      return { size: int(x['size'], `${what}.size`), sha256: sha256Hex(x['sha256'], `${what}.sha256`) };
    };
    const ids = new Set<string>();
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      generation: int(o['generation'], 'generation', 1, 999_999_999),
      builtAt: str(o['builtAt'], 'builtAt', 40),
      catalog: check(o['catalog'], 'catalog'),
      segments: arr(o['segments'], 'segments', 10_000).map((s, i) => {
        const x = obj(s, `segments[${i}]`);
        const id = segmentId(x['id'], `segments[${i}].id`);
        if (ids.has(id)) throw new Malformed(`segment ${id} is listed twice`);
        ids.add(id);
        return { id, chunks: int(x['chunks'], `segments[${i}].chunks`, 0, 1 << 30), ...check(x, `segments[${i}]`) };
      }),
      staleChunks: int(o['staleChunks'], 'staleChunks', 0, 1 << 30),
    };
    return { status: 'ok', manifest, bytes } as const;
  });
}

export async function readCatalogFile(dataDir: DataDir, manifest: IndexManifest): Promise<SavedCatalog> {
  const name = catalogName(manifest.generation);
  const packed = await readChecked(dataDir, name, manifest.catalog, MAX_CATALOG_GZ_BYTES);
  let json: Buffer;
  try {
    json = await gunzipAsync(packed, { maxOutputLength: Math.min(MAX_CATALOG_BYTES, Math.max(1 << 20, packed.length * MAX_CATALOG_RATIO)) });
  } catch (e) {
    throw new IndexDamagedError(name, `it does not inflate within bounds (${(e as Error).message.slice(0, 100)})`);
  }
  return damaged(name, () => parseSavedCatalog(JSON.parse(json.toString('utf8')) as Json));
}

export async function readSegmentMeta(dataDir: DataDir, entry: IndexManifest['segments'][number]): Promise<SegmentMeta> {
  const name = segmentMetaName(entry.id);
  const bytes = await readChecked(dataDir, name, entry, MAX_SEGMENT_META_BYTES);
  return damaged(name, () => {
    const meta = parseSegmentMeta(JSON.parse(bytes.toString('utf8')) as Json, entry.id);
    if (meta.chunkCount !== entry.chunks) throw new Malformed('its chunk count is not the manifest\'s');
    return meta;
  });
}

function parseSeal(v: Json, what: string): { size: number; blocks: string } {
  const o = obj(v, what);
  const size = int(o['size'], `${what}.size`);
  const blocks = base64(o['blocks'], `${what}.blocks`, 64 * 1024 * 1024);
  if (Buffer.byteLength(blocks, 'base64') !== Math.ceil(size / BLOCK_SIZE) * 32) throw new Malformed(`${what} does not seal its size`);
  return { size, blocks };
}

export function parseSegmentMeta(v: Json, id: string): SegmentMeta {
  const o = obj(v, 'the segment description');
  if (o['format'] !== SEGMENT_FORMAT) throw new Malformed('the segment is of another format');
  if (o['id'] !== id) throw new Malformed('the segment describes another segment');
  const parts = arr(o['parts'], 'parts', 100_000).map((p, i): PartMeta & { run: string } => {
    const x = obj(p, `parts[${i}]`);
    const run = str(x['run'], `parts[${i}].run`, 30);
    if (!RUN_NAME.test(run)) throw new Malformed(`parts[${i}] names no run`);
    return {
      run,
      count: int(x['count'], `parts[${i}].count`, 0, 1 << 30),
      items: strings(x['items'], `parts[${i}].items`, 2_000_000),
      strings: strings(x['strings'], `parts[${i}].strings`, 1 << 22),
      text: parseSeal(x['text'], `parts[${i}].text`),
      chunks: parseSeal(x['chunks'], `parts[${i}].chunks`),
    };
  });
  const chunkCount = int(o['chunkCount'], 'chunkCount', 0, 1 << 30);
  if (parts.reduce((n, p) => n + p.count, 0) !== chunkCount) throw new Malformed('the parts do not add up to the chunk count');
  return { format: SEGMENT_FORMAT, id, chunkCount, terms: int(o['terms'], 'terms'), dict: parseSeal(o['dict'], 'dict'), post: parseSeal(o['post'], 'post'), parts };
}

/**
 * Write the catalog and the new segment's description of a generation, then the manifest that
 * makes them current, then remove every file no manifest names any more. Kept segments keep their
 * files untouched (rewriting a description would break the manifest still in place if the drive
 * were pulled before the new one is written).
 */
export async function commitGeneration(
  dataDir: DataDir,
  generation: number,
  catalog: SavedCatalog,
  kept: { entry: IndexManifest['segments'][number]; meta: SegmentMeta }[],
  fresh: SegmentMeta | undefined,
  staleChunks: number,
): Promise<IndexManifest> {
  const catalogBytes = await gzipAsync(JSON.stringify(catalog), { level: 6 });
  const entries: IndexManifest['segments'] = kept.map((k) => k.entry);
  if (fresh) {
    const bytes = Buffer.from(JSON.stringify(fresh));
    await dataDir.write(`${INDEX_FOLDER}/${segmentMetaName(fresh.id)}`, bytes);
    entries.push({ id: fresh.id, chunks: fresh.chunkCount, size: bytes.length, sha256: sha256(bytes) });
  }
  await dataDir.write(`${INDEX_FOLDER}/${catalogName(generation)}`, catalogBytes);
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    generation,
    builtAt: new Date().toISOString(),
    catalog: { size: catalogBytes.length, sha256: sha256(catalogBytes) },
    segments: entries,
    staleChunks,
  };
  await dataDir.write(MANIFEST_NAME, JSON.stringify(manifest, null, 1));
  await removeUnreferenced(dataDir, generation, [...kept.map((k) => k.meta), ...(fresh ? [fresh] : [])]);
  return manifest;
}

async function removeUnreferenced(dataDir: DataDir, generation: number, segments: SegmentMeta[]): Promise<void> {
  const keep = new Set(['manifest.json', catalogName(generation)]);
  for (const s of segments) {
    keep.add(segmentMetaName(s.id)).add(`seg-${s.id}.dict`).add(`seg-${s.id}.post`);
    for (const p of s.parts) keep.add(`${p.run}.text`).add(`${p.run}.chunks`);
  }
  await dataDir.sweepTemporary(INDEX_FOLDER);
  for (const name of await dataDir.list(INDEX_FOLDER)) {
    // Names that are not ours (and could not be removed through the guard) are left alone.
    if (!keep.has(name) && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) await dataDir.remove(`${INDEX_FOLDER}/${name}`);
  }
}

/** Whether derived data can be kept on this drive (false on a read-only or locked stick, or a bad folder). */
export async function isWritable(dataDir: DataDir): Promise<boolean> {
  try {
    await dataDir.ensureDir(INDEX_FOLDER);
    const probe = `${INDEX_FOLDER}/probe-${process.pid}.tmp`;
    await dataDir.write(probe, '');
    await dataDir.remove(probe);
    return true;
  } catch {
    return false;
  }
}
