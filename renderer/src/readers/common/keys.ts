// Keyboard helpers shared by the readers.
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** True when a key press belongs to a text field, not to the reader. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(target.type);
  }
  return (target as HTMLElement).isContentEditable === true;
}

/** True when Space or Enter would press this element (a button, link or summary). */
export function isPressable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('button, a[href], summary, [role="button"], select, input') !== null;
}

export function hasModifier(e: KeyboardEvent | ReactKeyboardEvent): boolean {
  return e.ctrlKey || e.altKey || e.metaKey;
}

/** Next/previous hit keys: n / p, F3 / Shift+F3. */
export function hitStep(e: KeyboardEvent): 1 | -1 | 0 {
  if (e.ctrlKey || e.altKey || e.metaKey) return 0;
  if (e.key === 'F3') return e.shiftKey ? -1 : 1;
  if (e.key === 'n' || e.key === 'N') return e.shiftKey ? -1 : 1;
  if (e.key === 'p' || e.key === 'P') return -1;
  return 0;
}
