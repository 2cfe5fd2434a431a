// Opens one item in the reader, at a search hit when the address says so. The hits come from
// the search that opened it; after a reload they are asked for again with the query in the address.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryInfo, SearchHit, SearchResponse } from '../../../main/api';
import { useBackend } from '../api/context';
import { ReaderErrorBoundary } from '../components/ReaderErrorBoundary';
import { Reader } from '../readers/Reader';

interface ReaderScreenProps {
  library: LibraryInfo;
  path: string;
  hit: number | undefined;
  query: string | undefined;
  lastSearch: SearchResponse | null;
  onClose: () => void;
}

interface Found {
  hits: SearchHit[];
  terms: string[];
}

function fromResponse(response: SearchResponse | null, query: string | undefined, path: string): Found | null {
  if (!response || query === undefined || response.query.trim() !== query.trim()) return null;
  const result = response.results.find((r) => r.path === path);
  return result ? { hits: result.hits, terms: response.terms } : null;
}

const MAX_RESULTS = 500;

export function ReaderScreen({ library, path, hit, query, lastSearch, onClose }: ReaderScreenProps) {
  const { t } = useTranslation();
  const { api } = useBackend();
  const item = library.items.find((i) => i.path === path);
  const known = fromResponse(lastSearch, query, path);
  const [asked, setAsked] = useState<{ key: string; found: Found } | null>(null);
  const key = `${path}\u0000${query ?? ''}`;
  const needsSearch = item !== undefined && query !== undefined && query.trim() !== '' && known === null;

  useEffect(() => {
    if (!needsSearch || !item) return;
    let live = true;
    api.search(query ?? '', { type: item.type, limit: MAX_RESULTS, snippetsPerItem: 0 }).then(
      (r) => {
        if (live) setAsked({ key, found: fromResponse(r, query, path) ?? { hits: [], terms: r.terms } });
      },
      () => {
        if (live) setAsked({ key, found: { hits: [], terms: [] } });
      },
    );
    return () => {
      live = false;
    };
  }, [api, needsSearch, item, query, path, key]);

  if (!item) {
    return (
      <section className="reader-missing" role="alert">
        <p>{t('reader.notFound', { path })}</p>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('reader.back')}
        </button>
      </section>
    );
  }

  const found = known ?? (asked?.key === key ? asked.found : null);
  if (needsSearch && !found) return <p className="screen-note">{t('reader.loading')}</p>;

  const hits = found && found.hits.length > 0 ? found.hits : undefined;
  const hitIndex = hits && hit !== undefined ? Math.min(hit, hits.length - 1) : undefined;
  return (
    <ReaderErrorBoundary key={path} path={path} onClose={onClose}>
      <Reader item={item} hits={hits} hitIndex={hitIndex} terms={found?.terms} onClose={onClose} />
    </ReaderErrorBoundary>
  );
}
