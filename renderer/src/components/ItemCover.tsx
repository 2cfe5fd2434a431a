// A book's own cover when it has one; otherwise a calm placeholder that shows what kind of item it
// is (the card says it in words beside it).
import { useState } from 'react';
import type { LibraryItem } from '../../../main/api';
import { useBackend } from '../api/context';
import { TypeIcon } from './TypeIcon';

export function ItemCover({ item, size = 'large' }: { item: LibraryItem; size?: 'large' | 'small' }) {
  const { urls } = useBackend();
  const [failed, setFailed] = useState(false);
  const className = `cover cover--${size} cover--${item.type}`;
  if (item.type === 'book' && item.book?.hasCover && !failed) {
    return (
      <span className={className}>
        <img src={urls.cover(item.path)} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailed(true)} />
      </span>
    );
  }
  return (
    <span className={`${className} cover--placeholder`} aria-hidden="true">
      <TypeIcon type={item.type} className="cover-icon" />
    </span>
  );
}
