// The files that cannot be opened, each with a plain sentence in the interface language. What went
// wrong technically (the extractor's detail, often in English) is for the volunteers' report
// (`changmun report`), never for the recipient's screen; so is library.json, which only a
// volunteer can fix (the app already uses its defaults).
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../main/api';
import { Dialog } from './Dialog';

const PLAIN_REASONS = new Set(['empty', 'encoding', 'corrupt', 'unsupported', 'too-large', 'no-content', 'index-failed']);

/**
 * The problems a person reading can do anything with: files of the library (and a failed index).
 * Not notices (a picture book is not searchable by its text, and opens as any book): they are for
 * the volunteers' scan and report.
 */
export function recipientProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.code !== 'settings' && p.kind !== 'notice');
}

/** The key of the plain sentence for a problem's code (its detail never shows). */
export function problemReasonKey(code: string): string {
  return `problems.reason.${PLAIN_REASONS.has(code) ? code : 'other'}`;
}

export function ProblemsDialog({ problems, onClose }: { problems: Problem[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('problems.title')} onClose={onClose}>
      <p>{t('problems.intro')}</p>
      <ul className="problem-list">
        {problems.map((p, i) => (
          <li key={`${p.path}\u0000${i}`}>
            {p.path && (
              <span className="problem-path" lang="">
                {p.path}
              </span>
            )}
            <span className="problem-message">{t(problemReasonKey(p.code))}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
