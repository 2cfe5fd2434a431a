// Issue 7 §4: no trace, proven. The volunteer's CLI (keygen, build, verify, report, scan, index,
// search) and a recipient's session (the preview server, with the UI driven in Chromium) run with
// HOME, every XDG_* folder and TMPDIR pointing at fresh empty folders, and under `strace -f`
// recording every file system change. Afterwards:
// - the fresh folders are still empty (listed recursively, with times);
// - the content folder is exactly as it was; the session changed nothing in the drive's library;
// - every file the app's processes created, wrote, renamed, removed or touched is in the drive
//   folder or in this test's own output (the keys, the report, the working folder);
// - the real /tmp and home folder hold nothing new that is the app's.
// Chromium is the test's instrument, not the app: its profile, home and temp folder are the test's
// own (what the Electron shell itself writes is decided in main/electron/runtime-paths.ts and
// tested by tests/electron-runtime.test.ts; the Electron binary cannot run here).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './helpers/browser.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';
import { copyContentSample, removeTree } from './hostile/corpus.js';
import { readFileChanges, WRITE_CALLS, type FileChange } from './hostile/strace-files.js';

const CI = Boolean(process.env.CI);
const BIN = path.join(REPO_ROOT, 'bin', 'changmun.js');
const straceAvailable = spawnSync('sh', ['-c', 'command -v strace'], { stdio: 'ignore' }).status === 0;
if (!straceAvailable) {
  if (CI) throw new Error('changmun tests: strace is not installed; .ci/run installs it (apt-get install strace). The no-trace proof needs it.');
  console.warn('[changmun tests] strace not installed: the no-trace test checks folder listings only.');
}

type Listing = Map<string, string>;

/** Every entry below `dir` (links not followed): kind, size and modification time. */
function listTree(dir: string): Listing {
  const out: Listing = new Map();
  const walk = (abs: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch {
      return;
    }
    for (const name of names) {
      const a = path.join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(a);
      out.set(r, `${st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : 'file'} ${st.isDirectory() ? '' : st.size} ${Math.trunc(st.mtimeMs)}`);
      if (st.isDirectory()) walk(a, r);
    }
  };
  walk(dir, '');
  return out;
}

function diff(before: Listing, after: Listing): string[] {
  const changes: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) changes.push(`${before.has(k) ? 'changed' : 'added'} ${k} (${v})`);
  for (const k of before.keys()) if (!after.has(k)) changes.push(`removed ${k}`);
  return changes.sort();
}

let tmp = '';
let content = '';
let drive = '';
let out = '';
let cwd = '';
const fresh: Record<string, string> = {};
let appEnv: NodeJS.ProcessEnv = {};
const traces: string[] = [];
const runs: { name: string; code: number | null; stderr: string }[] = [];
let freshBefore: Record<string, Listing> = {};
let contentBefore: Listing;
let libraryAfterBuild: Listing;
let driveAfterBuild: Listing;
let tmpBefore: Set<string>;
let session: { errors: string[]; steps: { step: string; item?: string; results?: number }[]; pwned: unknown[]; offMachine: string[] };

/** Run the app (a `changmun` command, or the session driver) under strace, with the app's environment. */
function run(name: string, command: string[], env: NodeJS.ProcessEnv = appEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const trace = path.join(out, `strace-${name}.txt`);
  const full = straceAvailable ? ['strace', '-f', '-yy', '-qq', '-s', '4096', '-e', `trace=${WRITE_CALLS.join(',')}`, '-o', trace, ...command] : command;
  if (straceAvailable) traces.push(trace);
  const child = spawn(full[0]!, full.slice(1), { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const started = performance.now();
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      runs.push({ name, code, stderr: stderr.slice(-2000) });
      console.log(`[no trace] changmun ${name}: exit ${code} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      resolve({ code, stdout, stderr });
    }),
  );
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-no-trace-'));
  content = path.join(tmp, 'content');
  drive = path.join(tmp, 'drive');
  out = path.join(tmp, 'test-output');
  cwd = path.join(out, 'cwd');
  copyContentSample(CONTENT_SAMPLE, content);
  for (const d of [out, cwd, path.join(out, 'keys')]) mkdirSync(d, { recursive: true });
  for (const name of ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR', 'TMPDIR']) {
    fresh[name] = path.join(tmp, `fresh-${name.toLowerCase()}`);
    mkdirSync(fresh[name]!, { mode: 0o700 });
  }
  // Only what a program needs: no variable of this machine's session leaks a folder in.
  appEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...fresh, TMP: fresh.TMPDIR, TEMP: fresh.TMPDIR };
  freshBefore = Object.fromEntries(Object.entries(fresh).map(([k, d]) => [k, listTree(d)]));
  contentBefore = listTree(content);
  tmpBefore = new Set(readdirSync(tmpdir()));

  const key = path.join(out, 'keys', 'group.key');
  const cli = (name: string, ...args: string[]) => run(name, [process.execPath, BIN, ...args]);
  expect((await cli('keygen', 'keygen', key)).code).toBe(0);
  const build = await cli('build', 'build', content, '--out', drive, '--key', key);
  expect(build.code, build.stderr).toBe(0);
  libraryAfterBuild = listTree(path.join(drive, 'library'));
  driveAfterBuild = listTree(drive);
  expect((await cli('verify', 'verify', drive, '--full', '--key', `${key}.pub`)).code).toBe(0);
  expect((await cli('report', 'report', drive)).code).toBe(0);
  expect((await cli('scan', 'scan', drive)).code).toBe(0);
  expect((await cli('index', 'index', drive)).code).toBe(0);
  expect((await cli('search', 'search', drive, '로동')).code).toBe(0);

  // The session: the driver is the test's instrument (its own home and temp); the preview it
  // starts is the app, with the fresh folders and under strace.
  const instrument = path.join(out, 'instrument');
  const instrumentEnv: NodeJS.ProcessEnv = { PATH: appEnv.PATH, LANG: 'C.UTF-8' };
  for (const name of Object.keys(fresh)) {
    instrumentEnv[name] = path.join(instrument, name.toLowerCase());
    mkdirSync(instrumentEnv[name]!, { recursive: true, mode: 0o700 });
  }
  const previewTrace = path.join(out, 'strace-preview.txt');
  if (straceAvailable) traces.push(previewTrace);
  const config = path.join(out, 'session.json');
  writeFileSync(config, JSON.stringify({
    library: drive,
    out: path.join(out, 'session'),
    chromium: CHROMIUM,
    appEnv,
    appPrefix: straceAvailable ? ['strace', '-f', '-yy', '-qq', '-s', '4096', '-e', `trace=${WRITE_CALLS.join(',')}`, '-o', previewTrace] : [],
    searches: ['로동', 'lighthouse'],
    open: ['articles/history/원산-로동자들의-력사.html', 'books/동백꽃.epub', 'films/the-lighthouse-keeper.mp4'],
  }));
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'tests', 'hostile', 'session-driver.mjs'), config], { env: instrumentEnv, cwd: instrument, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    session = JSON.parse(stdout.trim().split('\n').pop() ?? '') as typeof session;
  } catch {
    throw new Error(`the session printed no report (exit ${code}): ${stderr.slice(-3000)}`);
  }
  if (code !== 0) console.error(`[no trace] session exit ${code}: ${JSON.stringify(session.errors)}\n${stderr.slice(-3000)}`);
}, 240_000);

afterAll(() => {
  if (tmp && !process.env.CHANGMUN_KEEP_TEST_FILES) removeTree(tmp);
});

describe('no trace: the CLI and a session with HOME, XDG_* and TMPDIR in fresh folders', () => {
  it('ran every command and the whole session', () => {
    expect(runs.filter((r) => r.code !== 0)).toEqual([]);
    expect(session.errors).toEqual([]);
    expect(session.steps.filter((s) => s.step === 'search').every((s) => (s.results ?? 0) > 0)).toBe(true);
    expect(session.steps.filter((s) => s.step === 'open')).toHaveLength(3);
    expect(existsSync(path.join(drive, '.changmun', 'manifest.sig'))).toBe(true);
  });

  it('left HOME, every XDG folder and TMPDIR empty', () => {
    for (const [name, dir] of Object.entries(fresh)) {
      expect(freshBefore[name]!.size, name).toBe(0);
      expect([...listTree(dir).keys()], `${name} (${dir})`).toEqual([]);
    }
  });

  it('left the content folder exactly as it was, and the session changed nothing in the drive’s library', () => {
    expect(diff(contentBefore, listTree(content))).toEqual([]);
    expect(diff(libraryAfterBuild, listTree(path.join(drive, 'library')))).toEqual([]);
    const driveChanges = diff(driveAfterBuild, listTree(drive));
    console.log(`[no trace] the drive after the build: ${driveAfterBuild.size} entries; the commands and the session after it changed ${driveChanges.length}` +
      `${driveChanges.length ? `: ${driveChanges.slice(0, 8).join(', ')}` : ''}`);
    // Only derived data may change (the app keeps its own index there): never the content.
    expect(driveChanges.filter((c) => !/^(changed|added|removed) \.changmun\//.test(c))).toEqual([]);
  });

  it.skipIf(!straceAvailable)('changed files only in the drive folder and the test’s own output (strace of every app process)', () => {
    const allowed = [drive, out, '/dev/null', '/dev/tty'];
    const inside = (p: string) => allowed.some((a) => p === a || p.startsWith(`${a}/`)) || /^\/dev\/pts\/\d+$/.test(p);
    const changes: FileChange[] = [];
    for (const t of traces) changes.push(...readFileChanges(readFileSync(t, 'utf8'), cwd));
    const done = changes.filter((c) => c.ok);
    const elsewhere = done.filter((c) => c.paths.some((p) => !inside(p)));
    const tried = changes.filter((c) => !c.ok && c.paths.some((p) => !inside(p)));
    const count = (root: string) => done.filter((c) => c.paths.some((p) => p.startsWith(`${root}/`))).length;
    console.log(`[no trace] ${traces.length} strace logs, ${done.length} file system changes: ${count(drive)} in the drive, ` +
      `${count(out)} in the test's output (keys, report, working folder), ${elsewhere.length} elsewhere; ` +
      `${tried.length} refused attempts elsewhere${tried.length ? `: ${tried.slice(0, 5).map((c) => c.line).join(' | ')}` : ''}`);
    expect(done.length).toBeGreaterThan(50);
    expect(elsewhere.map((c) => c.line)).toEqual([]);
    expect(tried.map((c) => c.line)).toEqual([]);
  });

  it('put nothing of the app’s into the real temp folder or home folder', () => {
    const pids = new Set<string>();
    for (const t of traces) for (const m of readFileSync(t, 'utf8').matchAll(/^(\d+)\s/gm)) pids.add(m[1]!);
    const added = readdirSync(tmpdir()).filter((n) => !tmpBefore.has(n));
    // Other tests may run beside this one and make folders in /tmp; the app's would carry its name,
    // the shell's session-folder pattern (`<name>-<pid>-<nonce>`) or one of its process ids.
    const withPid = (n: string) => [...pids].some((pid) => new RegExp(`(^|[^0-9A-Za-z])${pid}([^0-9A-Za-z]|$)`).test(n));
    const theApps = added.filter((n) => /^(reader|창문|changmun)-\d+-/i.test(n) || withPid(n));
    console.log(`[no trace] ${added.length} new entries in ${tmpdir()} during the run (other tests run beside this one), ${theApps.length} of them the app's`);
    expect(theApps).toEqual([]);
    const home = homedir();
    for (const p of ['.changmun', '.config/changmun', '.config/창문', '.config/Reader', '.cache/changmun', '.local/share/changmun', '.local/state/changmun']) {
      expect(existsSync(path.join(home, p)), path.join(home, p)).toBe(false);
    }
  });
});
