// The text of a book section as the indexer read it (main/core/extract/html-text.ts and
// epub/text.ts): the same elements dropped, the same sections at headings, the same ~2000-character
// chunks, so a hit's `ordinal` finds its chunk again. Matches come from matchRanges, the search's
// own analysis.
import { matchRanges } from '../../../../main/core/search/analyze';
import { splitText } from '../../../../main/core/extract/chunking';
import { tidyOffsets } from '../common/tidy-offsets';

const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'iframe', 'object', 'embed', 'applet', 'form',
  'button', 'select', 'textarea', 'input', 'meta', 'link', 'base', 'svg', 'math', 'canvas',
  'audio', 'video', 'map', 'frameset', 'frame', 'dialog', 'head',
]);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'blockquote', 'pre', 'ul',
  'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'hr',
  'br', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'html', 'tbody', 'thead', 'tfoot',
]);
const HEADING = /^h[1-6]$/;

function localName(el: Element): string {
  return el.localName.toLowerCase();
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  if (el.getAttribute('class')?.split(/\s+/).includes('cm-r-remote')) return true;
  return localName(el) === 'input' && el.getAttribute('type') === 'hidden';
}

/** A piece of text in the section (a text node, or an image's alt text, which the indexer reads
 * too) and where it starts in the raw text of its heading section. */
interface Piece {
  node: Text | Element;
  text: string;
  part: number;
  rawStart: number;
}

interface Part {
  raw: string;
}


/** Walks the readable text of a section document, split into the indexer's heading sections. */
function readSection(doc: Document): { pieces: Piece[]; parts: Part[] } {
  const pieces: Piece[] = [];
  const parts: Part[] = [{ raw: '' }];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
      const part = parts[parts.length - 1]!;
      const text = node.nodeValue ?? '';
      pieces.push({ node: node as Text, text, part: parts.length - 1, rawStart: part.raw.length });
      part.raw += text;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const name = localName(el);
    if (DROPPED.has(name) || isHidden(el) || name === 'title') return;
    if (name === 'img' || name === 'image') {
      const alt = el.getAttribute('alt');
      if (alt) {
        const part = parts[parts.length - 1]!;
        pieces.push({ node: el, text: alt, part: parts.length - 1, rawStart: part.raw.length + 1 });
        part.raw += ` ${alt} `;
      }
      return;
    }
    if (HEADING.test(name) && (el.textContent ?? '').trim() !== '') {
      parts.push({ raw: '' });
      for (const c of Array.from(el.childNodes)) visit(c);
      parts[parts.length - 1]!.raw += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) parts[parts.length - 1]!.raw += '\n';
    for (const c of Array.from(el.childNodes)) visit(c);
    if (block) parts[parts.length - 1]!.raw += '\n';
  };
  visit(doc.body ?? doc.documentElement);
  return { pieces, parts };
}

export interface TextMatch {
  /** A text node, or an image whose alt text matched. */
  node: Text | Element;
  /** The text `start` and `end` point into (the node's text, or the alt text). */
  text: string;
  start: number;
  end: number;
  /** The chunk of the section (as the indexer numbered them) this match falls in. */
  ordinal: number;
}

/** Every match of `terms` (and of `prefix` as the start of a word) in the section, in order. */
export function findMatches(doc: Document, terms: readonly string[], prefix?: string, limit = 2000): TextMatch[] {
  const { pieces, parts } = readSection(doc);
  // Chunk boundaries (in tidied offsets) of each part, numbered across the whole section.
  const tidied = parts.map((p) => tidyOffsets(p.raw));
  const bounds: { part: number; start: number; end: number; ordinal: number }[] = [];
  let ordinal = 0;
  tidied.forEach((tp, part) => {
    let from = 0;
    for (const chunk of splitText(tp.text)) {
      const pos = tp.text.indexOf(chunk, from);
      const start = pos < 0 ? from : pos;
      bounds.push({ part, start, end: start + chunk.length, ordinal: ordinal++ });
      from = start + chunk.length;
    }
  });
  const ordinalAt = (part: number, offset: number): number => {
    let best = -1;
    for (const b of bounds) {
      if (b.part !== part) continue;
      if (best < 0) best = b.ordinal;
      if (offset >= b.start) best = b.ordinal;
    }
    return Math.max(0, best);
  };
  const out: TextMatch[] = [];
  for (const piece of pieces) {
    const text = piece.text;
    if (text.trim() === '') continue;
    for (const [start, end] of matchRanges(text, terms, prefix)) {
      const offset = tidied[piece.part]!.at(piece.rawStart + start);
      out.push({ node: piece.node, text, start, end, ordinal: ordinalAt(piece.part, offset) });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** The match a hit points at: the first in chunk `ordinal`, else the nearest after, else before. */
export function matchForOrdinal(matches: TextMatch[], ordinal: number): TextMatch | undefined {
  return matches.find((m) => m.ordinal === ordinal) ?? matches.find((m) => m.ordinal > ordinal) ?? matches.at(-1);
}

/** A short excerpt around a match, and where the match sits in it. */
export function excerptOf(m: TextMatch, around = 60): { text: string; start: number; end: number } {
  const raw = m.text;
  const from = Math.max(0, m.start - around);
  const to = Math.min(raw.length, m.end + around);
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const before = (from > 0 ? '…' : '') + squash(raw.slice(from, m.start)).trimStart();
  const hit = squash(raw.slice(m.start, m.end));
  const after = squash(raw.slice(m.end, to)).trimEnd() + (to < raw.length ? '…' : '');
  return { text: before + hit + after, start: before.length, end: before.length + hit.length };
}
