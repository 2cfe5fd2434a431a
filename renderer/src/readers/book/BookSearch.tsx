// "Search inside the book": every section in turn, Korean-aware, results listed as they come.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BookEngine, BookSearchResult } from './book-engine';
import { useReaderT } from '../common/i18n';

const LIMIT = 500;

/** What the panel found last: kept by the reader, so closing the panel to read loses nothing. */
export interface BookSearchMemory {
  query: string;
  results: BookSearchResult[] | null;
}

export function BookSearch({ id, engine, memory, onGo }: { id: string; engine: BookEngine; memory: { current: BookSearchMemory }; onGo: (cfi: string) => void }) {
  const { t } = useReaderT();
  const [query, setQuery] = useState(memory.current.query);
  const [results, setResults] = useState<BookSearchResult[] | null>(memory.current.results);

  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // A search cut short by closing the panel is not kept as if it were complete.
  useEffect(() => {
    memory.current = { query, results: progress ? null : results };
  }, [memory, query, results, progress]);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    return () => abort.current?.abort();
  }, []);

  const run = (e: FormEvent) => {
    e.preventDefault();
    abort.current?.abort();
    const q = query.trim();
    if (q === '') return;
    const controller = new AbortController();
    abort.current = controller;
    setResults([]);
    setProgress({ done: 0, total: 1 });
    engine
      .search(q, {
        signal: controller.signal,
        limit: LIMIT,
        onProgress: (done, total, found) => {
          if (controller.signal.aborted) return;
          setProgress({ done, total });
          setResults(found);
        },
      })
      .then((found) => {
        if (controller.signal.aborted) return;
        setResults(found);
        setProgress(null);
      })
      .catch(() => setProgress(null));
  };

  const stop = () => {
    abort.current?.abort();
    setProgress(null);
  };

  return (
    <section id={id} className="cm-r-book-side cm-r-book-search" role="search" aria-label={t('book.searchShow')}>
      <h2>{t('book.searchShow')}</h2>
      <form onSubmit={run}>
        <input
          ref={input}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={t('book.searchLabel')}
          placeholder={t('book.searchLabel')}
          lang="ko"
          spellCheck={false}
        />
        <button type="submit" className="cm-r-button">
          {t('book.searchButton')}
        </button>
      </form>
      <p role="status" aria-live="polite">
        {progress ? (
          <>
            {t('book.searching', { done: progress.done, total: progress.total })}{' '}
            <button type="button" className="cm-r-button" onClick={stop}>
              {t('book.searchStop')}
            </button>
          </>
        ) : results === null ? null : results.length === 0 ? (
          t('book.searchNone')
        ) : (
          <>
            {t('book.searchFound', { count: results.length })} {results.length >= LIMIT ? t('book.searchMore', { count: LIMIT }) : null}
          </>
        )}
      </p>
      {results && results.length > 0 ? (
        <ol>
          {results.map((r, i) => (
            <li key={`${i}-${r.cfi}`}>
              <button type="button" onClick={() => onGo(r.cfi)}>
                {r.sectionLabel ? <span className="cm-r-where">{r.sectionLabel}</span> : null}
                {r.excerpt.slice(0, r.start)}
                <mark className="cm-r-mark">{r.excerpt.slice(r.start, r.end)}</mark>
                {r.excerpt.slice(r.end)}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
