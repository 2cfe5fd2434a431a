// The little of MiniSearch the benchmark uses, in MiniSearch 7's own words. MiniSearch is one of the
// bench's peers, installed in bench/node_modules only when `npm run bench` needs it (bench/package.json):
// the type check of the whole project must not depend on that install.
declare module 'minisearch' {
  type CombinationOperator = 'OR' | 'AND' | 'AND_NOT' | 'or' | 'and' | 'and_not';
  interface SearchOptions {
    fields?: string[];
    boost?: { [fieldName: string]: number };
    prefix?: boolean | ((term: string, index: number, terms: string[]) => boolean);
    combineWith?: CombinationOperator;
    tokenize?: (text: string) => string[];
    processTerm?: (term: string) => string | string[] | null | undefined | false;
  }
  interface Options<T = unknown> {
    fields: string[];
    idField?: string;
    storeFields?: string[];
    tokenize?: (text: string, fieldName?: string) => string[];
    processTerm?: (term: string, fieldName?: string) => string | string[] | null | undefined | false;
    searchOptions?: SearchOptions;
    extractField?: (document: T, fieldName: string) => unknown;
  }
  type SearchResult = {
    id: unknown;
    score: number;
    terms: string[];
    [key: string]: unknown;
  };
  class MiniSearch<T = unknown> {
    constructor(options: Options<T>);
    add(document: T): void;
    search(query: string, searchOptions?: SearchOptions): SearchResult[];
    toJSON(): unknown;
    static loadJSON<T = unknown>(json: string, options: Options<T>): MiniSearch<T>;
  }
  export type { Options, SearchOptions, SearchResult };
  export default MiniSearch;
}
