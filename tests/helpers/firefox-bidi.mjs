// Debian's Firefox ESR driven over WebDriver BiDi, for the browser edition's test: playwright-core's
// Firefox speaks a BiDi newer than this ESR has (emulation.setMediaFeaturesOverride), so this is the
// little of the protocol the test needs. Run as a child process (Node 20 has WebSocket only behind
// --experimental-websocket):
//   node --experimental-websocket tests/helpers/firefox-bidi.mjs <firefox> <steps.json>
// steps.json: [{ "go": url } | { "wait": js, "timeout"?: ms } | { "eval": js } | { "shot": png }]
// It prints one JSON line: { ok: true, values: [...] } (each eval's value, through JSON), or
// { ok: false, error }.
// The profile is fresh and temporary, with Firefox's own calls home turned off.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [firefox, stepsFile] = process.argv.slice(2);
const steps = JSON.parse(readFileSync(stepsFile, 'utf8'));

const PREFS = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.page': 0,
  'browser.newtabpage.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'media.autoplay.default': 0,
  'remote.active-protocols': 1,
};

const profile = mkdtempSync(path.join(tmpdir(), 'changmun-firefox-'));
writeFileSync(path.join(profile, 'user.js'), Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
const child = spawn(firefox, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', 'about:blank'], { stdio: ['ignore', 'pipe', 'pipe'] });

function finish(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  child.kill('SIGKILL');
  setTimeout(() => {
    rmSync(profile, { recursive: true, force: true });
    process.exit(0);
  }, 500);
}

const address = await new Promise((resolve, reject) => {
  let seen = '';
  const timer = setTimeout(() => reject(new Error(`Firefox did not start BiDi: ${seen.slice(-500)}`)), 60_000);
  child.stderr.on('data', (b) => {
    seen += b.toString();
    const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(seen);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
  child.on('exit', (code) => reject(new Error(`Firefox exited (${code}): ${seen.slice(-500)}`)));
}).catch((e) => finish({ ok: false, error: String(e) }));

const ws = new WebSocket(`${address.replace(/\/$/, '')}/session`);
let nextId = 1;
const pending = new Map();
ws.onmessage = (ev) => {
  const msg = JSON.parse(ev.data);
  const p = msg.id !== undefined && pending.get(msg.id);
  if (!p) return;
  pending.delete(msg.id);
  if (msg.type === 'error') p.reject(new Error(`${msg.error}: ${msg.message}`));
  else p.resolve(msg.result);
};
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = () => reject(new Error('BiDi connection failed'));
});
const send = (method, params) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });

try {
  await send('session.new', { capabilities: {} });
  const tree = await send('browsingContext.getTree', {});
  const context = tree.contexts[0].context;
  await send('browsingContext.setViewport', { context, viewport: { width: 1024, height: 768 } });
  const evaluate = async (expression) => {
    const r = await send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
    if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails.text}`);
    return r.result.value;
  };
  const values = [];
  for (const step of steps) {
    if (step.go) await send('browsingContext.navigate', { context, url: step.go, wait: 'complete' });
    else if (step.wait) {
      const until = Date.now() + (step.timeout ?? 30_000);
      while (!(await evaluate(`Boolean(${step.wait})`))) {
        if (Date.now() > until) throw new Error(`waited in vain for ${step.wait}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } else if (step.eval) values.push(JSON.parse((await evaluate(`JSON.stringify(${step.eval})`)) ?? 'null'));
    else if (step.shot) writeFileSync(step.shot, Buffer.from((await send('browsingContext.captureScreenshot', { context })).data, 'base64'));
  }
  finish({ ok: true, values });
} catch (e) {
  finish({ ok: false, error: String(e && e.message ? e.message : e) });
}
