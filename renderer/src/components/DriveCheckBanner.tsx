// What the quick drive check at start found, in plain words: nothing when the library is a plain
// folder (never built) or the check is still running; a quiet line with the signer's fingerprint
// when the drive is as signed; a plain notice that nobody vouches for a built drive without its
// manifest or with an unsigned one; a warning naming how many files changed, went missing, were
// added or cannot be read, with the files behind a "show which files" toggle. Never when the drive
// was signed: that is build metadata, which a recipient must not see.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriveCheck } from '../../../main/api';
import { useBackend } from '../api/context';
import './DriveCheckBanner.css';

const POLL_MS = 1500;

export function DriveCheckBanner() {
  const { api } = useBackend();
  const [check, setCheck] = useState<DriveCheck | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        const c = await api.getDriveCheck();
        if (!live) return;
        setCheck(c);
        if (c.state === 'checking') timer = setTimeout(() => void ask(), POLL_MS);
      } catch {
        // A back end without the check (or a failed call) shows nothing: the library still works.
      }
    };
    void ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api]);

  if (!check || check.state === 'checking' || check.state === 'none') return null;
  return <DriveCheckNotice check={check} />;
}

export function DriveCheckNotice({ check }: { check: DriveCheck }) {
  const { t } = useTranslation();
  const c = check.counts;
  const problems = c.changed + c.missing + c.added + c.damaged;
  const warn = check.state === 'changed' || check.state === 'manifest-damaged' || check.signature === 'invalid' || check.derived === 'rebuilt';
  const lines: string[] = [];
  if (check.state === 'manifest-damaged') lines.push(t('drive.manifestDamaged'));
  else if (check.state === 'failed') lines.push(t('drive.failed'));
  else if (check.state === 'unknown') {
    // Not alarming, but clear: the drive may be fine; nothing says it is.
    lines.push(t('drive.unknownTitle'), t(check.unknownBecause === 'unsigned' ? 'drive.unknownUnsigned' : 'drive.unknownNoManifest'));
    if (c.damaged > 0) lines.push(t('drive.damaged', { count: c.damaged }));
  } else {
    if (check.signature === 'invalid') lines.push(t('drive.badSignature'));
    if (c.changed > 0) lines.push(t('drive.changed', { count: c.changed }));
    if (c.missing > 0) lines.push(t('drive.missing', { count: c.missing }));
    if (c.added > 0) lines.push(t('drive.added', { count: c.added }));
    if (c.damaged > 0) lines.push(t('drive.damaged', { count: c.damaged }));
    if (check.derived === 'rebuilt') lines.push(t('drive.derivedRebuilt'));
    if (problems === 0 && check.signature !== 'invalid' && check.derived !== 'rebuilt') {
      lines.push(check.unverified > 0 ? t('drive.intactPartly', { count: check.unverified }) : t('drive.intact'));
    }
  }
  const quiet = !warn && check.signature === 'valid';
  const lists: [string, string[], number][] = [
    [t('drive.listChanged'), check.changed, c.changed],
    [t('drive.listMissing'), check.missing, c.missing],
    [t('drive.listAdded'), check.added, c.added],
    [t('drive.listDamaged'), check.damaged, c.damaged],
  ];

  return (
    <section
      className={`drive-check ${quiet ? 'drive-check--quiet' : `banner ${warn ? 'banner--warn' : 'banner--info'}`}${check.state === 'unknown' ? ' drive-check--unknown' : ''}`}
      role={warn ? 'alert' : 'status'}
      aria-label={t('drive.label')}
    >
      {lines.map((line, i) => (
        <p key={line} className={`drive-check-line${check.state === 'unknown' && i === 0 ? ' drive-check-title' : ''}`}>
          {quiet && <span aria-hidden="true">✓ </span>}
          {!quiet && warn && i === 0 && <span aria-hidden="true">⚠ </span>}
          {line}
        </p>
      ))}
      {check.signer && (
        <p className="drive-check-signer">
          {t('drive.signer')}{' '}
          <code className="drive-check-fingerprint" lang="">
            {check.signer.display}
          </code>
          {warn && <span className="drive-check-hint"> {t('drive.signerHint')}</span>}
        </p>
      )}
      {problems > 0 && (
        <details className="drive-check-details">
          <summary>{t('drive.details')}</summary>
          {lists
            .filter(([, , count]) => count > 0)
            .map(([title, names, count]) => (
              <div key={title}>
                <h3 className="drive-check-list-title">{title}</h3>
                <ul className="drive-check-list" lang="">
                  {names.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                  {count > names.length && <li>{t('drive.more', { count: count - names.length })}</li>}
                </ul>
              </div>
            ))}
        </details>
      )}
    </section>
  );
}
