// The saved index under .changmun/index/: a manifest written last and atomically, naming the catalog,
// the vocabulary and the shards of its generation. Files of other generations are never read, so a
// drive pulled mid-save still opens with the previous index.
import { promises as fs } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import path from 'node:path';
import type { Item, Problem } from '../types.js';
import type { LibrarySettings } from '../drive/library-json.js';
import { writeFileAtomic, sweepTemporaryFiles } from '../drive/atomic.js';
import { INDEX_FORMAT } from './config.js';
import { Vocabulary } from './vocabulary.js';

/** An item as saved: everything but its chunks, plus which shard holds them. */
export type SavedItem = Omit<Item, 'chunks'> & { chunkCount: number; shard?: string };

export interface SavedFile {
  path: string;
  size: number;
  mtimeMs: number;
  /** The item this file is part of (a subtitle belongs to its film); absent for problems. */
  item?: string;
}

export interface SavedCatalog {
  settings: LibrarySettings;
  items: SavedItem[];
  problems: Problem[];
  files: SavedFile[];
}

export interface ShardEntry {
  id: string;
  chunks: number;
  /** Bytes on disk: the compressed index part and the stored text. */
  bytes: number;
  indexBytes: number;
}

export interface IndexManifest {
  format: number;
  generation: number;
  builtAt: string;
  catalog: string;
  vocabulary: string;
  shards: ShardEntry[];
  /** Chunks in shards that newer shards have replaced; a rebuild is due when they are many. */
  staleChunks: number;
}

export function indexDir(dataDir: string): string {
  return path.join(dataDir, 'index');
}

export async function readManifest(dataDir: string): Promise<IndexManifest | undefined> {
  try {
    const m = JSON.parse(await fs.readFile(path.join(indexDir(dataDir), 'manifest.json'), 'utf8')) as IndexManifest;
    return m.format === INDEX_FORMAT && Array.isArray(m.shards) ? m : undefined;
  } catch {
    return undefined;
  }
}

export async function readSavedCatalog(dataDir: string, manifest: IndexManifest): Promise<SavedCatalog> {
  return JSON.parse(await fs.readFile(path.join(indexDir(dataDir), manifest.catalog), 'utf8')) as SavedCatalog;
}

export async function readVocabulary(dataDir: string, manifest: IndexManifest): Promise<Vocabulary> {
  const bytes = gunzipSync(await fs.readFile(path.join(indexDir(dataDir), manifest.vocabulary)));
  return Vocabulary.fromJSON(JSON.parse(bytes.toString('utf8')));
}

/**
 * Write catalog and vocabulary of a new generation, then the manifest that makes them current, then
 * remove files no manifest names any more. Shard files must already be written.
 */
export async function commitGeneration(
  dataDir: string,
  generation: number,
  catalog: SavedCatalog,
  vocabulary: Vocabulary,
  shards: ShardEntry[],
  staleChunks: number,
): Promise<IndexManifest> {
  const dir = indexDir(dataDir);
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    generation,
    builtAt: new Date().toISOString(),
    catalog: `catalog-${generation}.json`,
    vocabulary: `vocabulary-${generation}.json.gz`,
    shards,
    staleChunks,
  };
  await writeFileAtomic(path.join(dir, manifest.catalog), JSON.stringify(catalog));
  await writeFileAtomic(path.join(dir, manifest.vocabulary), gzipSync(JSON.stringify(vocabulary.toJSON())));
  await writeFileAtomic(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  await removeUnreferenced(dir, manifest);
  return manifest;
}

async function removeUnreferenced(dir: string, manifest: IndexManifest): Promise<void> {
  const keep = new Set(['manifest.json', manifest.catalog, manifest.vocabulary]);
  for (const s of manifest.shards) keep.add(`shard-${s.id}.idx.gz`).add(`shard-${s.id}.txt`);
  await sweepTemporaryFiles(dir);
  for (const name of await fs.readdir(dir)) {
    if (!keep.has(name)) await fs.rm(path.join(dir, name), { force: true, recursive: true });
  }
}

/** Whether derived data can be kept on this drive (false on a read-only or locked stick). */
export async function isWritable(dataDir: string): Promise<boolean> {
  try {
    await fs.mkdir(indexDir(dataDir), { recursive: true });
    const probe = path.join(indexDir(dataDir), `.probe-${process.pid}.tmp`);
    await fs.writeFile(probe, '');
    await fs.rm(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}
