// EPUB reading locations, worked out once at build time. epub.js makes its locations in the browser
// by loading every section and walking its text (`locations.generate`, slow: epub.js#1405), which
// needs a DOM this builder does not have. What the reader needs from them is how far through the
// book a place is, so this counts the characters of every spine section the way epub.js counts them
// (the text nodes under <body> that are not only white space) and keeps each section's count and
// its offset in the book. Progress at page p of P in section i is then
//   (sections[i].start + sections[i].chars * (p - 1) / P) / total
// without opening any other section.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ChildNode, Document } from 'domhandler';
import { DataDir } from '../drive/data-dir.js';
import { openZip } from '../extract/epub/zip.js';
import { decodeMarkup } from '../extract/epub/text.js';
import { parseBoundedDocument, TOO_DEEP } from '../extract/parse-document.js';
import { ExtractError } from '../errors.js';
import type { SpineEntry } from '../types.js';

export const BOOK_LOCATIONS_FILE = 'book-locations.json';
export const BOOK_LOCATIONS_FORMAT = 1;

export interface SectionLocation {
  /** The spine section's path inside the zip (as the catalog's locators name it). */
  href: string;
  linear: boolean;
  /** Characters of text in the section (UTF-16 code units, as the browser counts them). */
  chars: number;
  /** Characters of the linear sections before this one (non-linear sections: -1). */
  start: number;
}

export interface BookLocations {
  size: number;
  mtimeMs: number;
  /** Characters in all linear sections. */
  total: number;
  sections: SectionLocation[];
}

export interface BookLocationsFile {
  format: number;
  unit: 'characters';
  books: Record<string, BookLocations>;
}

export interface BookToLocate {
  /** Library-relative path. */
  path: string;
  absPath: string;
  size: number;
  mtimeMs: number;
  spine: SpineEntry[];
}

export interface LocationsSummary {
  file: string;
  books: number;
  computed: number;
  reused: number;
  failed: { path: string; detail: string }[];
}

/** Work out (or reuse) the locations of every book and write them under the data folder. */
export async function writeBookLocations(
  dataDir: string,
  books: BookToLocate[],
  onProgress?: (done: number, total: number, current?: string) => void,
  /** Work out every book again, reusing nothing from the file on the drive. */
  fresh = false,
): Promise<LocationsSummary> {
  const file = path.join(dataDir, BOOK_LOCATIONS_FILE);
  const previous = fresh ? undefined : await readBookLocations(dataDir);
  const out: BookLocationsFile = { format: BOOK_LOCATIONS_FORMAT, unit: 'characters', books: {} };
  const summary: LocationsSummary = { file, books: books.length, computed: 0, reused: 0, failed: [] };
  let done = 0;
  for (const book of books) {
    onProgress?.(done, books.length, book.path);
    const old = previous?.books[book.path];
    if (old && old.size === book.size && old.mtimeMs === book.mtimeMs) {
      out.books[book.path] = old;
      summary.reused++;
    } else {
      try {
        out.books[book.path] = { size: book.size, mtimeMs: book.mtimeMs, ...(await locateBook(book.absPath, book.spine)) };
        summary.computed++;
      } catch (e) {
        summary.failed.push({ path: book.path, detail: e instanceof Error ? e.message : String(e) });
      }
    }
    done++;
  }
  onProgress?.(done, books.length);
  const text = `${JSON.stringify(out, null, 1)}\n`;
  // Unchanged, the file is left alone: its time stays, and so does its hash in the manifest.
  const before = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (before !== text) await new DataDir(dataDir).write(BOOK_LOCATIONS_FILE, text);
  return summary;
}

export async function readBookLocations(dataDir: string): Promise<BookLocationsFile | undefined> {
  try {
    const f = JSON.parse(await fs.readFile(path.join(dataDir, BOOK_LOCATIONS_FILE), 'utf8')) as BookLocationsFile;
    return f.format === BOOK_LOCATIONS_FORMAT && typeof f.books === 'object' && f.books !== null ? f : undefined;
  } catch {
    return undefined;
  }
}

export async function locateBook(absPath: string, spine: SpineEntry[]): Promise<{ total: number; sections: SectionLocation[] }> {
  const zip = await openZip({ path: absPath });
  try {
    const sections: SectionLocation[] = [];
    let total = 0;
    for (const entry of spine) {
      let chars = 0;
      if (/html|xml/.test(entry.mediaType) || /\.x?html?$/i.test(entry.href)) {
        const markup = decodeMarkup(await zip.read(entry.href));
        const xml = entry.mediaType !== 'text/html' && !/\.html?$/i.test(entry.href);
        try {
          chars = countBodyText(parseBoundedDocument(markup, { xmlMode: xml, decodeEntities: true, recognizeSelfClosing: true }));
        } catch (e) {
          // Nested too deep to parse (the reader shows a short note there instead): no text.
          if (!(e instanceof ExtractError && e.detail === TOO_DEEP)) throw e;
        }
      }
      sections.push({ href: entry.href, linear: entry.linear, chars, start: entry.linear ? total : -1 });
      if (entry.linear) total += chars;
    }
    return { total, sections };
  } finally {
    zip.close();
  }
}

/** Characters in the text nodes under <body> that hold more than white space (as epub.js counts). */
export function countBodyText(doc: Document): number {
  const body = findBody(doc.children);
  let chars = 0;
  // A stack, not recursion: a hostile book may nest elements thousands deep.
  const stack: ChildNode[] = body ? [...body].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      if (node.data.trim().length > 0) chars += node.data.length;
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return chars;
}

function findBody(nodes: ChildNode[]): ChildNode[] | undefined {
  const queue = [...nodes];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    if (n.type === 'tag' && n.name.replace(/^.*:/, '').toLowerCase() === 'body') return n.children;
    if ('children' in n) for (const c of n.children) queue.push(c);
  }
  return undefined;
}
