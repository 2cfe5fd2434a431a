// An article: sanitised HTML with Korean typography, the searched words marked, opened at the
// hit's section and stepping with n/p or F3/Shift+F3. Opened from a search, it steps through the
// search's places (the passages the result counted: "5곳" there is 1/5 … 5/5 here), each at its
// first mark, every word still marked; opened with words but no places, through the marks.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import { ApiError, type ArticleContent, type Locator } from '../../../../main/api';
import { useBackend } from '../../api/context';
import type { ReaderProps } from '../reader-props';
import { useReaderT } from '../common/i18n';
import { hitStep, isTyping } from '../common/keys';
import { ReaderError, describeError } from '../common/ReaderError';
import { savePlace } from '../common/place';
import { useReaderLook } from '../common/settings';
import { Toolbar } from '../common/Toolbar';
import { anchorElement, firstMarkAfter, lastMarkBefore, markForLocator, markTerms, unwrapHardBreaks } from './marks';
import { sanitizeArticle } from './sanitize';
import { bundleFontIntoSvgImages } from './svg-font';

type Status = { kind: 'loading' } | { kind: 'ready'; article: ArticleContent } | { kind: 'error'; detail: string; missing: boolean };

const CURRENT = 'cm-r-mark-current';

export function ArticleReader({ item, hits, hitIndex, terms, onClose }: ReaderProps) {
  const { api, urls } = useBackend();
  const { t } = useReaderT();
  const look = useReaderLook();
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLElement>(null);
  const marks = useRef<HTMLElement[]>([]);
  const [markCount, setMarkCount] = useState(0);
  const [current, setCurrent] = useState(-1);
  // The search's places in this article; each is found (the mark or section it opens at) when
  // first gone to, since finding one reads the article's sections again.
  const places = useRef<Array<{ locator: Locator; at?: { index: number; anchor: HTMLElement | null } }>>([]);
  const [currentPlace, setCurrentPlace] = useState(-1);
  // Where to step on from when the hit's section showed no mark.
  const stepFrom = useRef<HTMLElement | null>(null);
  // While true, late-loading images re-centre the current mark; any scrolling by the person ends it.
  const stick = useRef<HTMLElement | null>(null);

  useEffect(() => {
    let live = true;
    setStatus({ kind: 'loading' });
    api
      .getArticle(item.path)
      .then((article) => live && setStatus({ kind: 'ready', article }))
      .catch((e: unknown) => {
        if (!live) return;
        // The back end's code tells a file gone from one it could not read (damaged, unknown encoding).
        setStatus({ kind: 'error', detail: describeError(e), missing: e instanceof ApiError && e.code === 'not-found' });
      });
    return () => {
      live = false;
    };
  }, [api, item.path]);

  const show = useCallback((index: number, focus: boolean) => {
    const list = marks.current;
    const mark = list[index];
    if (!mark) return;
    for (const m of list) m.classList.remove(CURRENT);
    mark.classList.add(CURRENT);
    mark.tabIndex = -1;
    mark.scrollIntoView({ block: 'center' });
    if (focus) mark.focus({ preventScroll: true });
    stick.current = mark;
    stepFrom.current = null;
    setCurrent(index);
  }, []);

  const step = useCallback(
    (direction: 1 | -1) => {
      const list = marks.current;
      if (list.length === 0) return;
      let next: number;
      if (current < 0 && stepFrom.current) {
        next = direction > 0 ? firstMarkAfter(list, stepFrom.current) : lastMarkBefore(list, stepFrom.current);
        if (next < 0) next = direction > 0 ? 0 : list.length - 1;
      } else {
        next = (current + direction + list.length) % list.length;
      }
      show(next, true);
    },
    [current, show],
  );

  const goToPlace = useCallback(
    (i: number) => {
      const entry = places.current[i];
      if (!entry || !bodyRef.current) return;
      entry.at ??= markForLocator(bodyRef.current, marks.current, entry.locator);
      const place = entry.at;
      if (place.index >= 0) show(place.index, true);
      else if (place.anchor) {
        for (const m of marks.current) m.classList.remove(CURRENT);
        setCurrent(-1);
        place.anchor.tabIndex = -1;
        place.anchor.scrollIntoView({ block: 'start' });
        place.anchor.focus({ preventScroll: true });
        stick.current = place.anchor;
        stepFrom.current = place.anchor;
      }
      setCurrentPlace(i);
    },
    [show],
  );

  const stepPlace = useCallback(
    (direction: 1 | -1) => {
      const n = places.current.length;
      if (n === 0) return step(direction);
      goToPlace(currentPlace < 0 ? (direction > 0 ? 0 : n - 1) : (currentPlace + direction + n) % n);
    },
    [currentPlace, goToPlace, step],
  );

  const termsKey = (terms ?? []).join('\u0000');
  const hit = hits?.[hitIndex ?? 0];
  const hitKey = hit ? JSON.stringify(hit.locator) : '';
  const latest = useRef({ terms, hit, hits, hitIndex, t });
  useLayoutEffect(() => {
    latest.current = { terms, hit, hits, hitIndex, t };
  });

  // Render the sanitised article, mark the terms, go to the hit (or to the remembered place).
  useLayoutEffect(() => {
    const { terms, hit, hits, hitIndex, t } = latest.current;
    if (status.kind !== 'ready' || !bodyRef.current) return;
    const body = bodyRef.current;
    body.replaceChildren(
      sanitizeArticle(status.article.html, {
        articlePath: item.path,
        fileUrl: (p) => urls.file(p),
        labels: {
          remoteImage: t('remoteImage'),
          remoteMedia: t('remoteMedia'),
          missingImage: t('missingImage'),
          externalLink: (url) => t('externalLink', { url }),
          localLink: t('localLink'),
        },
      }),
    );
    if (status.article.format === 'text') unwrapHardBreaks(body);
    marks.current = markTerms(body, terms ?? []);
    setMarkCount(marks.current.length);
    places.current = (hits ?? []).map((h) => ({ locator: h.locator }));
    setCurrentPlace(-1);
    if (hit && places.current.length > 0) {
      goToPlace(Math.min(Math.max(0, hitIndex ?? 0), places.current.length - 1));
      return;
    }
    if (hit) {
      const { index, anchor } = markForLocator(body, marks.current, hit.locator);
      if (index >= 0) show(index, true);
      else if (anchor) {
        anchor.tabIndex = -1;
        anchor.scrollIntoView({ block: 'start' });
        anchor.focus({ preventScroll: true });
        stick.current = anchor;
        stepFrom.current = anchor;
      }
      return;
    }
    scrollRef.current?.focus({ preventScroll: true });
    let live = true;
    api
      .getPositions()
      .then((positions) => {
        const at = positions[item.path]?.at;
        const el = scrollRef.current;
        if (!live || !el || typeof at !== 'number' || !(at > 0 && at <= 1)) return;
        el.scrollTop = at * (el.scrollHeight - el.clientHeight);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Only a different article, hit or query re-renders it (not a new array with the same
    // contents, nor a change of language: placeholders keep their words).
  }, [status, item.path, urls, termsKey, hitKey, show, goToPlace, api]);

  // SVG pictures are drawn as images, which see no font of the page: they get the bundled one.
  // After the render above (same dependencies: the body was just filled again).
  useEffect(() => {
    if (status.kind !== 'ready' || !bodyRef.current) return;
    return bundleFontIntoSvgImages(bodyRef.current);
  }, [status, item.path, urls, termsKey, hitKey]);

  // Keys: next/previous mark.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const d = hitStep(e);
      if (d !== 0 && (marks.current.length > 0 || places.current.length > 0)) {
        e.preventDefault();
        stepPlace(d);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stepPlace]);

  // Remember the place (the back end decides whether it is stored) and stop re-centring once the
  // person scrolls.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || status.kind !== 'ready') return;
    let timer: number | undefined;
    const release = () => {
      stick.current = null;
    };
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const max = el.scrollHeight - el.clientHeight;
        if (max <= 0) return;
        savePlace(api, item.path, Math.round((el.scrollTop / max) * 1000) / 1000);
      }, 1500);
    };
    const onLoad = (e: Event) => {
      if (e.target instanceof HTMLImageElement && stick.current) stick.current.scrollIntoView({ block: 'center' });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', release, { passive: true });
    el.addEventListener('touchstart', release, { passive: true });
    el.addEventListener('mousedown', release);
    el.addEventListener('keydown', release);
    el.addEventListener('load', onLoad, true);
    return () => {
      window.clearTimeout(timer);
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', release);
      el.removeEventListener('touchstart', release);
      el.removeEventListener('mousedown', release);
      el.removeEventListener('keydown', release);
      el.removeEventListener('load', onLoad, true);
    };
  }, [api, item.path, status.kind]);

  // A new text size reflows the article: keep the current mark (or anchor) where the eye is.
  useEffect(() => {
    stick.current?.scrollIntoView({ block: 'center' });
  }, [look.fontPx]);

  // In-page links scroll inside the article; nothing else in it navigates.
  const onClick = (e: MouseEvent<HTMLElement>) => {
    const target = e.target instanceof Element ? e.target.closest('a') : null;
    if (!target) return;
    e.preventDefault();
    const href = target.getAttribute('href') ?? '';
    if (!href.startsWith('#') || !bodyRef.current) return;
    let id = href.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep it as written
    }
    const dest = anchorElement(bodyRef.current, id);
    if (dest) {
      dest.tabIndex = -1;
      dest.scrollIntoView({ block: 'start' });
      dest.focus({ preventScroll: true });
    }
  };

  if (status.kind === 'error') {
    return (
      <section className="cm-reader" data-theme={look.theme} aria-label={t('article.label', { title: item.title })}>
        <ReaderError path={item.path} kind={status.missing ? 'missing' : 'article'} detail={status.detail} onClose={onClose} />
      </section>
    );
  }

  const article = status.kind === 'ready' ? status.article : null;
  const style = { '--cm-r-font': `${look.fontPx}px` } as CSSProperties;
  return (
    <section className="cm-reader cm-r-article-reader" data-theme={look.theme} style={style} aria-label={t('article.label', { title: item.title })}>
      <Toolbar
        title={article?.title || item.title}
        onClose={onClose}
        hits={
          hits && hits.length > 0
            ? { index: currentPlace, total: hits.length, onStep: stepPlace }
            : terms && terms.length > 0
              ? { index: current, total: markCount, onStep: step }
              : undefined
        }
        fontPx={look.fontPx}
        onFontPx={look.setFontPx}
        theme={look.theme}
        themes={['light', 'sepia', 'dark']}
        onTheme={look.setTheme}
      />
      <div ref={scrollRef} className="cm-r-scroll" tabIndex={0} role="region" aria-label={t('article.body')} aria-busy={status.kind === 'loading'}>
        {status.kind === 'loading' ? <p className="cm-r-status">{t('opening')}</p> : null}
        <article ref={bodyRef} className="cm-r-article" lang={article?.language} onClick={onClick} />
      </div>
    </section>
  );
}
