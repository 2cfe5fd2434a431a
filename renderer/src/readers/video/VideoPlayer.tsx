// A film: the picture with our own subtitle overlay and one set of controls, the transcript beside
// it, keys, and opening at a search hit's line — shown paused there: nothing makes a sound until
// the person presses play, and then at their volume (kept per drive, starting low).
//
// The jobs are in their own modules: player-state.ts (what the player is doing, pure), video-keys.ts
// (which key means what, pure), subtitle-tracks.ts (the tracks and the choice), cues.ts (which
// line is on screen), VideoControls.tsx, TranscriptPanel.tsx / Transcript.tsx.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type CSSProperties } from 'react';
import type { SubtitleCue, SubtitleTrackData } from '../../../../main/api';
import { useBackend } from '../../api/context';
import type { ReaderProps } from '../Reader';
import { useReaderT, type ReaderT } from '../common/i18n';
import { isPressable, isTyping } from '../common/keys';
import { savePlace } from '../common/place';
import { ReaderError } from '../common/ReaderError';
import { useReaderLook } from '../common/settings';
import { Toolbar } from '../common/Toolbar';
import { choiceValue, cueAt, lastStartingBy, parseChoice, type SubtitleChoice } from './cues';
import { initialPlayer, openingPlan, placeToKeep, playerStep, seekTarget, stepVolume } from './player-state';
import { useSubtitleTracks } from './subtitle-tracks';
import { TranscriptPanel } from './TranscriptPanel';
import { VideoControls } from './VideoControls';
import { videoKeyAction } from './video-keys';

type VideoFailure = { kind: 'video' | 'videoMissing'; detail: string };

function languageName(t: ReaderT, code: string | undefined): string {
  if (!code) return t('video.language.unknown');
  const c = code.toLowerCase();
  if (c.startsWith('ko')) return t('video.language.ko');
  if (c.startsWith('en')) return t('video.language.en');
  return t('video.language.other', { code });
}

function trackNames(t: ReaderT, tracks: SubtitleTrackData[]): string[] {
  const names = tracks.map((tr) => languageName(t, tr.language));
  return names.map((n, i) => {
    if (names.filter((x) => x === n).length < 2) return n;
    const file = tracks[i]!.path.split('/').pop() ?? '';
    return `${n} (${tracks[i]!.label || file})`;
  });
}

export function VideoPlayer({ item, hits, hitIndex, terms, onClose }: ReaderProps) {
  const { api, urls } = useBackend();
  const { t } = useReaderT();
  const look = useReaderLook();
  const hasVideo = item.video?.hasVideo !== false;
  const videoRef = useRef<HTMLVideoElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const bigPlayRef = useRef<HTMLButtonElement>(null);
  const [player, dispatch] = useReducer(playerStep, look.volume, initialPlayer);
  const [overlay, setOverlay] = useState<number[]>([]);
  const [row, setRow] = useState(-1);
  const [failure, setFailure] = useState<VideoFailure | null>(null);
  const [hitAt, setHitAt] = useState(hits && hits.length > 0 ? (hitIndex ?? 0) : -1);
  const [picked, setPicked] = useState(-1);

  const hit = hits?.[hitIndex ?? 0];
  const startMs = hit?.locator.startMs;
  const { subs, tracks, choice, choices, pick, shown, transcriptCues, secondCues } = useSubtitleTracks(api, item.path, hit?.language);
  const hitStarts = useMemo(() => new Set((hits ?? []).map((h) => h.locator.startMs ?? -1)), [hits]);

  // The clock: which cue is on screen for each shown track, and which transcript line is current.
  // State changes only when a line changes, not every frame.
  const clockInputs = useRef({ tracks, shown, transcriptCues });
  useEffect(() => {
    clockInputs.current = { tracks, shown, transcriptCues };
  });
  const update = useCallback((ms: number) => {
    const { tracks, shown, transcriptCues } = clockInputs.current;
    const next = shown.map((i) => cueAt(tracks[i]?.cues ?? [], ms));
    setOverlay((prev) => (prev.length === next.length && prev.every((v, i) => v === next[i]) ? prev : next));
    const r = lastStartingBy(transcriptCues, ms);
    setRow((prev) => (prev === r ? prev : r));
  }, []);

  useEffect(() => {
    const v = videoRef.current;
    if (v) update(v.currentTime * 1000);
  }, [choice, tracks, update]);

  // The element's volume is the person's: set before anything can play, and kept when changed.
  const volumeRef = useRef(look.volume);
  const setVolume = look.setVolume;
  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    v.volume = volumeRef.current;
    v.muted = false;
  }, []);

  // The element's events, fed to the player state; the place is kept when it pauses and on close.
  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    let raf = 0;
    const tick = () => {
      update(v.currentTime * 1000);
      if (!v.paused && !v.ended) raf = requestAnimationFrame(tick);
    };
    const keep = () => {
      const at = placeToKeep(v.currentTime * 1000);
      if (at !== undefined) savePlace(api, item.path, at);
    };
    const onPlay = () => {
      dispatch({ type: 'play' });
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(tick);
    };
    const onPause = () => {
      dispatch({ type: 'pause' });
      keep();
    };
    const onEnded = () => {
      dispatch({ type: 'ended' });
      keep();
    };
    const onTime = () => {
      dispatch({ type: 'time', atMs: v.currentTime * 1000 });
      update(v.currentTime * 1000);
    };
    const onVolume = () => {
      dispatch({ type: 'volume', volume: v.volume, muted: v.muted });
      if (v.volume !== volumeRef.current) {
        volumeRef.current = v.volume;
        setVolume(v.volume);
      }
    };
    const onDuration = () => dispatch({ type: 'metadata', durationMs: v.duration * 1000 });
    const events: [string, () => void][] = [
      ['play', onPlay], ['pause', onPause], ['ended', onEnded], ['timeupdate', onTime], ['seeked', onTime], ['volumechange', onVolume],
      ['durationchange', onDuration],
    ];
    for (const [name, fn] of events) v.addEventListener(name, fn);
    return () => {
      cancelAnimationFrame(raf);
      keep();
      for (const [name, fn] of events) v.removeEventListener(name, fn);
    };
  }, [api, item.path, update, setVolume]);

  const play = useCallback(() => {
    const v = videoRef.current;
    if (!v) return;
    v.play().catch((e: unknown) => {
      if (e instanceof DOMException && e.name === 'NotAllowedError') dispatch({ type: 'play-refused' });
    });
  }, []);

  // Opening: at the hit's line, else at the remembered second, else at the start — always paused.
  // Listened to natively after mount and checked against readyState: the element may have loaded
  // its metadata before React committed it (React drops events of elements it has not committed).
  const opening = useRef({ startMs, update });
  useEffect(() => {
    opening.current = { startMs, update };
  });
  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    let done = false;
    const open = async () => {
      if (done) return;
      done = true;
      dispatch({ type: 'metadata', durationMs: v.duration * 1000 });
      const { startMs, update } = opening.current;
      const remembered = startMs === undefined ? (await api.getPositions().catch(() => ({}) as Record<string, { at: unknown }>))[item.path]?.at : undefined;
      const plan = openingPlan({ hitStartMs: startMs, remembered, durationS: v.duration });
      if (plan.atMs > 0) v.currentTime = plan.atMs / 1000;
      update(plan.atMs);
      dispatch({ type: 'opened', ...plan });
    };
    const fail = () => {
      dispatch({ type: 'error' });
      const detail = v.error?.message || `MediaError ${v.error?.code ?? '?'}`;
      // A missing file and an unplayable one look the same to <video>: ask for the first byte.
      fetch(urls.file(item.path), { headers: { Range: 'bytes=0-0' } })
        .then((res) => setFailure({ kind: res.ok ? 'video' : 'videoMissing', detail: res.ok ? detail : `HTTP ${res.status}` }))
        .catch(() => setFailure({ kind: 'videoMissing', detail }));
    };
    const onMetadata = () => void open();
    if (v.error) fail();
    else if (v.readyState >= HTMLMediaElement.HAVE_METADATA) void open();
    v.addEventListener('loadedmetadata', onMetadata);
    v.addEventListener('error', fail);
    return () => {
      v.removeEventListener('loadedmetadata', onMetadata);
      v.removeEventListener('error', fail);
    };
  }, [api, urls, item.path]);

  useEffect(() => {
    if (player.askToPlay) bigPlayRef.current?.focus({ preventScroll: true });
  }, [player.askToPlay]);

  const seekTo = useCallback(
    (ms: number) => {
      const v = videoRef.current;
      if (!hasVideo || !v) {
        setRow(lastStartingBy(transcriptCues, ms));
        return;
      }
      v.currentTime = ms / 1000;
      update(ms);
      dispatch({ type: 'time', atMs: ms });
    },
    [hasVideo, transcriptCues, update],
  );

  // Another hit of the same film chosen while it is open (the address changed, not the film):
  // the frame at that line; still playing only if it was.
  const openedAt = useRef(startMs);
  useEffect(() => {
    if (startMs === undefined || startMs === openedAt.current) return;
    openedAt.current = startMs;
    setHitAt(hitIndex ?? 0);
    const v = videoRef.current;
    if (v && v.readyState >= HTMLMediaElement.HAVE_METADATA) seekTo(startMs);
  }, [startMs, hitIndex, seekTo]);

  // Transcript only: the hit's line is the current one.
  useEffect(() => {
    if (hasVideo || startMs === undefined) return;
    setRow(lastStartingBy(transcriptCues, startMs));
  }, [hasVideo, startMs, transcriptCues]);

  const stepHit = useCallback(
    (d: 1 | -1) => {
      const n = hits?.length ?? 0;
      if (n === 0) return;
      const next = hitAt < 0 ? (d > 0 ? 0 : n - 1) : (hitAt + d + n) % n;
      setHitAt(next);
      const ms = hits![next]!.locator.startMs;
      if (ms !== undefined) seekTo(ms);
    },
    [hits, hitAt, seekTo],
  );

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void stageRef.current?.requestFullscreen().catch(() => undefined);
  }, []);

  const togglePlay = useCallback(() => {
    const v = videoRef.current;
    if (!v) return;
    if (v.paused || v.ended) play();
    else v.pause();
  }, [play]);

  const seekBy = useCallback((s: number) => {
    const v = videoRef.current;
    if (v) v.currentTime = seekTarget(v.currentTime, s, v.duration);
  }, []);

  const changeVolume = useCallback((volume: number) => {
    const v = videoRef.current;
    if (!v) return;
    v.volume = volume;
    if (volume > 0) v.muted = false;
  }, []);

  const toggleMute = useCallback(() => {
    const v = videoRef.current;
    if (v) v.muted = !v.muted;
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      const action = videoKeyAction(
        e,
        {
          typing: isTyping(target),
          pressable: isPressable(target),
          usesArrows: target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'range'),
          inTranscript: target?.closest('.cm-r-transcript-list') != null,
        },
        { video: hasVideo && !failure, hits: (hits?.length ?? 0) > 0, subtitleChoices: choices.length },
      );
      if (!action) return;
      e.preventDefault();
      const v = videoRef.current;
      switch (action.kind) {
        case 'hit':
          return stepHit(action.direction);
        case 'toggle':
          return togglePlay();
        case 'seek':
          return seekBy(action.byS);
        case 'volume':
          return v ? changeVolume(stepVolume(v.muted ? 0 : v.volume, action.direction)) : undefined;
        case 'mute':
          return toggleMute();
        case 'fullscreen':
          return toggleFullscreen();
        case 'subtitles': {
          const i = choices.findIndex((c) => choiceValue(c) === choiceValue(choice));
          return pick(choices[(i + 1) % choices.length]!);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hasVideo, failure, hits, choices, choice, pick, stepHit, togglePlay, seekBy, changeVolume, toggleMute, toggleFullscreen]);

  const names = trackNames(t, tracks);
  const choiceLabel = (c: SubtitleChoice) =>
    c.kind === 'off' ? t('video.subtitlesOff') : c.kind === 'one' ? names[c.track]! : `${t('video.subtitlesBoth')} (${names[c.first]} + ${names[c.second]})`;

  const overlayLines = shown
    .map((trackIndex, k) => ({ k, cue: tracks[trackIndex]?.cues[overlay[k] ?? -1] }))
    .filter((x): x is { k: number; cue: SubtitleCue } => x.cue !== undefined);

  const style = { '--cm-r-font': `${look.fontPx}px` } as CSSProperties;
  const subtitleSelect =
    tracks.length > 0 ? (
      <label className="cm-r-group cm-r-select">
        <span>{t('video.subtitles')}</span>
        <select value={choiceValue(choice)} onChange={(e) => pick(parseChoice(e.target.value, tracks))} aria-label={t('video.subtitles')}>
          {choices.map((c) => (
            <option key={choiceValue(c)} value={choiceValue(c)}>
              {choiceLabel(c)}
            </option>
          ))}
        </select>
      </label>
    ) : null;

  const atHit = startMs !== undefined;
  return (
    <section className="cm-reader cm-r-video-reader" data-theme={look.theme} style={style} aria-label={t('video.label', { title: item.title })}>
      <Toolbar
        title={item.title}
        onClose={onClose}
        hits={hits && hits.length > 0 ? { index: hitAt, total: hits.length, onStep: stepHit } : undefined}
        fontPx={look.fontPx}
        onFontPx={look.setFontPx}
        theme={look.theme}
        themes={['light', 'sepia', 'dark']}
        onTheme={look.setTheme}
      >
        {subtitleSelect}
      </Toolbar>
      <div className="cm-r-video-main">
        {hasVideo ? (
          <div ref={stageRef} className="cm-r-video-stage" role="region" aria-label={t('video.player')}>
            {failure ? (
              <div className="cm-r-video-failure">
                <ReaderError path={item.path} kind={failure.kind} detail={failure.detail} onClose={onClose} />
              </div>
            ) : (
              <>
                <div className="cm-r-video-box">
                  <video ref={videoRef} src={urls.file(item.path)} preload="metadata" playsInline disablePictureInPicture aria-label={item.title} onClick={togglePlay} />
                  <div className="cm-r-subtitles" aria-hidden="true">
                    {overlayLines.map(({ k, cue }) => (
                      <span key={k} className={k > 0 ? 'cm-r-sub-second' : undefined} lang={tracks[shown[k]!]?.language}>
                        {cue.text}
                      </span>
                    ))}
                  </div>
                  {player.askToPlay && player.phase !== 'playing' ? (
                    <button ref={bigPlayRef} type="button" className="cm-r-bigplay" onClick={play}>
                      <svg viewBox="0 0 24 24" width="44" height="44" aria-hidden="true" focusable="false">
                        <path d="M7 4l13 8-13 8z" fill="currentColor" />
                      </svg>
                      <span>{atHit ? t('video.playFromLine') : t('video.playBig')}</span>
                    </button>
                  ) : null}
                </div>
                <VideoControls
                  state={player}
                  onToggle={togglePlay}
                  onSeekBy={seekBy}
                  onSeekTo={seekTo}
                  onVolume={changeVolume}
                  onMute={toggleMute}
                  onFullscreen={toggleFullscreen}
                />
              </>
            )}
          </div>
        ) : null}
        <TranscriptPanel
          subs={subs}
          cues={transcriptCues}
          second={secondCues}
          active={hasVideo ? row : picked >= 0 ? picked : row}
          terms={terms ?? []}
          hitStarts={hitStarts}
          alone={!hasVideo}
          fontPx={look.fontPx}
          onPick={(c, i) => {
            if (hasVideo) seekTo(c.startMs);
            else setPicked(i);
          }}
        />
      </div>
    </section>
  );
}
