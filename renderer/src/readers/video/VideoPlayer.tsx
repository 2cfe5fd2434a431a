// A film: the video with our own subtitle overlay (one language, both at once, or off), a
// transcript beside it that follows playback, keys, and opening at a search hit's line.
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { SubtitleCue, SubtitleTrackData } from '../../../../main/api';
import { useBackend } from '../../api/context';
import type { ReaderProps } from '../reader-props';
import { useReaderT, type ReaderT } from '../common/i18n';
import { hitStep, isPressable, isTyping } from '../common/keys';
import { ReaderError, describeError } from '../common/ReaderError';
import { useReaderLook } from '../common/settings';
import { Toolbar } from '../common/Toolbar';
import {
  allChoices, choiceValue, cueAt, defaultChoice, lastStartingBy, parseChoice, shownTracks, tidyTracks,
  type SubtitleChoice,
} from './cues';
import { Transcript } from './Transcript';

type Subs = { kind: 'loading' } | { kind: 'ready'; tracks: SubtitleTrackData[] } | { kind: 'error'; detail: string };
type VideoFailure = { kind: 'video' | 'videoMissing'; detail: string };

const SEEK_STEP_S = 5;

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
  const boxRef = useRef<HTMLDivElement>(null);
  const playRef = useRef<HTMLButtonElement>(null);
  const [subs, setSubs] = useState<Subs>({ kind: 'loading' });
  const [choice, setChoice] = useState<SubtitleChoice>({ kind: 'off' });
  const [lastTrack, setLastTrack] = useState(0);
  const [overlay, setOverlay] = useState<number[]>([]);
  const [row, setRow] = useState(-1);
  const [needsPlay, setNeedsPlay] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [muted, setMuted] = useState(false);
  const [failure, setFailure] = useState<VideoFailure | null>(null);
  const [hitAt, setHitAt] = useState(hits && hits.length > 0 ? (hitIndex ?? 0) : -1);
  const [picked, setPicked] = useState(-1);

  const hit = hits?.[hitIndex ?? 0];
  const startMs = hit?.locator.startMs;
  const tracks = useMemo(() => (subs.kind === 'ready' ? subs.tracks : []), [subs]);
  const shown = shownTracks(choice);
  const transcriptTrack = choice.kind === 'one' ? choice.track : choice.kind === 'both' ? choice.first : lastTrack;
  const transcriptCues: readonly SubtitleCue[] = tracks[transcriptTrack]?.cues ?? [];
  const secondCues = choice.kind === 'both' ? tracks[choice.second]?.cues : undefined;
  const hitStarts = useMemo(() => new Set((hits ?? []).map((h) => h.locator.startMs ?? -1)), [hits]);

  // Subtitles: every track of the film, all languages.
  useEffect(() => {
    let live = true;
    api
      .getSubtitles(item.path)
      .then((data) => {
        if (!live) return;
        const tidy = tidyTracks(data);
        setSubs({ kind: 'ready', tracks: tidy });
        const first = defaultChoice(tidy, hit?.language);
        setChoice(first);
        if (first.kind === 'one') setLastTrack(first.track);
      })
      .catch((e: unknown) => live && setSubs({ kind: 'error', detail: describeError(e) }));
    return () => {
      live = false;
    };
    // The hit's language only picks the first choice: not a dependency.
  }, [api, item.path]);

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

  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    let raf = 0;
    const tick = () => {
      update(v.currentTime * 1000);
      if (!v.paused && !v.ended) raf = requestAnimationFrame(tick);
    };
    const onPlay = () => {
      setPlaying(true);
      setNeedsPlay(false);
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(tick);
    };
    const save = () => {
      if (v.currentTime > 0) {
        void api.savePosition(item.path, { at: Math.round(v.currentTime), updatedAt: new Date().toISOString() }).catch(() => undefined);
      }
    };
    const onPause = () => {
      setPlaying(false);
      save();
    };
    const onTime = () => update(v.currentTime * 1000);
    const onVolume = () => setMuted(v.muted);
    v.addEventListener('play', onPlay);
    v.addEventListener('pause', onPause);
    v.addEventListener('ended', onPause);
    v.addEventListener('timeupdate', onTime);
    v.addEventListener('seeked', onTime);
    v.addEventListener('volumechange', onVolume);
    return () => {
      cancelAnimationFrame(raf);
      save();
      v.removeEventListener('play', onPlay);
      v.removeEventListener('pause', onPause);
      v.removeEventListener('ended', onPause);
      v.removeEventListener('timeupdate', onTime);
      v.removeEventListener('seeked', onTime);
      v.removeEventListener('volumechange', onVolume);
    };
  }, [api, item.path, update]);

  const play = useCallback(() => {
    const v = videoRef.current;
    if (!v) return;
    v.play().catch((e: unknown) => {
      // Autoplay refused (no gesture yet): a big play button, never a silent muted start.
      if (e instanceof DOMException && e.name === 'NotAllowedError') setNeedsPlay(true);
    });
  }, []);

  useEffect(() => {
    if (needsPlay) playRef.current?.focus();
  }, [needsPlay]);

  // Opening: at the hit's line, playing; else at the remembered second, paused. Listened to
  // natively after mount and checked against readyState: the element may have loaded its metadata
  // before React committed it (React drops events of elements it has not committed yet).
  const opening = useRef({ startMs, update, play });
  useEffect(() => {
    opening.current = { startMs, update, play };
  });
  useEffect(() => {
    const v = videoRef.current;
    if (!v) return;
    let done = false;
    const open = () => {
      if (done) return;
      done = true;
      const { startMs, update, play } = opening.current;
      if (startMs !== undefined) {
        v.currentTime = startMs / 1000;
        update(startMs);
        play();
        return;
      }
      api
        .getPositions()
        .then((p) => {
          const at = p[item.path]?.at;
          if (typeof at === 'number' && at > 0 && at < v.duration) v.currentTime = at;
        })
        .catch(() => undefined);
    };
    const fail = () => {
      const detail = v.error?.message || `MediaError ${v.error?.code ?? '?'}`;
      // A missing file and an unplayable one look the same to <video>: ask for the first byte.
      fetch(urls.file(item.path), { headers: { Range: 'bytes=0-0' } })
        .then((res) => setFailure({ kind: res.ok ? 'video' : 'videoMissing', detail: res.ok ? detail : `HTTP ${res.status}` }))
        .catch(() => setFailure({ kind: 'videoMissing', detail }));
    };
    if (v.error) fail();
    else if (v.readyState >= HTMLMediaElement.HAVE_METADATA) open();
    v.addEventListener('loadedmetadata', open);
    v.addEventListener('error', fail);
    return () => {
      v.removeEventListener('loadedmetadata', open);
      v.removeEventListener('error', fail);
    };
  }, [api, urls, item.path]);

  // Another hit of the same film chosen while it is open (the address changed, not the film).
  const openedAt = useRef(startMs);
  useEffect(() => {
    if (startMs === undefined || startMs === openedAt.current) return;
    openedAt.current = startMs;
    setHitAt(hitIndex ?? 0);
    const v = videoRef.current;
    if (v && v.readyState >= HTMLMediaElement.HAVE_METADATA) {
      v.currentTime = startMs / 1000;
      update(startMs);
      play();
    }
  }, [startMs, hitIndex, update, play]);

  // Transcript only: the hit's line is the current one.
  useEffect(() => {
    if (hasVideo || startMs === undefined) return;
    setRow(lastStartingBy(transcriptCues, startMs));
  }, [hasVideo, startMs, transcriptCues]);

  const seekTo = useCallback(
    (ms: number, andPlay: boolean) => {
      const v = videoRef.current;
      if (!hasVideo || !v) {
        setRow(lastStartingBy(transcriptCues, ms));
        return;
      }
      v.currentTime = ms / 1000;
      update(ms);
      if (andPlay && v.paused) play();
    },
    [hasVideo, transcriptCues, update, play],
  );

  const stepHit = useCallback(
    (d: 1 | -1) => {
      const n = hits?.length ?? 0;
      if (n === 0) return;
      const next = hitAt < 0 ? (d > 0 ? 0 : n - 1) : (hitAt + d + n) % n;
      setHitAt(next);
      const ms = hits![next]!.locator.startMs;
      if (ms !== undefined) seekTo(ms, !videoRef.current?.paused);
    },
    [hits, hitAt, seekTo],
  );

  const choices = useMemo(() => allChoices(tracks), [tracks]);
  const pick = useCallback((c: SubtitleChoice) => {
    setChoice(c);
    if (c.kind === 'one') setLastTrack(c.track);
    if (c.kind === 'both') setLastTrack(c.first);
  }, []);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void boxRef.current?.requestFullscreen().catch(() => undefined);
  }, []);

  const togglePlay = useCallback(() => {
    const v = videoRef.current;
    if (!v) return;
    if (v.paused || v.ended) play();
    else v.pause();
  }, [play]);

  const seekBy = useCallback((s: number) => {
    const v = videoRef.current;
    if (!v) return;
    v.currentTime = Math.min(Math.max(0, v.currentTime + s), Number.isFinite(v.duration) ? v.duration : v.currentTime + s);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const d = hitStep(e);
      if (d !== 0 && (hits?.length ?? 0) > 0) {
        e.preventDefault();
        stepHit(d);
        return;
      }
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const v = videoRef.current;
      switch (e.key) {
        case ' ':
        case 'k':
        case 'K':
          // Space on a button presses the button; on the focused video Chromium's own controls
          // toggle it (on keyup, which cannot be prevented): ours would undo theirs.
          if (!v || (e.key === ' ' && (isPressable(e.target) || e.target instanceof HTMLMediaElement))) return;
          e.preventDefault();
          togglePlay();
          return;
        case 'ArrowLeft':
        case 'ArrowRight':
          if (!v || (e.target instanceof Element && e.target.closest('.cm-r-transcript-list'))) return;
          e.preventDefault();
          seekBy(e.key === 'ArrowLeft' ? -SEEK_STEP_S : SEEK_STEP_S);
          return;
        case 'f':
        case 'F':
          if (!v) return;
          e.preventDefault();
          toggleFullscreen();
          return;
        case 'm':
        case 'M':
          if (!v) return;
          e.preventDefault();
          v.muted = !v.muted;
          return;
        case 'c':
        case 'C': {
          if (choices.length <= 1) return;
          e.preventDefault();
          const i = choices.findIndex((c) => choiceValue(c) === choiceValue(choice));
          pick(choices[(i + 1) % choices.length]!);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hits, stepHit, togglePlay, seekBy, toggleFullscreen, choices, choice, pick]);

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

  const transcript = (
    <aside className={`cm-r-transcript${hasVideo ? '' : ' cm-r-transcript-only'}`} aria-label={t('video.transcript')} style={{ fontSize: `${Math.round(look.fontPx * 0.85)}px` }}>
      <h2>{t('video.transcript')}</h2>
      {!hasVideo ? <p className="cm-r-notice">{t('video.transcriptOnly')}</p> : null}
      {subs.kind === 'loading' ? <p className="cm-r-status">{t('opening')}</p> : null}
      {subs.kind === 'error' ? (
        <p className="cm-r-notice" role="alert">
          {t('error.subtitles')}
        </p>
      ) : null}
      {subs.kind === 'ready' && transcriptCues.length === 0 ? <p className="cm-r-status">{t('video.transcriptEmpty')}</p> : null}
      {transcriptCues.length > 0 ? (
        <Transcript
          cues={transcriptCues}
          second={secondCues}
          active={hasVideo ? row : picked >= 0 ? picked : row}
          terms={terms ?? []}
          hitStarts={hitStarts}
          onPick={(c, i) => {
            if (hasVideo) seekTo(c.startMs, true);
            else setPicked(i);
          }}
        />
      ) : null}
    </aside>
  );

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
          <div className="cm-r-video-stage" role="region" aria-label={t('video.player')}>
            {failure ? (
              <div className="cm-r-video-failure">
                <ReaderError path={item.path} kind={failure.kind} detail={failure.detail} onClose={onClose} />
              </div>
            ) : (
              <>
                <div ref={boxRef} className="cm-r-video-box">
                  <video
                    ref={videoRef}
                    src={urls.file(item.path)}
                    controls
                    controlsList="nofullscreen noremoteplayback nodownload"
                    disablePictureInPicture
                    preload="metadata"
                    playsInline
                    aria-label={item.title}
                  />
                  <div className="cm-r-subtitles" aria-hidden="true">
                    {overlayLines.map(({ k, cue }) => (
                      <span key={k} className={k > 0 ? 'cm-r-sub-second' : undefined} lang={tracks[shown[k]!]?.language}>
                        {cue.text}
                      </span>
                    ))}
                  </div>
                  {needsPlay ? (
                    <button ref={playRef} type="button" className="cm-r-bigplay" onClick={play} aria-label={t('video.playBig')}>
                      <span aria-hidden="true">▶</span>
                      {t('video.playBig')}
                    </button>
                  ) : null}
                </div>
                <div className="cm-r-video-controls">
                  <button type="button" className="cm-r-button" onClick={() => seekBy(-SEEK_STEP_S)} aria-label={t('video.back5')} title={t('video.back5')}>
                    <span aria-hidden="true">⟲ 5</span>
                  </button>
                  <button type="button" className="cm-r-button" onClick={togglePlay} aria-label={playing ? t('video.pause') : t('video.play')}>
                    <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t('video.pause') : t('video.play')}
                  </button>
                  <button type="button" className="cm-r-button" onClick={() => seekBy(SEEK_STEP_S)} aria-label={t('video.forward5')} title={t('video.forward5')}>
                    <span aria-hidden="true">5 ⟳</span>
                  </button>
                  <button
                    type="button"
                    className="cm-r-button"
                    aria-pressed={muted}
                    onClick={() => {
                      const v = videoRef.current;
                      if (v) v.muted = !v.muted;
                    }}
                    aria-label={muted ? t('video.unmute') : t('video.mute')}
                    title={muted ? t('video.unmute') : t('video.mute')}
                  >
                    {muted ? t('video.unmuteShort') : t('video.muteShort')}
                  </button>
                  <button type="button" className="cm-r-button" onClick={toggleFullscreen} aria-label={t('video.fullscreen')} title={t('video.fullscreen')}>
                    {t('video.fullscreenShort')}
                  </button>
                  <span className="cm-r-keys">{t('video.keys')}</span>
                </div>
              </>
            )}
          </div>
        ) : null}
        {transcript}
      </div>
    </section>
  );
}
