// The one place where the two Electrons the app ships on differ. The current build runs on today's
// Electron (Windows 10/11 and Linux, x64); the legacy build runs the same code on Electron 22
// (Chromium 108, Node 16.17), the last Electron for Windows 7/8.1 and the one that still has 32-bit
// Windows (FIELD-NOTES, "Running from a USB drive"). Electron 25 changed the two things the shell
// does differently on each:
//   - serving app://: `protocol.handle` (web Request → Response) arrived in 25; before it,
//     `registerStreamProtocol` answers { statusCode, headers, data: a Node stream };
//   - guarding navigation: 25 added `will-frame-navigate` (every frame) and put url / isMainFrame
//     on the event; before it, `will-navigate` fires for the main frame only and `will-navigate`
//     and `will-redirect` pass the URL (and isMainFrame) as arguments. A child frame's navigation
//     has no event to prevent on 22: its request still meets the session's onBeforeRequest, which
//     cancels everything that is not app://, data: or blob: (tests/electron-main.test.ts checks
//     both lines against a stand-in of each Electron).
// Everything else the shell uses exists on both with the same shape (checked against each
// version's electron.d.ts when this was written): app.setPath('sessionData'), setAppLogsPath,
// commandLine.appendSwitch, configureHostResolver, session-created, the permission request, check
// and device handlers (with details.requestingUrl), setSpellCheckerEnabled, setProxy({ mode }),
// will-download, setWindowOpenHandler, will-attach-webview, before-input-event, ipcMain.handle
// with event.senderFrame, executeJavaScript. The shell uses no utilityProcess, no net, no shell.
import type { Session, WebContents } from 'electron';
import type { ServeResponse } from '../core/serve/index.js';
import { toResponse, toStreamResponse, type AppRequest } from './protocol.js';

/** Which side of Electron 25 this process runs on. */
export type ShellLine = 'current' | 'legacy';

/** The Electron of the legacy build (package.json's electron-legacy). */
export const LEGACY_ELECTRON_MAJOR = 22;
/** The first Electron with protocol.handle, will-frame-navigate and navigation details on the event. */
export const CURRENT_API_FROM_MAJOR = 25;

/** Answers one app:// request (main/electron/protocol.ts, serveAppRequest). */
export type AppSchemeAnswer = (request: AppRequest) => Promise<ServeResponse>;

export interface ShellAdapter {
  readonly line: ShellLine;
  /** Serve a scheme on one session with the app's routes. */
  serveScheme(ses: Session, scheme: string, answer: AppSchemeAnswer): void;
  /**
   * Prevent every navigation of the page's frames that `allowed` refuses, as far as this
   * Electron lets a navigation be prevented (see the top of this file for child frames on 22).
   */
  guardNavigation(contents: WebContents, allowed: (url: string, isMainFrame: boolean) => boolean): void;
}

/** Electron 25 and later. */
export const currentAdapter: ShellAdapter = {
  line: 'current',
  serveScheme(ses, scheme, answer) {
    ses.protocol.handle(scheme, async (request) => toResponse(await answer(request)));
  },
  guardNavigation(contents, allowed) {
    contents.on('will-navigate', (event) => {
      if (!allowed(event.url, true)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!allowed(event.url, event.isMainFrame)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!allowed(event.url, event.isMainFrame)) event.preventDefault();
    });
  },
};

/** Electron 22 (to 24): the legacy build for Windows 7/8.1 and 32-bit Windows. */
export const legacyAdapter: ShellAdapter = {
  line: 'legacy',
  serveScheme(ses, scheme, answer) {
    // A stream protocol, not a buffer one: films are read as they play, and Range is answered
    // by the serve function (206 with Content-Range), as on the current line. It serves only
    // renderer/dist and the library, through the path guard (tests/electron-protocol.test.ts runs
    // the refusals on both sides), as protocol.handle does on the current side:
    ses.protocol.registerStreamProtocol(scheme, (request, callback) => { // eng-disable PROTOCOL_HANDLER_JS_CHECK
      answer({ url: request.url, method: request.method, headers: request.headers }).then(
        (r) => callback(toStreamResponse(r)),
        () => callback(toStreamResponse({ status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: new TextEncoder().encode('Internal Server Error') })),
      );
    });
  },
  guardNavigation(contents, allowed) {
    // Electron 22: (event, url) for the main frame; (event, url, isInPlace, isMainFrame, …) for a redirect.
    contents.on('will-navigate', (event, url: string) => {
      if (!allowed(url, true)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url: string, _isInPlace: boolean, isMainFrame: boolean) => {
      if (!allowed(url, isMainFrame)) event.preventDefault();
    });
  },
};

/** The major version of an Electron version string ('22.3.27' → 22); undefined outside Electron. */
export function electronMajor(version: string | undefined): number | undefined {
  const m = /^(\d+)\./.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The adapter for the Electron this process runs in (process.versions.electron). */
export function shellAdapterFor(electronVersion: string | undefined): ShellAdapter {
  const major = electronMajor(electronVersion);
  return major !== undefined && major < CURRENT_API_FROM_MAJOR ? legacyAdapter : currentAdapter;
}
