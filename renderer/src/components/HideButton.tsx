// The panic key as a button, on every screen: a person who has never read Help can still hide the
// screen in a hurry. Big, always in the same corner, and it does exactly what Esc Esc does.
import { useTranslation } from 'react-i18next';
import { panicNow } from '../keyboard';

export function HideButton({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`hide-button${compact ? ' hide-button--compact' : ''}`}
      onClick={panicNow}
      aria-label={t('panic.buttonLabel')}
      title={t('panic.buttonLabel')}
    >
      <svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" focusable="false">
        <path d="M3 12s3.5-6 9-6 9 6 9 6-3.5 6-9 6-9-6-9-6z" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M4 20L20 4" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      </svg>
      <span>{t('panic.button')}</span>
    </button>
  );
}
