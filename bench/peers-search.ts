// The peers answering queries from their saved index. Kept apart from the building code so that a
// cold start imports only what searching needs (the analysis and the peer's own library).
import { promises as fs } from 'node:fs';
import MiniSearch, { type Options as MiniOptions, type SearchResult } from 'minisearch';
import Database, { type Connection, type Statement } from 'better-sqlite3';
import { analyzeQuery } from '../main/text/analyze.js';

export interface PeerAnswer {
  /** Item ids, best first (at most `limit`). */
  docs: number[];
}

export interface PeerEngine {
  search(query: string, limit?: number): PeerAnswer;
  close(): void;
}

/** Collects item ids in order, once each, up to a limit. */
class Ranked {
  readonly docs: number[] = [];
  private readonly seen = new Set<number>();
  constructor(private readonly limit: number) {}
  add(doc: number): void {
    if (this.docs.length >= this.limit || this.seen.has(doc)) return;
    this.docs.push(doc);
    this.seen.add(doc);
  }
}

// ---- SQLite FTS5 -------------------------------------------------------------------------------

export const FTS5_TOKENIZER = `tokenize="unicode61 remove_diacritics 0"`;

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export class Fts5Engine implements PeerEngine {
  private readonly db: Connection;
  private readonly bodyQ: Statement;
  private readonly titleQ: Statement;

  constructor(dbPath: string) {
    this.db = new Database(dbPath, { readonly: true, fileMustExist: true });
    this.bodyQ = this.db.prepare(
      'SELECT c.doc AS doc, count(*) AS hits, min(b.rank) AS best FROM body b JOIN chunks c ON c.id = b.rowid WHERE body MATCH ? GROUP BY c.doc ORDER BY best LIMIT ?',
    );
    this.titleQ = this.db.prepare('SELECT rowid AS doc FROM titles WHERE titles MATCH ? ORDER BY rank LIMIT ?');
  }

  search(query: string, limit = 20): PeerAnswer {
    const qa = analyzeQuery(query);
    const ranked = new Ranked(limit);
    const take = (rows: unknown[]) => {
      for (const r of rows as { doc: number }[]) ranked.add(r.doc);
    };
    if (qa.choseong) take(this.titleQ.all(`cho : ${quote(qa.choseong)}*`, limit));
    const parts = qa.terms.map(quote);
    if (qa.prefix !== undefined) parts.push(`${quote(qa.prefix)}*`);
    if (parts.length > 0) {
      const expr = parts.join(' AND ');
      take(this.titleQ.all(`terms : (${expr})`, limit));
      take(this.bodyQ.all(expr, limit));
    }
    return { docs: ranked.docs };
  }

  close(): void {
    this.db.close();
  }
}

// ---- MiniSearch --------------------------------------------------------------------------------

export interface MiniDoc {
  id: number;
  /** The item. */
  d: number;
  t?: string;
  title?: string;
  cho?: string;
}

export const splitSpaces = (s: string): string[] => (s === '' ? [] : s.split(' '));
const same = (t: string) => t;

/** Building and loading must use the same options. */
export const MINI_OPTIONS: MiniOptions<MiniDoc> = {
  fields: ['t', 'title', 'cho'],
  storeFields: ['d'],
  tokenize: splitSpaces,
  processTerm: same,
};

/** Title documents get ids above every chunk id. */
export const TITLE_BASE = 100_000_000;

export class MiniSearchEngine implements PeerEngine {
  private constructor(private readonly ms: MiniSearch<MiniDoc>) {}

  static async open(jsonPath: string): Promise<MiniSearchEngine> {
    const json = await fs.readFile(jsonPath, 'utf8');
    return new MiniSearchEngine(MiniSearch.loadJSON<MiniDoc>(json, MINI_OPTIONS));
  }

  search(query: string, limit = 20): PeerAnswer {
    const qa = analyzeQuery(query);
    const ranked = new Ranked(limit);
    const take = (results: SearchResult[]) => {
      for (const r of results) ranked.add(r.d as number);
    };
    if (qa.choseong) take(this.ms.search(qa.choseong, { fields: ['cho'], prefix: true, tokenize: (s) => [s], processTerm: same }));
    const terms = [...qa.terms, ...(qa.prefix !== undefined ? [qa.prefix] : [])];
    if (terms.length > 0) {
      const last = terms.length - 1;
      take(
        this.ms.search(terms.join(' '), {
          fields: ['t', 'title'],
          boost: { title: 3 },
          combineWith: 'AND',
          prefix: (_t, i) => qa.prefix !== undefined && i === last,
          tokenize: splitSpaces,
          processTerm: same,
        }),
      );
    }
    return { docs: ranked.docs };
  }

  close(): void {}
}
