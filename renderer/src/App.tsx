// The app shell: header with the search box on every screen, hash routes, the library and
// settings, global shortcuts, and the panic key that replaces everything with a blank screen.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResponse } from '../../main/api';
import { useBackend } from './api/context';
import { Header } from './components/Header';
import { PanicHint } from './components/PanicHint';
import { PanicScreen, hideEverything } from './components/PanicScreen';
import { RememberedNotice } from './components/RememberedNotice';
import { Tooltips } from './components/Tooltips';
import { isFocusSearchKey, setPanicHandler, watchPanicKey } from './keyboard';
import { SharedLookContext, type SharedLook } from './readers/common/settings';
import { useShortWindow } from './screen-size';
import { HelpScreen } from './screens/HelpScreen';
import { HomeScreen, type HomeMemory } from './screens/HomeScreen';
import { ReaderScreen } from './screens/ReaderScreen';
import { type Route, routeHash, useRoute } from './screens/route';
import { SearchScreen, focusResult } from './screens/SearchScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { useLibrary } from './screens/useLibrary';
import { useSettings } from './screens/useSettings';
// Last, so its rules for short windows come after the screens' and the readers' own.
import './styles/select-picker.css';
import './styles/small-screens.css';

export function App() {
  const { api } = useBackend();
  const [panicked, setPanicked] = useState(false);
  useEffect(() => setPanicHandler(() => hideEverything(api, () => setPanicked(true))), [api]);
  useEffect(() => watchPanicKey(window), []);
  // Unmounting the shell drops everything it loaded: the library, the search, the reader.
  return panicked ? <PanicScreen /> : <Shell />;
}

function Shell() {
  const { api } = useBackend();
  const { t } = useTranslation();
  const [route, navigate] = useRoute();
  const { library, index, error, reload } = useLibrary(api);
  const settingsState = useSettings(api, library);
  const searchBox = useRef<HTMLInputElement>(null);
  const main = useRef<HTMLElement>(null);
  const homeMemory = useRef<HomeMemory>({ sort: 'title', view: 'grid', index: 0, scrollOffset: 0, returning: false });
  const [lastSearch, setLastSearch] = useState<SearchResponse | null>(null);
  const [query, setQuery] = useState(route.name === 'search' ? route.q : '');
  const previous = useRef<Route>(route);
  const movedInApp = useRef(false);
  const short = useShortWindow();
  // How to hide the screen, once a session (each person who gets the drive is new to it).
  const [panicHint, setPanicHint] = useState(true);

  // The box follows the address (Back, reload); typing changes both at once. It says what is shown:
  // the search on the results and in a reader opened from them, nothing on the other screens.
  const routeQuery = route.name === 'search' ? route.q : route.name === 'read' ? (route.q ?? '') : '';
  useEffect(() => {
    setQuery(routeQuery);
  }, [routeQuery]);

  useEffect(() => {
    const before = previous.current;
    previous.current = route;
    if (before === route) return;
    movedInApp.current = true;
    if (route.name === 'read' && before.name === 'home') homeMemory.current.returning = true;
    // After a click on a link that is now gone, focus would fall to <body>: put it on the content.
    if (document.activeElement === document.body || document.activeElement === null) main.current?.focus({ preventScroll: true });
  }, [route]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      // A reader that used the key (its own search box) has called preventDefault.
      if (e.defaultPrevented || !isFocusSearchKey(e)) return;
      e.preventDefault();
      searchBox.current?.focus();
      searchBox.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    // The window title is the drive's neutral app name, never what is being read.
    document.title = library?.appName || '창문';
  }, [library?.appName]);

  const onQueryChange = (q: string) => {
    setQuery(q);
    const filters = route.name === 'search' ? { type: route.type, language: route.language, collection: route.collection } : {};
    navigate({ name: 'search', q, ...filters }, { replace: route.name === 'search' });
  };
  const onQueryKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && route.name === 'search') {
      e.preventDefault();
      focusResult('first');
    } else if (e.key === 'Enter' && route.name !== 'search' && query.trim() !== '') {
      navigate({ name: 'search', q: query });
    }
  };
  const focusSearchBox = useCallback(() => searchBox.current?.focus(), []);
  // A reader's colours are the window's: the header goes dark with the page, and Settings agrees.
  // The films' volume is kept with the other settings (per drive), so it is the shell's too.
  const theme = settingsState.settings?.theme;
  const volume = settingsState.settings?.volume;
  const { update: updateSettings } = settingsState;
  const sharedLook = useMemo<SharedLook | null>(
    () =>
      theme
        ? { theme, setTheme: (next) => updateSettings({ theme: next }), volume: volume ?? 0.3, setVolume: (next) => updateSettings({ volume: next }) }
        : null,
    [theme, volume, updateSettings],
  );
  const onResponse = useCallback((_q: string, r: SearchResponse) => setLastSearch(r), []);
  const closeReader = useCallback(() => {
    if (movedInApp.current && window.history.length > 1) window.history.back();
    else navigate({ name: 'home' }, { replace: true });
  }, [navigate]);

  // A single Escape closes the reader, unless the reader (or a dialog) already used it.
  const onRead = route.name === 'read';
  useEffect(() => {
    if (!onRead) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      closeReader();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onRead, closeReader]);

  // Back from a reader to the results: focus goes back to the place that was opened. Worked out
  // while rendering the new route, when `previous` still holds the reader's.
  const before = previous.current;
  const returnTo = before !== route && route.name === 'search' && before.name === 'read' ? routeHash(before) : null;

  let content;
  if (!library) {
    content = error ? (
      <section className="screen-note" role="alert">
        <h1>{t('app.loadFailed')}</h1>
        <p>{t('app.loadFailedHint')}</p>
        <button type="button" className="button button--primary" onClick={reload}>
          {t('app.retry')}
        </button>
      </section>
    ) : (
      <p className="screen-note" role="status">
        {t('app.opening')}
      </p>
    );
  } else if (!settingsState.settings) {
    content = (
      <p className="screen-note" role="status">
        {t('app.opening')}
      </p>
    );
  } else if (route.name === 'search') {
    content = (
      <SearchScreen
        library={library}
        query={route.q}
        filters={{ type: route.type, language: route.language, collection: route.collection }}
        index={index}
        navigate={navigate}
        lastSearch={lastSearch}
        onResponse={onResponse}
        focusSearchBox={focusSearchBox}
        returnTo={returnTo}
      />
    );
  } else if (route.name === 'read') {
    content = (
      <ReaderScreen library={library} path={route.path} hit={route.hit} query={route.q} lastSearch={lastSearch} onClose={closeReader} />
    );
  } else if (route.name === 'settings') {
    content = <SettingsScreen library={library} state={settingsState} />;
  } else if (route.name === 'help') {
    content = <HelpScreen />;
  } else {
    content = <HomeScreen library={library} collection={route.collection} navigate={navigate} memory={homeMemory.current} />;
  }

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // A real #main would be taken for a route.
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <Header
        appName={library?.appName || '창문'}
        current={route.name}
        query={query}
        onQueryChange={onQueryChange}
        onQueryKeyDown={onQueryKeyDown}
        inputRef={searchBox}
        index={index}
        remembering={settingsState.settings?.remember === true}
        onStopRemembering={() => settingsState.update({ remember: false })}
        compact={route.name === 'read' || short}
      />
      {panicHint && route.name !== 'read' && <PanicHint onDismiss={() => setPanicHint(false)} />}
      {library && settingsState.settings && <RememberedNotice remembering={settingsState.settings.remember} onChanged={settingsState.reset} />}
      <main id="main" ref={main} tabIndex={-1} className={`app-main app-main--${route.name}`}>
        <SharedLookContext.Provider value={sharedLook}>{content}</SharedLookContext.Provider>
      </main>
      <Tooltips />
    </div>
  );
}
