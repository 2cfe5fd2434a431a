// A stand-in for the `electron` module (its binary cannot be had here): plain objects that record
// every call, with the time of the call relative to `ready`, and that behave as Electron does
// where the shell depends on it (session-created for every new session, web-contents-created for
// every window, window-all-closed when the last window goes). Anything the shell touches that the
// stand-in does not define is recorded in `forbidden` instead of working.
// It stands in for either Electron the app ships on (`electronVersion`): today's, or 22, the
// legacy build's, which has no protocol.handle (registerStreamProtocol instead), no
// will-frame-navigate, and passes a navigation's URL as an argument, not on the event
// (node_modules/electron-legacy/electron.d.ts).
import { EventEmitter } from 'node:events';
import type { ElectronModule } from '../../main/electron/main.js';

/** Which Electron the stand-in behaves as: 'current' (25 and later) or 'legacy' (22). */
export type StandInLine = 'current' | 'legacy';

export function lineOf(electronVersion: string): StandInLine {
  return Number(electronVersion.split('.')[0]) < 25 ? 'legacy' : 'current';
}

export interface Call {
  what: string;
  args: unknown[];
  beforeReady: boolean;
}

type Listener = (...args: unknown[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  constructor(extra: Record<string, unknown> = {}) {
    Object.assign(this, extra);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface StandIn {
  electron: ElectronModule;
  calls: Call[];
  /** Property names the shell reached for that the stand-in does not have (shell, net, …). */
  forbidden: string[];
  sessions: FakeSession[];
  windows: FakeBrowserWindow[];
  ipcHandlers: Map<string, Listener>;
  /** Fire `ready`: the default session is made and whenReady resolves. */
  ready(): void;
  /** Make a session as Electron would for a later fromPartition, a webview, an extension… */
  createSession(partition: string): FakeSession;
  called(what: string): Call[];
  exitCode: number | undefined;
  exited: Promise<number>;
}

export class FakeSession extends EventEmitter {
  beforeRequest: Listener | undefined;
  permissionRequest: Listener | undefined;
  permissionCheck: Listener | undefined;
  devicePermission: Listener | undefined;
  spellChecker: boolean | undefined;
  proxy: unknown;
  /** The schemes served, with their handler: protocol.handle's (current) or registerStreamProtocol's (legacy). */
  readonly protocolHandlers = new Map<string, Listener>();
  readonly webRequest = { onBeforeRequest: (listener: Listener) => void (this.beforeRequest = listener) };
  readonly protocol: Record<string, Listener>;
  constructor(
    readonly partition: string,
    readonly line: StandInLine = 'current',
    forbid: (what: string) => void = () => {},
  ) {
    super();
    const own: Record<string, Listener> =
      line === 'current'
        ? { handle: (scheme, handler) => void this.protocolHandlers.set(scheme as string, handler as Listener) }
        : { registerStreamProtocol: (scheme, handler) => (this.protocolHandlers.set(scheme as string, handler as Listener), true) };
    // An API this Electron does not have (protocol.handle on 22) is recorded, and does nothing.
    this.protocol = new Proxy(own, {
      get(t, prop) {
        if (typeof prop === 'string' && !(prop in t) && prop !== 'then') {
          forbid(`session.protocol.${prop}`);
          return () => undefined;
        }
        return t[prop as string];
      },
    });
  }
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermission = handler;
  }
  setSpellCheckerEnabled(on: boolean): void {
    this.spellChecker = on;
  }
  async setProxy(config: unknown): Promise<void> {
    this.proxy = config;
  }
  /** What onBeforeRequest answers for a URL. */
  request(url: string): { cancel: boolean } {
    let answer: { cancel: boolean } | undefined;
    this.beforeRequest?.({ url }, (a: { cancel: boolean }) => (answer = a));
    if (!answer) throw new Error(`no answer for ${url}`);
    return answer;
  }
  /** What the permission request handler answers. */
  askPermission(permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    this.permissionRequest?.({}, permission, (g: boolean) => (granted = g), { requestingUrl });
    return granted === true;
  }
  /** Whether a download would start. */
  download(): boolean {
    const event = new FakeEvent();
    this.emit('will-download', event, {}, {});
    return !event.defaultPrevented;
  }
}

export class FakeWebContents extends EventEmitter {
  constructor(readonly line: StandInLine = 'current') {
    super();
  }
  windowOpenHandler: ((details: unknown) => { action: string }) | undefined;
  devTools = false;
  evaluate: (expression: string) => Promise<unknown> = async () => undefined;
  setWindowOpenHandler(handler: (details: unknown) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  openDevTools(): void {
    this.devTools = true;
  }
  executeJavaScript(expression: string): Promise<unknown> {
    return this.evaluate(expression);
  }
  /**
   * A navigation the page starts in one of its frames, with the events this Electron fires for it:
   * whether none of them was prevented. Today's fires will-frame-navigate for every frame and
   * will-navigate for the main one, with url and isMainFrame on the event; 22 fires will-navigate,
   * (event, url), for the main frame only, and nothing a handler could prevent for a child frame.
   */
  pageNavigates(url: string, isMainFrame = true): boolean {
    if (this.line === 'current') {
      const frame = new FakeEvent({ url, isMainFrame });
      this.emit('will-frame-navigate', frame);
      if (frame.defaultPrevented || !isMainFrame) return !frame.defaultPrevented;
      const main = new FakeEvent({ url, isMainFrame });
      this.emit('will-navigate', main);
      return !main.defaultPrevented;
    }
    if (!isMainFrame) return true;
    const e = new FakeEvent();
    this.emit('will-navigate', e, url);
    return !e.defaultPrevented;
  }
  /** A server redirect of a frame's navigation: whether will-redirect let it go ahead. */
  redirects(url: string, isMainFrame = true): boolean {
    if (this.line === 'current') {
      const e = new FakeEvent({ url, isMainFrame });
      this.emit('will-redirect', e);
      return !e.defaultPrevented;
    }
    // Electron 22: (event, url, isInPlace, isMainFrame, frameProcessId, frameRoutingId).
    const e = new FakeEvent();
    this.emit('will-redirect', e, url, false, isMainFrame, 1, 1);
    return !e.defaultPrevented;
  }
  attachWebview(): boolean {
    const e = new FakeEvent();
    this.emit('will-attach-webview', e, {}, {});
    return !e.defaultPrevented;
  }
  key(key: string): void {
    this.emit('before-input-event', new FakeEvent(), { type: 'keyDown', key });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static standIn: StandInState;
  readonly webContents = new FakeWebContents(FakeBrowserWindow.standIn.line);
  destroyed = false;
  shown = false;
  loaded: string | undefined;
  constructor(readonly options: Record<string, unknown>) {
    super();
    const s = FakeBrowserWindow.standIn;
    s.record('new BrowserWindow', [options]);
    s.windows.push(this);
    s.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.standIn.windows.filter((w) => !w.destroyed);
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    FakeBrowserWindow.standIn.record('BrowserWindow.destroy', []);
    if (FakeBrowserWindow.getAllWindows().length === 0) FakeBrowserWindow.standIn.app.emit('window-all-closed');
  }
}

interface StandInState {
  line: StandInLine;
  app: EventEmitter;
  windows: FakeBrowserWindow[];
  record(what: string, args: unknown[]): void;
}

export function createElectronStandIn(options: { isPackaged?: boolean; electronVersion?: string } = {}): StandIn {
  const line = lineOf(options.electronVersion ?? '45.0.0');
  const calls: Call[] = [];
  const forbidden: string[] = [];
  const sessions: FakeSession[] = [];
  const windows: FakeBrowserWindow[] = [];
  const ipcHandlers = new Map<string, Listener>();
  let isReady = false;
  let resolveReady!: () => void;
  const whenReady = new Promise<void>((r) => (resolveReady = r));
  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExit = r));
  const record = (what: string, args: unknown[]) => calls.push({ what, args, beforeReady: !isReady });
  let defaultSession: FakeSession | undefined;

  const appEmitter = new EventEmitter();
  const standIn: StandIn = {
    electron: undefined as unknown as ElectronModule,
    calls,
    forbidden,
    sessions,
    windows,
    ipcHandlers,
    exitCode: undefined,
    exited,
    ready() {
      isReady = true;
      defaultSession = standIn.createSession('');
      resolveReady();
    },
    createSession(partition: string) {
      const s = new FakeSession(partition, line, (what) => forbidden.push(what));
      sessions.push(s);
      record('session created', [partition]);
      appEmitter.emit('session-created', s);
      return s;
    },
    called: (what: string) => calls.filter((c) => c.what === what),
  };

  const app = Object.assign(appEmitter, {
    isPackaged: options.isPackaged ?? false,
    commandLine: { appendSwitch: (...a: unknown[]) => record('appendSwitch', a), appendArgument: (...a: unknown[]) => record('appendArgument', a) },
    setPath: (...a: unknown[]) => record('setPath', a),
    setAppLogsPath: (...a: unknown[]) => record('setAppLogsPath', a),
    whenReady: () => whenReady,
    isReady: () => isReady,
    configureHostResolver: (...a: unknown[]) => record('configureHostResolver', a),
    quit: () => {
      record('quit', []);
      // Electron: the windows close, then will-quit (which the shell may delay).
      for (const w of FakeBrowserWindow.getAllWindows()) w.destroy();
      const e = new FakeEvent();
      appEmitter.emit('will-quit', e);
      if (!e.defaultPrevented) standIn.electron.app.exit(0);
    },
    exit: (code = 0) => {
      record('exit', [code]);
      if (standIn.exitCode === undefined) {
        standIn.exitCode = code;
        resolveExit(code);
      }
    },
  });
  // Electron's EventEmitter methods are recorded too: what is listened to, and when.
  const on = appEmitter.on.bind(appEmitter);
  (app as EventEmitter).on = (event: string | symbol, listener: Listener) => {
    record('app.on', [event]);
    return on(event, listener);
  };
  const once = appEmitter.once.bind(appEmitter);
  (app as EventEmitter).once = (event: string | symbol, listener: Listener) => {
    record('app.once', [event]);
    return once(event, listener);
  };

  const state: StandInState = { line, app: appEmitter, windows, record };
  FakeBrowserWindow.standIn = state;

  const modules: Record<string, unknown> = {
    app: watch('app', app),
    BrowserWindow: FakeBrowserWindow,
    Menu: watch('Menu', { setApplicationMenu: (...a: unknown[]) => record('Menu.setApplicationMenu', a) }),
    dialog: watch('dialog', { showErrorBox: (...a: unknown[]) => record('dialog.showErrorBox', a) }),
    ipcMain: watch('ipcMain', {
      handle: (channel: string, listener: Listener) => {
        record('ipcMain.handle', [channel]);
        ipcHandlers.set(channel, listener);
      },
    }),
    protocol: watch('protocol', { registerSchemesAsPrivileged: (...a: unknown[]) => record('protocol.registerSchemesAsPrivileged', a) }),
    session: watch('session', {
      get defaultSession() {
        if (!defaultSession) throw new Error('stand-in: session.defaultSession before ready');
        return defaultSession;
      },
      fromPartition: (partition: string) => {
        record('session.fromPartition', [partition]);
        return sessions.find((s) => s.partition === partition) ?? standIn.createSession(partition);
      },
    }),
  };
  standIn.electron = watch('electron', modules) as unknown as ElectronModule;
  return standIn;

  /** Records any property the shell reaches for that the object does not have. */
  function watch<T extends object>(name: string, target: T): T {
    return new Proxy(target, {
      get(t, prop, receiver) {
        if (typeof prop === 'string' && !(prop in t) && prop !== 'then') {
          forbidden.push(`${name}.${prop}`);
          return () => undefined;
        }
        return Reflect.get(t, prop, receiver) as unknown;
      },
    });
  }
}
