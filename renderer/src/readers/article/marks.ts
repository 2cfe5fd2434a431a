// Marking the searched words in an article and finding the one a hit points at. The marks come
// from matchRanges, the search's own analysis, so 로동 is marked for 노동 and 타이타닉을 for 타이타닉.
import { matchRanges } from '../../../../main/core/search/analyze';
import { splitText } from '../../../../main/core/extract/chunking';
import type { Locator } from '../../../../main/api';
import { ID_PREFIX } from './sanitize';
import { tidyOffsets } from '../common/tidy-offsets';

export const MARK_CLASS = 'cm-r-mark';

const SKIP = new Set(['script', 'style', 'textarea', 'select', 'option', 'mark', 'video', 'audio']);

function collectTextNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent) return NodeFilter.FILTER_ACCEPT;
      if (SKIP.has(parent.localName) || parent.closest('.cm-r-remote')) return NodeFilter.FILTER_REJECT;
      return node.nodeValue && node.nodeValue.trim() !== '' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Wraps every word matching `terms` in <mark>; returns the marks in document order. */
export function markTerms(root: HTMLElement, terms: readonly string[]): HTMLElement[] {
  if (terms.length === 0) return [];
  const marks: HTMLElement[] = [];
  for (const node of collectTextNodes(root)) {
    const text = node.nodeValue ?? '';
    const ranges = matchRanges(text, terms);
    if (ranges.length === 0) continue;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) frag.appendChild(document.createTextNode(text.slice(at, start)));
      const mark = document.createElement('mark');
      mark.className = MARK_CLASS;
      mark.textContent = text.slice(start, end);
      frag.appendChild(mark);
      marks.push(mark);
      at = end;
    }
    if (at < text.length) frag.appendChild(document.createTextNode(text.slice(at)));
    node.replaceWith(frag);
  }
  return marks;
}

/** Removes the marks markTerms added, leaving the text as it was. */
export function unmarkTerms(root: HTMLElement): void {
  for (const mark of Array.from(root.querySelectorAll(`mark.${MARK_CLASS}`))) {
    mark.replaceWith(document.createTextNode(mark.textContent ?? ''));
  }
  root.normalize();
}

export function anchorElement(root: HTMLElement, anchor: string | undefined): HTMLElement | null {
  if (!anchor) return null;
  return root.querySelector<HTMLElement>(`#${CSS.escape(ID_PREFIX + anchor)}`);
}

// Elements the indexer treats as blocks (html-text.ts BLOCK): a line break before and after.
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'blockquote', 'pre', 'ul',
  'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'hr',
  'br', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'html', 'tbody', 'thead', 'tfoot',
]);
const HEADING = /^h[1-6]$/;

function isSectionHeading(el: Element): boolean {
  return HEADING.test(el.localName) && (el.textContent ?? '').trim() !== '';
}

/**
 * The mark a hit points at: inside the section that starts at the locator's anchor (the top when
 * it is ''), the first mark in the `ordinal`-th ~2000-character chunk of that section, cut the way
 * the indexer cut it; failing that the first mark of the section. When the section shows no mark
 * (a word split by markup), `index` is -1 and `anchor` is where to scroll.
 */
export function markForLocator(root: HTMLElement, marks: HTMLElement[], locator: Locator): { index: number; anchor: HTMLElement | null } {
  const start = anchorElement(root, locator.anchor);
  if (marks.length === 0) return { index: -1, anchor: start };
  if (locator.anchor && !start) return { index: 0, anchor: null };

  // Walk the section: from the anchor heading to the next heading with text.
  let raw = '';
  const markRaw = new Map<HTMLElement, number>();
  let inSection = start === null;
  let done = false;
  const visit = (node: Node) => {
    if (done) return;
    if (node === start) inSection = true;
    if (node.nodeType === Node.TEXT_NODE) {
      if (inSection) raw += node.nodeValue ?? '';
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    if (inSection && node !== start && isSectionHeading(node)) {
      done = true;
      return;
    }
    if (inSection && node.classList.contains(MARK_CLASS)) markRaw.set(node, raw.length);
    if (node.classList.contains('cm-r-remote')) return;
    const block = BLOCK.has(node.localName);
    if (node.localName === 'img') {
      const alt = node.getAttribute('alt');
      if (inSection && alt) raw += ` ${alt} `;
      return;
    }
    if (inSection && block) raw += '\n';
    for (const c of Array.from(node.childNodes)) visit(c);
    if (inSection && block) raw += '\n';
  };
  for (const c of Array.from(root.childNodes)) visit(c);

  const inSectionMarks = marks.filter((m) => markRaw.has(m));
  if (inSectionMarks.length > 0) {
    const tidy = tidyOffsets(raw);
    const chunks = splitText(tidy.text);
    let from = 0;
    let chunkStart = 0;
    let chunkEnd = tidy.text.length;
    const ordinal = Math.max(0, locator.ordinal ?? 0);
    for (let i = 0; i < chunks.length && i <= ordinal; i++) {
      const pos = tidy.text.indexOf(chunks[i]!, from);
      if (pos < 0) break;
      chunkStart = pos;
      chunkEnd = pos + chunks[i]!.length;
      from = chunkEnd;
    }
    const offset = (m: HTMLElement) => tidy.at(markRaw.get(m)!);
    const inChunk = inSectionMarks.find((m) => offset(m) >= chunkStart && offset(m) < chunkEnd);
    const later = inSectionMarks.find((m) => offset(m) >= chunkStart);
    const chosen = inChunk ?? later ?? inSectionMarks[0]!;
    return { index: marks.indexOf(chosen), anchor: start };
  }
  return start ? { index: -1, anchor: start } : { index: 0, anchor: null };
}

/** The first mark after `node` in document order (for stepping on from an anchor), else -1. */
export function firstMarkAfter(marks: HTMLElement[], node: Node): number {
  return marks.findIndex((m) => (node.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
}

/** The last mark before `node` in document order, else -1. */
export function lastMarkBefore(marks: HTMLElement[], node: Node): number {
  for (let i = marks.length - 1; i >= 0; i--) {
    if ((node.compareDocumentPosition(marks[i]!) & Node.DOCUMENT_POSITION_PRECEDING) !== 0) return i;
  }
  return -1;
}

/**
 * Plain-text articles arrive with every line break kept (`<br>`): text hard-wrapped at ~80
 * columns then breaks in the middle of sentences. A break after a long line is a wrap, not a
 * line of its own: it becomes a space. Short lines (titles, verse, lists) keep their breaks.
 */
export function unwrapHardBreaks(root: HTMLElement, minLine = 50): void {
  for (const p of Array.from(root.querySelectorAll('p'))) {
    let line = 0;
    for (const node of Array.from(p.childNodes)) {
      if (node instanceof HTMLBRElement) {
        if (line >= minLine) node.replaceWith(document.createTextNode(' '));
        line = 0;
      } else {
        line += (node.textContent ?? '').trim().length;
      }
    }
  }
}
