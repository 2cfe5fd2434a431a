// Home: the drive's title, what is on it, its collections, and every item as a grid or a list.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemType, LibraryInfo, LibraryItem } from '../../../main/api';
import { ItemGrid, type ItemView } from '../components/ItemGrid';
import { ProblemsDialog, recipientProblems } from '../components/ProblemsDialog';
import { DriveCheckBanner } from '../components/DriveCheckBanner';
import { routeHash, type Navigate } from './route';

export type ItemSort = 'title' | 'type' | 'recent';

/** What Home keeps while the person is away (in a reader): never saved anywhere. */
export interface HomeMemory {
  sort: ItemSort;
  view: ItemView;
  index: number;
  scrollOffset: number;
  /** Put focus back on the item that was opened. */
  returning: boolean;
}

const TYPE_ORDER: ItemType[] = ['article', 'book', 'video'];

function sortItems(items: LibraryItem[], sort: ItemSort, language: string): LibraryItem[] {
  const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
  const byTitle = (a: LibraryItem, b: LibraryItem) => collator.compare(a.title, b.title) || collator.compare(a.path, b.path);
  const sorted = [...items];
  if (sort === 'title') sorted.sort(byTitle);
  else if (sort === 'type') sorted.sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || byTitle(a, b));
  else sorted.sort((a, b) => b.mtimeMs - a.mtimeMs || byTitle(a, b));
  return sorted;
}

interface HomeScreenProps {
  library: LibraryInfo;
  collection: string | undefined;
  navigate: Navigate;
  memory: HomeMemory;
}

export function HomeScreen({ library, collection, navigate, memory }: HomeScreenProps) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<ItemSort>(memory.sort);
  const [view, setView] = useState<ItemView>(memory.view);
  const [showProblems, setShowProblems] = useState(false);
  const [returning] = useState(() => memory.returning);
  useEffect(() => {
    memory.returning = false;
  }, [memory]);

  const problems = useMemo(() => recipientProblems(library.problems), [library.problems]);
  const counts = useMemo(() => {
    const c: Record<ItemType, number> = { article: 0, book: 0, video: 0 };
    for (const item of library.items) c[item.type]++;
    return c;
  }, [library.items]);

  const shown = useMemo(() => {
    const inCollection = collection ? library.items.filter((i) => i.collections.includes(collection)) : library.items;
    return sortItems(inCollection, sort, i18n.language);
  }, [library.items, collection, sort, i18n.language]);

  const chooseCollection = (c: string | undefined) => {
    memory.index = 0;
    memory.scrollOffset = 0;
    navigate({ name: 'home', collection: c }, { replace: true });
  };
  const changeSort = (s: ItemSort) => {
    memory.sort = s;
    memory.index = 0;
    memory.scrollOffset = 0;
    setSort(s);
  };
  const changeView = (v: ItemView) => {
    memory.view = v;
    setView(v);
  };

  return (
    <div className="home">
      <section className="home-head" aria-labelledby="home-title">
        <div className="home-title-line">
          <h1 id="home-title" className="home-title">
            {library.title}
          </h1>
          {problems.length > 0 && (
            <button type="button" className="problems-badge" onClick={() => setShowProblems(true)} aria-haspopup="dialog">
              {t('problems.badge', { count: problems.length })}
            </button>
          )}
        </div>
        <p className="home-counts">
          <span className="visually-hidden">{t('home.contents')}: </span>
          {TYPE_ORDER.filter((type) => counts[type] > 0).map((type) => (
            <span key={type} className="home-count">
              {t(`count.${type}`, { count: counts[type] })}
            </span>
          ))}
        </p>
      </section>
      <DriveCheckBanner />

      <div className="home-controls">
        {library.collections.length > 0 && (
          <div className="chips" role="group" aria-label={t('home.collections')}>
            <button type="button" className="chip" aria-pressed={!collection} onClick={() => chooseCollection(undefined)}>
              {t('home.allCollections')}
            </button>
            {library.collections.map((c) => (
              <button key={c} type="button" className="chip" aria-pressed={collection === c} onClick={() => chooseCollection(c)}>
                {c}
              </button>
            ))}
          </div>
        )}
        <div className="home-toolbar">
          <label className="toolbar-field">
            <span>{t('home.sort')}</span>
            <select className="select" value={sort} onChange={(e) => changeSort(e.target.value as ItemSort)}>
              <option value="title">{t('home.sortTitle')}</option>
              <option value="type">{t('home.sortType')}</option>
              <option value="recent">{t('home.sortRecent')}</option>
            </select>
          </label>
          <div className="segmented" role="group" aria-label={t('home.view')}>
            <button type="button" aria-pressed={view === 'grid'} onClick={() => changeView('grid')}>
              {t('home.viewGrid')}
            </button>
            <button type="button" aria-pressed={view === 'list'} onClick={() => changeView('list')}>
              {t('home.viewList')}
            </button>
          </div>
          <span className="home-shown" aria-live="polite">
            {t('home.shown', { count: shown.length })}
          </span>
          <span className="home-keys">{t('home.keysHint')}</span>
        </div>
      </div>

      {shown.length === 0 ? (
        <p className="empty-note" role="status">
          {collection ? t('home.emptyCollection') : library.index.complete || library.index.phase === 'done' ? t('home.empty') : t('home.firstReading')}
        </p>
      ) : (
        <ItemGrid
          key={`${collection ?? ''}\u0000${sort}`}
          items={shown}
          view={view}
          label={collection ? `${t('home.itemsLabel')}: ${collection}` : t('home.itemsLabel')}
          hrefOf={(item) => routeHash({ name: 'read', path: item.path })}
          initialIndex={memory.index}
          initialOffset={memory.scrollOffset}
          focusOnMount={returning}
          onPlace={(index, offset) => {
            memory.index = index;
            memory.scrollOffset = offset;
          }}
        />
      )}

      {showProblems && <ProblemsDialog problems={problems} onClose={() => setShowProblems(false)} />}
    </div>
  );
}
