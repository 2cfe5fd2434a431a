// Saving where a person is in an item. Nothing is saved once the page is being hidden (the panic
// key): hiding must never record which item was open.
import type { ChangmunApi } from '../../../../main/api';
import { isHiding } from '../../hiding';

/** Book: an EPUB CFI; article: a scroll fraction 0–1; film: seconds. */
export function savePlace(api: ChangmunApi, path: string, at: string | number): void {
  if (isHiding()) return;
  void api.savePosition(path, { at, updatedAt: new Date().toISOString() }).catch(() => undefined);
}
