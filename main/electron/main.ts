// The desktop shell: Electron around the core and the UI. Every decision is a pure function in a
// file beside this one (policy, runtime-paths, args, app-url, window); this file only wires them
// to Electron, in the order Electron needs. It takes the electron module as a parameter: entry.ts
// passes the real one, tests/electron-main.test.ts a stand-in that records every call.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Session, WebContents } from 'electron';
import type { ChangmunApi } from '../api.js';
import { locateLibrary, type LibraryLocation } from '../core/drive/locate.js';
import { DEFAULT_APP_NAME, LibraryService, type LibraryServiceOptions } from '../core/library-service.js';
import type { CoverImage } from '../core/serve/cover.js';
import type { ServeRequest, ServeResponse } from '../core/serve/index.js';
import { uiDistDir } from './app-files.js';
import { APP_INDEX_URL, APP_SCHEME } from './app-url.js';
import { executableName, locateOptionsFor, parseShellArgs } from './args.js';
import { answerIpc, API_CHANNEL } from './ipc.js';
import { createPanicDetector } from './panic-key.js';
import {
  APP_SCHEME_PRIVILEGES, CHROMIUM_SWITCHES, HOST_RESOLVER_OPTIONS, isNavigationAllowed, isPermissionAllowed, isRequestAllowed,
  type PolicyContext,
} from './policy.js';
import { serveAppRequest } from './protocol.js';
import { isWritableDirectory, prepareRuntime, removeRuntime, removeRuntimeSync, sweepStaleSessions, type RuntimePlan } from './runtime-paths.js';
import { runSelfTest } from './self-test.js';
import { shellAdapterFor } from './shell-adapter.js';
import { APP_PARTITION, createWindow } from './window.js';

/** The parts of Electron the shell uses; nothing else (no shell, net, autoUpdater, crashReporter). */
export type ElectronModule = Pick<typeof import('electron'), 'app' | 'BrowserWindow' | 'Menu' | 'dialog' | 'ipcMain' | 'protocol' | 'session'>;

/** What the back end must offer the shell: the contract, covers, and a way to close. */
export interface ShellService extends ChangmunApi {
  scrub(message: string): string;
  coverBytes(libraryPath: string): Promise<CoverImage | undefined>;
  bookEntry(urlPath: string, req: ServeRequest): Promise<ServeResponse>;
  close(): Promise<void>;
}

export interface ShellEnvironment {
  /** process.argv. */
  argv: readonly string[];
  /** process.execPath. */
  execPath: string;
  /** The folder with package.json, build/ and renderer/dist (the asar root when packaged). */
  packageRoot: string;
  /** The compiled preload. */
  preload: string;
  /** os.tmpdir(), read before the shell points TEMP at its own folder. */
  systemTemp: string;
  pid: number;
  /** process.env: TEMP, TMP and TMPDIR are pointed at the session's folder for every child. */
  env: Record<string, string | undefined>;
  nonce(): string;
  /** process.once('exit', …): the last chance to remove the session's folder. */
  onProcessExit(listener: () => void): void;
  /** Self-test report lines. */
  log(line: string): void;
  /**
   * process.versions.electron: Electron 22 (the legacy build) and today's Electron serve app:// and
   * report navigations differently; main/electron/shell-adapter.ts picks the side by it.
   */
  electronVersion?: string;
  /** The back end (tests give their own). */
  createService?(location: LibraryLocation, options: LibraryServiceOptions): ShellService;
}

export interface Shell {
  /** Where this session writes. */
  plan: RuntimePlan;
  location: LibraryLocation | undefined;
  /** Resolves when the window is open (or the app is quitting because no library was found). */
  ready: Promise<void>;
}

const NO_LIBRARY_TITLE = '서재를 찾을 수 없습니다 / No library found';

export function startShell(electron: ElectronModule, env: ShellEnvironment): Shell {
  const { app } = electron;
  const args = parseShellArgs(env.argv.slice(1));
  const development = !app.isPackaged;
  const policy: PolicyContext = { development };
  const name = executableName(env.execPath);
  const adapter = shellAdapterFor(env.electronVersion);

  // Everything below, up to whenReady, must happen before Chromium starts writing or resolving.
  let location: LibraryLocation | undefined;
  let locateError: string | undefined;
  try {
    location = locateLibrary(locateOptionsFor(args, { execPath: env.execPath, isPackaged: app.isPackaged, packageRoot: env.packageRoot }));
  } catch (e) {
    locateError = e instanceof Error ? e.message : String(e);
  }
  const plan = prepareRuntime({
    dataDir: location?.dataDir,
    driveWritable: location ? isWritableDirectory(location.dataDir) : false,
    systemTemp: env.systemTemp,
    name,
    pid: env.pid,
    nonce: env.nonce(),
  });
  app.setPath('userData', plan.paths.userData);
  app.setPath('sessionData', plan.paths.sessionData);
  app.setPath('crashDumps', plan.paths.crashDumps);
  app.setPath('temp', plan.paths.temp);
  app.setAppLogsPath(plan.paths.logs);
  for (const key of ['TEMP', 'TMP', 'TMPDIR']) env.env[key] = plan.paths.temp;
  for (const [switchName, value] of CHROMIUM_SWITCHES) {
    if (value === undefined) app.commandLine.appendSwitch(switchName);
    else app.commandLine.appendSwitch(switchName, value);
  }
  electron.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

  // Every session gets the guards when it is made, the default one and any made later.
  const guarded = new WeakSet<Session>();
  const guardSession = (ses: Session): void => {
    if (guarded.has(ses)) return;
    guarded.add(ses);
    // Only the last onBeforeRequest listener counts: this is the only one the app registers.
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, policy) }));
    ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
      callback(isPermissionAllowed(permission, 'requestingUrl' in details ? details.requestingUrl : undefined)),
    );
    ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin));
    ses.setDevicePermissionHandler(() => false);
    ses.setSpellCheckerEnabled(false);
    // A download would leave a file in the PC's Downloads folder.
    ses.on('will-download', (event) => event.preventDefault());
    // No proxy auto-detection (a WPAD lookup is a network request of its own).
    ses.setProxy({ mode: 'direct' }).catch(() => {});
  };
  app.on('session-created', guardSession);

  const detectPanic = createPanicDetector();
  const guardContents = (contents: WebContents): void => {
    const allowed = (url: string, isMainFrame: boolean) => isNavigationAllowed(url, { isMainFrame }) || (development && url.startsWith('devtools:'));
    adapter.guardNavigation(contents, allowed);
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('before-input-event', (_event, input) => {
      if (detectPanic(input, Date.now())) panic();
    });
  };
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  let service: ShellService | undefined;
  let exitCode = 0;
  let cleaning: Promise<void> | undefined;
  let cleanedUp = false;

  /** The panic key and quit(): every window gone at once, then the normal way out. */
  const panic = (): void => {
    for (const win of electron.BrowserWindow.getAllWindows()) win.destroy();
    app.quit();
  };
  const quitWith = (code: number): void => {
    exitCode = code;
    app.quit();
  };
  app.on('window-all-closed', () => app.quit());
  // Stop the workers and remove the session's folder before the process ends; then exit at once.
  app.on('will-quit', (event) => {
    if (cleanedUp) return;
    event.preventDefault();
    // Closing the last window after the panic key asks to quit a second time: one clean-up.
    cleaning ??= (async () => {
      await within(service?.close() ?? Promise.resolve(), 2000);
      await removeRuntime(plan);
    })().finally(() => {
      cleanedUp = true;
      app.exit(exitCode);
    });
  });
  // Chromium may still write a file on its way out: removed once more, else swept at the next start.
  env.onProcessExit(() => removeRuntimeSync(plan));

  const ready = app.whenReady().then(() => {
    app.configureHostResolver({ ...HOST_RESOLVER_OPTIONS });
    // The default menu's Help items open electronjs.org in a browser.
    electron.Menu.setApplicationMenu(null);
    guardSession(electron.session.defaultSession);
    void sweepStaleSessions(plan, name);

    if (!location) {
      if (args.selfTest) env.log(`self-test: FAIL library: ${locateError ?? ''}`);
      else electron.dialog.showErrorBox(NO_LIBRARY_TITLE, locateError ?? '');
      quitWith(1);
      return;
    }
    const here = location;

    // Not persistent (no `persist:`): cookies, storage and caches stay in memory.
    const ses = electron.session.fromPartition(APP_PARTITION);
    guardSession(ses);
    const createService = env.createService ?? ((loc: LibraryLocation, options: LibraryServiceOptions) => new LibraryService(loc, options));
    const backEnd = createService(here, { onQuit: panic });
    service = backEnd;

    const distDir = uiDistDir(env.packageRoot);
    // app:// serves only renderer/dist and the library, through the path guard of main/core/serve
    // (tests/serve.test.ts, tests/electron-protocol.test.ts), through protocol.handle or, on
    // Electron 22, registerStreamProtocol. Electronegativity's protocol check predates
    // protocol.handle and does not look at it.
    adapter.serveScheme(ses, APP_SCHEME, (request) =>
      serveAppRequest(request, { libraryRoot: here.libraryRoot, distDir, cover: (p) => backEnd.coverBytes(p), book: (p, req) => backEnd.bookEntry(p, req) }),
    );
    electron.ipcMain.handle(API_CHANNEL, (event, method: unknown, callArgs: unknown) => answerIpc(backEnd, event.senderFrame?.url, method, callArgs));

    const win = createWindow(electron.BrowserWindow, { preload: env.preload, title: DEFAULT_APP_NAME, development });
    if (!args.selfTest) win.once('ready-to-show', () => win.show());
    const pageLoaded = win.loadURL(APP_INDEX_URL);
    pageLoaded.catch(() => {});
    if (development && args.devtools) win.webContents.openDevTools({ mode: 'detach' });
    if (args.selfTest) {
      // Which Electron and which side of the adapter: the legacy build says so on a Windows 7 PC.
      env.log(`self-test: Electron ${env.electronVersion ?? 'unknown'}, the ${adapter.line} shell (app:// through ${adapter.line === 'legacy' ? 'registerStreamProtocol' : 'protocol.handle'})`);
      void selfTest(win, pageLoaded, plan, env).then(quitWith);
    }
  }).catch((e: unknown) => {
    // A shell that cannot start says why and leaves, rather than an empty window.
    const message = e instanceof Error ? e.message : String(e);
    if (args.selfTest) env.log(`self-test: FAIL start: ${message}`);
    else electron.dialog.showErrorBox('창문', `changmun: ${message}`);
    quitWith(1);
  });

  return { plan, location, ready };
}

function selfTest(win: BrowserWindow, pageLoaded: Promise<void>, plan: RuntimePlan, env: ShellEnvironment): Promise<number> {
  return runSelfTest({
    pageLoaded,
    // --self-test only, with expressions written in self-test.ts; library paths go in through
    // JSON.stringify. (Electronegativity's check looks for `executeJavascript` and misses this.)
    evaluate: (expression) => win.webContents.executeJavaScript(expression),
    runtimeFiles: () => listFiles(plan.root),
    log: env.log,
  }).catch((e: unknown) => {
    env.log(`self-test: FAIL ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  });
}

/** Files under a folder, relative to it. A walk of its own: readdir's `recursive` and Dirent.parentPath are newer than Node 16 (Electron 22). */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of entries) {
      const full = path.join(dir, d.name);
      if (d.isDirectory()) walk(full);
      else if (d.isFile()) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out;
}

function within(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p.then(() => {}, () => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}
