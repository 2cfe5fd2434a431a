// Issue 16: the home grid never shows the same picture twice in a row, and drawn covers take a tone
// from the title that differs from the item before and the one above — whatever the list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LibraryItem } from '../../main/api';
import { COVER_TONES, coverLooks, titleHash } from '../../renderer/src/components/cover-look';

function item(title: string, source?: string, type: LibraryItem['type'] = 'article'): LibraryItem {
  return { path: `${title}.md`, type, title, collections: [], size: 1, mtimeMs: 0, chunkCount: 1, ...(source ? { cover: { source } } : {}) };
}

describe('cover looks', () => {
  it('draws the second of two items with the same picture side by side', () => {
    const looks = coverLooks([item('가', 'a/사진.jpg'), item('나', 'a/사진.jpg'), item('다', 'a/사진.jpg'), item('라', 'b.png')]);
    expect(looks.map((l) => l.picture)).toEqual([true, false, true, true]);
  });

  it('gives a book with its own cover its picture, and an item with none a drawn cover', () => {
    const book: LibraryItem = { ...item('책', undefined, 'book'), book: { direction: 'ltr', hasCover: true, toc: [] } };
    expect(coverLooks([book, item('글')]).map((l) => l.picture)).toEqual([true, false]);
  });

  it('takes the tone from the title, the same on every run', () => {
    expect(coverLooks([item('동백꽃')])[0]!.tone).toBe(titleHash('동백꽃\u0000') % COVER_TONES);
    expect(coverLooks([item('동백꽃')])).toEqual(coverLooks([item('동백꽃')]));
  });

  it('never gives an item the tone of the one before or the one above, whatever the titles and columns', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (titles, columns) => {
        const looks = coverLooks(titles.map((t) => item(t)), columns);
        looks.forEach((l, i) => {
          expect(l.tone).toBeGreaterThanOrEqual(0);
          expect(l.tone).toBeLessThan(COVER_TONES);
          if (i > 0) expect(l.tone).not.toBe(looks[i - 1]!.tone);
          if (columns > 1 && i >= columns) expect(l.tone).not.toBe(looks[i - columns]!.tone);
        });
      }),
    );
  });
});
