// HTML (and XHTML from books) to plain searchable text, split into sections at headings.
// Only what a reader sees is kept: script, style, navigation, forms and hidden elements are dropped.
import type { ChildNode, Element } from 'domhandler';
import { tidyText } from './chunking.js';
import { parseBoundedDocument } from './parse-document.js';

export interface HtmlSection {
  /** Anchor the reader scrolls to: the heading's id, or `h-<n>` for the n-th heading without one
   * (the reader gives id-less headings the same ids, counted over h1–h6 in document order). */
  anchor: string;
  heading?: string;
  text: string;
}

export interface HtmlText {
  title?: string;
  firstHeading?: string;
  language?: string;
  sections: HtmlSection[];
  /** src of every <img>/<image>, as written. */
  images: string[];
}

const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'iframe', 'object', 'embed', 'applet', 'form',
  'button', 'select', 'textarea', 'input', 'meta', 'link', 'base', 'svg', 'math', 'canvas',
  'audio', 'video', 'map', 'frameset', 'frame', 'dialog',
]);

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'blockquote', 'pre', 'ul',
  'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'hr',
  'br', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'html', 'tbody', 'thead', 'tfoot',
]);

const HEADING = /^h[1-6]$/;

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true') return true;
  const style = a['style'];
  if (style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  if (el.name === 'input' && a['type'] === 'hidden') return true;
  return false;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

/** Text content of a node, ignoring dropped and hidden elements. */
function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return '';
  const el = node as Element;
  const name = localName(el.name);
  if (DROPPED.has(name) || isHidden(el)) return '';
  let s = '';
  for (const c of el.children) s += textOf(c);
  return BLOCK.has(name) ? `\n${s}\n` : s;
}

export function htmlToText(markup: string, options: { xml?: boolean } = {}): HtmlText {
  const doc = parseBoundedDocument(markup, {
    xmlMode: options.xml === true,
    decodeEntities: true,
    lowerCaseTags: !options.xml,
    lowerCaseAttributeNames: !options.xml,
    recognizeSelfClosing: true,
  });

  let title: string | undefined;
  let firstHeading: string | undefined;
  let language: string | undefined;
  const images: string[] = [];
  const sections: HtmlSection[] = [];
  let current: { anchor: string; heading?: string; parts: string[] } = { anchor: '', parts: [] };
  let headingCount = 0;

  const flush = () => {
    const text = tidyText(current.parts.join(''));
    if (text.length > 0 || current.heading) {
      sections.push({ anchor: current.anchor, heading: current.heading, text: text });
    }
  };

  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        current.parts.push(node.data);
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      const name = localName(el.name);
      if (name === 'html') language ??= el.attribs['lang'] ?? el.attribs['xml:lang'];
      if (name === 'title' && title === undefined) {
        title = tidyText(textOfChildren(el)) || undefined;
        continue;
      }
      if (name === 'img' || name === 'image') {
        const src = el.attribs['src'] ?? el.attribs['xlink:href'] ?? el.attribs['href'];
        if (src && !isHidden(el)) images.push(src);
        const alt = el.attribs['alt'];
        if (alt) current.parts.push(` ${alt} `);
        continue;
      }
      if (DROPPED.has(name) || isHidden(el)) {
        // Headings are counted in document order wherever they are, as the reader counts them.
        headingCount += countHeadings(el);
        continue;
      }
      if (HEADING.test(name)) {
        headingCount++;
        const heading = tidyText(textOfChildren(el)).replace(/\n/g, ' ');
        if (heading.length === 0) continue;
        if (name === 'h1') firstHeading ??= heading;
        flush();
        current = { anchor: el.attribs['id'] || `h-${headingCount}`, heading, parts: [] };
        continue;
      }
      const block = BLOCK.has(name);
      if (block) current.parts.push('\n');
      walk(el.children);
      if (block) current.parts.push('\n');
    }
  };

  walk(doc.children);
  flush();
  if (language !== undefined) language = language.trim() || undefined;
  return { title, firstHeading, language, sections, images };
}

function countHeadings(el: Element): number {
  let n = HEADING.test(localName(el.name)) ? 1 : 0;
  for (const c of el.children) if (c.type === 'tag' || c.type === 'script' || c.type === 'style') n += countHeadings(c as Element);
  return n;
}

function textOfChildren(el: Element): string {
  let s = '';
  for (const c of el.children) s += textOf(c);
  return s;
}
