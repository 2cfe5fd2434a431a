// Opening a book: the back end serves it entry by entry, through the scan's bounded zip reader (see
// main/core/serve/book-entries.ts): first the list of its entries, or why the book cannot be
// opened; then epub.js opens it as an unpacked folder and asks for each file when it needs it.
// Nothing is inflated here, nothing is fetched ahead ('none': no copies as data or blob URLs).
// Every section is cleaned as it is loaded (sanitize-section.ts), and the sections that cannot be
// shown are taken out of the reading order (readable-sections.ts). An SVG page in the spine is
// loaded as an XHTML page showing it (svg-page.ts), and cleaned as every section is.
//
// Interface: openBook(base, labels) → { book, unreadable }: the opened epub.js book and the spine
// indexes of the sections never to display or search; rejects with BookRefused (the back end's
// reason, in Korean and English) or an Error when the book is damaged.
import ePub, { type EpubBook } from 'epubjs';
import { bookPath } from './book-paths';
import { whyUnreadable } from './readable-sections';
import { replaceBrokenSection, sanitizeSection } from './sanitize-section';
import { isSvgPage, svgPageRequest } from './svg-page';

const OPEN_TIMEOUT_MS = 30_000;

/** A book the back end would not serve: its reason, in Korean and English, as the error. */
export class BookRefused extends Error {
  constructor(
    readonly status: number,
    readonly ko: string,
    readonly en: string,
  ) {
    super(`${ko} / ${en}`);
  }
}

export interface OpenedBook {
  book: EpubBook;
  /** Spine indexes of the sections that cannot be shown. */
  unreadable: Set<number>;
}

export interface OpenLabels {
  /** Shown in place of a remote image. */
  remoteImageLabel: string;
  /** Shown in place of a section the browser cannot parse. */
  brokenSectionLabel: string;
}

/**
 * Opens the book served at `base`. `adopt` receives the epub.js book as soon as it exists, so that
 * a reader closed while the book is opening can still destroy it.
 */
export async function openBook(base: string, labels: OpenLabels, adopt: (book: EpubBook) => void = () => undefined): Promise<OpenedBook> {
  const listed = await fetch(`${base}.list`);
  if (!listed.ok) throw await bookRefusal(listed);
  const names = new Set(((await listed.json()) as { entries: string[] }).entries);
  const folded = new Map<string, string | null>();
  for (const n of names) folded.set(n.toLowerCase(), folded.has(n.toLowerCase()) ? null : n);
  const exists = (name: string) => (names.has(name) || folded.get(name.toLowerCase()) ? { name, dir: false } : null);
  const book = ePub({ replacements: 'none' });
  adopt(book);
  // The addresses of the spine's SVG pages, known once the package is read (before any section is).
  const svgPages = new Set<string>();
  book.request = svgPageRequest(book.request.bind(book), () => svgPages);
  book.spine.hooks.content.register((doc, section) => {
    replaceBrokenSection(doc, labels.brokenSectionLabel);
    sanitizeSection(doc, labels.remoteImageLabel);
    // epub.js's own <base> (the section's address, so its pictures and styles load from the same
    // place): the sanitizer drops every <base>, this one is put back.
    if (section?.url) setBase(doc, section.url);
  });
  await withTimeout(book.open(`${base}.in/`, 'directory'), OPEN_TIMEOUT_MS, 'opening the book');
  await withTimeout(book.ready, OPEN_TIMEOUT_MS, 'reading the book');
  if (book.spine.spineItems.length === 0) throw new Error('changmun: the book has no sections');
  // Sections that name missing files, entries climbing out of the zip, or pictures: out of the
  // reading order (epub.js's next/prev skip non-linear sections), never displayed or searched.
  const unreadable = new Set<number>();
  const manifest = book.packaging?.manifest ?? {};
  for (const section of book.spine.spineItems) {
    const type = manifest[section.idref]?.type;
    const why = whyUnreadable(`/${bookPath(section.url)}`, type, exists);
    if (why) {
      unreadable.add(section.index);
      section.linear = false;
    } else if (isSvgPage(type)) {
      const url = book.resolve(section.url);
      if (url !== undefined) svgPages.add(url);
    }
  }
  if (unreadable.size === book.spine.spineItems.length) throw new Error("changmun: none of the book's sections can be read");
  return { book, unreadable };
}

async function bookRefusal(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => undefined)) as { error?: { ko?: string; en?: string } } | undefined;
  if (res.status === 404) return new BookRefused(404, '책 파일을 찾을 수 없습니다', 'the book file was not found');
  return new BookRefused(res.status, body?.error?.ko ?? '이 책을 열 수 없습니다', body?.error?.en ?? 'this book cannot be opened');
}

/** The document's one <base>, pointing at `href`. */
function setBase(doc: Document, href: string): void {
  const XHTML = 'http://www.w3.org/1999/xhtml';
  const root = doc.documentElement;
  if (!root) return;
  let head = Array.from(root.children).find((c) => c.localName === 'head');
  if (!head) {
    head = doc.createElementNS(XHTML, 'head');
    root.insertBefore(head, root.firstChild);
  }
  const base = doc.createElementNS(XHTML, 'base');
  base.setAttribute('href', href);
  head.insertBefore(base, head.firstChild);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`changmun: ${what} took longer than ${ms / 1000} s`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
