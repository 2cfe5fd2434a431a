// Font size and colours for the readers: they start from the person's settings (the shell's
// Settings screen). The font size can be changed inside a reader for this session without saving;
// the colours are the shell's own setting when the shell shares it (SharedThemeContext).
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
}

/**
 * The shell's colours, when a shell provides them: a reader's colour choice is then the whole
 * window's (the header goes dark with the page) and the same as the one in Settings.
 */
export interface SharedTheme {
  theme: ReaderTheme;
  setTheme: (theme: ReaderTheme) => void;
}

export const SharedThemeContext = createContext<SharedTheme | null>(null);

export function useReaderLook(): ReaderLook {
  const { api } = useBackend();
  const shared = useContext(SharedThemeContext);
  const [fontPx, setFontPx] = useState(DEFAULT_FONT_SIZE);
  const [ownTheme, setOwnTheme] = useState<ReaderTheme>('light');
  useEffect(() => {
    let live = true;
    api
      .getSettings()
      .then((s) => {
        if (!live) return;
        setFontPx(fontSizeToPx(s.fontSize));
        setOwnTheme(s.theme === 'dark' || s.theme === 'sepia' ? s.theme : 'light');
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  const theme = shared?.theme ?? ownTheme;
  const setTheme = shared?.setTheme ?? setOwnTheme;
  return { fontPx, theme, setFontPx, setTheme };
}
