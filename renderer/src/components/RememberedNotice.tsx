// The notice at start when the drive holds remembered places: someone (perhaps whoever prepared the
// drive) turned on "remember on this drive", and nothing of it is used or written until the person
// using the app now chooses — continue remembering here, forget it (after one confirmation), or
// leave it for now.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RememberStatus, SaveResult } from '../../../main/api';
import { useBackend } from '../api/context';
import { ConfirmDialog } from './Dialog';
import { plainError } from '../plain-error';
import './RememberedNotice.css';

type Outcome = SaveResult | { error: string };

/**
 * `remembering`: turned on meanwhile (in Settings), which continues what the drive held: the
 * question is answered. `onChanged`: read the settings again (continuing brings the drive's).
 */
export function RememberedNotice({ remembering, onChanged }: { remembering: boolean; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { api } = useBackend();
  const [found, setFound] = useState<RememberStatus['found']>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string } | null>(null);

  useEffect(() => {
    let live = true;
    api.getRememberStatus().then(
      (s) => live && setFound(s.found),
      // A back end that cannot say shows no notice: nothing on the drive is used either way.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  if ((!found || remembering) && !outcome) return null;

  const act = async (run: () => Promise<SaveResult>, done: (r: Outcome) => string | null) => {
    let r: Outcome;
    try {
      r = await run();
    } catch (e) {
      r = { error: plainError(e) };
    }
    setFound(undefined);
    await onChanged().catch(() => undefined);
    const text = done(r);
    setOutcome(text ? { text } : null);
  };
  const resume = () =>
    act(
      () => api.resumeRemembering(),
      (r) => ('error' in r ? t('settings.saveFailed', { message: r.error }) : r.saved ? null : r.reason === 'refused' ? t('settings.savedRefused') : t('settings.savedReadOnly')),
    );
  const forget = () => {
    setConfirming(false);
    return act(
      () => api.forgetEverything(),
      (r) =>
        'error' in r
          ? t('settings.forgetFailed', { message: r.error })
          : r.saved
            ? t('settings.forgotten')
            : r.reason === 'refused'
              ? t('settings.forgottenRefused')
              : t('settings.forgottenReadOnly'),
    );
  };

  if (!found || remembering) {
    return (
      <p className="remembered-notice banner banner--info" role="status">
        {outcome!.text}{' '}
        <button type="button" className="button button--small" onClick={() => setOutcome(null)}>
          {t('dialog.close')}
        </button>
      </p>
    );
  }

  const places = 'places' in found ? found.places : null;
  return (
    <section className="remembered-notice banner banner--info" aria-label={t('remember.noticeLabel')}>
      <p className="remembered-notice-title">
        {places === null ? t('remember.unreadableTitle') : places > 0 ? t('remember.found', { count: places }) : t('remember.foundSettingsOnly')}
      </p>
      <p>{places === null ? t('remember.unreadableBody') : t('remember.foundBody')}</p>
      <div className="remembered-notice-actions">
        {places !== null && (
          <button type="button" className="button button--primary" onClick={() => void resume()}>
            {t('remember.continue')}
          </button>
        )}
        <button type="button" className="button" onClick={() => setConfirming(true)} aria-haspopup="dialog">
          {t('remember.forget')}
        </button>
        <button type="button" className="button" onClick={() => setFound(undefined)}>
          {t('remember.later')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('remember.forgetConfirmTitle')}
          body={t('remember.forgetConfirmBody')}
          confirm={t('remember.forgetConfirm')}
          cancel={t('settings.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void forget()}
        />
      )}
    </section>
  );
}
