// The table of contents: the EPUB 3 navigation document (`<nav epub:type="toc">` with nested <ol>),
// else the EPUB 2 NCX (`navMap` with nested `navPoint`s). Hrefs come out as zip paths with their
// fragment kept, so the reader can jump to a heading inside a file.
import type { Element } from 'domhandler';
import type { TocEntry } from '../../types.js';
import { attr, children, elements, first, localName, parseXml, textOf, tokens } from './dom.js';
import { resolveHref, withFragment } from './paths.js';

// A hostile book can nest lists thousands deep; nothing real goes past a handful of levels.
const MAX_DEPTH = 32;

/** Entries of the nav document at zip path `navPath`; [] when it has no usable toc. */
export function navToc(markup: string, navPath: string): TocEntry[] {
  // XHTML first; a nav written as loose HTML (unclosed <li>) gets a second, forgiving parse.
  const strict = navTocFrom(markup, navPath, true);
  return strict.length > 0 ? strict : navTocFrom(markup, navPath, false);
}

function navTocFrom(markup: string, navPath: string, xml: boolean): TocEntry[] {
  const navs = elements(parseXml(markup, xml), 'nav');
  const nav =
    navs.find((n) => tokens(attr(n, 'epub:type')).includes('toc')) ??
    navs.find((n) => tokens(attr(n, 'role')).includes('doc-toc')) ??
    (navs.length === 1 ? navs[0] : undefined);
  const list = nav && first(nav, 'ol');
  return list ? listEntries(list, navPath, 0) : [];
}

function listEntries(list: Element, navPath: string, depth: number): TocEntry[] {
  const out: TocEntry[] = [];
  for (const li of children(list, 'li')) {
    const label = children(li, 'a', 'span')[0] ?? first(li, 'a');
    const nested = children(li, 'ol')[0];
    const sub = nested && depth < MAX_DEPTH ? listEntries(nested, navPath, depth + 1) : [];
    const text = label ? textOf(label) || (attr(label, 'title') ?? '').trim() : '';
    const href = label && localName(label.name) === 'a' ? attr(label, 'href') : undefined;
    push(out, text, href === undefined ? undefined : resolve(navPath, href), sub);
  }
  return out;
}

/** Entries of the NCX at zip path `ncxPath`; [] when it has none. */
export function ncxToc(markup: string, ncxPath: string): TocEntry[] {
  const navMap = first(parseXml(markup), 'navmap');
  return navMap ? pointEntries(navMap, ncxPath, 0) : [];
}

function pointEntries(parent: Element, ncxPath: string, depth: number): TocEntry[] {
  const out: TocEntry[] = [];
  for (const point of children(parent, 'navpoint')) {
    const labelEl = children(point, 'navlabel')[0];
    const textEl = labelEl && children(labelEl, 'text')[0];
    const content = children(point, 'content')[0];
    const src = content && attr(content, 'src');
    const sub = depth < MAX_DEPTH ? pointEntries(point, ncxPath, depth + 1) : [];
    push(out, textEl ? textOf(textEl) : '', src === undefined ? undefined : resolve(ncxPath, src), sub);
  }
  return out;
}

function resolve(from: string, href: string): string | undefined {
  const r = resolveHref(from, href);
  return r && withFragment(r.path, r.fragment);
}

/**
 * A heading without a link of its own (`<span>` in a nav) opens its first child; an entry that
 * leads nowhere leaves its children to its parent rather than losing them.
 */
function push(out: TocEntry[], label: string, href: string | undefined, sub: TocEntry[]): void {
  const target = href ?? sub[0]?.href;
  if (target === undefined) return;
  if (label === '') {
    out.push(...sub);
    return;
  }
  out.push({ label: label.normalize('NFC'), href: target, children: sub });
}

/** Map every href (to the zip's real name); an entry whose file is missing leaves its children. */
export function pruneToc(entries: TocEntry[], map: (href: string) => string | undefined): TocEntry[] {
  const out: TocEntry[] = [];
  for (const e of entries) {
    const kept = pruneToc(e.children, map);
    const href = map(e.href);
    if (href === undefined) out.push(...kept);
    else out.push({ label: e.label, href, children: kept });
  }
  return out;
}
