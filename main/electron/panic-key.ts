// The panic key, seen by the main process too: Escape twice within 600 ms, the rule of the UI's
// keyboard.ts (PANIC_WINDOW_MS). The UI hides everything and calls quit(); this catches the same
// keys before the page does (before-input-event), so the window still closes when the page is busy
// laying out a long book or a reader's frame swallows the key.

export const PANIC_WINDOW_MS = 600;

/** Feed every key-down with its time; true on the second Escape within `windowMs` of the first. */
export function createPanicDetector(windowMs = PANIC_WINDOW_MS): (input: { type: string; key: string }, timeMs: number) => boolean {
  let lastEscape = Number.NEGATIVE_INFINITY;
  return (input, timeMs) => {
    if (input.type !== 'keyDown' || (input.key !== 'Escape' && input.key !== 'Esc')) return false;
    if (timeMs - lastEscape <= windowMs) {
      lastEscape = Number.NEGATIVE_INFINITY;
      return true;
    }
    lastEscape = timeMs;
    return false;
  };
}
