// Marking the searched words in an article and finding the one a hit points at. The marks come
// from matchRanges, the search's own analysis, so 로동 is marked for 노동 and 타이타닉을 for 타이타닉.
import { matchRanges } from '../../../../main/text/analyze';
import { readDocument, sectionChunks } from '../../../../main/text/readable';
import type { Locator } from '../../../../main/api';
import { ID_PREFIX } from './sanitize';
import { domTreeWithIds, REMOTE_NOTE_CLASS } from '../common/dom-text';

export const MARK_CLASS = 'cm-r-mark';

const SKIP = new Set(['script', 'style', 'textarea', 'select', 'option', 'mark', 'video', 'audio']);

function collectTextNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent) return NodeFilter.FILTER_ACCEPT;
      if (SKIP.has(parent.localName) || parent.closest(`.${REMOTE_NOTE_CLASS}`)) return NodeFilter.FILTER_REJECT;
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

/**
 * The mark a hit points at: inside the section that starts at the locator's anchor (the top when
 * it is ''), the first mark in the `ordinal`-th ~2000-character chunk of that section, cut the way
 * the indexer cut it (the same rules: main/text/readable.ts); failing that the first mark of the
 * section. When the section shows no mark (a word split by markup), `index` is -1 and `anchor` is
 * where to scroll.
 */
export function markForLocator(root: HTMLElement, marks: HTMLElement[], locator: Locator): { index: number; anchor: HTMLElement | null } {
  const start = anchorElement(root, locator.anchor);
  if (marks.length === 0) return { index: -1, anchor: start };
  if (locator.anchor && !start) return { index: 0, anchor: null };

  const sections = readDocument<Node>(Array.from(root.childNodes), domTreeWithIds(ID_PREFIX), { foreign: false }).sections;
  const section = start ? sections.find((s) => s.node === start) : sections.find((s) => s.anchor === '');
  // Where each mark starts in the section's text: at its first piece of text.
  const markAt = new Map<HTMLElement, number>();
  const markSet = new Set(marks);
  for (const piece of section?.pieces ?? []) {
    const mark = (piece.node as Node).parentElement?.closest(`mark.${MARK_CLASS}`) as HTMLElement | null | undefined;
    if (mark && markSet.has(mark) && !markAt.has(mark)) markAt.set(mark, piece.at);
  }
  const inSection = marks.filter((m) => markAt.has(m));
  if (section && inSection.length > 0) {
    const chunks = sectionChunks(section.raw);
    const bound = chunks.bounds[Math.min(Math.max(0, locator.ordinal ?? 0), chunks.bounds.length - 1)] ?? { start: 0, end: Infinity };
    const offset = (m: HTMLElement) => chunks.tidiedAt(markAt.get(m)!);
    const chosen =
      inSection.find((m) => offset(m) >= bound.start && offset(m) < bound.end) ?? inSection.find((m) => offset(m) >= bound.start) ?? inSection[0]!;
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
