// Placeholder: the readers (article, book, video) land here. Owned by the readers' work.
import type { LibraryItem, SearchHit } from '../../../main/api';

export interface ReaderProps {
  item: LibraryItem;
  /** Every hit of this item from the search that opened it, in document order. */
  hits?: SearchHit[];
  /** Which of `hits` to open at. */
  hitIndex?: number;
  /** The analysed query terms to highlight (SearchResponse.terms). */
  terms?: string[];
  onClose: () => void;
}

export function Reader({ item }: ReaderProps) {
  return <article>{item.title}</article>;
}
