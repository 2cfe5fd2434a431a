// The readers: an article, a book or a film, opened at the exact place of a search hit.
// Escape closes (without stopping the event: the shell counts Escape-twice as its panic key).
import { lazy, Suspense, useEffect, useRef } from 'react';
import type { ReaderProps } from './reader-props';
import { i18n } from '../i18n';
import { useBackend } from '../api/context';
import { ArticleReader } from './article/ArticleReader';
import { useReaderT } from './common/i18n';
import { ReaderError } from './common/ReaderError';
import { registerReaderStrings } from './strings';
import './readers.css';

export type { ReaderProps };

registerReaderStrings(i18n);

// epub.js is large: it is loaded only when a book is opened. The browser edition (file://) cannot
// open a book's zip: there a book is read as text, and its bundle never carries epub.js.
const BookReader =
  import.meta.env.MODE === 'page'
    ? lazy(() => import('./book/BookTextReader').then((m) => ({ default: m.BookTextReader })))
    : lazy(() => import('./book/BookReader').then((m) => ({ default: m.BookReader })));
const BookTextReader = lazy(() => import('./book/BookTextReader').then((m) => ({ default: m.BookTextReader })));
const VideoPlayer = lazy(() => import('./video/VideoPlayer').then((m) => ({ default: m.VideoPlayer })));

export function Reader(props: ReaderProps) {
  const { t } = useReaderT();
  const { bookText } = useBackend();
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });

  // On the document, in the bubble phase: after any panel that used Escape (they listen on the
  // window in the capture phase and call preventDefault) and before the shell's own Escape
  // listener on the window, which then sees the event as used and does not close a second time.
  // Never stopPropagation: the panic key counts every Escape.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.fullscreenElement) return;
      e.preventDefault();
      onClose.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const { item } = props;
  const fallback = (
    <section className="cm-reader" aria-busy="true" aria-label={item.title}>
      <p className="cm-r-status">{t('opening')}</p>
    </section>
  );
  switch (item.type) {
    case 'article':
      return <ArticleReader key={item.path} {...props} />;
    case 'book':
      return (
        <Suspense fallback={fallback}>
          {bookText ? <BookTextReader key={item.path} {...props} /> : <BookReader key={item.path} {...props} />}
        </Suspense>
      );
    case 'video':
      return (
        <Suspense fallback={fallback}>
          <VideoPlayer key={item.path} {...props} />
        </Suspense>
      );
    default:
      return (
        <section className="cm-reader" aria-label={item.title}>
          <ReaderError path={item.path} kind="unknownType" onClose={props.onClose} />
        </section>
      );
  }
}
