// The preload: the one door from the page to the back end. It exposes one function through
// contextBridge, `window.changmun.invoke(method, args)`, which carries a contract call on the one
// IPC channel and resolves with the main process's answer, { ok: true, value } or { ok: false,
// error: { code, ko, en } } — never ipcRenderer itself. The page's client (main/contract/client.ts)
// makes the contract's methods from its table and throws a failed answer as an ApiError: an Error
// thrown here would lose its code on the way through contextBridge, which copies plain data whole.
// It runs in Electron's sandbox, where `require` knows only 'electron' and a few others: so it
// imports nothing of ours but types, and repeats the channel's name, which
// tests/electron-preload.test.ts holds equal to main/electron/ipc.ts.
import electron = require('electron');
import type { ApiAnswer } from '../../api.js';

const API_CHANNEL = 'changmun:api';

function invoke(method: string, args: unknown[]): Promise<ApiAnswer> {
  return electron.ipcRenderer.invoke(API_CHANNEL, method, args) as Promise<ApiAnswer>;
}

electron.contextBridge.exposeInMainWorld('changmun', { invoke });
