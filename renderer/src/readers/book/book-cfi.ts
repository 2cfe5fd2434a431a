// Places in a book's section as CFIs, epub.js's way of naming them: the CFI of a match found in a
// section's document, and the range a CFI names. No state.
import { EpubCFI } from 'epubjs';
import type { TextMatch } from './section-text';

/** The range a CFI names in `doc`, or undefined when it is not there. */
export function rangeOf(cfi: string, doc: Document): Range | undefined {
  try {
    return new EpubCFI(cfi).toRange(doc) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The CFI of a match in a section's document (`cfiBase`: the section's), or null. */
export function cfiOf(doc: Document, m: TextMatch, cfiBase: string): string | null {
  try {
    const range = doc.createRange();
    if (m.node.nodeType === Node.TEXT_NODE) {
      range.setStart(m.node, m.start);
      range.setEnd(m.node, m.end);
    } else {
      range.selectNode(m.node);
    }
    return new EpubCFI(range, cfiBase).toString();
  } catch {
    return null;
  }
}
