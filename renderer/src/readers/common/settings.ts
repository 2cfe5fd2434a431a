// Font size and colours for the readers: they start from the person's settings (the shell's
// Settings screen). The font size can be changed inside a reader for this session without saving;
// the colours and the films' volume are the shell's own settings when the shell shares them
// (SharedLookContext).
import { createContext, useContext, useEffect, useState } from 'react';
import { useBackend } from '../../api/context';

export type ReaderTheme = 'light' | 'dark' | 'sepia';

export const FONT_SIZES = [14, 16, 18, 20, 22, 24, 28, 32] as const;
const DEFAULT_FONT_SIZE = 18;

/** Settings.fontSize is a pixel size; a small number is read as a scale (1 = 16 px). */
export function fontSizeToPx(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n) || n <= 0) return DEFAULT_FONT_SIZE;
  const px = n < 4 ? n * 16 : n;
  return Math.min(48, Math.max(10, Math.round(px)));
}

export function stepFontSize(px: number, direction: 1 | -1): number {
  if (direction > 0) return FONT_SIZES.find((s) => s > px) ?? px;
  return [...FONT_SIZES].reverse().find((s) => s < px) ?? px;
}

export interface ReaderLook {
  fontPx: number;
  theme: ReaderTheme;
  setFontPx: (px: number) => void;
  setTheme: (theme: ReaderTheme) => void;
  /** The films' volume, 0–1 (the person's, kept per drive; starts low). */
  volume: number;
  setVolume: (volume: number) => void;
}

/**
 * The shell's settings a reader shares, when a shell provides them: a reader's colour choice is
 * then the whole window's (the header goes dark with the page) and the same as the one in
 * Settings; the films' volume is kept with the other settings.
 */
export interface SharedLook {
  theme: ReaderTheme;
  setTheme: (theme: ReaderTheme) => void;
  volume: number;
  setVolume: (volume: number) => void;
}

export const SharedLookContext = createContext<SharedLook | null>(null);

/** Where the films' volume starts without a setting: low. */
const DEFAULT_VOLUME = 0.3;

export function useReaderLook(): ReaderLook {
  const { api } = useBackend();
  const shared = useContext(SharedLookContext);
  const [fontPx, setFontPx] = useState(DEFAULT_FONT_SIZE);
  const [ownTheme, setOwnTheme] = useState<ReaderTheme>('light');
  const [ownVolume, setOwnVolume] = useState(DEFAULT_VOLUME);
  useEffect(() => {
    let live = true;
    api
      .getSettings()
      .then((s) => {
        if (!live) return;
        setFontPx(fontSizeToPx(s.fontSize));
        setOwnTheme(s.theme === 'dark' || s.theme === 'sepia' ? s.theme : 'light');
        if (typeof s.volume === 'number') setOwnVolume(s.volume);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return {
    fontPx,
    setFontPx,
    theme: shared?.theme ?? ownTheme,
    setTheme: shared?.setTheme ?? setOwnTheme,
    volume: shared?.volume ?? ownVolume,
    setVolume: shared?.setVolume ?? setOwnVolume,
  };
}
