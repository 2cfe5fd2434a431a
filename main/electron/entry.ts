// The Electron main process starts here (package.json "main"). It only hands the real electron
// module and this process to startShell; everything else is in main.ts and the files beside it.
// Static imports only: an ES module main must not await before registering what comes before ready.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { startShell } from './main.js';

startShell(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session },
  {
    argv: process.argv,
    execPath: process.execPath,
    // build/main/electron/entry.js → the package root (app.asar when packaged).
    packageRoot: fileURLToPath(new URL('../../../', import.meta.url)),
    preload: fileURLToPath(new URL('./preload/index.js', import.meta.url)),
    systemTemp: os.tmpdir(),
    pid: process.pid,
    // Electron 22 (the legacy build) or today's: main/electron/shell-adapter.ts.
    electronVersion: process.versions.electron,
    env: process.env,
    nonce: () => randomBytes(6).toString('hex'),
    onProcessExit: (listener) => process.once('exit', listener),
    log: (line) => process.stdout.write(`${line}\n`),
  },
);
