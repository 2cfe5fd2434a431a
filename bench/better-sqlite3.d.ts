// The little of better-sqlite3 the benchmark uses (the package ships no types, and one dev
// dependency is enough for a benchmark).
declare module 'better-sqlite3' {
  interface RunResult {
    changes: number;
    lastInsertRowid: number | bigint;
  }
  interface Statement {
    run(...params: unknown[]): RunResult;
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  }
  interface Connection {
    prepare(sql: string): Statement;
    exec(sql: string): Connection;
    pragma(source: string, options?: { simple?: boolean }): unknown;
    transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
    close(): Connection;
  }
  interface Options {
    readonly?: boolean;
    fileMustExist?: boolean;
  }
  const Database: new (filename: string, options?: Options) => Connection;
  export type { Connection, Statement };
  export default Database;
}
