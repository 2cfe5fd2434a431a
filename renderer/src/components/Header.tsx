// The header on every screen: the app's (neutral) name, the search box, the main menu, the index
// progress, while the app writes to the drive a sign that it does with a way to stop it, and the
// hide button. Compact (one slim row) while reading and on short screens, so the page gets the height.
import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndexStatus } from '../../../main/api';
import { HideButton } from './HideButton';
import { IndexProgress } from './IndexProgress';
import { RememberIndicator } from './RememberIndicator';

interface HeaderProps {
  appName: string;
  current: 'home' | 'search' | 'read' | 'settings' | 'help';
  query: string;
  onQueryChange: (query: string) => void;
  /** Enter: search now; ArrowDown: go to the first result. */
  onQueryKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  index: IndexStatus | null;
  /** Remembering on this drive is on: shown, with a way to turn it off. */
  remembering: boolean;
  onStopRemembering: () => void;
  /** One slim row: while reading, and on short screens. */
  compact: boolean;
}

export function Header({ appName, current, query, onQueryChange, onQueryKeyDown, inputRef, index, remembering, onStopRemembering, compact }: HeaderProps) {
  const { t } = useTranslation();
  const link = (name: 'home' | 'settings' | 'help', href: string) => (
    <a className="nav-link" href={href} aria-current={current === name ? 'page' : undefined}>
      {t(`nav.${name}`)}
    </a>
  );
  return (
    <header className={`app-header${compact ? ' app-header--compact' : ''}`}>
      <a className="brand" href="#/">
        {appName}
      </a>
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="visually-hidden" htmlFor="search-box">
          {t('search.label')}
        </label>
        <svg className="search-icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M15.5 15.5L21 21" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input
          ref={inputRef}
          id="search-box"
          className="search-input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => onQueryChange(e.target.value)}
          onKeyDown={onQueryKeyDown}
          aria-controls={current === 'search' ? 'search-results' : undefined}
        />
      </form>
      <nav className="main-nav" aria-label={t('nav.label')}>
        {link('home', '#/')}
        {link('settings', '#/settings')}
        {link('help', '#/help')}
      </nav>
      <IndexProgress status={index} />
      {remembering && <RememberIndicator onStop={onStopRemembering} />}
      <HideButton compact={compact} />
    </header>
  );
}
