// How long the search box waits after a keystroke before it asks: long enough for a word typed
// quickly to go as one query, short enough to feel immediate (a query costs a few milliseconds).
// Its own module, with no imports, so the benchmarks can print it.
export const SEARCH_DEBOUNCE_MS = 60;
