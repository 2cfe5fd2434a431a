// Which spine sections the reader can show. A book's spine may name files that are not in the zip,
// entries written to climb out of it (`../../x.xhtml`, `/x.xhtml`, `C:/x.xhtml` — JSZip quietly
// strips the `../` and keeps the name as written in `unsafeOriginalName`), or things that are not
// pages at all (a JPEG picture, a CSS file). epub.js would load the cleaned-up name, or hang on the
// missing file, or throw on the picture; the extractor (main/core/extract/epub) refuses the same
// entries, so the reader must not show them either. An SVG document (`image/svg+xml`) is a page:
// the extractor reads its words and the reader shows it (svg-page.ts). Unreadable sections are left
// out of the reading order; their indexes stay, so CFIs and the build's locations still line up.

import { isSvgPage } from './svg-page';

export type Unreadable = 'missing' | 'outside' | 'not-a-page';

export interface ZipEntryLike {
  name: string;
  unsafeOriginalName?: string;
  dir: boolean;
}

/** Extensions epub.js parses into a document (anything else comes back as a string). */
const PAGE_EXTENSION = /\.(x?html?|xml)$/i;

/** A name that would leave the archive: `..` segments, a leading slash, a drive letter, backslashes. */
export function climbsOut(name: string): boolean {
  return name.includes('\\') || name.startsWith('/') || /^[a-z]:/i.test(name) || name.split('/').includes('..');
}

/**
 * Why the section at `url` (as epub.js resolved it: `/` + the zip path, percent-encoded) cannot be
 * shown, or null when it can. `file` looks an entry up in the zip the way epub.js does.
 */
export function whyUnreadable(url: string, mediaType: string | undefined, file: (name: string) => ZipEntryLike | null): Unreadable | null {
  let name: string;
  try {
    // What epub.js's archive does with the URL before asking the zip.
    name = decodeURIComponent(url.slice(1));
  } catch {
    return 'missing';
  }
  if (climbsOut(name)) return 'outside';
  const entry = file(name);
  if (!entry || entry.dir) return 'missing';
  if (entry.unsafeOriginalName !== undefined && entry.unsafeOriginalName !== entry.name) return 'outside';
  if (climbsOut(entry.name)) return 'outside';
  const type = (mediaType ?? '').trim().toLowerCase();
  if (isSvgPage(type)) return null;
  if (!PAGE_EXTENSION.test(name) || type.startsWith('image/') || type.startsWith('text/css') || type.startsWith('audio/') || type.startsWith('video/')) {
    return 'not-a-page';
  }
  return null;
}
