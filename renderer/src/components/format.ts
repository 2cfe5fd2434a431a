// Small formatting helpers for what the screens show: times in films, language names. (No dates:
// the times of files on a drive are when the drive was made, which a recipient must not see.)

/** 83_000 → "1:23", 3_723_000 → "1:02:03". */
export function formatTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** "ko" → "한국어" in a Korean interface, "Korean" in an English one; unknown codes as written. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
