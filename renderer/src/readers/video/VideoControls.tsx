// The film's one set of controls (the <video> element shows none of its own): play/pause, five
// seconds back and forward, where it is (a slider with the time), the volume (a slider and mute),
// full screen. It draws what the player state says and reports what the person asks.
import type { ChangeEvent } from 'react';
import { useReaderT } from '../common/i18n';
import { formatTime } from './cues';
import { SEEK_STEP_S, VOLUME_STEP, volumePercent, type PlayerState } from './player-state';

export interface VideoControlsProps {
  state: PlayerState;
  onToggle: () => void;
  onSeekBy: (seconds: number) => void;
  onSeekTo: (ms: number) => void;
  onVolume: (volume: number) => void;
  onMute: () => void;
  onFullscreen: () => void;
}

export function VideoControls({ state, onToggle, onSeekBy, onSeekTo, onVolume, onMute, onFullscreen }: VideoControlsProps) {
  const { t } = useReaderT();
  const playing = state.phase === 'playing';
  const percent = volumePercent(state);
  const silent = state.muted || state.volume === 0;
  const position = `${formatTime(state.atMs)} / ${formatTime(state.durationMs)}`;
  return (
    <div className="cm-r-video-controls">
      <button type="button" className="cm-r-button cm-r-play" onClick={onToggle} aria-label={playing ? t('video.pause') : t('video.play')}>
        <PlayIcon playing={playing} /> {playing ? t('video.pause') : t('video.play')}
      </button>
      <button type="button" className="cm-r-button" onClick={() => onSeekBy(-SEEK_STEP_S)} aria-label={t('video.back5')} title={t('video.back5')}>
        <span aria-hidden="true">← 5</span>
      </button>
      <button type="button" className="cm-r-button" onClick={() => onSeekBy(SEEK_STEP_S)} aria-label={t('video.forward5')} title={t('video.forward5')}>
        <span aria-hidden="true">5 →</span>
      </button>
      <input
        type="range"
        className="cm-r-seek"
        min={0}
        max={Math.max(1, Math.round(state.durationMs))}
        step={1000}
        value={Math.min(Math.round(state.atMs), Math.max(1, Math.round(state.durationMs)))}
        disabled={state.durationMs <= 0}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onSeekTo(Number(e.target.value))}
        aria-label={t('video.seek')}
        aria-valuetext={position}
      />
      <span className="cm-r-time-now" aria-hidden="true">
        {position}
      </span>
      <span className="cm-r-volume">
        <button
          type="button"
          className="cm-r-button"
          aria-pressed={silent}
          onClick={onMute}
          aria-label={state.muted ? t('video.unmute') : t('video.mute')}
          title={state.muted ? t('video.unmute') : t('video.mute')}
        >
          <SpeakerIcon silent={silent} />
        </button>
        <input
          type="range"
          min={0}
          max={100}
          step={VOLUME_STEP * 100}
          value={percent}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onVolume(Number(e.target.value) / 100)}
          aria-label={t('video.volume')}
          aria-valuetext={t('video.volumeValue', { percent })}
        />
        <span className="cm-r-volume-value" aria-hidden="true">
          {percent}%
        </span>
      </span>
      <button type="button" className="cm-r-button" onClick={onFullscreen} aria-label={t('video.fullscreen')} title={t('video.fullscreen')}>
        <svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" focusable="false" className="cm-r-icon">
          <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <span className="cm-r-keys">{t('video.keys')}</span>
    </div>
  );
}

/** A speaker, crossed out when silent (drawn, not a character: no font on the PC is needed). */
function SpeakerIcon({ silent }: { silent: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true" focusable="false" className="cm-r-icon">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      {silent ? (
        <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      ) : (
        <path d="M16 8.5a5 5 0 0 1 0 7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      )}
    </svg>
  );
}

function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" className="cm-r-icon">
      {playing ? <path d="M6 4h4v16H6zM14 4h4v16h-4z" fill="currentColor" /> : <path d="M7 4l13 8-13 8z" fill="currentColor" />}
    </svg>
  );
}
