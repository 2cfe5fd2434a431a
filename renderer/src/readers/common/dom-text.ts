// The page's DOM as the text rules read it (main/text/readable.ts): the readers find the indexer's
// sections and chunks in what is on screen with the same rules the indexer used.
import type { TextTree } from '../../../../main/text/readable';

/** Class of the note put in place of a picture that is not shown (remote, missing). */
export const REMOTE_NOTE_CLASS = 'cm-r-remote';
/** The note's attribute holding the picture's alt text. */
export const REMOTE_ALT_ATTR = 'data-cm-alt';

const isNote = (n: Node) => (n as Element).classList?.contains(REMOTE_NOTE_CLASS) === true;

/** An element's name as the indexer reads it: lower case, without a prefix (`svg:svg`, which the
 * frame's HTML parser keeps whole, is `svg` as in the XML the indexer parsed). */
function localName(el: Element): string {
  const name = el.localName.toLowerCase();
  return name.slice(name.lastIndexOf(':') + 1);
}

/**
 * The DOM as the text rules read it. A note in place of a picture reads as that picture did for the
 * indexer: its alt text, none of the note's own words.
 */
export const DOM_TREE: TextTree<Node> = {
  kind: (n) => (n.nodeType === Node.TEXT_NODE || n.nodeType === Node.CDATA_SECTION_NODE ? 'text' : n.nodeType === Node.ELEMENT_NODE ? 'element' : 'other'),
  text: (n) => n.nodeValue ?? '',
  name: (n) => (isNote(n) ? 'img' : localName(n as Element)),
  attr: (n, a) => (isNote(n) ? (a === 'alt' ? (n as Element).getAttribute(REMOTE_ALT_ATTR) : null) : (n as Element).getAttribute(a)),
  children: (n) => Array.from(n.childNodes),
};

/** The same tree, with headings' anchors read from ids that carry `prefix` (the article's). */
export function domTreeWithIds(prefix: string): TextTree<Node> {
  return {
    ...DOM_TREE,
    anchorOf: (n, counted) => {
      const id = (n as Element).getAttribute('id') ?? '';
      return id.startsWith(prefix) ? id.slice(prefix.length) : id || `h-${counted}`;
    },
  };
}
