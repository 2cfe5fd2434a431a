// Building the two peers' indexes, fed exactly what our engine is fed: the same files through the
// same extraction workers and catalog assembly (so the same items, titles and chunks), and the same
// analysis (`analyze` for text, `analyzeQuery` for queries). Only the index differs.
//
// SQLite FTS5: a contentless table of the analysed terms of each chunk (space-joined, `unicode61`
// splits exactly there), bm25 ranking, chunks grouped by item; titles in a second table with their
// 초성 as a column for initial-consonant queries (prefix match).
// MiniSearch: one index of chunk documents (analysed terms) and title documents (title terms and
// 초성), AND of the query terms, the word being typed as a prefix.
import { rmSync, writeFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import Database from 'better-sqlite3';
import { listContentFiles, readLibrarySettings } from '../main/core/catalog/scan.js';
import { ExtractPool } from '../main/core/catalog/pool.js';
import { assembleCatalog, type FileResult } from '../main/core/catalog/assemble.js';
import { analyze, choseongOf } from '../main/text/analyze.js';
import { FTS5_TOKENIZER as TOKENIZER, MINI_OPTIONS, TITLE_BASE, type MiniDoc } from './peers-search.js';
import { throttle } from './common.js';

/** As LibraryIndex (batchFiles default). */
const BATCH_FILES = 16;

export interface PeerDoc {
  id: number;
  path: string;
  title: string;
  chunks: string[];
}

/** Our engine's extraction, batch by batch as LibraryIndex does it (16 files, then index them). */
export async function forEachDoc(
  libraryRoot: string,
  onBatch: (docs: PeerDoc[]) => void,
): Promise<{ items: number; chunks: number; extractWaitSeconds: number }> {
  const { settings } = await readLibrarySettings(libraryRoot);
  const { files } = await listContentFiles(libraryRoot, settings);
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  const pool = new ExtractPool({});
  const progress = throttle(5000);
  let id = 0;
  let chunks = 0;
  let done = 0;
  let wait = 0;
  try {
    for (let i = 0; i < files.length; i += BATCH_FILES) {
      const batch = files.slice(i, i + BATCH_FILES);
      const t0 = performance.now();
      const results: FileResult[] = await Promise.all(batch.map(async (file) => ({ file, outcome: await pool.extract(file.absPath, file.path) })));
      wait += performance.now() - t0;
      const { items } = assembleCatalog(results, settings);
      const docs = items.map((item) => ({ id: id++, path: item.path, title: item.title, chunks: item.chunks.map((c) => c.text) }));
      for (const d of docs) chunks += d.chunks.length;
      onBatch(docs);
      done += batch.length;
      progress(() => `    ${done}/${files.length} files`);
    }
  } finally {
    await pool.close();
  }
  return { items: id, chunks, extractWaitSeconds: wait / 1000 };
}

// ---- SQLite FTS5 -------------------------------------------------------------------------------

export async function buildFts5(libraryRoot: string, dbPath: string) {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(`
    CREATE TABLE docs(id INTEGER PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL);
    CREATE TABLE chunks(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL);
    CREATE VIRTUAL TABLE body USING fts5(terms, content='', ${TOKENIZER});
    CREATE VIRTUAL TABLE titles USING fts5(terms, cho, content='', ${TOKENIZER});
  `);
  const insDoc = db.prepare('INSERT INTO docs(id, path, title) VALUES (?, ?, ?)');
  const insTitle = db.prepare('INSERT INTO titles(rowid, terms, cho) VALUES (?, ?, ?)');
  const insChunk = db.prepare('INSERT INTO chunks(id, doc) VALUES (?, ?)');
  const insBody = db.prepare('INSERT INTO body(rowid, terms) VALUES (?, ?)');
  let chunkId = 0;
  const insertBatch = db.transaction((docs: PeerDoc[]) => {
    for (const d of docs) {
      insDoc.run(d.id, d.path, d.title);
      insTitle.run(d.id, analyze(d.title).join(' '), choseongOf(d.title));
      for (const text of d.chunks) {
        const id = chunkId++;
        insChunk.run(id, d.id);
        insBody.run(id, analyze(text).join(' '));
      }
    }
  });
  const counts = await forEachDoc(libraryRoot, (docs) => insertBatch(docs));
  // Merge the b-trees of the many transactions into one (what a saved index would ship with).
  db.exec(`INSERT INTO body(body) VALUES ('optimize'); INSERT INTO titles(titles) VALUES ('optimize');`);
  db.close();
  return counts;
}

// ---- MiniSearch --------------------------------------------------------------------------------

export async function buildMiniSearch(libraryRoot: string, jsonPath: string) {
  const ms = new MiniSearch<MiniDoc>(MINI_OPTIONS);
  let chunkId = 0;
  const counts = await forEachDoc(libraryRoot, (docs) => {
    for (const d of docs) {
      ms.add({ id: TITLE_BASE + d.id, d: d.id, title: analyze(d.title).join(' '), cho: choseongOf(d.title) });
      for (const text of d.chunks) ms.add({ id: chunkId++, d: d.id, t: analyze(text).join(' ') });
    }
  });
  // One string: this is how MiniSearch saves (and the largest string V8 allows bounds the index).
  const json = JSON.stringify(ms);
  writeFileSync(jsonPath, json);
  return { ...counts, jsonChars: json.length };
}
