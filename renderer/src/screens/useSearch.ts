// Search as the person types: debounced, stale answers dropped, asked again when the index
// completes (an incomplete index may have answered with fewer results).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangmunApi, SearchResponse } from '../../../main/api';
import type { SearchFilters } from './route';
import { SEARCH_DEBOUNCE_MS } from './search-timing';
import { plainError } from '../plain-error';

export { SEARCH_DEBOUNCE_MS };
const PAGE_SIZE = 30;
const SNIPPETS_PER_ITEM = 3;

export interface SearchState {
  response: SearchResponse | null;
  /** A request is on its way (the shown response may be for an earlier query). */
  busy: boolean;
  error: string | null;
  /** Asks for the next page and appends it. */
  loadMore: () => void;
}

export function useSearch(
  api: ChangmunApi,
  query: string,
  filters: SearchFilters,
  indexComplete: boolean,
  /** What to show until the first answer (the results left for a reader, on the way back). */
  initial: SearchResponse | null = null,
): SearchState {
  const [response, setResponse] = useState<SearchResponse | null>(() =>
    initial && initial.query.trim() === query.trim() ? initial : null,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const { type, language, collection } = filters;
  const trimmed = query.trim();

  useEffect(() => {
    const mine = ++seq.current;
    if (trimmed === '') {
      setResponse(null);
      setBusy(false);
      setError(null);
      return;
    }
    setBusy(true);
    const timer = setTimeout(() => {
      api.search(query, { type, language, collection, limit: PAGE_SIZE, snippetsPerItem: SNIPPETS_PER_ITEM }).then(
        (r) => {
          if (mine !== seq.current) return;
          setResponse(r);
          setError(null);
          setBusy(false);
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setError(plainError(e));
          setBusy(false);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // indexComplete: ask again once the whole index is there.
  }, [api, query, trimmed, type, language, collection, indexComplete]);

  const loadMore = useCallback(() => {
    const current = response;
    if (!current || current.results.length >= current.total) return;
    const mine = ++seq.current;
    setBusy(true);
    api
      .search(current.query, {
        type, language, collection,
        limit: PAGE_SIZE,
        offset: current.results.length,
        snippetsPerItem: SNIPPETS_PER_ITEM,
      })
      .then(
        (r) => {
          if (mine !== seq.current) return;
          setResponse({ ...r, results: [...current.results, ...r.results] });
          setBusy(false);
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setError(plainError(e));
          setBusy(false);
        },
      );
  }, [api, response, type, language, collection]);

  return { response, busy, error, loadMore };
}
