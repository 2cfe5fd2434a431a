// Settings: read once, applied to the page (language, text size, theme), saved through the
// contract on every change. The back end answers with what this session chose, else what was
// remembered on the drive, else its defaults (the language from library.json).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangmunApi, LibraryInfo, SaveResult, Settings } from '../../../main/api';
import { i18n } from '../i18n';
import { plainError } from '../plain-error';

export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 24;
const FONT_SIZE_DEFAULT = 18;

export type SaveOutcome = SaveResult | { saved: false; error: string };

export interface SettingsState {
  settings: Settings | null;
  /** The answer to the last save, to show as it is. */
  lastSave: SaveOutcome | null;
  update: (change: Partial<Settings>) => void;
  /** Reads the settings again (after "forget everything"). */
  reset: () => Promise<void>;
}

function effective(saved: Settings): Settings {
  const fontSize = Number.isFinite(saved.fontSize)
    ? Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(saved.fontSize)))
    : FONT_SIZE_DEFAULT;
  return { ...saved, fontSize };
}

function apply(settings: Settings): void {
  const root = document.documentElement;
  root.lang = settings.language;
  root.dataset.theme = settings.theme;
  root.style.fontSize = `${settings.fontSize}px`;
  if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
}

const SAVE_DELAY_MS = 250;

export function useSettings(api: ChangmunApi, library: LibraryInfo | null): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [lastSave, setLastSave] = useState<SaveOutcome | null>(null);
  const current = useRef<Settings | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveSeq = useRef(0);

  const read = useCallback(
    async (lib: LibraryInfo) => {
      let next: Settings;
      try {
        next = effective(await api.getSettings());
      } catch {
        next = { language: lib.language, fontSize: FONT_SIZE_DEFAULT, theme: 'light', remember: false, rememberPlaces: true, volume: 0.3 };
      }
      current.current = next;
      apply(next);
      setSettings(next);
    },
    [api],
  );

  // Read once, when the library (and with it the drive's default language) is first known.
  const firstLibrary = useRef<LibraryInfo | null>(null);
  if (library && !firstLibrary.current) firstLibrary.current = library;
  const known = firstLibrary.current;
  useEffect(() => {
    if (known) void read(known);
  }, [known, read]);

  useEffect(() => () => clearTimeout(saveTimer.current), []);

  const update = useCallback(
    (change: Partial<Settings>) => {
      const prev = current.current;
      if (!prev) return;
      const next = { ...prev, ...change };
      current.current = next;
      apply(next);
      setSettings(next);
      // A slider sends many changes: save the last one.
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => {
        const seq = ++saveSeq.current;
        api.saveSettings(next).then(
          (result) => {
            if (seq === saveSeq.current) setLastSave(result);
          },
          (e: unknown) => {
            if (seq === saveSeq.current) setLastSave({ saved: false, error: plainError(e) });
          },
        );
      }, SAVE_DELAY_MS);
    },
    [api],
  );

  const reset = useCallback(async () => {
    clearTimeout(saveTimer.current);
    saveSeq.current++;
    setLastSave(null);
    if (firstLibrary.current) await read(firstLibrary.current);
  }, [read]);

  return { settings, lastSave, update, reset };
}
