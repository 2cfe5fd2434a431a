// The bar at the top of every reader: back, title, next/previous hit, text size, colours, and
// whatever the reader adds (contents, search, subtitles).
import type { ReactNode } from 'react';
import { useReaderT } from './i18n';
import { stepFontSize, type ReaderTheme } from './settings';

export interface HitNavigation {
  /** 0-based index of the current hit, or -1 when none is current. */
  index: number;
  total: number;
  onStep: (direction: 1 | -1) => void;
}

export interface ToolbarProps {
  title: string;
  onClose: () => void;
  hits?: HitNavigation;
  fontPx?: number;
  onFontPx?: (px: number) => void;
  theme?: ReaderTheme;
  themes?: ReaderTheme[];
  onTheme?: (theme: ReaderTheme) => void;
  children?: ReactNode;
}

export function Toolbar({ title, onClose, hits, fontPx, onFontPx, theme, themes, onTheme, children }: ToolbarProps) {
  const { t } = useReaderT();
  const themeLabel = (x: ReaderTheme) => t(x === 'dark' ? 'themeDark' : x === 'sepia' ? 'themeSepia' : 'themeLight');
  return (
    <header className="cm-r-toolbar">
      <div role="toolbar" aria-label={t('tools')} className="cm-r-toolbar-row">
        <button type="button" className="cm-r-button cm-r-close" onClick={onClose} aria-label={t('closeLabel')} title={t('closeLabel')}>
          <span aria-hidden="true">←</span> {t('close')}
        </button>
        <h1 className="cm-r-title" title={title}>
          {title}
        </h1>
        {hits && hits.total > 0 ? (
          <div className="cm-r-group cm-r-hitnav">
            <button type="button" className="cm-r-button" onClick={() => hits.onStep(-1)} aria-label={t('prevHit')} title={t('prevHit')}>
              <span aria-hidden="true">▲</span>
            </button>
            <span className="cm-r-counter" aria-live="polite">
              {hits.index >= 0 ? t('hitCounter', { n: hits.index + 1, total: hits.total }) : t('noHits')}
            </span>
            <button type="button" className="cm-r-button" onClick={() => hits.onStep(1)} aria-label={t('nextHit')} title={t('nextHit')}>
              <span aria-hidden="true">▼</span>
            </button>
          </div>
        ) : null}
        {children}
        {fontPx !== undefined && onFontPx ? (
          <div className="cm-r-group" role="group" aria-label={t('fontSize', { size: fontPx })}>
            <button type="button" className="cm-r-button" onClick={() => onFontPx(stepFontSize(fontPx, -1))} aria-label={t('fontSmaller')} title={t('fontSmaller')}>
              <span aria-hidden="true">{t('fontSmallerShort')}</span>
            </button>
            <button type="button" className="cm-r-button" onClick={() => onFontPx(stepFontSize(fontPx, 1))} aria-label={t('fontLarger')} title={t('fontLarger')}>
              <span aria-hidden="true">{t('fontLargerShort')}</span>
            </button>
          </div>
        ) : null}
        {theme && themes && onTheme ? (
          <label className="cm-r-group cm-r-select">
            <span className="cm-r-visually-hidden">{t('theme')}</span>
            <select value={theme} onChange={(e) => onTheme(e.target.value as ReaderTheme)} aria-label={t('theme')}>
              {themes.map((x) => (
                <option key={x} value={x}>
                  {themeLabel(x)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
    </header>
  );
}
