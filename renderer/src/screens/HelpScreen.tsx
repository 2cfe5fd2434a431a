// What the app leaves on the PC and what it cannot prevent, said plainly; the panic key; the
// keyboard shortcuts.
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../keyboard';

export function HelpScreen() {
  const { t } = useTranslation();
  const inBrowser = window.location.protocol === 'http:' || window.location.protocol === 'https:';
  return (
    <div className="page">
      <h1>{t('help.title')}</h1>

      <section aria-labelledby="help-trace">
        <h2 id="help-trace">{t('help.traceTitle')}</h2>
        <ul className="plain-list">
          <li>{t('help.traceDrive')}</li>
          <li>{t('help.traceNetwork')}</li>
          <li>{t('help.traceRemember')}</li>
          {inBrowser && <li>{t('help.previewNote')}</li>}
        </ul>
      </section>

      <section aria-labelledby="help-cannot">
        <h2 id="help-cannot">{t('help.cannotTitle')}</h2>
        <ul className="plain-list">
          <li>{t('help.cannotWindows')}</li>
          <li>{t('help.cannotDrive')}</li>
          <li>{t('help.cannotScreen')}</li>
        </ul>
      </section>

      <section aria-labelledby="help-panic" className="panel panel--emphasis">
        <h2 id="help-panic">{t('help.panicTitle')}</h2>
        <p>{t('help.panic')}</p>
      </section>

      <section aria-labelledby="help-keys">
        <h2 id="help-keys">{t('help.keysTitle')}</h2>
        <table className="keys-table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <th scope="row">
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </th>
                <td>{t(`help.keys.${s.action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
