// The package document (OPF) and what points to it: container.xml names the OPF, the OPF names the
// book's metadata, its files (manifest) and their reading order (spine).
import type { Element } from 'domhandler';
import { textContent } from 'domutils';
import { htmlToText } from '../html-text.js';
import { tidyText } from '../../../text/chunking.js';
import { attr, children, elements, first, parseXml, textOf, tokens } from './dom.js';
import { resolveHref } from './paths.js';

export interface ManifestItem {
  id: string;
  /** Zip path, percent-decoded. */
  href: string;
  /** Zip path taken literally, for file names that contain a real `%`; undefined when the same. */
  literalHref?: string;
  mediaType: string;
  properties: string[];
}

export interface SpineRef {
  idref: string;
  linear: boolean;
}

export interface PackageDocument {
  version: string;
  title?: string;
  authors: string[];
  language?: string;
  description?: string;
  cover?: ManifestItem;
  direction: 'ltr' | 'rtl' | 'default';
  manifest: Map<string, ManifestItem>;
  spine: SpineRef[];
  /** EPUB 3 navigation document. */
  nav?: ManifestItem;
  /** EPUB 2 table of contents (NCX). */
  ncx?: ManifestItem;
}

/** The OPF's zip path from META-INF/container.xml, or undefined when it names none. */
export function packagePath(containerXml: string): string | undefined {
  const rootfiles = elements(parseXml(containerXml), 'rootfile');
  const opf = rootfiles.find((r) => attr(r, 'media-type') === 'application/oebps-package+xml') ?? rootfiles[0];
  const fullPath = opf && attr(opf, 'full-path');
  return fullPath ? resolveHref('', fullPath)?.path : undefined;
}

/** Undefined when the markup has no `<package>` with a manifest: not a package document. */
export function parsePackage(xml: string, opfPath: string): PackageDocument | undefined {
  const doc = parseXml(xml);
  const pkg = first(doc, 'package');
  const manifestEl = pkg && first(pkg, 'manifest');
  if (!pkg || !manifestEl) return undefined;
  const metadata = first(pkg, 'metadata');
  const spineEl = first(pkg, 'spine');

  const manifest = new Map<string, ManifestItem>();
  for (const el of children(manifestEl, 'item')) {
    const id = attr(el, 'id');
    const href = attr(el, 'href');
    const resolved = href === undefined ? undefined : resolveHref(opfPath, href);
    if (!id || !resolved || manifest.has(id)) continue;
    const literal = resolveHref(opfPath, href!, false)?.path;
    manifest.set(id, {
      id,
      href: resolved.path,
      literalHref: literal !== resolved.path ? literal : undefined,
      mediaType: (attr(el, 'media-type') ?? '').trim().toLowerCase(),
      properties: tokens(attr(el, 'properties')),
    });
  }

  const spine: SpineRef[] = spineEl
    ? children(spineEl, 'itemref').flatMap((el) => {
        const idref = attr(el, 'idref');
        return idref ? [{ idref, linear: attr(el, 'linear')?.trim() !== 'no' }] : [];
      })
    : [];

  const items = [...manifest.values()];
  const ncxId = spineEl && attr(spineEl, 'toc');
  const ppd = spineEl && attr(spineEl, 'page-progression-direction')?.trim().toLowerCase();
  const meta = metadata ? readMetadata(metadata) : { authors: [] };
  return {
    version: attr(pkg, 'version')?.trim() ?? '',
    ...meta,
    cover: findCover(metadata, manifest, items),
    direction: ppd === 'rtl' || ppd === 'ltr' ? ppd : 'default',
    manifest,
    spine,
    nav: items.find((i) => i.properties.includes('nav')),
    ncx: (ncxId ? manifest.get(ncxId) : undefined) ?? items.find((i) => i.mediaType === 'application/x-dtbncx+xml'),
  };
}

type Metadata = Pick<PackageDocument, 'title' | 'authors' | 'language' | 'description'>;

function readMetadata(metadata: Element): Metadata {
  // EPUB 3 says more about an element through <meta refines="#id" property="…">.
  const refined = new Map<string, Map<string, string>>();
  for (const m of elements(metadata, 'meta')) {
    const target = attr(m, 'refines')?.trim();
    const property = attr(m, 'property')?.trim();
    if (!target?.startsWith('#') || !property) continue;
    const props = refined.get(target.slice(1)) ?? new Map<string, string>();
    if (!props.has(property)) props.set(property, textOf(m));
    refined.set(target.slice(1), props);
  }
  const refinement = (el: Element, property: string) => {
    const id = attr(el, 'id');
    return id === undefined ? undefined : refined.get(id)?.get(property);
  };

  const titles = elements(metadata, 'title').filter((t) => textOf(t) !== '');
  const mainTitle = titles.find((t) => refinement(t, 'title-type') === 'main') ?? titles[0];

  // Translators, illustrators and editors are listed as creators too; a person looks for the author.
  const creators = elements(metadata, 'creator')
    .map((c) => ({ name: textOf(c), role: (refinement(c, 'role') ?? attr(c, 'role'))?.trim().toLowerCase() }))
    .filter((c) => c.name !== '');
  const authors = creators.filter((c) => c.role === undefined || c.role === 'aut');
  const chosen = authors.length > 0 ? authors : creators;

  const language = elements(metadata, 'language').map(textOf).find((l) => l !== '');
  const descriptionEl = first(metadata, 'description');
  return {
    title: mainTitle ? textOf(mainTitle).normalize('NFC') : undefined,
    authors: [...new Set(chosen.map((c) => c.name.normalize('NFC')))],
    language,
    description: descriptionEl ? plainDescription(descriptionEl) : undefined,
  };
}

/** Descriptions are often HTML, escaped or not; a person should read words, not tags. */
function plainDescription(el: Element): string | undefined {
  const sections = htmlToText(textContent(el), { xml: false }).sections;
  const plain = tidyText(sections.map((s) => [s.heading, s.text].filter(Boolean).join('\n')).join('\n'));
  return plain === '' ? undefined : plain.normalize('NFC');
}

function findCover(
  metadata: Element | undefined,
  manifest: Map<string, ManifestItem>,
  items: ManifestItem[],
): ManifestItem | undefined {
  const isImage = (i: ManifestItem | undefined): i is ManifestItem => i !== undefined && i.mediaType.startsWith('image/');
  const epub3 = items.find((i) => i.properties.includes('cover-image'));
  if (isImage(epub3)) return epub3;
  const metaCover = metadata && elements(metadata, 'meta').find((m) => attr(m, 'name')?.trim() === 'cover');
  const content = metaCover && attr(metaCover, 'content')?.trim();
  if (content) {
    // Some tools write the image's href instead of its id.
    const byId = manifest.get(content) ?? items.find((i) => i.href.endsWith(content));
    if (isImage(byId)) return byId;
  }
  return items.find((i) => isImage(i) && /cover/i.test(`${i.id} ${i.href}`));
}

const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

/**
 * Zip paths that META-INF/encryption.xml marks as encrypted with something other than font
 * obfuscation: the book is locked with DRM and those files cannot be read.
 */
export function encryptedPaths(encryptionXml: string): Set<string> {
  const out = new Set<string>();
  for (const data of elements(parseXml(encryptionXml), 'encrypteddata')) {
    const method = first(data, 'encryptionmethod');
    const algorithm = method ? attr(method, 'Algorithm') ?? attr(method, 'algorithm') : undefined;
    if (algorithm !== undefined && FONT_OBFUSCATION.has(algorithm.trim())) continue;
    for (const ref of elements(data, 'cipherreference')) {
      const uri = attr(ref, 'URI') ?? attr(ref, 'uri');
      const resolved = uri === undefined ? undefined : resolveHref('', uri);
      if (resolved) out.add(resolved.path);
    }
  }
  return out;
}
