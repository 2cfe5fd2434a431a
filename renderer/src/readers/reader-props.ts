// What every reader is given (Reader.tsx picks the reader; the readers import this, not Reader.tsx).
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
