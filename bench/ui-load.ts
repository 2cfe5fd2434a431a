// `npm run bench:ui [-- --items 10000 --mb 200 --queries-per-kind 4 --seed N --reuse-index]`
//
// Issue 7 §5, load, at full size: a library of 10,000 items and 200 MB of text (bench/generate.ts's
// Korean-heavy files up to 200 MB, then short articles up to 10,000 items; generated once under
// bench/out/ui-load/ and reused), opened in the preview with no saved index, in Chromium. Prints
// how soon the first items show, how long the index takes, how fast typing echoes while it is
// built, and the time from a keystroke to the results on screen for queries of every kind. Writes
// bench/out/ui-load/results.json. Prints numbers, asserts nothing. `tests/faults-load.test.ts` is
// the small version that runs in `npm test`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, GENERATOR_VERSION, generateQueries, type LibraryStamp } from './generate.js';
import { NEEDLE, writeLoadLibrary } from '../tests/hostile/load-library.js';
import { describeUiLoad, measureUi } from '../tests/hostile/ui-measure.js';
import { SEARCH_DEBOUNCE_MS } from '../renderer/src/screens/search-timing.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const outRoot = path.join(here, 'out', 'ui-load');

function parseArgs(argv: string[]) {
  const opts = { items: 10_000, mb: 200, perKind: 4, seed: DEFAULT_SEED, reuseIndex: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => Number(argv[++i]);
    if (a === '--items') opts.items = next();
    else if (a === '--mb') opts.mb = next();
    else if (a === '--queries-per-kind') opts.perKind = next();
    else if (a === '--seed') opts.seed = next();
    else if (a === '--reuse-index') opts.reuseIndex = true;
    else throw new Error(`bench:ui: unknown argument ${a}`);
  }
  if (!(opts.items > 0) || !(opts.mb > 0) || !(opts.perKind >= 0)) throw new Error('bench:ui: --items, --mb and --queries-per-kind take positive numbers');
  return opts;
}

const log = (s: string) => process.stderr.write(`[bench:ui ${new Date().toISOString().slice(11, 19)}] ${s}\n`);

function stats(xs: number[]): string {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return '—';
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `${at(0.5).toFixed(0).padStart(5)} ${at(0.95).toFixed(0).padStart(5)} ${s.at(-1)!.toFixed(0).padStart(5)}  (${s.length})`;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const dir = path.join(outRoot, `lib-${opts.items}-${opts.mb}mb`);
  mkdirSync(outRoot, { recursive: true });
  log(`library: ${opts.items} items, ${opts.mb} MB of text, in ${path.relative(process.cwd(), dir)}`);
  const started = performance.now();
  const library = writeLoadLibrary(dir, opts.items, opts.mb * 1e6, opts.seed, log);
  log(`${library.reused ? 'reused' : 'generated'}: ${library.items} files, ${(library.textBytes / 1e6).toFixed(1)} MB (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  if (!opts.reuseIndex) rmSync(path.join(dir, '.changmun'), { recursive: true, force: true });

  // Queries of every kind bench/generate.ts makes (particles, North/South spelling, 초성, English,
  // several words, Latin and Hangul), plus the needle and titles of items.
  const stamp: LibraryStamp = {
    version: GENERATOR_VERSION, seed: opts.seed, targetBytes: opts.mb * 1e6, textBytes: library.textBytes,
    files: library.sampleTitles.map((title) => ({ path: '', kind: 'ko', title, bytes: 0 })),
  };
  const generated = generateQueries(stamp, opts.perKind);
  const queries = [NEEDLE, ...library.sampleTitles.slice(0, 3), ...generated.map((q) => q.q)];
  const kindOf = new Map<string, string>([[NEEDLE, 'needle'], ...library.sampleTitles.slice(0, 3).map((t) => [t, 'title'] as [string, string]), ...generated.map((q) => [q.q, q.kind] as [string, string])]);

  const result = await measureUi(dir, queries, log);
  const byKind = new Map<string, number[]>();
  for (const s of result.searches) byKind.set(kindOf.get(s.query) ?? '?', [...(byKind.get(kindOf.get(s.query) ?? '?') ?? []), s.ms]);

  const lines = [
    '',
    `UI under load — ${library.items} items, ${(library.textBytes / 1e6).toFixed(1)} MB of text, no saved index${opts.reuseIndex ? ' (or the one from a previous run)' : ''}`,
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; Chromium headless`,
    describeUiLoad(result),
    '',
    'keystroke → results on screen, ms      p50   p95   max',
    ...[...byKind].map(([kind, ms]) => `  ${kind.padEnd(36)}${stats(ms)}`),
    `  ${'all'.padEnd(36)}${stats(result.searches.map((s) => s.ms))}`,
    `  ${'while indexing'.padEnd(36)}${stats(result.searchesWhileIndexing.map((s) => s.ms))}`,
    `keystroke → character in the box while indexing: ${stats(result.echoWhileIndexingMs)}`,
    `(the results include the search box’s ${SEARCH_DEBOUNCE_MS} ms debounce; numbers are printed, never asserted)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  writeFileSync(path.join(outRoot, 'results.json'), JSON.stringify({ opts, library: { items: library.items, textBytes: library.textBytes }, result }, null, 1));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
