// A book shown as text, chapter by chapter, where its zip cannot be opened: in the browser
// edition, on file://. The text is the one the search index holds (what the hit's locator counts:
// chunk `ordinal` of section `href`), so a hit opens at its very chunk with the words marked.
// Pagination, pictures and the book's own styles stay the desktop app's. The text is put on the page
// as text nodes only: nothing in it is parsed as markup, so nothing in it can run.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { TocEntry } from '../../../../main/api';
import { useBackend } from '../../api/context';
import type { ReaderProps } from '../Reader';
import { useReaderT } from '../common/i18n';
import { hitStep, isTyping } from '../common/keys';
import { ReaderError, describeError } from '../common/ReaderError';
import { useReaderLook } from '../common/settings';
import { Toolbar } from '../common/Toolbar';
import { savePlace } from '../common/place';
import { markTerms } from '../article/marks';

type Sections = { kind: 'loading' } | { kind: 'ready'; list: { href: string; chunks: number }[] } | { kind: 'error'; detail: string };

const CURRENT = 'cm-r-mark-current';

/** The first label the table of contents gives each file (without its #fragment). */
function labelsOf(toc: readonly TocEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (entries: readonly TocEntry[]) => {
    for (const e of entries) {
      const file = e.href.split('#')[0]!;
      if (!out.has(file) && e.label.trim() !== '') out.set(file, e.label.trim());
      walk(e.children);
    }
  };
  walk(toc);
  return out;
}

export function BookTextReader({ item, hits, hitIndex, terms, onClose }: ReaderProps) {
  const { api, bookText } = useBackend();
  const { t } = useReaderT();
  const look = useReaderLook();
  const [sections, setSections] = useState<Sections>({ kind: 'loading' });
  const [section, setSection] = useState(-1);
  const [texts, setTexts] = useState<{ section: number; chunks: string[] } | null>(null);
  const [hitAt, setHitAt] = useState(hits && hits.length > 0 ? (hitIndex ?? 0) : -1);
  const [markCount, setMarkCount] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const labels = useMemo(() => labelsOf(item.book?.toc ?? []), [item.book?.toc]);
  const list = sections.kind === 'ready' ? sections.list : [];
  const sectionOfHit = useCallback((i: number) => list.findIndex((s) => s.href === (hits?.[i]?.locator.href ?? '')), [list, hits]);

  // The book's sections, then where to open: the hit's section, or where the person was.
  useEffect(() => {
    let live = true;
    if (!bookText) return;
    bookText
      .sections(item.path)
      .then(async (found) => {
        if (!live) return;
        setSections({ kind: 'ready', list: found });
        let start = hits && hitIndex !== undefined ? found.findIndex((s) => s.href === hits[hitIndex]?.locator.href) : -1;
        if (start < 0 && !hits) {
          const at = (await api.getPositions().catch(() => ({}) as Record<string, { at: unknown }>))[item.path]?.at;
          start = found.findIndex((s) => s.href === at);
        }
        if (live) setSection(found.length > 0 ? Math.max(0, start) : -1);
      })
      .catch((e: unknown) => live && setSections({ kind: 'error', detail: describeError(e) }));
    return () => {
      live = false;
    };
    // Where to open is decided once, when the book opens.
  }, [api, bookText, item.path]);

  // The section's text.
  useEffect(() => {
    if (section < 0 || !bookText || sections.kind !== 'ready') return;
    let live = true;
    const href = sections.list[section]!.href;
    bookText
      .section(item.path, href)
      .then((chunks) => {
        if (!live) return;
        setTexts({ section, chunks });
        savePlace(api, item.path, href);
      })
      .catch((e: unknown) => live && setSections({ kind: 'error', detail: describeError(e) }));
    return () => {
      live = false;
    };
  }, [api, bookText, item.path, section, sections]);

  // Put the text on the page, mark the words, go to the hit (or to the top of the chapter).
  const termsKey = (terms ?? []).join('\u0000');
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body || !texts) return;
    const blocks = texts.chunks.map((text, ordinal) => {
      const block = document.createElement('div');
      block.className = 'cm-r-booktext-chunk';
      block.dataset['ordinal'] = String(ordinal);
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const p = document.createElement('p');
        p.textContent = line;
        block.appendChild(p);
      }
      return block;
    });
    body.replaceChildren(...blocks);
    const marks = markTerms(body, terms ?? []);
    setMarkCount(marks.length);
    const hit = hitAt >= 0 ? hits?.[hitAt] : undefined;
    const scroller = scrollRef.current;
    if (hit && hit.locator.href === list[texts.section]?.href) {
      const chunk = body.querySelector<HTMLElement>(`[data-ordinal="${hit.locator.ordinal ?? 0}"]`);
      const mark = chunk?.querySelector<HTMLElement>('mark');
      const target = mark ?? chunk;
      if (mark) mark.classList.add(CURRENT);
      if (target) {
        target.tabIndex = -1;
        target.scrollIntoView({ block: mark ? 'center' : 'start' });
        target.focus({ preventScroll: true });
        return;
      }
    }
    if (scroller) scroller.scrollTop = 0;
    scroller?.focus({ preventScroll: true });
    // A new hit, new terms or new text re-render; the hit list itself is the search's.
  }, [texts, termsKey, hitAt]);

  const stepHit = useCallback(
    (d: 1 | -1) => {
      const n = hits?.length ?? 0;
      if (n === 0) return;
      let next: number;
      if (hitAt < 0) {
        // From the chapter on screen: the first hit in it or after it (or before, going back).
        const order = Array.from({ length: n }, (_, i) => i);
        const found = d > 0 ? order.find((i) => sectionOfHit(i) >= section) : order.reverse().find((i) => sectionOfHit(i) <= section);
        next = found ?? (d > 0 ? 0 : n - 1);
      } else {
        next = (hitAt + d + n) % n;
      }
      setHitAt(next);
      const s = sectionOfHit(next);
      if (s >= 0 && s !== section) setSection(s);
    },
    [hits, hitAt, section, sectionOfHit],
  );

  const goSection = useCallback((s: number) => {
    setHitAt(-1);
    setSection(s);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const d = hitStep(e);
      if (d !== 0 && (hits?.length ?? 0) > 0) {
        e.preventDefault();
        stepHit(d);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hits, stepHit]);

  if (!bookText || sections.kind === 'error') {
    return (
      <section className="cm-reader" data-theme={look.theme} aria-label={t('book.label', { title: item.title })}>
        <ReaderError path={item.path} kind="corruptBook" detail={sections.kind === 'error' ? sections.detail : t('bookText.failed')} onClose={onClose} />
      </section>
    );
  }

  const style = { '--cm-r-font': `${look.fontPx}px` } as CSSProperties;
  const chapterName = (i: number) => labels.get(list[i]!.href) ?? t('bookText.chapterOf', { n: i + 1, total: list.length });
  const shown = texts !== null && texts.section === section;
  return (
    <section className="cm-reader cm-r-article-reader cm-r-booktext-reader" data-theme={look.theme} style={style} aria-label={t('book.label', { title: item.title })}>
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
        {list.length > 1 ? (
          <div className="cm-r-group">
            <button type="button" className="cm-r-button" onClick={() => goSection(section - 1)} disabled={section <= 0} aria-label={t('bookText.prevChapter')} title={t('bookText.prevChapter')}>
              <span aria-hidden="true">‹</span>
            </button>
            <label className="cm-r-select">
              <span>{t('bookText.chapter')}</span>
              <select value={section} onChange={(e) => goSection(Number(e.target.value))} aria-label={t('bookText.chapter')}>
                {list.map((s, i) => (
                  <option key={s.href} value={i}>
                    {chapterName(i)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="cm-r-button" onClick={() => goSection(section + 1)} disabled={section >= list.length - 1} aria-label={t('bookText.nextChapter')} title={t('bookText.nextChapter')}>
              <span aria-hidden="true">›</span>
            </button>
          </div>
        ) : null}
      </Toolbar>
      <div
        ref={scrollRef}
        className="cm-r-scroll"
        tabIndex={0}
        role="region"
        aria-label={section >= 0 && list.length > 0 ? chapterName(section) : t('book.pages')}
        aria-busy={sections.kind === 'loading' || (section >= 0 && !shown)}
        data-marks={markCount}
      >
        <p className="cm-r-notice">{t('bookText.textOnly')}</p>
        {sections.kind === 'loading' || (section >= 0 && !shown) ? <p className="cm-r-status">{t('opening')}</p> : null}
        {sections.kind === 'ready' && list.length === 0 ? <p className="cm-r-status">{t('bookText.noText')}</p> : null}
        {shown && labels.has(list[section]!.href) ? <h2 className="cm-r-booktext-chapter">{chapterName(section)}</h2> : null}
        <div ref={bodyRef} className="cm-r-article cm-r-booktext" lang={item.language} dir={item.book?.direction === 'rtl' ? 'rtl' : undefined} />
      </div>
    </section>
  );
}
