// The film's lines beside the video: follows playback without taking the focus, seeks on click or
// Enter. One Tab stop; ↑/↓/Home/End move between lines.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SubtitleCue } from '../../../../main/api';
import { matchRanges } from '../../../../main/text/analyze';
import { useReaderT } from '../common/i18n';
import { formatTime, lastStartingBy } from './cues';

export interface TranscriptProps {
  cues: readonly SubtitleCue[];
  /** A second language shown under each line ("both at once"). */
  second?: readonly SubtitleCue[];
  /** The line being spoken (or just spoken), -1 before the first. */
  active: number;
  terms: readonly string[];
  onPick: (cue: SubtitleCue, index: number) => void;
  /** Lines that a search hit points at. */
  hitStarts: ReadonlySet<number>;
}

/** Text with the searched words marked, as the search marks them. */
export function marked(text: string, terms: readonly string[]): ReactNode {
  if (terms.length === 0) return text;
  const ranges = matchRanges(text, terms);
  if (ranges.length === 0) return text;
  const out: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([s, e], i) => {
    if (s > at) out.push(text.slice(at, s));
    out.push(
      <mark key={i} className="cm-r-mark">
        {text.slice(s, e)}
      </mark>,
    );
    at = e;
  });
  if (at < text.length) out.push(text.slice(at));
  return out;
}

const USER_SCROLL_GRACE_MS = 4000;

export function Transcript({ cues, second, active, terms, onPick, hitStarts }: TranscriptProps) {
  const { t } = useReaderT();
  const list = useRef<HTMLOListElement>(null);
  const [focusRow, setFocusRow] = useState(-1);
  const userScrolledAt = useRef(0);

  // The line in the other language that starts with (or is showing at) each line.
  const seconds = useMemo(() => {
    if (!second || second.length === 0) return null;
    return cues.map((c) => {
      const i = lastStartingBy(second, c.startMs + 300);
      const s = second[i];
      return s && s.endMs > c.startMs ? s.text : '';
    });
  }, [cues, second]);

  // Follow playback: keep the current line in view, unless the person is scrolling the list.
  useEffect(() => {
    const el = list.current;
    if (!el || active < 0) return;
    if (Date.now() - userScrolledAt.current < USER_SCROLL_GRACE_MS) return;
    const row = el.children[active] as HTMLElement | undefined;
    if (!row) return;
    const top = row.offsetTop;
    if (top < el.scrollTop + el.clientHeight * 0.1 || top + row.offsetHeight > el.scrollTop + el.clientHeight * 0.75) {
      el.scrollTo({ top: Math.max(0, top - el.clientHeight * 0.3) });
    }
  }, [active]);

  const tabRow = focusRow >= 0 && focusRow < cues.length ? focusRow : Math.max(0, active);

  const onKey = (e: KeyboardEvent<HTMLOListElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    let next: number | null = null;
    if (e.key in moves) next = Math.min(cues.length - 1, Math.max(0, tabRow + moves[e.key]!));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = cues.length - 1;
    if (next === null) return;
    e.preventDefault();
    userScrolledAt.current = Date.now();
    setFocusRow(next);
    const button = list.current?.children[next]?.querySelector('button');
    button?.focus();
  };

  const touched = () => {
    userScrolledAt.current = Date.now();
  };

  return (
    <ol ref={list} className="cm-r-transcript-list" onKeyDown={onKey} onWheel={touched} onTouchStart={touched} onMouseDown={touched}>
      {cues.map((c, i) => {
        const time = formatTime(c.startMs);
        return (
          <li key={`${c.startMs}-${i}`} aria-current={i === active ? 'true' : undefined} className={hitStarts.has(c.startMs) ? 'cm-r-cue-hit' : undefined}>
            <button
              type="button"
              tabIndex={i === tabRow ? 0 : -1}
              onClick={() => {
                setFocusRow(i);
                onPick(c, i);
              }}
              aria-label={t('video.seekTo', { time, text: c.text })}
            >
              <span className="cm-r-time" aria-hidden="true">
                {time}
              </span>
              <span className="cm-r-cue-text" aria-hidden="true">
                {marked(c.text, terms)}
                {seconds?.[i] ? <span className="cm-r-cue-second">{marked(seconds[i]!, terms)}</span> : null}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
