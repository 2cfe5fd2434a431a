// HTML (and XHTML from books) to plain searchable text, split into sections at headings, by the
// rules every reader uses too (main/text/readable.ts): only what a reader sees is kept.
import type { ChildNode, Element } from 'domhandler';
import { readDocument, bodyText, sectionChunks, type TextTree } from '../../text/readable.js';
import { parseBoundedDocument } from './parse-document.js';

export interface HtmlSection {
  /** Anchor the reader scrolls to: the heading's id, or `h-<n>` for the n-th heading without one
   * (the reader gives id-less headings the same ids, counted over h1–h6 in document order). */
  anchor: string;
  heading?: string;
  /** The body's text, tidied (without the heading). */
  text: string;
  /** The section's chunks as the readers cut them again (heading, then body). */
  chunks: string[];
}

export interface HtmlText {
  title?: string;
  firstHeading?: string;
  language?: string;
  sections: HtmlSection[];
  /** src of every <img>/<image>, as written. */
  images: string[];
  /** Letters and digits a reader sees, alt texts left out (how much of it is words, not pictures). */
  letters: number;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

/** htmlparser2's tree as the text rules read it. */
const PARSED_TREE: TextTree<ChildNode> = {
  kind: (n) => (n.type === 'text' || n.type === 'cdata' ? 'text' : n.type === 'tag' || n.type === 'script' || n.type === 'style' ? 'element' : 'other'),
  text: (n) => (n.type === 'text' ? n.data : n.type === 'cdata' ? n.children.map((c) => (c.type === 'text' ? c.data : '')).join('') : ''),
  name: (n) => localName((n as Element).name),
  attr: (n, a) => (n as Element).attribs[a],
  children: (n) => ('children' in n ? n.children : []),
};

/** `foreign: false` leaves SVG and MathML out, for the article reader, which removes them (main/text/readable.ts). */
export function htmlToText(markup: string, options: { xml?: boolean; foreign?: boolean } = {}): HtmlText {
  const doc = parseBoundedDocument(markup, {
    xmlMode: options.xml === true,
    decodeEntities: true,
    lowerCaseTags: !options.xml,
    lowerCaseAttributeNames: !options.xml,
    recognizeSelfClosing: true,
  });
  const read = readDocument(doc.children, PARSED_TREE, { foreign: options.foreign !== false });
  return {
    title: read.title,
    firstHeading: read.firstHeading,
    language: read.language,
    images: read.images,
    letters: read.letters,
    sections: read.sections.map((s) => ({
      anchor: s.anchor,
      ...(s.heading !== undefined ? { heading: s.heading } : {}),
      text: bodyText(s),
      chunks: sectionChunks(s.raw).chunks,
    })),
  };
}
