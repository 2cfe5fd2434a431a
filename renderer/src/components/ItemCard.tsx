// One library item: a card with its cover (grid) or a row (list). Both are links to the reader.
import { useTranslation } from 'react-i18next';
import type { LibraryItem } from '../../../main/api';
import { languageName } from './format';
import { ItemCover } from './ItemCover';
import type { CoverLook } from './cover-look';
import { TypeIcon } from './TypeIcon';

interface ItemLinkProps {
  item: LibraryItem;
  href: string;
  index: number;
  setSize: number;
  tabIndex: number;
  onFocus: () => void;
  /** Picture or drawn, and the tone: decided over the whole list so neighbours differ. */
  look?: CoverLook;
}

function Notes({ item }: { item: LibraryItem }) {
  const { t } = useTranslation();
  const notes: string[] = [];
  if (item.video && !item.video.hasVideo) notes.push(t('home.noVideo'));
  if (item.chunkCount === 0) notes.push(t('home.notSearchable'));
  if (notes.length === 0) return null;
  return <span className="item-note">{notes.join(' · ')}</span>;
}

export function ItemCard({ item, href, index, setSize, tabIndex, onFocus, look }: ItemLinkProps) {
  const { t } = useTranslation();
  return (
    <div role="listitem" aria-posinset={index + 1} aria-setsize={setSize} className="item-cell">
      <a className="item-card" href={href} tabIndex={tabIndex} data-item-index={index} onFocus={onFocus}>
        <ItemCover item={item} look={look} />
        <span className="item-title" lang={item.language}>
          {item.title}
        </span>
        <span className="item-meta">
          <TypeIcon type={item.type} />
          <span>{t(`type.${item.type}`)}</span>
          {item.authors && item.authors.length > 0 && <span className="item-authors">· {item.authors.join(', ')}</span>}
        </span>
        <Notes item={item} />
      </a>
    </div>
  );
}

export function ItemRow({ item, href, index, setSize, tabIndex, onFocus, look }: ItemLinkProps) {
  const { t, i18n } = useTranslation();
  return (
    <div role="listitem" aria-posinset={index + 1} aria-setsize={setSize} className="item-cell">
      <a className="item-row" href={href} tabIndex={tabIndex} data-item-index={index} onFocus={onFocus}>
        <ItemCover item={item} size="small" look={look} />
        <span className="item-row-main">
          <span className="item-title" lang={item.language}>
            {item.title}
          </span>
          <span className="item-meta">
            <TypeIcon type={item.type} />
            <span>{t(`type.${item.type}`)}</span>
            {item.language && <span>· {languageName(item.language, i18n.language)}</span>}
            {item.authors && item.authors.length > 0 && <span className="item-authors">· {item.authors.join(', ')}</span>}
            {item.collections.length > 0 && <span className="item-collections">· {item.collections.join(', ')}</span>}
          </span>
        </span>
        {/* No dates: a file's time on the drive is when the drive was made, which a recipient must not see. */}
        <span className="item-row-side">
          <Notes item={item} />
        </span>
      </a>
    </div>
  );
}
