// Keyboard shortcuts as plain data, and the panic key: Escape twice within PANIC_WINDOW_MS hides
// everything. A single Escape keeps its ordinary meaning (close a dialog or the reader).

/** Two Escapes closer together than this are the panic key. */
export const PANIC_WINDOW_MS = 600;

export type ShortcutAction = 'focusSearch' | 'close' | 'panic' | 'move' | 'open' | 'firstLast' | 'tab';

/** What the help page lists; `keys` are shown as written. */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: ShortcutAction }> = [
  { keys: ['/', 'Ctrl+K'], action: 'focusSearch' },
  { keys: ['Esc'], action: 'close' },
  { keys: ['Esc Esc'], action: 'panic' },
  { keys: ['↑', '↓', '←', '→'], action: 'move' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['Home', 'End'], action: 'firstLast' },
  { keys: ['Tab', 'Shift+Tab'], action: 'tab' },
];

/**
 * Returns a function to feed every key press with its time; it answers true on the second
 * Escape within `windowMs` of the first. Other keys in between do not reset it: a person in a
 * hurry may hit a neighbouring key.
 */
export function createPanicDetector(windowMs = PANIC_WINDOW_MS): (key: string, timeMs: number) => boolean {
  let lastEscape = Number.NEGATIVE_INFINITY;
  return (key, timeMs) => {
    if (key !== 'Escape' && key !== 'Esc') return false;
    if (timeMs - lastEscape <= windowMs) {
      lastEscape = Number.NEGATIVE_INFINITY;
      return true;
    }
    lastEscape = timeMs;
    return false;
  };
}

// One detector for the whole page, so an Escape in the main document and one inside a reader's
// iframe count together.
const detectPanic = createPanicDetector();
let panicHandler: (() => void) | null = null;

/** The app shell registers what the panic key does. Returns the unregister function. */
export function setPanicHandler(handler: () => void): () => void {
  panicHandler = handler;
  return () => {
    if (panicHandler === handler) panicHandler = null;
  };
}

/** Hide everything now (the hide button): exactly what the panic key does. */
export function panicNow(): void {
  panicHandler?.();
}

/** Feeds one key press to the panic detector; runs the panic handler when it fires. */
export function feedPanicKey(event: Pick<KeyboardEvent, 'key' | 'timeStamp'>): boolean {
  // timeStamp of events from an iframe counts from that frame's own origin: use one clock.
  if (!detectPanic(event.key, performance.now())) return false;
  panicHandler?.();
  return true;
}

/**
 * Watches a document for the panic key, in the capture phase so nothing can swallow it. The shell
 * watches the page; a reader that renders into an iframe (epub.js) must also call this on the
 * iframe's document, because key presses inside an iframe never reach the page.
 */
export function watchPanicKey(target: Document | Window): () => void {
  const listener = (e: Event) => {
    feedPanicKey(e as KeyboardEvent);
  };
  target.addEventListener('keydown', listener, true);
  return () => target.removeEventListener('keydown', listener, true);
}

/** True when a key press belongs to a text field (so `/` types a slash there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** `/` (outside text fields) or Ctrl+K / Cmd+K: go to the search box. */
export function isFocusSearchKey(e: KeyboardEvent): boolean {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K')) return true;
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target);
}
