// Where the reader is, as a figure: from the page epub.js reports, how far through the whole book.
// The build's character counts (BookLocationsData) give an exact figure at once; otherwise
// locations generated here (small books), otherwise the spine position. Pure: tested on its own
// (tests/ui/book-progress.test.ts).
import type { BookLocationsData } from '../../../../main/api';
import type { BookPlace } from './book-types';

/** What epub.js reports after a page turn (the parts used here). */
export interface PageReport {
  start: { cfi: string; href: string; index: number; displayed: { page: number; total: number } };
  end: { cfi: string };
  atStart?: boolean;
  atEnd?: boolean;
}

export interface ProgressSources {
  /** Sections in the book's spine. */
  sections: number;
  /** The build's character counts, when they match this spine. */
  built?: BookLocationsData;
  /** The fraction generated locations give for a CFI, when they have been generated. */
  fromLocations?: (cfi: string) => number | undefined;
}

/** Progress from the build's character counts: the section's start plus the page's share of it. */
export function builtFraction(built: BookLocationsData | undefined, sections: number, index: number, page: number, pages: number): number | undefined {
  const sec = built?.sections[index];
  if (!built || built.total <= 0 || !sec || sec.start < 0 || built.sections.length !== sections) return undefined;
  return (sec.start + (pages > 0 ? (sec.chars * (page - 1)) / pages : 0)) / built.total;
}

export function placeOf(report: PageReport, sources: ProgressSources): BookPlace {
  const { start } = report;
  const n = sources.sections || 1;
  let fraction = (start.index + (start.displayed.total > 0 ? (start.displayed.page - 1) / start.displayed.total : 0)) / n;
  let exact = false;
  const fromBuild = builtFraction(sources.built, sources.sections, start.index, start.displayed.page, start.displayed.total);
  if (fromBuild !== undefined) {
    fraction = fromBuild;
    exact = true;
  } else {
    const p = sources.fromLocations?.(start.cfi);
    if (typeof p === 'number' && Number.isFinite(p)) {
      fraction = p;
      exact = true;
    }
  }
  // Locations are coarse in a short book: only the very last page says 100%.
  fraction = report.atEnd ? 1 : Math.min(fraction, 0.99);
  return {
    cfi: start.cfi, endCfi: report.end.cfi, href: start.href, sectionIndex: start.index, fraction, exact,
    page: start.displayed.page, pages: start.displayed.total, atStart: !!report.atStart, atEnd: !!report.atEnd,
  };
}
