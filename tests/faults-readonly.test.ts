// Issue 7 §5, a read-only drive: the library on a real read-only mount (a bind mount remounted
// `ro` in a mount namespace of its own, as root; through a user namespace otherwise; file modes as
// a last resort for a user without either). The preview (the app's back end, over its HTTP API)
// opens it, indexes in memory and searches; saving a reading position or a setting says it cannot
// (`read-only`) and the reader goes on from memory; the command line reads and searches it too.
// Nothing is written to the drive.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';
import { copyContentSample, removeTree } from './hostile/corpus.js';

const CI = Boolean(process.env.CI);
const BIN = path.join(REPO_ROOT, 'bin', 'changmun.js');
const MOUNT_RO = 'mount --bind "$DRIVE" "$DRIVE" && mount -o remount,bind,ro "$DRIVE" && exec "$@"';

/** How to see the drive read-only: a command prefix that mounts it so, or file modes. */
function readOnlyWay(probeDir: string): { kind: 'mount'; prefix: string[] } | { kind: 'modes' } {
  const root = process.getuid?.() === 0;
  for (const prefix of root ? [['unshare', '--mount']] : [['unshare', '--user', '--map-root-user', '--mount']]) {
    const r = spawnSync(prefix[0]!, [...prefix.slice(1), 'sh', '-c', `${MOUNT_RO.replace('exec "$@"', 'touch "$DRIVE/probe"')}`], {
      env: { ...process.env, DRIVE: probeDir }, encoding: 'utf8',
    });
    // The mount worked when the write inside it failed for being read-only.
    if (r.status !== 0 && /read-only/i.test(r.stderr)) return { kind: 'mount', prefix };
  }
  if (CI) throw new Error('changmun tests: cannot mount the test drive read-only (unshare --mount and mount, as root); CI runs as root with util-linux.');
  if (root) throw new Error('changmun tests: as root, file modes do not make a folder read-only, and mounting failed');
  return { kind: 'modes' };
}

function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs)) {
      const st = lstatSync(path.join(abs, name));
      out.push(`${rel}${name} ${st.isDirectory() ? 'dir' : st.size} ${Math.trunc(st.mtimeMs)}`);
      if (st.isDirectory()) walk(path.join(abs, name), `${rel}${name}/`);
    }
  };
  walk(dir, '');
  return out.sort();
}

let tmp = '';
let drive = '';
let way: ReturnType<typeof readOnlyWay>;
let before: string[] = [];

function command(args: string[]): string[] {
  return way.kind === 'mount' ? [...way.prefix, 'sh', '-c', MOUNT_RO, 'sh', ...args] : args;
}

function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const full = command([process.execPath, BIN, ...args]);
  const r = spawnSync(full[0]!, full.slice(1), { env: { ...process.env, DRIVE: drive }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-readonly-'));
  drive = path.join(tmp, 'drive');
  copyContentSample(CONTENT_SAMPLE, drive);
  way = readOnlyWay(drive);
  if (way.kind === 'modes') for (const entry of ['', ...listTree(drive).map((l) => l.split(' ')[0]!)].reverse()) chmodSync(path.join(drive, entry), 0o555);
  console.log(`[read-only] the drive is read-only by ${way.kind === 'mount' ? `a bind mount remounted ro (${way.prefix.join(' ')})` : 'file modes'}`);
  before = listTree(drive);
});

afterAll(() => {
  if (!tmp) return;
  if (way?.kind === 'modes') spawnSync('chmod', ['-R', 'u+w', tmp]);
  removeTree(tmp);
});

describe('a read-only drive, through the command line', () => {
  it('scans and searches it, and `index` says the index stays in memory (exit 1)', () => {
    const scan = runCli('scan', drive, '--json');
    expect(scan.code, scan.stderr).toBe(0);
    expect((JSON.parse(scan.stdout) as { items: unknown[] }).items).toHaveLength(15);
    const search = runCli('search', drive, '로동', '--json');
    expect(search.code, search.stderr).toBe(0);
    expect((JSON.parse(search.stdout) as { results: { path: string }[] }).results.map((r) => r.path)).toContain('articles/history/원산-로동자들의-력사.html');
    const index = runCli('index', drive);
    expect(index.code).toBe(1);
    expect(index.stdout).toMatch(/read-only: the index was kept in memory only/);
  });
});

describe('a read-only drive, in the app (the preview server’s HTTP API)', () => {
  let child: ChildProcess;
  let url = '';
  let stderr = '';
  const api = async <T>(method: string, ...args: unknown[]): Promise<T> => {
    const r = await fetch(`${url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
    const body = (await r.json()) as T;
    if (!r.ok) throw new Error(`${method}: HTTP ${r.status} ${JSON.stringify(body)}`);
    return body;
  };

  beforeAll(async () => {
    const full = command([process.execPath, BIN, 'preview', drive, '--no-open', '--port', '0']);
    child = spawn(full[0]!, full.slice(1), { env: { ...process.env, DRIVE: drive }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', (l) => resolve(l.trim()));
      child.once('exit', (code) => reject(new Error(`preview exited ${code}: ${stderr}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  });

  it('opens it, indexes it in memory, and says it cannot keep anything', async () => {
    for (let i = 0; i < 240 && !(await api<{ complete: boolean }>('getIndexStatus')).complete; i++) await new Promise((r) => setTimeout(r, 250));
    const library = await api<{ items: { path: string }[]; problems: { code: string }[]; writable: boolean; index: { complete: boolean } }>('getLibrary');
    expect(library.index.complete).toBe(true);
    expect(library.items).toHaveLength(15);
    expect(library.problems).toEqual([]);
    expect(library.writable).toBe(false);
  });

  it('searches, and opens an article, a book’s cover and a film’s subtitles', async () => {
    const r = await api<{ complete: boolean; results: { path: string }[] }>('search', '타이타닉을');
    expect(r.complete).toBe(true);
    expect(r.results[0]?.path).toBe('articles/history/타이타닉호의-마지막-밤.html');
    expect((await api<{ html: string }>('getArticle', 'articles/history/타이타닉호의-마지막-밤.html')).html).toMatch(/타이타닉/);
    expect((await api<unknown[]>('getSubtitles', 'films/바다의 편지.mp4')).length).toBeGreaterThan(0);
    const cover = await fetch(`${url}covers/${encodeURIComponent('books')}/${encodeURIComponent('동백꽃.epub')}`);
    expect(cover.status).toBe(200);
    const film = await fetch(`${url}files/films/${encodeURIComponent('바다의 편지.mp4')}`, { headers: { range: 'bytes=100-199' } });
    expect(film.status).toBe(206);
    expect((await film.arrayBuffer()).byteLength).toBe(100);
  });

  it('saving a reading position or a setting says read-only, and memory still holds them', async () => {
    const settings = { language: 'ko', fontSize: 22, theme: 'dark', remember: true, rememberPlaces: true, volume: 0.5 };
    expect(await api('saveSettings', settings)).toEqual({ saved: false, reason: 'read-only' });
    const position = { at: 'epubcfi(/6/4!/4/2/1:0)', updatedAt: new Date().toISOString() };
    expect(await api('savePosition', 'books/동백꽃.epub', position)).toEqual({ saved: false, reason: 'read-only' });
    expect(await api('getSettings')).toEqual(settings);
    expect(await api<Record<string, unknown>>('getPositions')).toEqual({ 'books/동백꽃.epub': position });
    expect(await api('forgetEverything')).toEqual({ saved: true });
    expect(await api('getPositions')).toEqual({});
  });

  it('wrote nothing to the drive, and stops cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/Error|TypeError|EROFS/);
    expect(listTree(drive)).toEqual(before);
  });
});
