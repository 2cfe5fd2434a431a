// The files that could not be read, each with its message in the interface language.
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../main/api';
import { Dialog } from './Dialog';

/** The messages start with the path, which the list already shows above them. */
function withoutPath(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

export function ProblemsDialog({ problems, onClose }: { problems: Problem[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <Dialog title={t('problems.title')} onClose={onClose}>
      <p>{t('problems.intro')}</p>
      <ul className="problem-list">
        {problems.map((p, i) => (
          <li key={`${p.path}\u0000${i}`}>
            <span className="problem-path" lang="">
              {p.path}
            </span>
            <span className="problem-message">{withoutPath((english ? p.messageEn : p.messageKo) || p.message, p.path)}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
