// Issue 14: how far through a book the reader is, on its own. The figure a person sees under the
// page: exact from the drive's build (its character counts) where they match the book, from the
// locations worked out here for a small book, otherwise from the position in the reading order; never
// 100% before the last page.
import { describe, expect, it } from 'vitest';
import { builtFraction, placeOf, type PageReport } from '../../renderer/src/readers/book/book-progress';

const page = (index: number, p: number, total: number, extra: Partial<PageReport> = {}): PageReport => ({
  start: { cfi: `epubcfi(/6/${2 * (index + 1)}!/4/2:0)`, href: `s${index}.xhtml`, index, displayed: { page: p, total } },
  end: { cfi: `epubcfi(/6/${2 * (index + 1)}!/4/8:0)` },
  ...extra,
});

// Three sections: a short cover, a long chapter, a short one (characters).
const built = { total: 10_000, sections: [{ href: 's0.xhtml', start: 0, chars: 100 }, { href: 's1.xhtml', start: 100, chars: 9_000 }, { href: 's2.xhtml', start: 9_100, chars: 900 }] };

describe('the progress figure', () => {
  it('comes from the build: the section’s start plus the page’s share of it', () => {
    const at = placeOf(page(1, 6, 10), { sections: 3, built });
    expect(at.exact).toBe(true);
    expect(at.fraction).toBeCloseTo((100 + 9_000 * 0.5) / 10_000, 6);
    expect(at).toMatchObject({ href: 's1.xhtml', sectionIndex: 1, page: 6, pages: 10, atStart: false, atEnd: false });
  });

  it('ignores build counts that do not match this book’s reading order', () => {
    expect(builtFraction(built, 4, 1, 1, 1)).toBeUndefined();
    expect(builtFraction({ total: 0, sections: [] }, 0, 0, 1, 1)).toBeUndefined();
    const at = placeOf(page(1, 6, 10), { sections: 4, built });
    expect(at.exact).toBe(false);
    // The position in the reading order: section 1 of 4, half-way through it.
    expect(at.fraction).toBeCloseTo((1 + 0.5) / 4, 6);
  });

  it('uses generated locations when there is no build figure', () => {
    const at = placeOf(page(2, 1, 3), { sections: 3, fromLocations: () => 0.42 });
    expect(at).toMatchObject({ exact: true, fraction: 0.42 });
    const none = placeOf(page(2, 1, 3), { sections: 3, fromLocations: () => undefined });
    expect(none.exact).toBe(false);
  });

  it('says 100% only on the last page, and never more than 99% before it', () => {
    expect(placeOf(page(2, 3, 3), { sections: 3, built, fromLocations: () => 1 }).fraction).toBeLessThanOrEqual(0.99);
    expect(placeOf(page(2, 3, 3, { atEnd: true }), { sections: 3, built }).fraction).toBe(1);
    expect(placeOf(page(0, 1, 1, { atStart: true }), { sections: 3, built }).atStart).toBe(true);
  });
});
