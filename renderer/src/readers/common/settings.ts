// Font size and colours for the readers: they start from the person's settings (the shell's
// Settings screen) and can be changed inside a reader for this session without saving.
import { useEffect, useState } from 'react';
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

export function useReaderLook(): ReaderLook {
  const { api } = useBackend();
  const [fontPx, setFontPx] = useState(DEFAULT_FONT_SIZE);
  const [theme, setTheme] = useState<ReaderTheme>('light');
  useEffect(() => {
    let live = true;
    api
      .getSettings()
      .then((s) => {
        if (!live) return;
        setFontPx(fontSizeToPx(s.fontSize));
        setTheme(s.theme === 'dark' ? 'dark' : 'light');
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return { fontPx, theme, setFontPx, setTheme };
}
