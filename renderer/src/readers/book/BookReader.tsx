// A book: pages, contents, text size, colours, search inside the book; opened at a search hit's
// passage, highlighted, with next/previous hit across chapters.
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useBackend } from '../../api/context';
import type { ReaderProps } from '../reader-props';
import { useReaderT } from '../common/i18n';
import { hitStep, isTyping } from '../common/keys';
import { ReaderError, describeError, type ReaderErrorKind } from '../common/ReaderError';
import { savePlace } from '../common/place';
import { useReaderLook } from '../common/settings';
import { Toolbar } from '../common/Toolbar';
import { BookRefused, createBookEngine, pageFontCss, type BookEngine, type BookPlace, type BookTocEntry } from './book-engine';
import { BookSearch, type BookSearchMemory } from './BookSearch';
import { BookToc } from './BookToc';

type Status =
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'error'; error: ReaderErrorKind; detail: string; reason?: { ko: string; en: string } };
type Panel = 'toc' | 'search' | null;

/** Exact locations are generated only when it is quick (locations.generate is slow: epub.js#1405). */
const LOCATIONS_MAX_BYTES = 3 * 1024 * 1024;

export function BookReader({ item, hits, hitIndex, terms, onClose }: ReaderProps) {
  const { api, urls } = useBackend();
  const { t } = useReaderT();
  const look = useReaderLook();
  const viewRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const searchMemory = useRef<BookSearchMemory>({ query: '', results: null });
  const engineRef = useRef<BookEngine | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [toc, setToc] = useState<BookTocEntry[]>([]);
  const [place, setPlace] = useState<BookPlace | null>(null);
  /** The contents entry the page is in. */
  const [tocAt, setTocAt] = useState<string | undefined>(undefined);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [hitAt, setHitAt] = useState(-1);
  const rtl = item.book?.direction === 'rtl';

  const latest = useRef({ hits, hitIndex, terms, t, look });
  useEffect(() => {
    latest.current = { hits, hitIndex, terms, t, look };
  });

  const goToHit = useCallback(async (index: number) => {
    const engine = engineRef.current;
    const { hits, terms } = latest.current;
    const hit = hits?.[index];
    if (!engine || !hit?.locator.href) return;
    setHitAt(index);
    try {
      const found = await engine.findHit(hit.locator.href, hit.locator.ordinal ?? 0, terms ?? []);
      if (engine !== engineRef.current) return;
      if (found.cfi) {
        await engine.display(found.cfi);
        engine.highlight(found.cfi);
        setNotice(null);
        return;
      }
      if (found.section) await engine.display(found.section);
    } catch {
      // The passage could not be computed or shown: the chapter start (or the book's) instead.
      if (engine !== engineRef.current) return;
      await engine.display().catch(() => undefined);
    }
    engine.highlight(null);
    setNotice(latest.current.t('book.hitNotFound'));
  }, []);

  // Open the book once per item.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const { t } = latest.current;
    const engine = createBookEngine({ remoteImageLabel: t('remoteImage'), brokenSectionLabel: t('book.brokenSection'), fontCss: pageFontCss() });
    engineRef.current = engine;
    let live = true;
    let saveTimer: number | undefined;

    (async () => {
      await engine.open(urls.book(item.path));
      if (!live) return;
      engine.attach(view, { direction: rtl ? 'rtl' : 'ltr' });
      if (item.book?.locations) engine.useBuiltLocations(item.book.locations);
      const { look, terms, hits, hitIndex } = latest.current;
      engine.setFontSize(look.fontPx);
      engine.setTheme(look.theme);
      engine.setTerms(terms ?? []);
      setToc(engine.toc());
      engine.onRelocated((p) => {
        setPlace(p);
        setTocAt(engine.currentTocHref());
        window.clearTimeout(saveTimer);
        saveTimer = window.setTimeout(() => {
          savePlace(api, item.path, p.cfi);
        }, 1000);
      });
      engine.onKey((e) => {
        // Keys pressed inside the book's frame are passed on to the page (the reader's keys and the
        // shell's panic key listen there).
        const copy = new KeyboardEvent('keydown', {
          key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey,
          repeat: e.repeat, bubbles: true, cancelable: true,
        });
        if (!document.body.dispatchEvent(copy)) e.preventDefault();
      });
      const hit = hits?.[hitIndex ?? 0];
      if (hit?.locator.href) {
        await goToHit(hitIndex ?? 0);
      } else {
        const positions = await api.getPositions().catch(() => ({}) as Record<string, { at: string | number }>);
        const at = positions[item.path]?.at;
        await (typeof at === 'string' && at.startsWith('epubcfi(') ? engine.display(at).catch(() => engine.display()) : engine.display());
      }
      if (!live) return;
      const skipped = engine.skippedSections();
      if (skipped > 0) setNotice((n) => n ?? latest.current.t('book.skippedSections', { count: skipped }));
      setStatus({ kind: 'ready' });
      // A built drive carries the book's locations; otherwise small books get them generated here.
      if (!item.book?.locations && item.size <= LOCATIONS_MAX_BYTES) void engine.generateLocations().catch(() => undefined);
    })().catch((e: unknown) => {
      if (!live) return;
      if (e instanceof BookRefused) {
        setStatus(e.status === 404
          ? { kind: 'error', error: 'missing', detail: describeError(e) }
          : { kind: 'error', error: 'corruptBook', detail: '', reason: { ko: e.ko, en: e.en } });
        return;
      }
      setStatus({ kind: 'error', error: 'corruptBook', detail: describeError(e) });
    });

    return () => {
      live = false;
      window.clearTimeout(saveTimer);
      engineRef.current = null;
      engine.destroy();
      view.replaceChildren();
    };
  }, [api, urls, item.path, item.size, rtl, goToHit]);

  // Another hit of the same book chosen while it is open (the address changed, not the book).
  const openedAt = useRef(hitIndex);
  useEffect(() => {
    if (status.kind !== 'ready' || hitIndex === undefined || hitIndex === openedAt.current) return;
    openedAt.current = hitIndex;
    void goToHit(hitIndex).catch(() => undefined);
  }, [status.kind, hitIndex, goToHit]);

  // Text size and colours follow the controls.
  useEffect(() => {
    engineRef.current?.setFontSize(look.fontPx);
  }, [look.fontPx]);
  useEffect(() => {
    engineRef.current?.setTheme(look.theme);
  }, [look.theme]);

  // The page area changes size when a side panel opens: epub.js must lay the pages out again.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || typeof ResizeObserver === 'undefined') return;
    let timer: number | undefined;
    const ro = new ResizeObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => engineRef.current?.resize(), 150);
    });
    ro.observe(view);
    return () => {
      window.clearTimeout(timer);
      ro.disconnect();
    };
  }, []);

  const turn = useCallback((forward: boolean) => {
    const engine = engineRef.current;
    if (!engine) return;
    void (forward ? engine.next() : engine.prev()).catch(() => undefined);
  }, []);

  const stepHit = useCallback(
    (d: 1 | -1) => {
      const n = hits?.length ?? 0;
      if (n === 0) return;
      const from = hitAt < 0 ? (d > 0 ? -1 : 0) : hitAt;
      void goToHit((from + d + n) % n).catch(() => undefined);
    },
    [hits, hitAt, goToHit],
  );

  // Keys: pages (←/→ by screen side, PageUp/PageDown by reading order), next/previous hit.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
      const inPanel = e.target instanceof Element && e.target.closest('.cm-r-book-side');
      switch (e.key) {
        case 'ArrowLeft':
          if (inPanel) return;
          e.preventDefault();
          turn(rtl);
          return;
        case 'ArrowRight':
          if (inPanel) return;
          e.preventDefault();
          turn(!rtl);
          return;
        case 'PageDown':
          e.preventDefault();
          turn(true);
          return;
        case 'PageUp':
          e.preventDefault();
          turn(false);
          return;
      }
      const d = hitStep(e);
      if (d !== 0 && (hits?.length ?? 0) > 0) {
        e.preventDefault();
        stepHit(d);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rtl, turn, stepHit, hits]);

  // Escape closes an open panel first (preventDefault, never stopPropagation: the shell counts
  // Escapes for its panic key).
  useEffect(() => {
    if (!panel) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        setPanel(null);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [panel]);

  const goTo = useCallback((target: string, mark: boolean) => {
    const engine = engineRef.current;
    if (!engine) return;
    void engine
      .display(target)
      .then(() => engine.highlight(mark ? target : null))
      .catch(() => undefined);
    setNotice(null);
  }, []);

  if (status.kind === 'error') {
    return (
      <section className="cm-reader" data-theme={look.theme} aria-label={t('book.label', { title: item.title })}>
        <ReaderError path={item.path} kind={status.error} detail={status.detail} reason={status.reason} onClose={onClose} />
      </section>
    );
  }

  const percent = place ? Math.round(place.fraction * 100) : null;
  const leftIsNext = rtl;
  const style = { '--cm-r-font': `${look.fontPx}px` } as CSSProperties;
  return (
    <section className="cm-reader cm-r-book-reader" data-theme={look.theme} style={style} aria-label={t('book.label', { title: item.title })}>
      <Toolbar
        title={item.title}
        onClose={onClose}
        hits={hits && hits.length > 0 ? { index: hitAt, total: hits.length, onStep: stepHit } : undefined}
        fontPx={look.fontPx}
        onFontPx={look.setFontPx}
        theme={look.theme}
        themes={['light', 'sepia', 'dark']}
        onTheme={look.setTheme}
      >
        <button
          type="button"
          className="cm-r-button"
          aria-expanded={panel === 'toc'}
          aria-controls="cm-r-book-toc"
          onClick={() => setPanel(panel === 'toc' ? null : 'toc')}
          disabled={status.kind !== 'ready'}
        >
          {t('book.toc')}
        </button>
        <button
          type="button"
          className="cm-r-button"
          aria-expanded={panel === 'search'}
          aria-controls="cm-r-book-search"
          onClick={() => setPanel(panel === 'search' ? null : 'search')}
          disabled={status.kind !== 'ready'}
        >
          {t('book.searchShort')}
        </button>
      </Toolbar>
      {notice ? (
        <p className="cm-r-notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="cm-r-book-main">
        {panel === 'toc' ? (
          <BookToc id="cm-r-book-toc" entries={toc} currentHref={tocAt} onGo={(href) => {
              goTo(href, false);
              // The chapter is chosen: the keys turn its pages now (the list keeps no arrow keys).
              stageRef.current?.focus();
            }} />
        ) : null}
        {panel === 'search' && engineRef.current ? (
          <BookSearch id="cm-r-book-search" engine={engineRef.current} memory={searchMemory} onGo={(cfi) => goTo(cfi, true)} />
        ) : null}
        <div ref={stageRef} tabIndex={-1} className="cm-r-book-stage" role="region" aria-label={t('book.pages')} aria-busy={status.kind === 'loading'}>
          <button
            type="button"
            className="cm-r-page-button"
            onClick={() => turn(leftIsNext)}
            aria-label={leftIsNext ? t('book.nextPage') : t('book.prevPage')}
            title={leftIsNext ? t('book.nextPage') : t('book.prevPage')}
            disabled={status.kind !== 'ready'}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <div className="cm-r-book-view" lang={item.language}>
            {status.kind === 'loading' ? <p className="cm-r-status">{t('opening')}</p> : null}
            <div ref={viewRef} className="cm-r-book-frame" />
          </div>
          <button
            type="button"
            className="cm-r-page-button"
            onClick={() => turn(!leftIsNext)}
            aria-label={leftIsNext ? t('book.prevPage') : t('book.nextPage')}
            title={leftIsNext ? t('book.prevPage') : t('book.nextPage')}
            disabled={status.kind !== 'ready'}
          >
            <span aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      <footer className="cm-r-book-footer">
        {rtl ? <span>{t('book.rtl')}</span> : null}
        <div className="cm-r-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined} aria-label={t('book.progress', { percent: percent ?? 0 })}>
          <span style={{ width: `${percent ?? 0}%` }} />
        </div>
        {place && place.pages > 1 ? <span>{t('book.page', { page: place.page, total: place.pages })}</span> : null}
        <span>{percent !== null ? t('book.progress', { percent }) : ''}</span>
      </footer>
    </section>
  );
}
