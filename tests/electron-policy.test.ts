// The desktop shell's decisions, as pure functions: which requests leave a page, which navigations
// happen, which permissions are granted, who may call the API, which app:// route a URL names,
// what the command line says, and the panic key.
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, coverUrl, fileUrl, isAppUrl, routeOf } from '../main/electron/app-url.js';
import { executableName, locateOptionsFor, parseShellArgs } from '../main/electron/args.js';
import { createPanicDetector } from '../main/electron/panic-key.js';
import { isNavigationAllowed, isPermissionAllowed, isRequestAllowed, isTrustedSender, isUiPageUrl } from '../main/electron/policy.js';

const prod = { development: false };
const dev = { development: true };

describe('isRequestAllowed: nothing leaves but the app itself', () => {
  it.each([
    'app://changmun/index.html',
    'app://changmun/assets/index-3f2a.js',
    'app://changmun/files/films/%EB%B0%94%EB%8B%A4.mp4',
    'app://changmun/covers/books/a.epub',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://changmun/6f1c7e2a-0d55-4b1e-9a4e-2b0f6c1d9e11',
  ])('allows %s', (url) => {
    expect(isRequestAllowed(url, prod)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/t/x/',
    'http://localhost/',
    'ws://127.0.0.1:9229/',
    'wss://example.com/socket',
    'ftp://example.com/a',
    'file:///C:/Windows/win.ini',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://changmun.example.com/',
    'app://changmun@example.com/',
    'chrome-extension://abcdef/x.js',
    'devtools://devtools/bundled/inspector.html',
    'https://redirector.gvt1.com/edgedl/chrome/dict/ko-kr-3-0.bdic',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isRequestAllowed(url, prod)).toBe(false);
  });

  it('lets the developer tools load their pages in development only', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isRequestAllowed('https://example.com/', dev)).toBe(false);
  });
});

describe('isNavigationAllowed: the window only ever shows the UI', () => {
  const main = { isMainFrame: true };
  const sub = { isMainFrame: false };
  it('lets the main frame show the UI page, with a route', () => {
    for (const url of ['app://changmun/', 'app://changmun/index.html', 'app://changmun/index.html#/book/a.epub', 'app://changmun/?lang=en']) {
      expect(isNavigationAllowed(url, main)).toBe(true);
    }
  });
  it('refuses the main frame anything else: the web, files, a library file as a page', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///C:/Users/',
      'app://changmun/files/articles/page.html',
      'app://changmun/files/articles/%EB%B0%A9%ED%8C%A8.svg',
      'app://changmun/covers/books/a.epub',
      'app://evil/index.html',
      'about:blank',
      'data:text/html,<script>1</script>',
      'javascript:alert(1)',
      'blob:app://changmun/x',
    ]) {
      expect(isNavigationAllowed(url, main), url).toBe(false);
    }
  });
  it("lets a reader's frame hold blank, srcdoc, the app's blobs and app URLs", () => {
    for (const url of ['about:blank', 'about:srcdoc', 'blob:app://changmun/1234', 'app://changmun/files/books/a.epub']) {
      expect(isNavigationAllowed(url, sub), url).toBe(true);
    }
  });
  it("refuses a reader's frame the web, files, data: and other origins' blobs", () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'data:text/html,x', 'blob:https://example.com/1', 'javascript:alert(1)']) {
      expect(isNavigationAllowed(url, sub), url).toBe(false);
    }
  });
});

describe('isPermissionAllowed: fullscreen for the player, nothing else', () => {
  it('grants fullscreen to the app', () => {
    expect(isPermissionAllowed('fullscreen', APP_INDEX_URL)).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'app://changmun')).toBe(true);
  });
  it('refuses fullscreen to another origin or an unknown requester', () => {
    expect(isPermissionAllowed('fullscreen', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('fullscreen', undefined)).toBe(false);
  });
  it.each([
    'notifications', 'media', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'persistent-storage', 'openExternal',
    'midi', 'midiSysex', 'pointerLock', 'keyboardLock', 'hid', 'serial', 'usb', 'display-capture', 'window-management',
    'local-fonts', 'storage-access', 'idle-detection', 'screen-wake-lock', 'speaker-selection', 'fileSystem', 'unknown',
  ])('refuses %s even to the app', (permission) => {
    expect(isPermissionAllowed(permission, APP_INDEX_URL)).toBe(false);
  });
});

describe('isTrustedSender: only the UI page calls the API', () => {
  it('accepts the app page and refuses frames, blobs and others', () => {
    expect(isTrustedSender('app://changmun/index.html#/')).toBe(true);
    expect(isTrustedSender('app://changmun/')).toBe(true);
    expect(isTrustedSender('app://changmun/files/a.svg')).toBe(false);
    expect(isTrustedSender('blob:app://changmun/1')).toBe(false);
    expect(isTrustedSender('about:srcdoc')).toBe(false);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isUiPageUrl('app://changmun/index.html?x#y')).toBe(true);
  });
});

describe('app:// URLs and routes', () => {
  it('makes file and cover URLs with every segment encoded', () => {
    expect(fileUrl('films/바다의 편지.mp4')).toBe('app://changmun/files/films/%EB%B0%94%EB%8B%A4%EC%9D%98%20%ED%8E%B8%EC%A7%80.mp4');
    expect(fileUrl('a/100% #1?.txt')).toBe('app://changmun/files/a/100%25%20%231%3F.txt');
    expect(coverUrl('books/동백꽃.epub')).toBe('app://changmun/covers/books/%EB%8F%99%EB%B0%B1%EA%BD%83.epub');
  });
  it('routes a URL without decoding or resolving its path', () => {
    expect(routeOf('app://changmun/')).toEqual({ kind: 'ui', path: 'index.html' });
    expect(routeOf('app://changmun/assets/a.js?v=1')).toEqual({ kind: 'ui', path: 'assets/a.js' });
    expect(routeOf('app://changmun/files/films/%EB%B0%94.mp4#t=3')).toEqual({ kind: 'files', path: 'films/%EB%B0%94.mp4' });
    expect(routeOf('app://changmun/files/%2e%2e/%2e%2e/etc/passwd')).toEqual({ kind: 'files', path: '%2e%2e/%2e%2e/etc/passwd' });
    expect(routeOf('app://changmun/covers/b%2Fc.epub')).toEqual({ kind: 'covers', path: 'b%2Fc.epub' });
    expect(routeOf('app://other/files/a.mp4')).toEqual({ kind: 'refused' });
    expect(routeOf('https://changmun/files/a.mp4')).toEqual({ kind: 'refused' });
  });
  it('knows its own origin', () => {
    expect(isAppUrl('app://changmun')).toBe(true);
    expect(isAppUrl('app://changmunx/')).toBe(false);
  });
});

describe('the command line', () => {
  it('reads --library (both spellings), --self-test and --devtools, and ignores Chromium switches', () => {
    expect(parseShellArgs(['entry.js', '--no-sandbox', '--library', 'E:\\', '--self-test'])).toEqual({ library: 'E:\\', selfTest: true, devtools: false });
    expect(parseShellArgs(['--library=/media/usb', '--enable-logging', '--devtools'])).toEqual({ library: '/media/usb', selfTest: false, devtools: true });
    expect(parseShellArgs(['--library'])).toEqual({ selfTest: false, devtools: false });
    expect(parseShellArgs(['--library='])).toEqual({ selfTest: false, devtools: false });
  });
  it('looks on the drive always, and in the checkout only when unpackaged', () => {
    const place = { execPath: 'E:\\app\\win\\reader.exe', isPackaged: true, packageRoot: 'E:\\app\\win\\resources\\app.asar' };
    expect(locateOptionsFor({ selfTest: false, devtools: false }, place)).toEqual({ execPath: 'E:\\app\\win\\reader.exe' });
    expect(locateOptionsFor({ library: 'D:\\lib', selfTest: false, devtools: false }, { ...place, isPackaged: false })).toEqual({
      explicit: 'D:\\lib', execPath: 'E:\\app\\win\\reader.exe', devRoot: 'E:\\app\\win\\resources\\app.asar',
    });
  });
  it("takes the executable's neutral name from its path, on either system", () => {
    expect(executableName('E:\\app\\win\\reader.exe')).toBe('reader');
    expect(executableName('/media/usb/app/linux/reader')).toBe('reader');
    expect(executableName('/x/node_modules/electron/dist/electron')).toBe('electron');
  });
});

describe('the panic key in the main process', () => {
  it('fires on the second Escape within 600 ms, as the UI does', () => {
    const detect = createPanicDetector();
    const esc = { type: 'keyDown', key: 'Escape' };
    expect(detect(esc, 1000)).toBe(false);
    expect(detect({ type: 'keyDown', key: 'a' }, 1100)).toBe(false);
    expect(detect(esc, 1500)).toBe(true);
    // After firing it starts over.
    expect(detect(esc, 1600)).toBe(false);
    expect(detect(esc, 2300)).toBe(false);
  });
  it('ignores key-ups and other keys', () => {
    const detect = createPanicDetector();
    expect(detect({ type: 'keyUp', key: 'Escape' }, 0)).toBe(false);
    expect(detect({ type: 'keyUp', key: 'Escape' }, 10)).toBe(false);
    expect(detect({ type: 'keyDown', key: 'Enter' }, 20)).toBe(false);
  });
});
