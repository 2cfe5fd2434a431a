// The panic key's result: a blank, neutral page, then the app closes.
import { flushSync } from 'react-dom';
import type { ChangmunApi } from '../../../main/api';
import { startHiding } from '../hiding';

export function PanicScreen() {
  return <div className="panic-screen" />;
}

/** How long to wait for quit() before leaving the page anyway (preview only). */
const QUIT_WAIT_MS = 400;

/**
 * Hides everything at once: saves nothing from then on, stops sound, replaces the whole app with a
 * blank screen (synchronously, before anything else runs), then asks the back end to quit. In a
 * browser tab (the preview, or the browser edition on file://), where quit cannot close the tab, the
 * page also leaves for about:blank without leaving its address behind.
 */
export function hideEverything(api: ChangmunApi, blank: () => void): void {
  // Before anything else: a reader that saves its place when its film pauses or when it closes
  // must not record what was open.
  startHiding();
  for (const media of document.querySelectorAll<HTMLMediaElement>('video, audio')) media.pause();
  flushSync(blank);
  const root = document.documentElement;
  delete root.dataset.theme;
  root.removeAttribute('style');
  document.title = '';
  // A browser tab (the preview, or the browser edition opened from the drive on file://) cannot be closed by quit().
  const inBrowser = window.location.protocol === 'http:' || window.location.protocol === 'https:' || window.location.protocol === 'file:';
  if (inBrowser) window.history.replaceState(null, '', window.location.pathname);
  const leave = () => {
    if (inBrowser) window.location.replace('about:blank');
  };
  const timer = setTimeout(leave, QUIT_WAIT_MS);
  api.quit().then(
    () => {
      clearTimeout(timer);
      leave();
    },
    () => {
      clearTimeout(timer);
      leave();
    },
  );
}
