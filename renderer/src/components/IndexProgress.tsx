// "색인 중 123/456" while the index is being built or loaded; nothing once it is complete. Phase
// 'done' without `complete` means indexing failed (the problems list on Home says why). While a
// damaged or not-as-signed saved index is built again, one line says why.
import { useTranslation } from 'react-i18next';
import type { IndexStatus } from '../../../main/api';

export function IndexProgress({ status }: { status: IndexStatus | null }) {
  const { t } = useTranslation();
  const active = status !== null && !status.complete;
  return (
    <div className="index-progress" role="status" aria-live="polite">
      {active && status.notice && <span className="index-progress-notice">{t(status.notice === 'damaged' ? 'index.damaged' : 'index.notAsSigned')}</span>}
      {active && (
        <>
          <span className="index-progress-text">
            {status.phase === 'done'
              ? t('index.failed')
              : status.total > 0
                ? t('index.progress', { phase: t(`index.${status.phase}`), done: status.done, total: status.total })
                : t(`index.${status.phase}`)}
          </span>
          {status.total > 0 && status.phase !== 'done' && <progress className="index-progress-bar" value={status.done} max={status.total} aria-hidden="true" />}
        </>
      )}
    </div>
  );
}
