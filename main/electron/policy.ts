// What the window may do, as plain decisions the shell asks and the tests check: which requests
// leave the page, which navigations happen, which permissions are granted, who may call the API.
// The layers and the reasons are in FIELD-NOTES ("Never touching the network").
import { APP_ORIGIN, isAppUrl } from './app-url.js';

export interface PolicyContext {
  /** Unpackaged (npm start): the developer tools may load their own devtools:// pages. */
  development: boolean;
}

/**
 * Whether a request may proceed (session.webRequest.onBeforeRequest). Only the app's own origin;
 * data: and blob: never leave the process (epub.js renders books through blob: URLs); devtools:
 * in development only. Everything else is cancelled: http, https, ws, wss, ftp, file, other app://
 * hosts, chrome-extension and whatever Chromium adds next.
 */
export function isRequestAllowed(url: string, context: PolicyContext): boolean {
  if (isAppUrl(url)) return true;
  const scheme = schemeOf(url);
  if (scheme === 'data' || scheme === 'blob') return true;
  if (scheme === 'devtools') return context.development;
  return false;
}

/**
 * Whether a frame may navigate to `url` (will-navigate, will-frame-navigate, will-redirect).
 * The window's own frame only ever shows the UI: a link in an article, a dropped file or a
 * redirect to a library file (which would replace the UI with a stranger's document) is refused.
 * A reader's frame (epub.js) may hold about:blank, about:srcdoc, a blob: of the app, or an app URL.
 */
export function isNavigationAllowed(url: string, frame: { isMainFrame: boolean }): boolean {
  if (frame.isMainFrame) return isUiPageUrl(url);
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  return isAppUrl(url);
}

/** The UI's page: the origin's root or index.html, with any query or #route. */
export function isUiPageUrl(url: string): boolean {
  const page = url.split(/[?#]/, 1)[0];
  return page === `${APP_ORIGIN}/` || page === `${APP_ORIGIN}/index.html`;
}

/**
 * Whether a permission is granted (setPermissionRequestHandler and setPermissionCheckHandler).
 * Fullscreen for the film player, asked by the app itself; nothing else: no notifications, no
 * media devices, no geolocation, no clipboard reading, no persistent storage, no openExternal.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'fullscreen' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/**
 * Whether an API call over IPC comes from the UI: the frame that sent it shows the app's page.
 * (The preload runs only in the main frame, but a frame's URL is checked, not assumed.)
 */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && isUiPageUrl(frameUrl);
}

/**
 * Chromium switches set before ready. host-resolver-rules makes every name lookup fail at once:
 * even a request that slipped past every other layer cannot resolve a host (FIELD-NOTES: measured
 * with strace under unshare -n, every AF_INET connect disappears). The others keep Chromium from
 * writing a GPU shader cache beside the profile and from background fetches it may make.
 */
export const CHROMIUM_SWITCHES: ReadonlyArray<readonly [name: string, value?: string]> = [
  ['host-resolver-rules', 'MAP * ~NOTFOUND'],
  ['disable-gpu-shader-disk-cache'],
  ['disable-background-networking'],
];

/** app.configureHostResolver after ready: DNS-over-HTTPS defaults to automatic (electron#30576). */
export const HOST_RESOLVER_OPTIONS = { secureDnsMode: 'off', enableBuiltInResolver: false } as const;

/**
 * The app:// scheme's privileges, registered once before ready. `standard` gives relative URLs
 * inside books and articles; `secure` a secure context; `supportFetchAPI` lets the readers fetch a
 * book or probe a film; `stream` lets a film play while it is read. Not bypassCSP, not CORS, not
 * service workers.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, stream: true } as const;

function schemeOf(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return m ? m[1]!.toLowerCase() : '';
}
