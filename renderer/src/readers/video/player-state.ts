// What the film player is doing, as plain data: no DOM, no React, so plain Node tests run it.
//
// The rule it keeps: nothing makes a sound until the person asks. Opening a film (at a search hit's
// line, at a remembered place, or at the start) shows its frame, paused; the person presses play.
// The volume is the person's (kept per drive with the other settings) and starts low.
//
// Interface: `initialPlayer(volume)` makes a state; `playerStep(state, event)` answers the next one
// for each thing the <video> element (or the person) reports; `openingPlan(...)` says where a film
// opens. VideoPlayer.tsx feeds the element's events in and draws what the state says.

/** Where the films' volume starts when nothing else is known: low, for a shared room. */
export const DEFAULT_VOLUME = 0.3;
/** One press of ↑/↓ or one notch of the slider. */
export const VOLUME_STEP = 0.1;
/** ←/→ and the ⟲5 / 5⟳ buttons. */
export const SEEK_STEP_S = 5;

export interface PlayerState {
  /** loading: no metadata yet; failed: the element cannot play this file. */
  phase: 'loading' | 'paused' | 'playing' | 'ended' | 'failed';
  /** Where playback is, in milliseconds. */
  atMs: number;
  /** The film's length in milliseconds (0 until known, or when the container does not say). */
  durationMs: number;
  /** 0–1, as the person set it. */
  volume: number;
  muted: boolean;
  /**
   * The big "play from here" button over the frame: shown when the film opened paused at a
   * search hit's line, and when the browser refused to start it; gone once it plays.
   */
  askToPlay: boolean;
}

export type PlayerEvent =
  | { type: 'metadata'; durationMs: number }
  | { type: 'opened'; atMs: number; atHit: boolean }
  | { type: 'time'; atMs: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'ended' }
  | { type: 'volume'; volume: number; muted: boolean }
  | { type: 'play-refused' }
  | { type: 'error' };

export function initialPlayer(volume: number | undefined): PlayerState {
  return { phase: 'loading', atMs: 0, durationMs: 0, volume: clampVolume(volume), muted: false, askToPlay: false };
}

export function playerStep(s: PlayerState, e: PlayerEvent): PlayerState {
  switch (e.type) {
    case 'metadata':
      return { ...s, durationMs: finiteOr(e.durationMs, 0), phase: s.phase === 'loading' ? 'paused' : s.phase };
    case 'opened':
      return { ...s, atMs: Math.max(0, e.atMs), askToPlay: e.atHit, phase: s.phase === 'loading' ? 'paused' : s.phase };
    case 'time':
      return s.atMs === e.atMs ? s : { ...s, atMs: Math.max(0, finiteOr(e.atMs, s.atMs)) };
    case 'play':
      return { ...s, phase: 'playing', askToPlay: false };
    case 'pause':
      return s.phase === 'ended' || s.phase === 'failed' ? s : { ...s, phase: 'paused' };
    case 'ended':
      return { ...s, phase: 'ended' };
    case 'volume':
      return { ...s, volume: clampVolume(e.volume), muted: e.muted };
    case 'play-refused':
      return { ...s, phase: s.phase === 'playing' ? 'paused' : s.phase, askToPlay: true };
    case 'error':
      return { ...s, phase: 'failed', askToPlay: false };
  }
}

/** A volume a person could have set: 0–1; anything else is the low default. */
export function clampVolume(v: number | undefined): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return DEFAULT_VOLUME;
  return Math.min(1, Math.max(0, v));
}

/** One step louder (+1) or quieter (-1), on the slider's notches. */
export function stepVolume(v: number, direction: 1 | -1): number {
  return clampVolume(Math.round((clampVolume(v) + direction * VOLUME_STEP) * 10) / 10);
}

/** Where a seek of `deltaS` seconds from `atS` lands: never before 0, never past the end when it is known. */
export function seekTarget(atS: number, deltaS: number, durationS: number): number {
  const to = Math.max(0, atS + deltaS);
  return Number.isFinite(durationS) && durationS > 0 ? Math.min(to, durationS) : to;
}

/**
 * Where a film opens, and never playing: at the search hit's line when it was opened from one;
 * else where the person stopped (when places are remembered and that place is inside the film);
 * else at the start. `remembered` is the place kept for this film (seconds), if any.
 */
export function openingPlan(o: { hitStartMs?: number; remembered?: unknown; durationS: number }): { atMs: number; atHit: boolean } {
  if (o.hitStartMs !== undefined && Number.isFinite(o.hitStartMs) && o.hitStartMs >= 0) return { atMs: o.hitStartMs, atHit: true };
  const at = o.remembered;
  if (typeof at === 'number' && at > 0 && (!(o.durationS > 0) || at < o.durationS)) return { atMs: Math.round(at * 1000), atHit: false };
  return { atMs: 0, atHit: false };
}

/** The place worth keeping for a film (whole seconds), or undefined at its very start. */
export function placeToKeep(atMs: number): number | undefined {
  const s = Math.round(atMs / 1000);
  return s > 0 ? s : undefined;
}

/** How the volume reads to a person: "30%", or muted. */
export function volumePercent(s: Pick<PlayerState, 'volume' | 'muted'>): number {
  return s.muted ? 0 : Math.round(s.volume * 100);
}

function finiteOr(n: number, fallback: number): number {
  return Number.isFinite(n) ? n : fallback;
}
