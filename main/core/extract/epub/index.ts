// EPUB 2 and 3 books: metadata, spine, table of contents and the text of every section, read from
// an untrusted zip within fixed bounds. Only ExtractError leaves this module.
import path from 'node:path';
import type { BookExtract, Chunk, SpineEntry, TocEntry } from '../../types.js';
import { ExtractError } from '../../errors.js';
import { encryptedPaths, packagePath, parsePackage, type ManifestItem, type PackageDocument } from './opf.js';
import { navToc, ncxToc, pruneToc } from './toc.js';
import { decodeMarkup, sectionText, svgPageText } from './text.js';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipInput, type ZipLimits, type ZipReader } from './zip.js';
import { TOO_DEEP } from '../parse-document.js';

const CONTAINER = 'META-INF/container.xml';
const TEXT_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/xml', 'text/xml', '']);
/** An SVG document in the spine itself is a page of the book (EPUB 3 allows it): read for the words it draws. */
const SVG_PAGE_TYPE = 'image/svg+xml';
/** What a page counts as when it is a picture and nothing else. */
const PICTURE_PAGE = { pictures: 1, letters: 0 };

/** A page is a picture when it says fewer than this many letters per picture it shows (a page number, a caption). */
const LETTERS_PER_PICTURE = 20;
/** A book is pictures only when at least this share of its pages are pictures. */
const PICTURE_PAGES_SHARE = 0.75;

/**
 * Whether a book is pictures only (a comic, a picture book): most of its pages are pictures with
 * next to no words of their own (an alt text is not the page's words; a title or copyright page
 * does not make it a text). `pages` are its spine's pages: those read as text, and pictures put in
 * the spine as they are.
 */
export function picturesOnly(pages: { pictures: number; letters: number }[]): boolean {
  if (pages.length === 0) return false;
  const pictures = pages.filter((p) => p.pictures > 0 && p.letters < LETTERS_PER_PICTURE * p.pictures).length;
  return pictures >= PICTURE_PAGES_SHARE * pages.length;
}

export async function extractEpub(input: ZipInput): Promise<BookExtract> {
  const zip = await openZip(input);
  try {
    return await readBook(zip, 'path' in input ? input.path : undefined);
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    throw new ExtractError('corrupt', `unexpected failure: ${messageOf(e)}`, { cause: e });
  } finally {
    zip.close();
  }
}

/**
 * The package of a book, and the checks every reader of it shares (the scan, and the route that
 * serves the book reader its entries one by one): a container and a package document, and every
 * file the manifest lists within the limits — each entry's declared size and compression ratio, and
 * all of them together. A book that fails here is a problem entry in the scan and cannot be opened
 * in the reader either. Throws ExtractError.
 */
export async function openBookPackage(zip: ZipReader, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<{ pkg: PackageDocument; opfName: string }> {
  const containerName = zip.find(CONTAINER);
  if (containerName === undefined) throw new ExtractError('corrupt', `no package document: ${CONTAINER} is missing`);
  const opfPath = packagePath(await readPackageText(zip, containerName));
  const opfName = opfPath === undefined ? undefined : zip.find(opfPath);
  if (opfName === undefined) {
    throw new ExtractError('corrupt', `no package document: ${opfPath ?? `${CONTAINER} names none`}${opfPath ? ' is not in the archive' : ''}`);
  }
  const pkg = parsePackage(await readPackageText(zip, opfName), opfName);
  if (pkg === undefined) throw new ExtractError('corrupt', `no package document: ${opfName} has no <package> with a manifest`);
  checkManifestItems(zip, pkg, limits);
  return { pkg, opfName };
}

/** Every manifest item, not only the spine: a picture or a font is inflated by the reader too. */
function checkManifestItems(zip: ZipReader, pkg: PackageDocument, limits: ZipLimits): void {
  let total = 0;
  const counted = new Set<string>();
  for (const item of pkg.manifest.values()) {
    const name = zip.find(item.href) ?? (item.literalHref === undefined ? undefined : zip.find(item.literalHref));
    if (name === undefined || counted.has(name)) continue;
    counted.add(name);
    const size = zip.sizeOf(name)!;
    if (size.inflated > limits.maxEntryBytes) throw new ExtractError('too-large', `${name} would inflate to ${size.inflated} bytes (limit ${limits.maxEntryBytes})`);
    const ratio = size.inflated / Math.max(1, size.compressed);
    if (size.inflated > limits.ratioFloorBytes && ratio > limits.maxRatio) throw new ExtractError('too-large', `${name} inflates ${Math.round(ratio)}:1, a zip bomb`);
    total += size.inflated;
    if (total > limits.maxTotalBytes) throw new ExtractError('too-large', `the files the book lists would inflate to more than ${limits.maxTotalBytes} bytes`);
  }
}

async function readBook(zip: ZipReader, filePath: string | undefined): Promise<BookExtract> {
  const { pkg } = await openBookPackage(zip);

  const locate = (item: ManifestItem | undefined) =>
    item && (zip.find(item.href) ?? (item.literalHref === undefined ? undefined : zip.find(item.literalHref)));

  // A spine item whose file is missing is skipped: the rest of the book is still worth reading.
  // A file listed twice is read once, so that no two chunks share a locator.
  const spine: SpineEntry[] = [];
  const inSpine = new Set<string>();
  for (const ref of pkg.spine) {
    const item = pkg.manifest.get(ref.idref);
    const name = locate(item);
    if (!item || name === undefined || inSpine.has(name)) continue;
    inSpine.add(name);
    spine.push({ href: name, mediaType: item.mediaType, linear: ref.linear });
  }
  if (spine.length === 0) {
    throw new ExtractError('no-content', `none of the ${pkg.spine.length} spine items is in the archive`);
  }

  // A table of contents that cannot be parsed (nested thousands deep) costs only itself.
  const toc = await readToc(zip, pkg, locate).catch((e: unknown) => {
    if (e instanceof ExtractError && e.detail === TOO_DEEP) return [];
    throw e;
  });
  const labels = new Map<string, string>();
  const collect = (entries: TocEntry[]) => {
    for (const e of entries) {
      const file = e.href.split('#')[0]!;
      if (!labels.has(file)) labels.set(file, e.label);
      collect(e.children);
    }
  };
  collect(toc);

  const locked = await readEncryption(zip);
  const chunks: Chunk[] = [];
  const sections: { href: string; title?: string; heading?: string; language?: string }[] = [];
  const pages: { pictures: number; letters: number }[] = [];
  let textSections = 0;
  let lockedSections = 0;
  let failure: ExtractError | undefined;
  for (const entry of spine) {
    const svg = entry.mediaType === SVG_PAGE_TYPE;
    if (!svg && !TEXT_TYPES.has(entry.mediaType) && !/\.x?html?$/i.test(entry.href)) {
      // A picture in the spine (a JPEG or PNG page): a page of the book that is a picture.
      if (/^image\//i.test(entry.mediaType)) pages.push(PICTURE_PAGE);
      continue;
    }
    // An SVG page that cannot be read is still a picture of the book and costs only itself (the
    // reader shows its note there): a book of such pages is not refused for them. A locked one
    // counts towards "the book is locked with DRM" like any page.
    if (!svg || locked.has(entry.href)) textSections++;
    if (locked.has(entry.href)) {
      lockedSections++;
      if (svg) pages.push(PICTURE_PAGE);
      continue;
    }
    const markup = await readOptionalText(zip, entry.href);
    if (markup instanceof ExtractError) {
      if (svg) pages.push(PICTURE_PAGE);
      else failure ??= markup;
      continue;
    }
    let section: ReturnType<typeof sectionText>;
    try {
      section = svg ? svgPageText(markup, entry.href, labels.get(entry.href)) : sectionText(markup, entry.href, entry.mediaType, labels.get(entry.href));
    } catch (e) {
      // Markup nested thousands deep overflows the stack of any recursive walk; lose that file only.
      if (svg) pages.push(PICTURE_PAGE);
      else failure ??= new ExtractError('corrupt', `${entry.href} could not be parsed: ${messageOf(e)}`, { cause: e });
      continue;
    }
    pages.push({ pictures: section.pictures, letters: section.letters });
    // A drawing without words is a page, not a section of text: it neither names the book nor
    // makes a book whose text pages all failed readable.
    if (svg && section.chunks.length === 0) continue;
    chunks.push(...section.chunks);
    sections.push({ href: entry.href, title: section.title, heading: section.heading, language: section.language });
  }
  if (textSections > 0 && sections.length === 0) {
    if (lockedSections > 0) throw new ExtractError('unsupported', 'the book is locked with DRM (META-INF/encryption.xml)');
    throw failure ?? new ExtractError('no-content', 'no section of the book could be read');
  }

  const coverName = locate(pkg.cover);
  const fallbackTitle = filePath === undefined ? '' : path.basename(filePath).replace(/\.epub$/i, '');
  return {
    kind: 'book',
    // Without a declared title the file name says more than a first page's <title> ("Cover").
    title: pkg.title || fallbackTitle.normalize('NFC') || sections.find((f) => f.heading)?.heading || sections.find((f) => f.title)?.title || '',
    authors: pkg.authors,
    language: pkg.language ?? sections.find((f) => f.language)?.language,
    description: pkg.description,
    cover: coverName !== undefined && pkg.cover ? { href: coverName, mediaType: pkg.cover.mediaType } : undefined,
    direction: pkg.direction,
    epubVersion: pkg.version,
    // A book without a usable table of contents still gets one, from its sections' headings.
    toc: toc.length > 0 ? toc : sections.flatMap((f) => {
      const label = f.heading ?? f.title;
      return label ? [{ label, href: f.href, children: [] }] : [];
    }),
    spine,
    chunks,
    ...(picturesOnly(pages) ? { picturesOnly: true as const } : {}),
  };
}

async function readToc(
  zip: ZipReader,
  pkg: PackageDocument,
  locate: (item: ManifestItem | undefined) => string | undefined,
): Promise<TocEntry[]> {
  // Point every entry at the zip's real file name, and drop entries whose file is not there.
  const fix = (href: string) => {
    const hash = href.indexOf('#');
    const name = zip.find(hash < 0 ? href : href.slice(0, hash));
    return name === undefined ? undefined : name + (hash < 0 ? '' : href.slice(hash));
  };
  const navName = locate(pkg.nav);
  if (navName !== undefined) {
    const markup = await readOptionalText(zip, navName);
    const toc = typeof markup === 'string' ? pruneToc(navToc(markup, navName), fix) : [];
    if (toc.length > 0) return toc;
  }
  const ncxName = locate(pkg.ncx);
  if (ncxName !== undefined) {
    const markup = await readOptionalText(zip, ncxName);
    if (typeof markup === 'string') return pruneToc(ncxToc(markup, ncxName), fix);
  }
  return [];
}

async function readEncryption(zip: ZipReader): Promise<Set<string>> {
  const name = zip.find('META-INF/encryption.xml');
  const xml = name === undefined ? undefined : await readOptionalText(zip, name);
  return typeof xml === 'string' ? encryptedPaths(xml) : new Set();
}

async function readText(zip: ZipReader, name: string): Promise<string> {
  return decodeMarkup(await zip.read(name));
}

/** container.xml and the OPF must be text; if they are not, the book is damaged. */
async function readPackageText(zip: ZipReader, name: string): Promise<string> {
  try {
    return await readText(zip, name);
  } catch (e) {
    if (e instanceof ExtractError && e.code === 'encoding') throw new ExtractError('corrupt', `${name} is not text: ${e.detail}`);
    throw e;
  }
}

/**
 * A file that is not text (or uses a compression we cannot read) costs only that file, and comes
 * back as its error; size limits and damage still stop the whole book.
 */
async function readOptionalText(zip: ZipReader, name: string): Promise<string | ExtractError> {
  try {
    return await readText(zip, name);
  } catch (e) {
    if (e instanceof ExtractError && (e.code === 'encoding' || e.code === 'unsupported')) return e;
    throw e;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
