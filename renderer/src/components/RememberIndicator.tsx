// In the header on every screen while settings and reading places are being written to the drive:
// a person must be able to see that the app is keeping a record on the stick, and stop it at once.
import { useTranslation } from 'react-i18next';
import './RememberIndicator.css';

export function RememberIndicator({ onStop }: { onStop: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="remember-indicator" role="status" title={t('remember.indicatorHelp')}>
      <span className="remember-indicator-dot" aria-hidden="true" />
      <span className="remember-indicator-text">{t('remember.indicator')}</span>
      <button type="button" className="remember-indicator-stop" onClick={onStop} aria-label={t('remember.stopLabel')}>
        {t('remember.stop')}
      </button>
    </div>
  );
}
