// Search: results while typing, grouped by item, with filters, banners for an incomplete index
// or a partial match, and an empty state that helps. ↑/↓ move through results and places.
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndexStatus, LibraryInfo, SearchResponse } from '../../../main/api';
import { SearchFilters } from '../components/SearchFilters';
import { SearchResultCard } from '../components/SearchResultCard';
import { routeHash, type Navigate, type SearchFilters as Filters } from './route';
import { useSearch } from './useSearch';
import { useBackend } from '../api/context';

export const RESULTS_ID = 'search-results';

/** Moves focus among the links of the results (data-nav), or back to the search box. */
export function focusResult(which: 'first' | 'last' | number): void {
  const links = [...document.querySelectorAll<HTMLElement>(`#${RESULTS_ID} [data-nav]`)];
  const target = which === 'first' ? links[0] : which === 'last' ? links.at(-1) : links[which];
  target?.focus();
}

interface SearchScreenProps {
  library: LibraryInfo;
  query: string;
  filters: Filters;
  index: IndexStatus | null;
  navigate: Navigate;
  /** The last answer, kept while a reader is open; and where a new one goes. */
  lastSearch: SearchResponse | null;
  onResponse: (query: string, response: SearchResponse) => void;
  focusSearchBox: () => void;
  /** The address of the reader we came back from (read once, when the screen opens): its link gets focus again. */
  returnTo: string | null;
}

/** A single initial consonant (ㅎ) finds nothing: it is in nearly every title (main/text/analyze.ts). */
const ONE_INITIAL = /^[\u3131-\u314e]$/u;

export function SearchScreen({ library, query, filters, index, navigate, lastSearch, onResponse, focusSearchBox, returnTo }: SearchScreenProps) {
  const { t } = useTranslation();
  const { api } = useBackend();
  const indexComplete = index?.complete ?? library.index.complete;
  const { response, busy, error, loadMore } = useSearch(api, query, filters, indexComplete, lastSearch);
  const trimmed = query.trim();

  const pendingReturn = useRef(returnTo);
  useEffect(() => {
    if (response) onResponse(response.query, response);
    const back = pendingReturn.current;
    if (!response || !back) return;
    pendingReturn.current = null;
    document.querySelector<HTMLElement>(`#${RESULTS_ID} a[href="${CSS.escape(back)}"]`)?.focus();
  }, [response, onResponse]);

  const languages = useMemo(() => {
    const set = new Set<string>();
    for (const item of library.items) {
      if (item.language) set.add(item.language);
      for (const l of item.languages ?? []) set.add(l);
    }
    return [...set].sort();
  }, [library.items]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const links = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-nav]')];
    const at = links.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    let to: number | null = null;
    if (e.key === 'ArrowDown') to = Math.min(links.length - 1, at + 1);
    else if (e.key === 'ArrowUp') to = at - 1;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = links.length - 1;
    if (to === null) return;
    e.preventDefault();
    if (to < 0) focusSearchBox();
    else links[to]?.focus();
  };

  const hrefAt = (path: string) => (hit: number | undefined) => routeHash({ name: 'read', path, hit, q: response?.query ?? query });
  const current = response !== null && response.query.trim() === trimmed ? response : null;
  const shownResponse = current ?? response;
  const filtered = filters.type !== undefined || filters.language !== undefined || filters.collection !== undefined;

  // "Show more": focus goes to the first of the new results (a disabled button would drop it to
  // the page, and a keyboard user would start over from the top).
  const focusFrom = useRef<number | null>(null);
  const onMore = () => {
    if (busy || !shownResponse) return;
    focusFrom.current = shownResponse.results.length;
    loadMore();
  };
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || !shownResponse || shownResponse.results.length <= from) return;
    focusFrom.current = null;
    document.querySelectorAll(`#${RESULTS_ID} .result-list > li`)[from]?.querySelector<HTMLElement>('[data-nav]')?.focus();
  }, [shownResponse]);

  let status = '';
  if (trimmed !== '') {
    if (error) status = t('search.failed', { message: error });
    else if (!current) status = t('search.searching');
    else if (current.total > 0) status = t('search.found', { query: current.query, count: current.total });
    else status = t('search.emptyTitle', { query: current.query });
  }

  return (
    <div className="search-screen">
      <h1 className="visually-hidden">{t('search.label')}</h1>
      <SearchFilters
        filters={filters}
        languages={languages}
        collections={library.collections}
        onChange={(f) => navigate({ name: 'search', q: query, ...f }, { replace: true })}
      />
      <p className="search-status" role="status" aria-live="polite" aria-busy={busy}>
        {status}
      </p>

      {trimmed === '' && (
        <div className="search-prompt">
          <p>{t('search.prompt')}</p>
          <p>{t('search.promptSpelling')}</p>
        </div>
      )}

      {shownResponse && trimmed !== '' && !shownResponse.complete && <p className="banner banner--info">{t('search.stillLoading')}</p>}
      {shownResponse && trimmed !== '' && shownResponse.partial && shownResponse.total > 0 && (
        <p className="banner banner--warn">{t('search.partial')}</p>
      )}

      {current && current.total === 0 && !error && (
        <div className="search-empty">
          <ul>
            {ONE_INITIAL.test(trimmed) && <li>{t('search.emptyOneInitial')}</li>}
            {query.trim().split(/\s+/).length > 1 && <li>{t('search.emptyFewerWords')}</li>}
            <li>{t('search.emptySpelling')}</li>
            {filtered && <li>{t('search.emptyFilters')}</li>}
            {!indexComplete && index && <li>{t('search.emptyIndexing', { done: index.done, total: index.total })}</li>}
            {indexComplete && <li>{t('search.emptyIndexDone')}</li>}
            <li>{t('search.emptyUnsearchable')}</li>
          </ul>
        </div>
      )}

      {shownResponse && trimmed !== '' && shownResponse.results.length > 0 && (
        <div id={RESULTS_ID} className={busy ? 'results results--stale' : 'results'} onKeyDown={onKeyDown}>
          <p className="keys-hint">{t('search.keysHint')}</p>
          <ol className="result-list">
            {shownResponse.results.map((result) => (
              <li key={result.path}>
                <SearchResultCard result={result} hrefAt={hrefAt(result.path)} query={shownResponse.query} terms={shownResponse.terms} />
              </li>
            ))}
          </ol>
          {shownResponse.results.length < shownResponse.total && (
            <button type="button" className="button" onClick={onMore} aria-disabled={busy}>
              {t('search.showMore')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
