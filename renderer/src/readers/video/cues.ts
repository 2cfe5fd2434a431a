// Subtitle tracks as the player uses them: which cue is on screen, which languages to show.
import type { SubtitleCue, SubtitleTrackData } from '../../../../main/api';

/** Index of the cue showing at `ms` (start ≤ ms < end), or -1. Cues sorted by start. */
export function cueAt(cues: readonly SubtitleCue[], ms: number): number {
  const i = lastStartingBy(cues, ms);
  return i >= 0 && ms < cues[i]!.endMs ? i : -1;
}

/** Index of the last cue that started at or before `ms` (the line just spoken), or -1. */
export function lastStartingBy(cues: readonly SubtitleCue[], ms: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.startMs <= ms) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Tracks with their cues sorted and empty cues (SAMI `&nbsp;` lines) dropped. */
export function tidyTracks(tracks: readonly SubtitleTrackData[]): SubtitleTrackData[] {
  return tracks
    .map((t) => ({ ...t, cues: t.cues.filter((c) => c.text.trim() !== '' && c.endMs > c.startMs).sort((a, b) => a.startMs - b.startMs) }))
    .filter((t) => t.cues.length > 0);
}

/** What the overlay shows: nothing, one track, or two at once (the Korean one first). */
export type SubtitleChoice = { kind: 'off' } | { kind: 'one'; track: number } | { kind: 'both'; first: number; second: number };

export function choiceValue(c: SubtitleChoice): string {
  return c.kind === 'off' ? 'off' : c.kind === 'one' ? `t${c.track}` : 'both';
}

function isKorean(t: SubtitleTrackData | undefined): boolean {
  return !!t && (t.language?.toLowerCase().startsWith('ko') ?? false);
}

/** The pair for "both": a Korean track first and the first track in another language. */
export function bothPair(tracks: readonly SubtitleTrackData[]): { first: number; second: number } | null {
  if (tracks.length < 2) return null;
  const ko = tracks.findIndex(isKorean);
  const first = ko >= 0 ? ko : 0;
  const lang = tracks[first]!.language;
  let second = tracks.findIndex((t, i) => i !== first && t.language !== lang);
  if (second < 0) second = tracks.findIndex((_, i) => i !== first);
  return second < 0 ? null : { first, second };
}

export function allChoices(tracks: readonly SubtitleTrackData[]): SubtitleChoice[] {
  const out: SubtitleChoice[] = tracks.map((_, i) => ({ kind: 'one', track: i }));
  const pair = bothPair(tracks);
  if (pair) out.push({ kind: 'both', ...pair });
  out.push({ kind: 'off' });
  return out;
}

export function parseChoice(value: string, tracks: readonly SubtitleTrackData[]): SubtitleChoice {
  if (value === 'both') {
    const pair = bothPair(tracks);
    if (pair) return { kind: 'both', ...pair };
  }
  const m = /^t(\d+)$/.exec(value);
  if (m && Number(m[1]) < tracks.length) return { kind: 'one', track: Number(m[1]) };
  return { kind: 'off' };
}

/** First choice: the hit's language, else Korean, else the first track. */
export function defaultChoice(tracks: readonly SubtitleTrackData[], preferLanguage?: string): SubtitleChoice {
  if (tracks.length === 0) return { kind: 'off' };
  const want = preferLanguage?.toLowerCase();
  const byHit = want ? tracks.findIndex((t) => t.language?.toLowerCase() === want) : -1;
  if (byHit >= 0) return { kind: 'one', track: byHit };
  const ko = tracks.findIndex(isKorean);
  return { kind: 'one', track: ko >= 0 ? ko : 0 };
}

/** The tracks drawn for a choice, in drawing order. */
export function shownTracks(c: SubtitleChoice): number[] {
  return c.kind === 'off' ? [] : c.kind === 'one' ? [c.track] : [c.first, c.second];
}

export function formatTime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
