// What a reader sees of a document, and so what the search indexes of it: one set of rules, used by
// the indexer (over htmlparser2's tree, main/core/extract/html-text.ts) and by the readers (over the
// page's DOM: a book section, an article), so that a hit's chunk number finds the same words on
// screen that the indexer cut.
//
// - Dropped: scripts, styles, navigation, forms, embedded objects, media, the document head (its
//   title is kept apart), and anything hidden (`hidden`, `aria-hidden="true"`, `display: none`,
//   `visibility: hidden`, a hidden input).
// - SVG (a page drawn as a picture with its words in <text>) and MathML are read where the reader
//   shows them (books): in SVG only the words of <text> elements (each on a line of its own, a line
//   break at a <tspan> placed on a new line), none of its <title>, <desc>, definitions or hidden
//   parts; in MathML every token (<mi>, <mn>, <mo>, <mtext>, <ms>) as a word of its own, without
//   annotations (a formula's TeX source) or <mphantom>; a formula with no text counts as its
//   `alttext`, as an image does as its alt text. The article reader removes SVG and MathML (for
//   safety), so articles are read with `foreign: false`, which drops them as before.
// - Sections start at headings (h1–h6) that have readable text; a heading's anchor is its id, or
//   `h-<n>` for the n-th heading without one, counted over every h1–h6 in document order (dropped
//   ones too; the article sanitizer gives id-less headings the same ids).
// - A section's text is its heading (on one line), a line break, then its body; blocks are line
//   breaks, an image counts as its alt text. Tidied (main/text/chunking.ts tidyText) and cut into
//   chunks of at most MAX_CHUNK_CHARS (splitText), numbered from 0 in each section.
//
// Nothing here touches Node or the DOM: a tree is read through the small TextTree interface.
import { splitText, tidyText } from './chunking.js';
import { tidyOffsets } from './tidy-offsets.js';

/** Elements whose content is never text a reader sees. */
export const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'iframe', 'object', 'embed', 'applet', 'form',
  'button', 'select', 'textarea', 'input', 'meta', 'link', 'base', 'canvas',
  'audio', 'video', 'map', 'frameset', 'frame', 'dialog', 'head',
]);

/** The roots of SVG drawings and MathML formulas: read by their own rules (see above), or dropped with `foreign: false`. */
export const FOREIGN_ROOTS: ReadonlySet<string> = new Set(['svg', 'math']);

/** Inside SVG: elements that are never drawn where they stand (definitions, descriptions, metadata). */
const SVG_UNDRAWN: ReadonlySet<string> = new Set([
  'title', 'desc', 'metadata', 'defs', 'symbol', 'clippath', 'mask', 'pattern', 'marker', 'filter', 'lineargradient',
  'radialgradient', 'font', 'font-face', 'glyph', 'missing-glyph', 'cursor', 'view',
]);
/** Inside SVG <text>: elements that start a new line when they are placed on one (`y` or `dy`). */
const SVG_TEXT_SPANS: ReadonlySet<string> = new Set(['tspan', 'textpath', 'tref']);
/** Inside MathML: what is never shown (annotations are a formula's source, <mphantom> takes room but shows nothing). */
const MATH_UNSHOWN: ReadonlySet<string> = new Set(['annotation', 'annotation-xml', 'mphantom']);
/** MathML's tokens: each is a word of its own (x, =, 2, sin). */
const MATH_TOKENS: ReadonlySet<string> = new Set(['mi', 'mn', 'mo', 'mtext', 'ms']);

/** Where an element stands: in HTML, in an SVG drawing, in an SVG <text>, in a MathML formula. */
type Realm = 'html' | 'svg' | 'svg-text' | 'math';

export interface ReadRules {
  /** Whether SVG and MathML are shown (books: yes; the article reader removes them). Default true. */
  foreign?: boolean;
}

/** What the rules do with an element in a realm: leave it out, read it as an image, or read its children. */
type Step =
  | { drop: true }
  | { drop: false; alt?: string; realm: Realm; before: string; after: string };

function stepInto<N>(node: N, name: string, realm: Realm, tree: TextTree<N>, rules: ReadRules): Step {
  const attr = (a: string) => tree.attr(node, a);
  if (DROPPED_ELEMENTS.has(name) || isHiddenElement(name, attr)) return { drop: true };
  if (realm === 'svg' || realm === 'svg-text') {
    // SVG's presentation attributes hide too (display="none", visibility="hidden").
    if (SVG_UNDRAWN.has(name) || attr('display')?.trim() === 'none' || attr('visibility')?.trim() === 'hidden') return { drop: true };
    if (name === 'foreignobject') return { drop: false, realm: 'html', before: '\n', after: '\n' };
    if (name === 'text') return { drop: false, realm: 'svg-text', before: '\n', after: '\n' };
    const line = realm === 'svg-text' && SVG_TEXT_SPANS.has(name) && (attr('y') != null || attr('dy') != null);
    return { drop: false, realm, before: line ? '\n' : '', after: '' };
  }
  if (realm === 'math') {
    if (MATH_UNSHOWN.has(name)) return { drop: true };
    const word = MATH_TOKENS.has(name) ? ' ' : '';
    return { drop: false, realm, before: word, after: word };
  }
  if (FOREIGN_ROOTS.has(name)) {
    if (rules.foreign === false) return { drop: true };
    if (name === 'svg') return { drop: false, realm: 'svg', before: '', after: '' };
    // A formula with no text of its own (an image of it, or empty) reads as its alttext.
    const alt = tidyText(readableText(node, 'math', tree, rules)) === '' ? attr('alttext')?.trim() || undefined : undefined;
    const edge = attr('display')?.trim().toLowerCase() === 'block' ? '\n' : ' ';
    return { drop: false, realm: 'math', before: edge, after: edge, ...(alt ? { alt } : {}) };
  }
  const block = BLOCK_ELEMENTS.has(name) ? '\n' : '';
  return { drop: false, realm, before: block, after: block };
}

/** Whether a text node in this realm is shown: in SVG, only the words of a <text>. */
const showsText = (realm: Realm) => realm !== 'svg';

/** XHTML and MathML: the extensions a browser's SVG <switch> accepts in `requiredExtensions`. */
const KNOWN_EXTENSIONS = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML']);

/**
 * The children an element shows. An SVG <switch> shows only its first child the browser accepts
 * (drawing tools put HTML text in a <foreignObject> there and the same words again as a fallback
 * <text> after it): that one is read, not both.
 */
function shownChildren<N>(node: N, name: string, realm: Realm, tree: TextTree<N>): Iterable<N> {
  if (name !== 'switch' || (realm !== 'svg' && realm !== 'svg-text')) return tree.children(node);
  for (const c of tree.children(node)) {
    if (tree.kind(c) !== 'element') continue;
    const needs = tree.attr(c, 'requiredExtensions') ?? tree.attr(c, 'requiredextensions');
    if (needs != null && !needs.trim().split(/\s+/).every((x) => KNOWN_EXTENSIONS.has(x))) continue;
    return [c];
  }
  return [];
}

/** Elements that stand on lines of their own. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'blockquote', 'pre', 'ul',
  'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'hr',
  'br', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'html', 'tbody', 'thead', 'tfoot',
]);

const HEADING = /^h[1-6]$/;

export function isHeadingName(name: string): boolean {
  return HEADING.test(name);
}

/** Reads an element's attribute (null or undefined when absent). */
export type AttributeOf = (name: string) => string | null | undefined;

/** True for an element a reader cannot see. `name` is the lower-case local name. */
export function isHiddenElement(name: string, attr: AttributeOf): boolean {
  if (attr('hidden') != null) return true;
  if (attr('aria-hidden') === 'true') return true;
  const style = attr('style');
  if (style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return name === 'input' && attr('type') === 'hidden';
}

/** A document tree as the rules read it: htmlparser2's nodes in the indexer, the DOM in the readers. */
export interface TextTree<N> {
  /** 'text' for text and CDATA, 'element', 'other' for the rest (comments, instructions). */
  kind(node: N): 'text' | 'element' | 'other';
  /** A text node's text. */
  text(node: N): string;
  /** An element's local name, lower case. */
  name(node: N): string;
  attr(node: N, name: string): string | null | undefined;
  children(node: N): Iterable<N>;
  /** A heading's anchor when the tree knows it better (the article's prefixed ids). */
  anchorOf?(node: N, counted: number): string;
}

/** A run of readable text: a text node, or an image's alt text. `at` is where it starts in the section's raw text. */
export interface ReadablePiece<N> {
  node: N;
  text: string;
  at: number;
}

export interface ReadableSection<N> {
  /** '' for what comes before the first heading. */
  anchor: string;
  /** The heading's text, tidied, on one line. */
  heading?: string;
  /** The heading element. */
  node?: N;
  /** Heading (line breaks as spaces), a line break, then the body: each piece's text at its `at`,
   * with the same length, so offsets found in it are offsets in the pieces. */
  raw: string;
  /** Where the body starts in `raw`. */
  bodyAt: number;
  pieces: ReadablePiece<N>[];
}

export interface ReadableDocument<N> {
  title?: string;
  firstHeading?: string;
  language?: string;
  /** src of every visible <img>/<image>, as written. */
  images: string[];
  sections: ReadableSection<N>[];
  /** Letters and digits in the text a reader sees, alt texts left out: how much the document says in words. */
  letters: number;
}

/** The readable text of a tree, in sections at headings. */
export function readDocument<N>(roots: Iterable<N>, tree: TextTree<N>, rules: ReadRules = {}): ReadableDocument<N> {
  const doc: ReadableDocument<N> = { images: [], sections: [], letters: 0 };
  let section: ReadableSection<N> = { anchor: '', raw: '', bodyAt: 0, pieces: [] };
  let headings = 0;
  /** True while inside a heading: its line breaks are spaces (the heading is one line). */
  let inHeading = false;
  let realm: Realm = 'html';

  const hidden = (node: N, name: string) => isHiddenElement(name, (a) => tree.attr(node, a));
  const append = (node: N, text: string, at = section.raw.length) => {
    section.pieces.push({ node, text, at });
  };
  const push = (s: string) => {
    section.raw += inHeading ? s.replace(/[\r\n]/g, ' ') : s;
  };
  const countHeadings = (node: N): number => {
    let n = 0;
    for (const c of tree.children(node)) {
      if (tree.kind(c) !== 'element') continue;
      if (isHeadingName(tree.name(c))) n++;
      n += countHeadings(c);
    }
    return n;
  };
  const findTitle = (node: N) => {
    for (const c of tree.children(node)) {
      if (tree.kind(c) !== 'element') continue;
      if (tree.name(c) === 'title') {
        doc.title ??= tidyText(readableText(c, 'html', tree, rules)) || undefined;
        return;
      }
      findTitle(c);
    }
  };

  const visit = (node: N) => {
    const kind = tree.kind(node);
    if (kind === 'text') {
      if (!showsText(realm)) return;
      const text = tree.text(node);
      doc.letters += countLetters(text);
      append(node, text);
      push(text);
      return;
    }
    if (kind !== 'element') return;
    const name = tree.name(node);
    if (realm === 'html' && name === 'html') doc.language ??= (tree.attr(node, 'lang') ?? tree.attr(node, 'xml:lang'))?.trim() || undefined;
    if (realm === 'html' && name === 'title') {
      doc.title ??= tidyText(readableText(node, 'html', tree, rules)) || undefined;
      return;
    }
    if (name === 'img' || name === 'image') {
      if (hidden(node, name)) return;
      const src = tree.attr(node, 'src') ?? tree.attr(node, 'xlink:href') ?? tree.attr(node, 'href');
      if (src) doc.images.push(src);
      const alt = tree.attr(node, 'alt');
      if (alt) pushAlt(node, alt);
      return;
    }
    const step = stepInto(node, name, realm, tree, rules);
    if (step.drop) {
      if (name === 'head') findTitle(node);
      headings += countHeadings(node) + (isHeadingName(name) ? 1 : 0);
      return;
    }
    if (step.alt !== undefined) {
      pushAlt(node, step.alt);
      return;
    }
    if (realm === 'html' && isHeadingName(name) && !inHeading) {
      headings++;
      const heading = tidyText(readableText(node, 'html', tree, rules)).replace(/\n/g, ' ');
      if (heading !== '') {
        if (name === 'h1') doc.firstHeading ??= heading;
        doc.sections.push(section);
        const id = tree.anchorOf ? tree.anchorOf(node, headings) : tree.attr(node, 'id') || `h-${headings}`;
        section = { anchor: id, heading, node, raw: '', bodyAt: 0, pieces: [] };
        inHeading = true;
        for (const c of tree.children(node)) visit(c);
        inHeading = false;
        section.raw += '\n';
        section.bodyAt = section.raw.length;
        return;
      }
    }
    const outer = realm;
    realm = step.realm;
    push(step.before);
    for (const c of shownChildren(node, name, outer, tree)) visit(c);
    push(step.after);
    realm = outer;
  };
  /** An image's alt text (or a formula's alttext), with a space either side. */
  const pushAlt = (node: N, alt: string) => {
    append(node, alt, section.raw.length + 1);
    push(` ${alt} `);
  };

  for (const root of roots) visit(root);
  doc.sections.push(section);
  // The part before the first heading is a section only when it has text.
  doc.sections = doc.sections.filter((s) => s.heading !== undefined || tidyText(s.raw) !== '');
  return doc;
}

/** An element's readable text by the same rules (dropped and hidden elements left out, no alt texts). */
function readableText<N>(node: N, realm: Realm, tree: TextTree<N>, rules: ReadRules, nodeName = ''): string {
  let s = '';
  for (const c of shownChildren(node, nodeName, realm, tree)) {
    const kind = tree.kind(c);
    if (kind === 'text' && showsText(realm)) s += tree.text(c);
    if (kind !== 'element') continue;
    const name = tree.name(c);
    if (name === 'img' || name === 'image') continue;
    const step = stepInto(c, name, realm, tree, rules);
    if (step.drop || step.alt !== undefined) continue;
    s += step.before + readableText(c, step.realm, tree, rules, name) + step.after;
  }
  return s;
}

/** Letters and digits (no spaces, no punctuation): how much text a page has of its own. */
function countLetters(text: string): number {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').length;
}

/** A section's body text, tidied. */
export function bodyText(section: ReadableSection<unknown>): string {
  return tidyText(section.raw.slice(section.bodyAt));
}

/** The chunks of a section as the indexer cuts them, and which chunk a place in `raw` falls in. */
export interface SectionChunks {
  chunks: string[];
  /** The chunk number of the character at `rawOffset` of the section's raw text. */
  ordinalAt(rawOffset: number): number;
  /** Where chunk `ordinal` starts and ends, as offsets in the tidied text. */
  bounds: { start: number; end: number }[];
  /** The tidied offset of a raw offset. */
  tidiedAt(rawOffset: number): number;
}

export function sectionChunks(raw: string): SectionChunks {
  const tidy = tidyOffsets(raw);
  const chunks = splitText(tidy.text);
  const bounds: { start: number; end: number }[] = [];
  let from = 0;
  for (const chunk of chunks) {
    const pos = tidy.text.indexOf(chunk, from);
    const start = pos < 0 ? from : pos;
    bounds.push({ start, end: start + chunk.length });
    from = start + chunk.length;
  }
  return {
    chunks,
    bounds,
    tidiedAt: tidy.at,
    ordinalAt(rawOffset: number) {
      const at = tidy.at(rawOffset);
      let ordinal = 0;
      for (let i = 0; i < bounds.length; i++) if (at >= bounds[i]!.start) ordinal = i;
      return ordinal;
    },
  };
}
