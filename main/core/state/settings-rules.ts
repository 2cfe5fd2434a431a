// What the page may set and save, checked the same way wherever it is kept: in the app's state
// (state-file.ts, on the drive or in memory) and in the browser edition's page, which keeps it in
// memory only. No Node here.
import type { ReadingPosition, Settings } from '../../api.js';

/** The bounds the page's settings are clamped to; a file outside them was not written by us. */
export const FONT_SIZE_RANGE = [8, 48] as const;
const MAX_PATH_CHARS = 4096;
const MAX_AT_CHARS = 4096;
const MAX_TIME_CHARS = 64;

/** Where the films' volume starts: low, so a film never starts loud in a shared room. */
export const DEFAULT_VOLUME = 0.3;

export function isVolume(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
}

/** Settings from the page: keep each field only when it is what it claims to be. */
export function cleanSettings(input: Partial<Settings> | undefined, fallback: Settings): Settings {
  const s = typeof input === 'object' && input !== null ? input : {};
  const fontSize = typeof s.fontSize === 'number' && Number.isFinite(s.fontSize) ? Math.min(FONT_SIZE_RANGE[1], Math.max(FONT_SIZE_RANGE[0], s.fontSize)) : fallback.fontSize;
  return {
    language: s.language === 'ko' || s.language === 'en' ? s.language : fallback.language,
    fontSize,
    theme: s.theme === 'light' || s.theme === 'dark' || s.theme === 'sepia' ? s.theme : fallback.theme,
    remember: typeof s.remember === 'boolean' ? s.remember : fallback.remember,
    rememberPlaces: typeof s.rememberPlaces === 'boolean' ? s.rememberPlaces : (fallback.rememberPlaces ?? true),
    volume: isVolume(s.volume) ? s.volume : (fallback.volume ?? DEFAULT_VOLUME),
  };
}

/** A reading position from the page or the file, or undefined when it is not one. */
export function cleanPosition(p: unknown): ReadingPosition | undefined {
  if (typeof p !== 'object' || p === null) return undefined;
  const { at, updatedAt } = p as Partial<ReadingPosition>;
  const okAt = (typeof at === 'string' && at.length <= MAX_AT_CHARS) || (typeof at === 'number' && Number.isFinite(at));
  if (!okAt || typeof updatedAt !== 'string' || updatedAt.length > MAX_TIME_CHARS) return undefined;
  return { at: at!, updatedAt };
}

/** A library path as the app names items: relative, no NUL, bounded. */
export function isItemPath(p: string): boolean {
  return typeof p === 'string' && p !== '' && p.length <= MAX_PATH_CHARS && !p.includes('\0') && !p.startsWith('/');
}
