// Runs the legacy build's main process (build/legacy/electron/entry.js, CommonJS for Node 16) in a
// plain Node with a stand-in of Electron 22 for `require('electron')` (tests/legacy-compat.test.ts
// starts it under node16-preload.cjs). It starts the shell on a library, lets the back end index
// it in its worker threads, asks the contract through the IPC handler as the page would, plays a
// film's first bytes through app:// (registerStreamProtocol, Range), and quits with the panic
// method. One JSON line on stdout says what happened.
'use strict';
const Module = require('node:module');

const { ENTRY, STAND_IN, LIBRARY, ELECTRON_VERSION } = process.env;
Object.defineProperty(process.versions, 'electron', { value: ELECTRON_VERSION, enumerable: true });
const { createElectronStandIn } = require(STAND_IN);
const standIn = createElectronStandIn({ isPackaged: true, electronVersion: ELECTRON_VERSION });
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? standIn.electron : load.call(this, request, ...rest);
};
process.argv = [process.execPath, '--library', LIBRARY];

const report = { gone: globalThis.__changmunNode16Gone ?? [], steps: {} };
const fail = (e) => {
  report.error = e && e.stack ? e.stack : String(e);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

require(ENTRY);
standIn.ready();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  for (let i = 0; i < 200 && standIn.windows.length === 0; i++) await sleep(50);
  report.steps.windows = standIn.windows.length;
  report.steps.loaded = standIn.windows[0] && standIn.windows[0].loaded;
  const handler = standIn.ipcHandlers.get('changmun:api');
  const api = async (method, args = []) => {
    const answer = await handler({ senderFrame: { url: 'app://changmun/index.html' } }, method, args);
    if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
    return answer.value;
  };
  for (let i = 0; i < 1200; i++) {
    const status = await api('getIndexStatus');
    if (status.complete || status.phase === 'done') break;
    await sleep(100);
  }
  const library = await api('getLibrary');
  report.steps.items = library.items.map((item) => `${item.type}:${item.path}`);
  const search = await api('search', ['로동']);
  report.steps.search = { total: search.total, paths: search.results.map((r) => r.path) };
  const session = standIn.sessions.find((s) => s.partition === 'changmun');
  report.steps.protocols = [...session.protocolHandlers.keys()];
  const film = library.items.find((item) => item.type === 'video' && item.video && item.video.hasVideo);
  const serve = session.protocolHandlers.get('app');
  const url = `app://changmun/files/${film.path.split('/').map(encodeURIComponent).join('/')}`;
  const answer = await new Promise((resolve) => serve({ url, method: 'GET', headers: { Range: 'bytes=0-99' }, referrer: '' }, resolve));
  const chunks = [];
  for await (const c of answer.data) chunks.push(c);
  report.steps.film = { path: film.path, status: answer.statusCode, range: answer.headers['Content-Range'], bytes: Buffer.concat(chunks).length };
  void api('quit').catch(() => {});
  report.steps.exit = await standIn.exited;
  report.forbidden = standIn.forbidden;
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
})().catch(fail);
