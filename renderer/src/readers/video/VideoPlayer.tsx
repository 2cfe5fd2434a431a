// A film: the picture with our own subtitle overlay and one set of controls, the transcript beside
// it, keys, and opening at a search hit's line — shown paused there: nothing makes a sound until
// the person presses play, and then at their volume (kept per drive, starting low).
//
// The jobs are in their own modules: player-state.ts (what the player is doing, pure),
// film-element.ts (the <video> element: events, opening, volume, place kept), video-keys.ts (which
// key means what, pure), subtitle-tracks.ts (the tracks and the choice), cue-clock.ts and cues.ts
// (which line is on screen), VideoControls.tsx, TranscriptPanel.tsx / Transcript.tsx.
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { SubtitleCue, SubtitleTrackData } from '../../../../main/api';
import { useBackend } from '../../api/context';
import type { ReaderProps } from '../reader-props';
import { useReaderT, type ReaderT } from '../common/i18n';
import { isPressable, isTyping } from '../common/keys';
import { ReaderError } from '../common/ReaderError';
import { useReaderLook } from '../common/settings';
import { Toolbar } from '../common/Toolbar';
import { useCueClock } from './cue-clock';
import { choiceValue, lastStartingBy, parseChoice, type SubtitleChoice } from './cues';
import { useFilmElement } from './film-element';
import { stepVolume } from './player-state';
import { useSubtitleTracks } from './subtitle-tracks';
import { TranscriptPanel } from './TranscriptPanel';
import { VideoControls } from './VideoControls';
import { videoKeyAction } from './video-keys';

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
  const stageRef = useRef<HTMLDivElement>(null);
  const bigPlayRef = useRef<HTMLButtonElement>(null);
  const [hitAt, setHitAt] = useState(hits && hits.length > 0 ? (hitIndex ?? 0) : -1);
  const [picked, setPicked] = useState(-1);

  const hit = hits?.[hitIndex ?? 0];
  const startMs = hit?.locator.startMs;
  const { subs, tracks, choice, choices, pick, shown, transcriptCues, secondCues } = useSubtitleTracks(api, item.path, hit?.language);
  const hitStarts = useMemo(() => new Set((hits ?? []).map((h) => h.locator.startMs ?? -1)), [hits]);
  const clock = useCueClock(tracks, shown, transcriptCues);
  const { update, setRow } = clock;
  const film = useFilmElement({
    api, src: urls.file(item.path), path: item.path, startMs, volume: look.volume, onVolumeChange: look.setVolume, onTime: update,
  });
  const { videoRef, player, failure, play, togglePlay, seekBy, setVolume, toggleMute } = film;

  // A new subtitle choice shows its line at once, not at the next frame.
  useEffect(() => {
    const v = videoRef.current;
    if (v) update(v.currentTime * 1000);
  }, [choice, tracks, update, videoRef]);

  useEffect(() => {
    if (player.askToPlay) bigPlayRef.current?.focus({ preventScroll: true });
  }, [player.askToPlay]);

  const filmSeekTo = film.seekTo;
  const seekTo = useCallback(
    (ms: number) => {
      if (hasVideo && videoRef.current) filmSeekTo(ms);
      else setRow(lastStartingBy(transcriptCues, ms));
    },
    [hasVideo, videoRef, filmSeekTo, setRow, transcriptCues],
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
  }, [startMs, hitIndex, seekTo, videoRef]);

  // Transcript only: the hit's line is the current one.
  useEffect(() => {
    if (hasVideo || startMs === undefined) return;
    setRow(lastStartingBy(transcriptCues, startMs));
  }, [hasVideo, startMs, transcriptCues, setRow]);

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
          return v ? setVolume(stepVolume(v.muted ? 0 : v.volume, action.direction)) : undefined;
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
  }, [hasVideo, failure, hits, choices, choice, pick, stepHit, togglePlay, seekBy, setVolume, toggleMute, toggleFullscreen, videoRef]);

  const names = trackNames(t, tracks);
  const choiceLabel = (c: SubtitleChoice) =>
    c.kind === 'off' ? t('video.subtitlesOff') : c.kind === 'one' ? names[c.track]! : `${t('video.subtitlesBoth')} (${names[c.first]} + ${names[c.second]})`;

  const overlayLines = shown
    .map((trackIndex, k) => ({ k, cue: tracks[trackIndex]?.cues[clock.overlay[k] ?? -1] }))
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
                  onVolume={setVolume}
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
          active={hasVideo ? clock.row : picked >= 0 ? picked : clock.row}
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
