// A small drawn icon for each kind of item (no icon font: nothing is loaded from anywhere).
import type { ItemType } from '../../../main/api';

const PATHS: Record<ItemType, string> = {
  // A page with lines.
  article: 'M6 2h9l5 5v15H6z M15 2v5h5 M9 11h8 M9 14h8 M9 17h6',
  // An open book.
  book: 'M3 5c3-1 6-1 9 1v14c-3-2-6-2-9-1z M21 5c-3-1-6-1-9 1v14c3-2 6-2 9-1z',
  // A screen with a play triangle.
  video: 'M3 5h18v14H3z M10 9v6l5-3z',
};

export function TypeIcon({ type, className }: { type: ItemType; className?: string }) {
  return (
    <svg
      className={className ?? 'type-icon'}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinejoin="round"
      strokeLinecap="round"
    >
      <path d={PATHS[type]} />
    </svg>
  );
}
