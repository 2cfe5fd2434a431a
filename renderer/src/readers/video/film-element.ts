// The <video> element as the player drives it: its events turned into player state
// (player-state.ts), where it opens (always paused), its volume (the person's, set before anything
// can play, reported when changed), the place kept when it pauses and when it closes, and the
// failure to say when it cannot play.
//
// Interface: useFilmElement(options) → { videoRef, player, failure, play, togglePlay, seekTo(ms),
// seekBy(s), setVolume(0–1), toggleMute }. `onTime(ms)` is called whenever the playing position
// moves (every frame while playing), for the subtitles and the transcript.
import { useCallback, useEffect, useReducer, useRef, useState, type RefObject } from 'react';
import type { ChangmunApi } from '../../../../main/api';
import { savePlace } from '../common/place';
import { initialPlayer, openingPlan, placeToKeep, playerStep, seekTarget, type PlayerState } from './player-state';

export type FilmFailure = { kind: 'video' | 'videoMissing'; detail: string };

export interface FilmElementOptions {
  api: ChangmunApi;
  /** The film's URL (also asked for one byte to tell a missing file from an unplayable one). */
  src: string;
  path: string;
  /** A search hit's line to open at. */
  startMs: number | undefined;
  volume: number;
  onVolumeChange: (volume: number) => void;
  onTime: (ms: number) => void;
}

export interface FilmElement {
  videoRef: RefObject<HTMLVideoElement | null>;
  player: PlayerState;
  failure: FilmFailure | null;
  play: () => void;
  togglePlay: () => void;
  seekTo: (ms: number) => void;
  seekBy: (seconds: number) => void;
  setVolume: (volume: number) => void;
  toggleMute: () => void;
}

export function useFilmElement({ api, src, path, startMs, volume, onVolumeChange, onTime }: FilmElementOptions): FilmElement {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [player, dispatch] = useReducer(playerStep, volume, initialPlayer);
  const [failure, setFailure] = useState<FilmFailure | null>(null);
  // Callbacks read through a ref, so the element's listeners are added once per film.
  const latest = useRef({ startMs, onTime, onVolumeChange, volume });
  useEffect(() => {
    latest.current = { startMs, onTime, onVolumeChange, volume: latest.current.volume };
  });

  // The person's volume, before anything can play.
  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    v.volume = latest.current.volume;
    v.muted = false;
  }, []);

  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    let raf = 0;
    const now = () => v.currentTime * 1000;
    const tick = () => {
      latest.current.onTime(now());
      if (!v.paused && !v.ended) raf = requestAnimationFrame(tick);
    };
    const keep = () => {
      const at = placeToKeep(now());
      if (at !== undefined) savePlace(api, path, at);
    };
    const on: Record<string, () => void> = {
      play: () => {
        dispatch({ type: 'play' });
        cancelAnimationFrame(raf);
        raf = requestAnimationFrame(tick);
      },
      pause: () => {
        dispatch({ type: 'pause' });
        keep();
      },
      ended: () => {
        dispatch({ type: 'ended' });
        keep();
      },
      timeupdate: () => {
        dispatch({ type: 'time', atMs: now() });
        latest.current.onTime(now());
      },
      volumechange: () => {
        dispatch({ type: 'volume', volume: v.volume, muted: v.muted });
        if (v.volume !== latest.current.volume) {
          latest.current.volume = v.volume;
          latest.current.onVolumeChange(v.volume);
        }
      },
      durationchange: () => dispatch({ type: 'metadata', durationMs: v.duration * 1000 }),
    };
    on['seeked'] = on['timeupdate']!;

    // Opening: at the hit's line, else at the remembered second, else at the start — always
    // paused. Checked against readyState too: the element may have loaded its metadata before
    // React committed it (React drops events of elements it has not committed yet).
    let opened = false;
    const open = async () => {
      if (opened) return;
      opened = true;
      dispatch({ type: 'metadata', durationMs: v.duration * 1000 });
      const hitMs = latest.current.startMs;
      const remembered = hitMs === undefined ? (await api.getPositions().catch(() => ({}) as Record<string, { at: unknown }>))[path]?.at : undefined;
      const plan = openingPlan({ hitStartMs: hitMs, remembered, durationS: v.duration });
      if (plan.atMs > 0) v.currentTime = plan.atMs / 1000;
      latest.current.onTime(plan.atMs);
      dispatch({ type: 'opened', ...plan });
    };
    const fail = () => {
      dispatch({ type: 'error' });
      const detail = v.error?.message || `MediaError ${v.error?.code ?? '?'}`;
      // A missing file and an unplayable one look the same to <video>: ask for the first byte.
      fetch(src, { headers: { Range: 'bytes=0-0' } })
        .then((res) => setFailure({ kind: res.ok ? 'video' : 'videoMissing', detail: res.ok ? detail : `HTTP ${res.status}` }))
        .catch(() => setFailure({ kind: 'videoMissing', detail }));
    };
    on['loadedmetadata'] = () => void open();
    on['error'] = fail;
    for (const [name, fn] of Object.entries(on)) v.addEventListener(name, fn);
    if (v.error) fail();
    else if (v.readyState >= HTMLMediaElement.HAVE_METADATA) void open();
    return () => {
      cancelAnimationFrame(raf);
      keep();
      for (const [name, fn] of Object.entries(on)) v.removeEventListener(name, fn);
    };
  }, [api, src, path]);

  const play = useCallback(() => {
    videoRef.current?.play().catch((e: unknown) => {
      if (e instanceof DOMException && e.name === 'NotAllowedError') dispatch({ type: 'play-refused' });
    });
  }, []);

  const togglePlay = useCallback(() => {
    const v = videoRef.current;
    if (!v) return;
    if (v.paused || v.ended) play();
    else v.pause();
  }, [play]);

  const seekTo = useCallback((ms: number) => {
    const v = videoRef.current;
    if (!v) return;
    v.currentTime = ms / 1000;
    latest.current.onTime(ms);
    dispatch({ type: 'time', atMs: ms });
  }, []);

  const seekBy = useCallback((s: number) => {
    const v = videoRef.current;
    if (v) v.currentTime = seekTarget(v.currentTime, s, v.duration);
  }, []);

  const setVolume = useCallback((next: number) => {
    const v = videoRef.current;
    if (!v) return;
    v.volume = next;
    if (next > 0) v.muted = false;
  }, []);

  const toggleMute = useCallback(() => {
    const v = videoRef.current;
    if (v) v.muted = !v.muted;
  }, []);

  return { videoRef, player, failure, play, togglePlay, seekTo, seekBy, setVolume, toggleMute };
}
