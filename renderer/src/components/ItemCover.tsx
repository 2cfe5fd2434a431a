// An item's cover: its own picture where it has one (a book's cover, an article's first picture, a
// film's poster or the frame build took), else a cover drawn from its title and author in a tone
// taken from the title (cover-look.ts decides, so two neighbours never look the same). The drawn
// cover's words use the app's own font, so Korean reads on a PC without a Korean font.
import { useState } from 'react';
import type { LibraryItem } from '../../../main/api';
import { useBackend } from '../api/context';
import { coverLooks, type CoverLook } from './cover-look';
import { TypeIcon } from './TypeIcon';
import './ItemCover.css';

export function ItemCover({ item, size = 'large', look }: { item: LibraryItem; size?: 'large' | 'small'; look?: CoverLook }) {
  const { urls } = useBackend();
  const [failed, setFailed] = useState(false);
  const { picture, tone } = look ?? coverLooks([item])[0]!;
  const className = `cover cover--${size} cover--${item.type}`;
  if (picture && !failed) {
    const src = urls.cover(item.path);
    return (
      <span className={className} data-cover={`picture:${src}`}>
        <img src={src} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailed(true)} />
      </span>
    );
  }
  const author = item.authors?.slice(0, 2).join(', ');
  // The first letter stands for the title where the cover is too small for words (a list row).
  const initial = Array.from(item.title.trim())[0] ?? '';
  return (
    <span className={`${className} cover--drawn cover--tone-${tone}`} data-cover={`drawn:${tone}`} aria-hidden="true">
      <span className="cover-drawn-inner">
        <TypeIcon type={item.type} className="cover-drawn-icon" />
        <span className="cover-drawn-title" lang={item.language}>
          {item.title}
        </span>
        {author && <span className="cover-drawn-author">{author}</span>}
        <span className="cover-drawn-initial" lang={item.language}>
          {initial}
        </span>
      </span>
    </span>
  );
}
