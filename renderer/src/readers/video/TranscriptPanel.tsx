// The panel beside the film (or the whole page, for subtitles without a film): its heading, what
// is loading or missing, and the transcript itself (Transcript.tsx).
import type { SubtitleCue } from '../../../../main/api';
import { useReaderT } from '../common/i18n';
import type { Subs } from './subtitle-tracks';
import { Transcript } from './Transcript';

export interface TranscriptPanelProps {
  subs: Subs;
  cues: readonly SubtitleCue[];
  second: readonly SubtitleCue[] | undefined;
  /** The current line. */
  active: number;
  terms: readonly string[];
  hitStarts: ReadonlySet<number>;
  /** A subtitle file with no film: the transcript is all there is. */
  alone: boolean;
  fontPx: number;
  onPick: (cue: SubtitleCue, index: number) => void;
}

export function TranscriptPanel({ subs, cues, second, active, terms, hitStarts, alone, fontPx, onPick }: TranscriptPanelProps) {
  const { t } = useReaderT();
  return (
    <aside className={`cm-r-transcript${alone ? ' cm-r-transcript-only' : ''}`} aria-label={t('video.transcript')} style={{ fontSize: `${Math.round(fontPx * 0.85)}px` }}>
      <h2>{t('video.transcript')}</h2>
      {alone ? <p className="cm-r-notice">{t('video.transcriptOnly')}</p> : null}
      {subs.kind === 'loading' ? <p className="cm-r-status">{t('opening')}</p> : null}
      {subs.kind === 'error' ? (
        <p className="cm-r-notice" role="alert">
          {t('error.subtitles')}
        </p>
      ) : null}
      {subs.kind === 'ready' && cues.length === 0 ? <p className="cm-r-status">{t('video.transcriptEmpty')}</p> : null}
      {cues.length > 0 ? <Transcript cues={cues} second={second} active={active} terms={terms} hitStarts={hitStarts} onPick={onPick} /> : null}
    </aside>
  );
}
