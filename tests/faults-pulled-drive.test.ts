// Issue 7 §5, a pulled drive: a process saving state (settings and reading positions, "remember"
// on) or index generations as fast as it can is killed with SIGKILL at random moments (seeded
// delays), over and over. After every kill the state and the index load: the state file is whole
// JSON holding at least every save that finished (the previous or the new state, never half of
// one), and the saved index loads from the drive (never throws, never a half-written file), at the
// last finished generation or a newer one, and answers searches.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateDir, stateFile } from '../main/core/state/index.js';
import { readStateOnDrive } from '../main/core/state/state-file.js';
import { LibraryIndex } from '../main/core/search/library-index.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { listContentFiles, readLibrarySettings } from '../main/core/catalog/scan.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';
import { copyContentSample, removeTree } from './hostile/corpus.js';

const CHILD = path.join(REPO_ROOT, 'tests', 'hostile', 'pull-child.mjs');
const STATE_KILLS = 20;
const INDEX_KILLS = 20;

/** mulberry32, for the kill times. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Killed {
  /** The last line the child printed: the last save that finished before the kill. */
  last: string;
  lines: number;
  delayMs: number;
}

/**
 * Start the child and SIGKILL it `delayMs` after a moment: its `ready` line (state), or the start of
 * the `afterSaving`-th index write (index), so that the kills land while files are being written.
 */
async function runAndKill(mode: 'state' | 'index', target: string, delayMs: number, afterSaving = 0): Promise<Killed> {
  const child = spawn(process.execPath, [CHILD, mode, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let last = '';
  let lines = 0;
  let savings = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const moment = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('ready')) {
        if (afterSaving === 0) resolve();
      } else if (line === 'saving') {
        if (++savings === afterSaving) resolve();
      } else {
        last = line;
        lines++;
      }
    });
    child.once('exit', (code, signal) => reject(new Error(`the ${mode} child exited (${code ?? signal}) before the moment to kill it: ${stderr}`)));
  });
  await moment;
  await new Promise((r) => setTimeout(r, delayMs));
  if (child.exitCode !== null) throw new Error(`the ${mode} child stopped by itself: ${stderr}`);
  child.kill('SIGKILL');
  await exited;
  return { last, lines, delayMs };
}

const leftovers = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.tmp')).length : 0);

/** Files in the index folder that its manifest does not name: a generation the kill cut short. */
function uncommitted(indexDir: string): number {
  if (!existsSync(path.join(indexDir, 'manifest.json'))) return existsSync(indexDir) ? readdirSync(indexDir).length : 0;
  return readdirSync(indexDir).filter((n) => !namedByManifest(indexDir).has(n)).length;
}

/** The files the index manifest names: catalog, segment descriptions and what each of them names. */
function namedByManifest(indexDir: string): Set<string> {
  const m = JSON.parse(readFileSync(path.join(indexDir, 'manifest.json'), 'utf8')) as { generation: number; segments: { id: string }[] };
  const named = new Set(['manifest.json', `catalog-${m.generation}.json.gz`]);
  for (const s of m.segments) {
    named.add(`seg-${s.id}.json`).add(`seg-${s.id}.dict`).add(`seg-${s.id}.post`);
    const meta = JSON.parse(readFileSync(path.join(indexDir, `seg-${s.id}.json`), 'utf8')) as { parts: { run: string }[] };
    for (const p of meta.parts) named.add(`${p.run}.text`).add(`${p.run}.chunks`);
  }
  return named;
}

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'changmun-pulled-'));
});
afterAll(() => {
  if (tmp) removeTree(tmp);
});

describe('a drive pulled while state is saved (settings and reading positions)', () => {
  it(`loads the previous or the new state after each of ${STATE_KILLS} kills, never a half-written file`, async () => {
    const dataDir = path.join(tmp, 'state-drive', '.changmun');
    // The drive is there; the app makes .changmun on it, never the drive's own folder (a pulled
    // stick's mount point must not come back as a folder on the PC).
    mkdirSync(path.dirname(dataDir));
    const random = prng(0x5eed);
    let acknowledged = 0;
    let midWrite = 0;
    let newerThanReported = 0;
    let saves = 0;
    for (let k = 0; k < STATE_KILLS; k++) {
      const killed = await runAndKill('state', dataDir, Math.floor(random() * 400));
      saves += killed.lines;
      if (killed.last) acknowledged = Number(killed.last.split(' ')[1]);
      // A temporary file left beside state.json: the kill came while a new state was being written.
      if (leftovers(stateDir(dataDir)) > 0) midWrite++;
      const text = readFileSync(stateFile(dataDir), 'utf8');
      const doc = JSON.parse(text) as { format: number; positions: Record<string, unknown> };
      expect(doc.format).toBe(1);
      // What the next session would be offered, and load if the person continues (read only here).
      const onDrive = await readStateOnDrive(dataDir);
      if (onDrive.status !== 'found') throw new Error(`kill ${k}: the state file is not usable: ${JSON.stringify(onDrive)}`);
      expect(onDrive.state.settings.remember).toBe(true);
      const positions = onDrive.state.positions.size;
      expect(positions, `kill ${k}: ${positions} positions loaded, ${acknowledged} were saved`).toBeGreaterThanOrEqual(acknowledged);
      // The new state was in place before its save could be reported: the kill fell between the two.
      if (positions > acknowledged) newerThanReported++;
      expect(Object.keys(doc.positions)).toHaveLength(positions);
    }
    console.log(`[pulled drive] state: ${STATE_KILLS} kills after ${saves} finished saves; ${midWrite} kills left a half-written temporary file ` +
      `beside state.json, ${newerThanReported} came after a new state was in place but before it was reported; ` +
      `every time the whole previous or new state loaded (${acknowledged} positions at the end)`);
    // Not vacuous: some kills fell inside a save.
    expect(midWrite + newerThanReported).toBeGreaterThan(0);
  }, 120_000);
});

describe('a drive pulled while the index is saved (generations)', () => {
  it(`loads the saved index from the drive after each of ${INDEX_KILLS} kills, at the last finished generation or later`, async () => {
    const drive = path.join(tmp, 'index-drive');
    copyContentSample(CONTENT_SAMPLE, drive);
    const location = resolveLibraryFolder(drive);
    const manifestFile = path.join(location.dataDir, 'index', 'manifest.json');
    const random = prng(0x1dec5);
    let acknowledged = 0;
    let midWrite = 0;
    let generations = 0;
    let loadedFromDrive = 0;
    for (let k = 0; k < INDEX_KILLS; k++) {
      // During the first, second or third generation's write, 0–60 ms after it began.
      const killed = await runAndKill('index', drive, Math.floor(random() * 60), 1 + Math.floor(random() * 3));
      generations += killed.lines;
      if (killed.last) acknowledged = Number(killed.last.split(' ')[1]);
      if (uncommitted(path.join(location.dataDir, 'index')) > 0) midWrite++;
      if (!existsSync(manifestFile)) {
        // Killed before the first generation was written: there is nothing to load yet.
        expect(acknowledged, `kill ${k}`).toBe(0);
        continue;
      }
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { generation: number };
      expect(manifest.generation, `kill ${k}`).toBeGreaterThanOrEqual(acknowledged);
      // Everything the manifest names is there.
      for (const name of namedByManifest(path.join(location.dataDir, 'index'))) expect(existsSync(path.join(location.dataDir, 'index', name)), `kill ${k}: ${name}`).toBe(true);

      const index = new LibraryIndex(location, { save: false, workers: 1 });
      try {
        const summary = await index.start();
        expect(summary.loadedFromDrive, `kill ${k}: the saved index of generation ${manifest.generation} did not load: ${JSON.stringify(summary)}`).toBe(true);
        loadedFromDrive++;
        const { settings } = await readLibrarySettings(location.libraryRoot);
        const { files } = await listContentFiles(location.libraryRoot, settings);
        expect(summary.items, `kill ${k}: ${JSON.stringify(summary)} ${index.catalog.items.map((i) => i.path).join(",")}`).toBe(files.filter((f) => !/\.(srt|vtt|smi)$/.test(f.path)).length);
        expect(index.engine.search('타이타닉을').results[0]?.path).toBe('articles/history/타이타닉호의-마지막-밤.html');
        expect(index.engine.search('PULLWORD').results.map((r) => r.path)).toEqual(['articles/daily-life/running-a-small-library.txt']);
      } finally {
        index.close();
      }
    }
    console.log(`[pulled drive] index: ${INDEX_KILLS} kills after ${generations} finished generations (last ${acknowledged}); ` +
      `${midWrite} kills left files of an unfinished generation (or half-written temporary files) in .changmun/index; the saved index loaded from the drive ${loadedFromDrive} times, ` +
      'never throwing, never at an older generation than the last one finished');
    // Not vacuous: generations were finished, and some kills fell inside a save.
    expect(acknowledged).toBeGreaterThan(0);
    expect(midWrite).toBeGreaterThan(0);
  }, 180_000);
});
