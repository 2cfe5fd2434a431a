// One item found by a search: its title, type and number of places, and a highlighted snippet
// for each place a snippet was cut for. Every link opens the reader at that place.
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchResultItem } from '../../../main/api';
import { highlightRanges, titleRanges } from '../highlight';
import { formatTime } from './format';
import { TypeIcon } from './TypeIcon';

interface SearchResultCardProps {
  result: SearchResultItem;
  /** The link that opens this item at hit `n` (or at its start). */
  hrefAt: (hit: number | undefined) => string;
  /** The query and its analysed words: what matched in the title is marked too. */
  query: string;
  terms: readonly string[];
}

function HitPlace({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  if (hit.locator.startMs === undefined) return null;
  return <span className="hit-time">{t('search.at', { time: formatTime(hit.locator.startMs) })}</span>;
}

export function SearchResultCard({ result, hrefAt, query, terms }: SearchResultCardProps) {
  const { t } = useTranslation();
  const withSnippets = result.hits.map((hit, i) => ({ hit, i })).filter(({ hit }) => hit.snippet !== undefined);
  const shownUpTo = withSnippets.length > 0 ? (withSnippets.at(-1)?.i ?? 0) + 1 : 0;
  const rest = result.hits.length - shownUpTo;
  return (
    <article className="result">
      <h2 className="result-title">
        <a href={hrefAt(result.hits.length > 0 ? 0 : undefined)} data-nav="" lang={result.language}>
          <TypeIcon type={result.type} />
          <span className="result-title-text">{highlightRanges(result.title, titleRanges(result.title, query, terms))}</span>
        </a>
      </h2>
      <p className="result-meta">
        <span>{t(`type.${result.type}`)}</span>
        {result.hitCount > 0 && <span className="result-count">{t('search.hits', { count: result.hitCount })}</span>}
        {result.titleMatch && <span className="result-badge">{t('search.titleMatch')}</span>}
        {result.authors && result.authors.length > 0 && <span>{result.authors.join(', ')}</span>}
        {result.collections.length > 0 && <span>{result.collections.join(', ')}</span>}
      </p>
      {withSnippets.length > 0 && (
        <ul className="result-hits">
          {withSnippets.map(({ hit, i }) => (
            <li key={i}>
              <a
                className="hit"
                href={hrefAt(i)}
                data-nav=""
                lang={hit.language ?? result.language}
                aria-label={`${t('search.openHit', { title: result.title, n: i + 1 })}: ${hit.snippet ?? ''}`}
              >
                <HitPlace hit={hit} />
                <span className="hit-snippet">{highlightRanges(hit.snippet ?? '', hit.highlights)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {rest > 0 && (
        <a className="result-more" href={hrefAt(shownUpTo)} data-nav="">
          {t('search.more', { count: rest })}
        </a>
      )}
    </article>
  );
}
