// The film player's keys, as plain data and one pure function: which key press means what, and
// where a key belongs to something else (a button's Space, a slider's arrows, the transcript's
// arrows, a text field). No DOM here: VideoPlayer.tsx says where the key was pressed.
import { SEEK_STEP_S } from './player-state.js';

export type VideoAction =
  | { kind: 'toggle' }
  | { kind: 'seek'; byS: number }
  | { kind: 'volume'; direction: 1 | -1 }
  | { kind: 'mute' }
  | { kind: 'fullscreen' }
  | { kind: 'subtitles' }
  | { kind: 'hit'; direction: 1 | -1 };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** Where the key was pressed. */
export interface KeyPlace {
  /** A text field: every key is its own. */
  typing: boolean;
  /** A button, link or other control that Space presses. */
  pressable: boolean;
  /** A slider or a list box, which move with the arrow keys. */
  usesArrows: boolean;
  /** The transcript, whose arrows move between lines. */
  inTranscript: boolean;
}

/** What the player has: a picture to play, search hits to step through, subtitle choices. */
export interface PlayerHas {
  video: boolean;
  hits: boolean;
  subtitleChoices: number;
}

/** What the help line lists, in this order. */
export const VIDEO_KEYS: ReadonlyArray<{ keys: readonly string[]; action: VideoAction['kind'] }> = [
  { keys: ['Space', 'k'], action: 'toggle' },
  { keys: ['←', '→'], action: 'seek' },
  { keys: ['↑', '↓'], action: 'volume' },
  { keys: ['m'], action: 'mute' },
  { keys: ['f'], action: 'fullscreen' },
  { keys: ['c'], action: 'subtitles' },
  { keys: ['n', 'p', 'F3'], action: 'hit' },
];

/** The action for a key press, or null when the key is not the player's here. */
export function videoKeyAction(e: KeyPress, where: KeyPlace, has: PlayerHas): VideoAction | null {
  if (where.typing) return null;
  if (has.hits && !e.ctrlKey && !e.altKey && !e.metaKey) {
    if (e.key === 'F3') return { kind: 'hit', direction: e.shiftKey ? -1 : 1 };
    if (e.key === 'n' || e.key === 'N') return { kind: 'hit', direction: e.shiftKey ? -1 : 1 };
    if (e.key === 'p' || e.key === 'P') return { kind: 'hit', direction: -1 };
  }
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const arrowsFree = !where.usesArrows && !where.inTranscript;
  switch (e.key) {
    case ' ':
      return has.video && !where.pressable ? { kind: 'toggle' } : null;
    case 'k':
    case 'K':
      return has.video ? { kind: 'toggle' } : null;
    case 'ArrowLeft':
    case 'ArrowRight':
      return has.video && arrowsFree ? { kind: 'seek', byS: e.key === 'ArrowLeft' ? -SEEK_STEP_S : SEEK_STEP_S } : null;
    case 'ArrowUp':
    case 'ArrowDown':
      return has.video && arrowsFree ? { kind: 'volume', direction: e.key === 'ArrowUp' ? 1 : -1 } : null;
    case 'm':
    case 'M':
      return has.video ? { kind: 'mute' } : null;
    case 'f':
    case 'F':
      return has.video ? { kind: 'fullscreen' } : null;
    case 'c':
    case 'C':
      return has.subtitleChoices > 1 ? { kind: 'subtitles' } : null;
    default:
      return null;
  }
}
