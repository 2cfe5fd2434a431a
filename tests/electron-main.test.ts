// The main-process wiring, run against a stand-in electron module (the binary cannot be had here):
// what must happen before ready, that every session and every web page gets the guards, what the
// window is allowed, and how the app leaves (panic key, last window, no library). All of it for
// both Electrons the app ships on: today's, and 22 for the legacy build (Windows 7/8.1, 32-bit),
// whose differences main/electron/shell-adapter.ts takes in (the stand-in behaves as each).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHODS } from '../main/api.js';
import type { LibraryLocation } from '../main/core/drive/locate.js';
import type { LibraryServiceOptions } from '../main/core/library-service.js';
import { APP_INDEX_URL } from '../main/electron/app-url.js';
import { API_CHANNEL } from '../main/electron/ipc.js';
import { startShell, type Shell, type ShellEnvironment, type ShellService } from '../main/electron/main.js';
import { CHROMIUM_SWITCHES } from '../main/electron/policy.js';
import { createElectronStandIn, FakeEvent, type FakeSession, type StandIn } from './helpers/electron-stand-in.js';
import { REPO_ROOT } from './helpers/paths.js';

const versionOf = (pkg: string) => (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
/** The Electrons of the two desktop builds, as installed (the legacy one as the electron-legacy alias). */
const ELECTRONS = [
  ['current', versionOf('electron')],
  ['legacy', versionOf('electron-legacy')],
] as const;
let electronVersion: string = ELECTRONS[0][1];

let dir: string;
let drive: string;
let systemTemp: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'changmun-shell-'));
  drive = path.join(dir, 'DRIVE');
  mkdirSync(path.join(drive, 'library'), { recursive: true });
  mkdirSync(path.join(drive, 'app', 'linux'), { recursive: true });
  writeFileSync(path.join(drive, 'library', 'a.txt'), '창문');
  systemTemp = path.join(dir, 'system-temp');
  mkdirSync(systemTemp);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A back end that answers the contract with fixed values and records quit/close. */
function fakeService(options: LibraryServiceOptions): ShellService & { closed: boolean } {
  const api = Object.fromEntries(API_METHODS.map((m) => [m, async (...a: unknown[]) => ({ method: m, args: a })])) as unknown as ShellService;
  return Object.assign(api, {
    closed: false,
    quit: async () => {
      await options.onQuit?.();
    },
    scrub: (m: string) => m,
    coverBytes: async () => undefined,
    async close(this: { closed: boolean }) {
      this.closed = true;
    },
  });
}

interface Started {
  standIn: StandIn;
  shell: Shell;
  env: ShellEnvironment;
  log: string[];
  service: () => (ShellService & { closed: boolean }) | undefined;
  exitListeners: (() => void)[];
}

function start(argv: string[], options: { execPath?: string; isPackaged?: boolean } = {}): Started {
  const standIn = createElectronStandIn({ isPackaged: options.isPackaged ?? true, electronVersion });
  const log: string[] = [];
  const exitListeners: (() => void)[] = [];
  let service: (ShellService & { closed: boolean }) | undefined;
  const env: ShellEnvironment = {
    argv: [options.execPath ?? path.join(drive, 'app', 'linux', 'reader'), ...argv],
    execPath: options.execPath ?? path.join(drive, 'app', 'linux', 'reader'),
    packageRoot: REPO_ROOT,
    preload: '/app.asar/build/main/electron/preload/index.js',
    systemTemp,
    pid: 4242,
    electronVersion,
    env: {},
    nonce: () => 'abc123',
    onProcessExit: (l) => exitListeners.push(l),
    log: (line) => log.push(line),
    createService: (_location: LibraryLocation, o: LibraryServiceOptions) => (service = fakeService(o)),
  };
  const shell = startShell(standIn.electron, env);
  return { standIn, shell, env, log, service: () => service, exitListeners };
}

async function startReady(argv: string[] = [], options: { execPath?: string; isPackaged?: boolean } = {}): Promise<Started> {
  const s = start(argv, options);
  s.standIn.ready();
  await s.shell.ready;
  return s;
}

describe.each(ELECTRONS)('on the %s Electron (%s)', (_line, version) => {
  beforeEach(() => {
    electronVersion = version;
  });

  describe('before ready', () => {
    it('points every path Chromium writes to at the drive, before ready', () => {
      const { standIn, shell } = start([]);
      const runtime = path.join(drive, '.changmun', 'runtime', 'reader-4242-abc123');
      expect(shell.plan.where).toBe('drive');
      expect(shell.plan.root).toBe(runtime);
      const setPath = standIn.called('setPath');
      expect(setPath.map((c) => c.args[0]).sort()).toEqual(['crashDumps', 'sessionData', 'temp', 'userData']);
      for (const c of setPath) {
        expect(c.beforeReady).toBe(true);
        expect(String(c.args[1]).startsWith(runtime + path.sep)).toBe(true);
      }
      expect(standIn.called('setAppLogsPath')).toEqual([{ what: 'setAppLogsPath', args: [path.join(runtime, 'logs')], beforeReady: true }]);
      expect(existsSync(path.join(runtime, 'profile'))).toBe(true);
    });

    it('points TEMP, TMP and TMPDIR of every child process at the session folder', () => {
      const { env, shell } = start([]);
      expect(env.env).toMatchObject({ TEMP: shell.plan.paths.temp, TMP: shell.plan.paths.temp, TMPDIR: shell.plan.paths.temp });
    });

    it('sets the host resolver rules and the other switches before ready', () => {
      const { standIn } = start([]);
      const switches = standIn.called('appendSwitch');
      expect(switches.every((c) => c.beforeReady)).toBe(true);
      expect(switches.map((c) => c.args)).toEqual(CHROMIUM_SWITCHES.map(([n, v]) => (v === undefined ? [n] : [n, v])));
      expect(switches[0]!.args).toEqual(['host-resolver-rules', 'MAP * ~NOTFOUND']);
    });

    it('registers app:// as privileged exactly once, before ready', () => {
      const { standIn } = start([]);
      const reg = standIn.called('protocol.registerSchemesAsPrivileged');
      expect(reg).toHaveLength(1);
      expect(reg[0]!.beforeReady).toBe(true);
      expect(reg[0]!.args[0]).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    });

    it('listens for every new session and every new page before ready', () => {
      const { standIn } = start([]);
      const events = standIn.called('app.on').filter((c) => c.beforeReady).map((c) => c.args[0]);
      expect(events).toEqual(expect.arrayContaining(['session-created', 'web-contents-created', 'window-all-closed', 'will-quit']));
    });

    it('uses a fresh temp folder when the drive refuses to hold one', () => {
      // .changmun is a file: nothing can be created under it, even by root.
      writeFileSync(path.join(drive, '.changmun'), 'not a folder');
      const { shell, standIn } = start([]);
      expect(shell.plan.where).toBe('temp');
      expect(shell.plan.root).toBe(path.join(systemTemp, 'reader-4242-abc123'));
      expect(standIn.called('setPath').every((c) => String(c.args[1]).startsWith(shell.plan.root))).toBe(true);
    });

    it('finds the library from --library, and from the executable on a drive', () => {
      const other = path.join(dir, 'elsewhere');
      mkdirSync(other);
      expect(start(['--library', other]).shell.location).toMatchObject({ libraryRoot: other, source: 'argument' });
      expect(start([]).shell.location).toMatchObject({ libraryRoot: path.join(drive, 'library'), driveRoot: drive, source: 'drive' });
    });

    it('finds content-sample/ of the checkout when unpackaged and not on a drive', () => {
      const checkout = path.join(dir, 'checkout');
      mkdirSync(path.join(checkout, 'content-sample'), { recursive: true });
      const electronBinary = path.join(checkout, 'node_modules', 'electron', 'dist', 'electron');
      const dev = createElectronStandIn({ isPackaged: false, electronVersion });
      const s = startShell(dev.electron, {
        ...start([]).env,
        argv: [electronBinary, path.join(checkout, 'build', 'main', 'electron', 'entry.js')],
        execPath: electronBinary,
        packageRoot: checkout,
        env: {},
      });
      expect(s.location).toMatchObject({ libraryRoot: path.join(checkout, 'content-sample'), source: 'development' });
      // Development writes beside the sample's derived data (git-ignored), named after the binary.
      expect(s.plan.root).toBe(path.join(checkout, 'content-sample', '.changmun', 'runtime', 'electron-4242-abc123'));
    });
  });

  describe('after ready', () => {
    it('turns secure DNS off and the built-in resolver off, and removes the default menu', async () => {
      const { standIn } = await startReady();
      expect(standIn.called('configureHostResolver')).toEqual([
        { what: 'configureHostResolver', args: [{ secureDnsMode: 'off', enableBuiltInResolver: false }], beforeReady: false },
      ]);
      expect(standIn.called('Menu.setApplicationMenu')[0]!.args).toEqual([null]);
    });

    it('opens one window on an in-memory partition with the sandbox, isolation and no Node', async () => {
      const { standIn } = await startReady();
      expect(standIn.windows).toHaveLength(1);
      const win = standIn.windows[0]!;
      const prefs = win.options['webPreferences'] as Record<string, unknown>;
      expect(prefs).toMatchObject({
        sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, nodeIntegrationInWorker: false,
        webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, spellcheck: false, navigateOnDragDrop: false, devTools: false,
        preload: '/app.asar/build/main/electron/preload/index.js', disableBlinkFeatures: 'Auxclick',
      });
      expect(win.options['show']).toBe(false);
      win.emit('ready-to-show');
      expect(win.shown).toBe(true);
      expect(String(prefs['partition'])).not.toMatch(/^persist:/);
      expect(win.loaded).toBe(APP_INDEX_URL);
      // The app's session serves app:// (protocol.handle, or registerStreamProtocol on Electron 22:
      // an API the running Electron lacks would be in `forbidden`); the default session serves nothing.
      const appSession = standIn.sessions.find((s) => s.partition === prefs['partition'])!;
      expect([...appSession.protocolHandlers.keys()]).toEqual(['app']);
      expect(standIn.forbidden).toEqual([]);
      expect(standIn.sessions.find((s) => s.partition === '')!.protocolHandlers.size).toBe(0);
    });

    it('guards every session: the default one, the app one, and one made later', async () => {
      const { standIn } = await startReady();
      const later = standIn.createSession('made-by-something-later');
      expect(standIn.sessions.length).toBeGreaterThanOrEqual(3);
      for (const s of standIn.sessions) expectGuarded(s);
      expect(later.request('app://changmun/index.html').cancel).toBe(false);
    });

    it('guards every page: navigation, new windows, webviews', async () => {
      const { standIn } = await startReady();
      const wc = standIn.windows[0]!.webContents;
      const appSession = standIn.sessions.find((s) => s.partition === 'changmun')!;
      // What a frame ends up showing: the navigation's events let it go ahead, and its request is not cancelled.
      const loads = (url: string, isMainFrame = true) => wc.pageNavigates(url, isMainFrame) && !appSession.request(url).cancel;
      expect(loads('https://example.com/')).toBe(false);
      expect(loads('file:///etc/passwd')).toBe(false);
      expect(loads('app://changmun/files/articles/a.html')).toBe(false);
      expect(wc.pageNavigates('app://changmun/files/articles/a.html')).toBe(false);
      expect(loads('app://changmun/index.html#/search')).toBe(true);
      expect(wc.redirects('http://127.0.0.1:8080/')).toBe(false);
      expect(wc.redirects('app://changmun/files/films/a.mp4')).toBe(false);
      expect(wc.redirects('https://example.com/', false)).toBe(false);
      expect(wc.redirects('app://changmun/files/articles/a.html', false)).toBe(true);
      // A reader's frame: never the web or the PC's files, but the app's blobs and files.
      expect(loads('https://example.com/', false)).toBe(false);
      expect(loads('file:///C:/Windows/win.ini', false)).toBe(false);
      expect(loads('blob:app://changmun/0d6f', false)).toBe(true);
      expect(loads('app://changmun/files/articles/a.html', false)).toBe(true);
      expect(wc.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      expect(wc.windowOpenHandler?.({ url: 'app://changmun/index.html' })).toEqual({ action: 'deny' });
      expect(wc.attachWebview()).toBe(false);
    });

    it('answers the contract on one channel, only to the app page', async () => {
      const { standIn } = await startReady();
      const handler = standIn.ipcHandlers.get(API_CHANNEL)!;
      const fromApp = { senderFrame: { url: 'app://changmun/index.html#/' } };
      expect(await handler(fromApp, 'search', ['로동'])).toEqual({ ok: true, value: { method: 'search', args: ['로동'] } });
      const refused = (code: string) => ({ ok: false, error: { code, ko: expect.stringMatching(/[가-힣]/), en: expect.any(String) } });
      for (const name of ['constructor', '__proto__', 'toString', 'scrub', 'close', 'coverBytes']) expect(await handler(fromApp, name, []), name).toEqual(refused('unknown-method'));
      expect(await handler(fromApp, 'search', [])).toEqual(refused('bad-argument'));
      expect(await handler(fromApp, 'getArticle', [42])).toEqual(refused('bad-argument'));
      expect(await handler(fromApp, 'getLibrary', 'not a list')).toEqual(refused('bad-argument'));
      expect(await handler({ senderFrame: { url: 'blob:app://changmun/x' } }, 'getLibrary', [])).toEqual(refused('refused'));
      expect(await handler({ senderFrame: null }, 'getLibrary', [])).toEqual(refused('refused'));
    });

    it('never reaches for shell, net, autoUpdater, crashReporter, recent documents or jump lists', async () => {
      const { standIn } = await startReady();
      standIn.createSession('later');
      expect(standIn.forbidden).toEqual([]);
      const names = standIn.calls.map((c) => c.what);
      for (const never of ['addRecentDocument', 'setJumpList', 'setUserTasks', 'setAsDefaultProtocolClient', 'setLoginItemSettings']) expect(names).not.toContain(never);
    });
  });

  describe('flags', () => {
    it('--self-test keeps the window hidden, asks the page, and exits with its answer', async () => {
      const s = await startReady(['--self-test']);
      const win = s.standIn.windows[0]!;
      win.emit('ready-to-show');
      expect(win.shown).toBe(false);
      // The stand-in page has no preload: the self-test says so and the app exits 1.
      expect(await s.standIn.exited).toBe(1);
      expect(s.log.join('\n')).toContain('self-test: FAIL contract');
      expect(s.log[0]).toBe(`self-test: Electron ${version}, the ${_line} shell (app:// through ${_line === 'legacy' ? 'registerStreamProtocol' : 'protocol.handle'})`);
      expect(existsSync(s.shell.plan.root)).toBe(false);
    });

    it('--devtools opens the developer tools only when unpackaged', async () => {
      expect((await startReady(['--devtools'], { isPackaged: true })).standIn.windows[0]!.webContents.devTools).toBe(false);
      const dev = await startReady(['--devtools', '--library', path.join(drive, 'library')], { isPackaged: false });
      expect(dev.standIn.windows[0]!.webContents.devTools).toBe(true);
      expect((dev.standIn.windows[0]!.options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(true);
      // Development lets the developer tools load their own pages, and nothing else more.
      const s = dev.standIn.sessions.find((x) => x.partition === 'changmun')!;
      expect(s.request('devtools://devtools/bundled/inspector.html').cancel).toBe(false);
      expect(s.request('https://example.com/').cancel).toBe(true);
    });
  });

  describe('leaving', () => {
    it('the panic key through the contract: windows gone at once, workers stopped, session folder removed, exit 0', async () => {
      const s = await startReady();
      const handler = s.standIn.ipcHandlers.get(API_CHANNEL)!;
      void handler({ senderFrame: { url: APP_INDEX_URL } }, 'quit', []);
      expect(await s.standIn.exited).toBe(0);
      expect(s.standIn.windows.every((w) => w.destroyed)).toBe(true);
      expect(s.service()!.closed).toBe(true);
      expect(existsSync(s.shell.plan.root)).toBe(false);
      // Nothing left on the drive: runtime/ goes with its last session.
      expect(existsSync(path.join(drive, '.changmun', 'runtime'))).toBe(false);
    });

    it('the panic key seen by the main process: Escape twice', async () => {
      const s = await startReady();
      const wc = s.standIn.windows[0]!.webContents;
      wc.key('Escape');
      expect(s.standIn.windows[0]!.destroyed).toBe(false);
      wc.key('Escape');
      expect(await s.standIn.exited).toBe(0);
      expect(s.standIn.windows[0]!.destroyed).toBe(true);
    });

    it('closing the last window quits and removes the session folder; a late write is removed at exit', async () => {
      const s = await startReady();
      s.standIn.windows[0]!.destroy();
      expect(await s.standIn.exited).toBe(0);
      expect(existsSync(s.shell.plan.root)).toBe(false);
      // Chromium writing Local State on its way out:
      mkdirSync(s.shell.plan.paths.userData, { recursive: true });
      writeFileSync(path.join(s.shell.plan.paths.userData, 'Local State'), '{}');
      for (const l of s.exitListeners) l();
      expect(existsSync(s.shell.plan.root)).toBe(false);
    });

    it('sweeps the folders of sessions that were killed, and keeps a live one', async () => {
      const runtime = path.join(drive, '.changmun', 'runtime');
      mkdirSync(path.join(runtime, 'reader-999999-dead01', 'profile'), { recursive: true });
      mkdirSync(path.join(runtime, `reader-${process.pid}-live01`), { recursive: true });
      const s = await startReady();
      await new Promise((r) => setTimeout(r, 50));
      expect(readdirSync(runtime).sort()).toEqual([path.basename(s.shell.plan.root), `reader-${process.pid}-live01`].sort());
    });

    it('with no library: says so in a dialog and exits 1, leaving no folder behind', async () => {
      const nowhere = path.join(dir, 'no-drive', 'app', 'win', 'reader.exe');
      const s = await startReady([], { execPath: nowhere });
      expect(s.shell.location).toBeUndefined();
      expect(s.shell.plan.where).toBe('temp');
      const dialog = s.standIn.called('dialog.showErrorBox');
      expect(dialog).toHaveLength(1);
      expect(String(dialog[0]!.args[1])).toContain('--library');
      expect(await s.standIn.exited).toBe(1);
      expect(existsSync(s.shell.plan.root)).toBe(false);
      expect(s.standIn.windows).toHaveLength(0);
    });

    it('--self-test with no library prints the reason and exits 1 without a dialog', async () => {
      const s = await startReady(['--self-test'], { execPath: path.join(dir, 'none', 'reader') });
      expect(await s.standIn.exited).toBe(1);
      expect(s.standIn.called('dialog.showErrorBox')).toHaveLength(0);
      expect(s.log.join('\n')).toMatch(/self-test: FAIL library: .*--library/);
    });
  });
});

function expectGuarded(s: FakeSession): void {
  const where = `session "${s.partition}"`;
  expect(s.beforeRequest, where).toBeTypeOf('function');
  expect(s.request('https://example.com/').cancel, where).toBe(true);
  expect(s.request('http://localhost:3000/').cancel, where).toBe(true);
  expect(s.request('wss://example.com/').cancel, where).toBe(true);
  expect(s.request('file:///C:/Windows/win.ini').cancel, where).toBe(true);
  expect(s.request('app://changmun/files/films/a.mp4').cancel, where).toBe(false);
  expect(s.askPermission('notifications', APP_INDEX_URL), where).toBe(false);
  expect(s.askPermission('media', APP_INDEX_URL), where).toBe(false);
  expect(s.askPermission('fullscreen', APP_INDEX_URL), where).toBe(true);
  expect(s.permissionCheck?.({}, 'geolocation', 'app://changmun', {}), where).toBe(false);
  expect(s.devicePermission?.({}), where).toBe(false);
  expect(s.spellChecker, where).toBe(false);
  expect(s.download(), where).toBe(false);
  expect(s.proxy, where).toEqual({ mode: 'direct' });
  void FakeEvent;
}
