// `npm run lint:electron`: @doyensec/electronegativity over the desktop app's code (main/electron,
// and the UI's index.html for its CSP). Every finding fails the test command; a finding that is
// accepted on purpose is switched off where it is, with an `eng-disable <CHECK>` comment saying why.
// Run offline: the tool's own CLI fetches translations from S3 and a release list from GitHub, and
// breaks with the commander version this project uses; its runner is called directly instead.
// Run once for each Electron the app ships on: today's, and 22 for the legacy build (Windows 7/8.1,
// 32-bit Windows), whose version-dependent checks differ.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Checks left out, each with its reason:
const EXCLUDED = {
  // Downloads Electron's release list from GitHub to compare versions: a network request from the
  // test command. The Electron version is pinned in package.json and chosen in the README.
  AvailableSecurityFixesGlobalCheck: 'needs the network',
};

/** What is scanned, together (global checks look across all of it), copied to a scratch folder. */
const TARGETS = ['main/electron', 'renderer/index.html'];

/** Findings accepted on purpose: check, file, and why. Any other finding fails the command. */
const ACCEPTED = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    // csp-evaluator: "script-src 'self' can be problematic if you host JSONP, Angular or user
    // uploaded files". The origin does serve files from strangers (app://changmun/files/), but
    // never as script: .js/.mjs/.html are sent as text/plain, everything goes out with
    // `X-Content-Type-Options: nosniff` (so no non-script type can run as a script), and library
    // files carry their own `sandbox` CSP (main/core/serve/content-type.ts, tests/serve.test.ts).
    why: "script-src 'self' on an origin that serves library files: they are never served with a script type, always nosniff",
  },
];

installOfflineTranslations();
const run = require('@doyensec/electronegativity');
let failed = false;
for (const version of [electronVersion('electron'), electronVersion('electron-legacy')]) {
  if (!(await scanFor(version))) failed = true;
}
process.exitCode = failed ? 1 : 0;

/** One scan with the checks of this Electron version; true when nothing but accepted findings came. */
async function scanFor(version) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'changmun-electronegativity-'));
  for (const target of TARGETS) cpSync(path.join(root, target), path.join(scratch, target), { recursive: true });
  // Electronegativity logs through console.log while it works; what matters is printed below.
  const quiet = console.log;
  console.log = () => {};
  let result;
  try {
    result = await run(
      {
        input: scratch,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: Object.keys(EXCLUDED),
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: false,
        electronUpgrade: undefined,
        electronVersionOverride: version,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = quiet;
    rmSync(scratch, { recursive: true, force: true });
  }

  const isAccepted = (f) => ACCEPTED.find((a) => a.id === f.id && a.file === f.file);
  const failing = [];
  for (const f of result.issues) {
    const where = f.location?.line ? `${f.file}:${f.location.line}:${f.location.column}` : f.file;
    const accepted = isAccepted(f);
    if (accepted) {
      console.log(`accepted  ${where}  ${f.id}: ${accepted.why}`);
      continue;
    }
    failing.push(f);
    console.log(`FINDING   ${where}  ${f.id} (${f.severity?.name ?? '?'}, ${f.confidence?.name ?? '?'})${f.manualReview ? ' [review]' : ''}\n          ${f.description}\n          ${f.shortenedURL}`);
  }
  const parseErrors = result.errors.filter((e) => !e.tolerable);
  for (const e of result.errors) console.log(`${e.tolerable ? 'warning' : 'ERROR  '}   ${path.relative(scratch, e.file)}: while parsing: ${e.message}`);
  const excluded = Object.entries(EXCLUDED).map(([k, why]) => `${k} (${why})`).join(', ');
  console.log(
    `electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.globalChecks + result.atomicChecks} checks over ${TARGETS.join(', ')} ` +
      `(Electron ${version}): ${failing.length} finding(s), ${result.issues.length - failing.length} accepted, ${parseErrors.length} parse error(s); left out: ${excluded}.`,
  );
  return failing.length === 0 && parseErrors.length === 0;
}

/** The version of an installed Electron package (electron, or the legacy build's electron-legacy). */
function electronVersion(pkg) {
  return require(`${pkg}/package.json`).version;
}

/** Its translations from the package's own files, never from the network. */
function installOfflineTranslations() {
  const Module = require('node:module');
  const i18nPath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const i18n = require('i18n');
  const offline = () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
    return Promise.resolve();
  };
  const m = new Module(i18nPath);
  m.filename = i18nPath;
  m.loaded = true;
  m.exports = offline;
  require.cache[i18nPath] = m;
}
