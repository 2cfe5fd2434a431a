// The subtitles' clock: for a playing position, which cue each shown track has on screen and
// which transcript line is current. State changes only when a line changes, not every frame.
//
// Interface: useCueClock(tracks, shown, transcriptCues) → { overlay, row, setRow, update(ms) };
// `overlay[k]` is the cue index of shown track k (-1: none), `row` the transcript line.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SubtitleCue, SubtitleTrackData } from '../../../../main/api';
import { cueAt, lastStartingBy } from './cues';

export function useCueClock(tracks: readonly SubtitleTrackData[], shown: readonly number[], transcriptCues: readonly SubtitleCue[]) {
  const [overlay, setOverlay] = useState<number[]>([]);
  const [row, setRow] = useState(-1);
  const inputs = useRef({ tracks, shown, transcriptCues });
  useEffect(() => {
    inputs.current = { tracks, shown, transcriptCues };
  });
  const update = useCallback((ms: number) => {
    const { tracks, shown, transcriptCues } = inputs.current;
    const next = shown.map((i) => cueAt(tracks[i]?.cues ?? [], ms));
    setOverlay((prev) => (prev.length === next.length && prev.every((v, i) => v === next[i]) ? prev : next));
    const r = lastStartingBy(transcriptCues, ms);
    setRow((prev) => (prev === r ? prev : r));
  }, []);
  return { overlay, row, setRow, update };
}
