// The one window: what the page may do is decided here, once. The options are written out inside
// `new BrowserWindow({…})` on purpose: that is the shape electronegativity's checks read
// (npm run lint:electron); tests/electron-main.test.ts reads them from the stand-in's constructor.
import type { BrowserWindow as BrowserWindowInstance } from 'electron';

/** The window's session: no `persist:` prefix, so cookies, storage and caches live in memory. */
export const APP_PARTITION = 'changmun';

export interface WindowChoices {
  /** The compiled preload (build/main/electron/preload/index.js). */
  preload: string;
  /** The neutral title until the UI sets the library's. */
  title: string;
  /** Unpackaged: developer tools may be opened (--devtools). */
  development: boolean;
}

export function createWindow(BrowserWindow: typeof import('electron').BrowserWindow, choices: WindowChoices): BrowserWindowInstance {
  return new BrowserWindow({
    title: choices.title,
    width: 1280,
    height: 800,
    // PRODUCT: screens from 1024×768 up; smaller still lays out, a person may snap it to half.
    minWidth: 640,
    minHeight: 480,
    // Shown when the page is ready (never, for the self-test).
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      // The preload exposes exactly the contract through contextBridge, never ipcRenderer
      // (main/electron/preload, tests/electron-preload.test.ts):
      preload: choices.preload, // eng-disable PRELOAD_JS_CHECK
      partition: APP_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // The spellchecker downloads dictionaries (electron#22995); the session turns it off too.
      spellcheck: false,
      // A file dropped on the window would otherwise replace the UI with it.
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click would ask for a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
      devTools: choices.development,
    },
  });
}
