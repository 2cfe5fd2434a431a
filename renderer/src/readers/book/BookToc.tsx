// The book's table of contents, nested as the book gives it.
import type { BookTocEntry } from './book-engine';
import { useReaderT } from '../common/i18n';

function Entries({ entries, currentHref, onGo }: { entries: BookTocEntry[]; currentHref?: string; onGo: (href: string) => void }) {
  return (
    <ol>
      {entries.map((e, i) => (
        <li key={`${i}-${e.href}`}>
          <button type="button" className="cm-r-toc-link" aria-current={e.href === currentHref ? 'true' : undefined} onClick={() => onGo(e.href)}>
            {e.label}
          </button>
          {e.children.length > 0 ? <Entries entries={e.children} currentHref={currentHref} onGo={onGo} /> : null}
        </li>
      ))}
    </ol>
  );
}

export function BookToc({ id, entries, currentHref, onGo }: { id: string; entries: BookTocEntry[]; currentHref?: string; onGo: (href: string) => void }) {
  const { t } = useReaderT();
  return (
    <nav id={id} className="cm-r-book-side cm-r-toc" aria-label={t('book.toc')}>
      <h2>{t('book.toc')}</h2>
      {entries.length > 0 ? <Entries entries={entries} currentHref={currentHref} onGo={onGo} /> : <p>{t('book.tocEmpty')}</p>}
    </nav>
  );
}
