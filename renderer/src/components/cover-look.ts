// How each item's cover looks on the home screen (issue 16): its own picture where it has one (a
// book's cover, an article's first picture, a film's poster or frame), else a cover drawn from its
// title in one of a few tones picked from the title — and never the same as its neighbour's: not the
// same picture twice in a row (two articles with one photo), not the same tone beside or above.
import type { LibraryItem } from '../../../main/api';

/** How many tones the drawn covers have (cover--tone-0 … in ItemCover.css). */
export const COVER_TONES = 10;

export interface CoverLook {
  /** Ask covers/<path> for the item's picture (drawn instead when there is none). */
  picture: boolean;
  /** The drawn cover's tone, 0 … COVER_TONES-1. */
  tone: number;
}

/** FNV-1a over the title's UTF-16 code units: the same title gives the same tone on every PC. */
export function titleHash(title: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) {
    h ^= title.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The library file an item's picture comes from, when it has one to ask for. */
export function pictureSource(item: LibraryItem): string | undefined {
  if (item.cover) return item.cover.source;
  return item.type === 'book' && item.book?.hasCover ? item.path : undefined;
}

/**
 * Every item's look, in order, for a grid of `columns` (1 for a list). A picture is shown unless the
 * item before showed the very same one; a tone comes from the title, moved on to the next free one
 * when the item before or the one above has it. Every item gets a tone, so a picture that fails to
 * load falls back to a drawn cover that still differs from its neighbours.
 */
export function coverLooks(items: readonly LibraryItem[], columns = 1): CoverLook[] {
  const looks: CoverLook[] = [];
  let previousSource: string | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const source = pictureSource(item);
    const picture = source !== undefined && source !== previousSource;
    previousSource = picture ? source : undefined;
    const taken = new Set<number>();
    if (i > 0) taken.add(looks[i - 1]!.tone);
    if (columns > 1 && i >= columns) taken.add(looks[i - columns]!.tone);
    let tone = titleHash(`${item.title}\u0000${item.authors?.join(',') ?? ''}`) % COVER_TONES;
    while (taken.has(tone)) tone = (tone + 1) % COVER_TONES;
    looks.push({ picture, tone });
  }
  return looks;
}
