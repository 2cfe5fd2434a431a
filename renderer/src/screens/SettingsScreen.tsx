// Settings: language, text size, colours (light, sepia, dark); "remember where I was" (on by
// default, in memory for this session); "remember on this drive" (off by default) with the plain
// answer of every save; "forget everything now" (memory and drive) after one confirmation.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryInfo, SaveResult } from '../../../main/api';
import { useBackend } from '../api/context';
import { ConfirmDialog } from '../components/Dialog';
import { FONT_SIZE_MAX, FONT_SIZE_MIN, type SaveOutcome, type SettingsState } from './useSettings';
import { plainError } from '../plain-error';

function saveMessage(outcome: SaveOutcome, t: TFunction): string {
  if ('error' in outcome) return t('settings.saveFailed', { message: outcome.error });
  if (outcome.saved) return t('settings.saved');
  if (outcome.reason === 'refused') return t('settings.savedRefused');
  return outcome.reason === 'read-only' ? t('settings.savedReadOnly') : t('settings.notRemembering');
}

function forgetMessage(outcome: SaveResult | { error: string }, t: TFunction): string {
  if ('error' in outcome) return t('settings.forgetFailed', { message: outcome.error });
  if (outcome.saved) return t('settings.forgotten');
  if (outcome.reason === 'refused') return t('settings.forgottenRefused');
  return outcome.reason === 'read-only' ? t('settings.forgottenReadOnly') : t('settings.forgottenNothingSaved');
}

export function SettingsScreen({ library, state }: { library: LibraryInfo; state: SettingsState }) {
  const { t } = useTranslation();
  const { api } = useBackend();
  const { settings, lastSave, update, reset } = state;
  const [confirming, setConfirming] = useState(false);
  const [forgot, setForgot] = useState<SaveResult | { error: string } | null>(null);
  if (!settings) return null;

  const forget = async () => {
    setConfirming(false);
    try {
      const result = await api.forgetEverything();
      await reset();
      setForgot(result);
    } catch (e) {
      setForgot({ error: plainError(e) });
    }
  };

  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>

      <fieldset className="setting">
        <legend>{t('settings.language')}</legend>
        {(['ko', 'en'] as const).map((lang) => (
          <label key={lang} className="choice">
            <input type="radio" name="language" checked={settings.language === lang} onChange={() => update({ language: lang })} />
            <span lang={lang}>{lang === 'ko' ? '한국어' : 'English'}</span>
          </label>
        ))}
      </fieldset>

      <div className="setting">
        <label htmlFor="font-size" className="setting-label">
          {t('settings.fontSize')}
        </label>
        <div className="font-size-row">
          <input
            id="font-size"
            type="range"
            min={FONT_SIZE_MIN}
            max={FONT_SIZE_MAX}
            step={1}
            value={settings.fontSize}
            onChange={(e) => update({ fontSize: Number(e.target.value) })}
          />
          <output htmlFor="font-size">{settings.fontSize}px</output>
          <span className="font-sample" aria-hidden="true">
            {t('settings.fontSample')}
          </span>
        </div>
      </div>

      <fieldset className="setting">
        <legend>{t('settings.theme')}</legend>
        {(['light', 'sepia', 'dark'] as const).map((theme) => (
          <label key={theme} className="choice">
            <input type="radio" name="theme" checked={settings.theme === theme} onChange={() => update({ theme })} />
            <span>{t(theme === 'light' ? 'settings.themeLight' : theme === 'sepia' ? 'settings.themeSepia' : 'settings.themeDark')}</span>
          </label>
        ))}
      </fieldset>

      <section className="setting" aria-labelledby="remember-title">
        <h2 id="remember-title" className="setting-label">
          {t('settings.rememberTitle')}
        </h2>
        <label className="choice">
          <input
            type="checkbox"
            checked={settings.rememberPlaces !== false}
            onChange={(e) => update({ rememberPlaces: e.target.checked })}
            aria-describedby="places-help"
          />
          <span>{t('settings.places')}</span>
        </label>
        <p id="places-help" className="setting-help">
          {t('settings.placesHelp')}
        </p>
        <label className="choice">
          <input
            type="checkbox"
            checked={settings.remember}
            disabled={!library.writable && !settings.remember}
            onChange={(e) => update({ remember: e.target.checked })}
            aria-describedby="remember-help"
          />
          <span>{t('settings.remember')}</span>
        </label>
        <p id="remember-help" className="setting-help">
          {t('settings.rememberHelp')}
        </p>
        {!library.writable && <p className="banner banner--warn">{t('settings.readOnly')}</p>}
        <p className="save-result" role="status" aria-live="polite">
          {lastSave ? saveMessage(lastSave, t) : ''}
        </p>
      </section>

      <section className="setting" aria-labelledby="forget-title">
        <h2 id="forget-title" className="setting-label">
          {t('settings.forgetTitle')}
        </h2>
        <p className="setting-help">{t('settings.forgetHelp')}</p>
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)} aria-haspopup="dialog">
          {t('settings.forget')}
        </button>
        <p className="save-result" role="status" aria-live="polite">
          {forgot ? forgetMessage(forgot, t) : ''}
        </p>
      </section>

      {confirming && (
        <ConfirmDialog
          title={t('settings.forgetConfirmTitle')}
          body={t('settings.forgetConfirmBody')}
          confirm={t('settings.forgetConfirm')}
          cancel={t('settings.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void forget()}
        />
      )}
    </div>
  );
}
