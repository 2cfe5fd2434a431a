// One line at the start of every session (drives pass from hand to hand: each person is new) that
// says how to hide the screen at once. Dismissed with one press; never saved anywhere.
import { useTranslation } from 'react-i18next';

export function PanicHint({ onDismiss }: { onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="panic-hint" role="note">
      <span>{t('panic.hint')}</span>
      <button type="button" className="button button--small" onClick={onDismiss}>
        {t('panic.hintDismiss')}
      </button>
    </p>
  );
}
