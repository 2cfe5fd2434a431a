// One measurement in a fresh process, so that one engine's heap never counts against another's:
//   child.ts build <engine> <library dir> <out dir>
//   child.ts cold  <engine> <library dir> <out dir> <queries.json> <cold query>
//   child.ts noop
// Prints one line `BENCH_RESULT {json}` on stdout; progress goes to stderr.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { log, peakRssBytes, peerPaths, procIo, RESULT_MARK, throttle, wallMs, type BuildReport, type ColdReport, type EngineName, type IoCounters } from './common.js';

const moduleStart = wallMs();
const ioAtModuleStart = procIo();

/** CPU time of the whole process so far (all threads), in seconds. */
function cpuSeconds(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
}

/**
 * Our engine as the app runs it: the compiled JavaScript of build/main (run.ts compiles it first),
 * not TypeScript transpiled on the fly, which would add its own start-up time.
 */
async function ourEngine() {
  const built = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'main', 'core');
  const locate = (await import(pathToFileURL(path.join(built, 'drive', 'locate.js')).href)) as typeof import('../main/core/drive/locate.js');
  const index = (await import(pathToFileURL(path.join(built, 'search', 'library-index.js')).href)) as typeof import('../main/core/search/library-index.js');
  return { resolveLibraryFolder: locate.resolveLibraryFolder, LibraryIndex: index.LibraryIndex };
}

function report(result: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

async function build(engine: EngineName, libDir: string, outDir: string): Promise<BuildReport> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  if (engine === 'ours') {
    const { resolveLibraryFolder, LibraryIndex } = await ourEngine();
    const location = resolveLibraryFolder(libDir);
    const progress = throttle(5000);
    let lastPhase = '';
    // A file's progress event comes when its extraction is back; the event without `current` after
    // a batch comes once the batch is indexed. The time between them is the main thread indexing.
    let lastFileAt = 0;
    let indexing = 0;
    const { buildWorkerCount } = (await import(pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'main', 'core', 'catalog', 'pool.js')).href)) as typeof import('../main/core/catalog/pool.js');
    const index = new LibraryIndex(location, {
      save: true,
      rebuild: true,
      // As `changmun build` and `changmun index` do: every core (a volunteer's computer).
      workers: buildWorkerCount(),
      onProgress: (p) => {
        const t = performance.now();
        if (p.phase !== lastPhase) {
          phases[p.phase] = (t - started) / 1000;
          lastPhase = p.phase;
        }
        if (p.phase === 'indexing') {
          if (p.current !== undefined) lastFileAt = t;
          else indexing += t - lastFileAt;
        }
        progress(() => `    ${p.phase} ${p.done}/${p.total}`);
      },
    });
    const summary = await index.start();
    const seconds = (performance.now() - started) / 1000;
    index.close();
    phases.indexingOnMainThread = indexing / 1000;
    const chunks = index.catalog.items.reduce((n, i) => n + i.chunkCount, 0);
    return {
      engine, seconds, cpuSeconds: cpuSeconds(), loadAverage: os.loadavg()[0]!, ...peakRssBytes(), items: summary.items, chunks, phases,
      extractWaitSeconds: (phases.saving ?? seconds) - (phases.indexing ?? 0) - indexing / 1000,
      note: `${summary.shards} shards, ${summary.problems} problems`,
    };
  }
  const peers = await import('./peers.js');
  const out = peerPaths(outDir);
  const counts = engine === 'fts5' ? await peers.buildFts5(libDir, out.fts5) : await peers.buildMiniSearch(libDir, out.minisearch);
  const seconds = (performance.now() - started) / 1000;
  return {
    engine, seconds, cpuSeconds: cpuSeconds(), loadAverage: os.loadavg()[0]!, ...peakRssBytes(),
    items: counts.items, chunks: counts.chunks, extractWaitSeconds: counts.extractWaitSeconds,
  };
}

async function cold(engine: EngineName, libDir: string, outDir: string, queriesFile: string, coldQuery: string): Promise<ColdReport> {
  const queries = (JSON.parse(readFileSync(queriesFile, 'utf8')) as { q: string }[]).map((x) => x.q);
  const phases: Record<string, number> = {};
  let search: (q: string) => number;
  let searchNoSnippets: ((q: string) => number) | undefined;
  let imported: number;
  let ioBeforeOpen: IoCounters;
  let firstAnswer: ColdReport['firstAnswer'] | undefined;
  let firstHit: ColdReport['firstHit'];
  let completeAnswer: ColdReport['completeAnswer'];
  let peakAtComplete: number;
  let cpuSecondsToComplete: number;

  if (engine === 'ours') {
    const { resolveLibraryFolder, LibraryIndex } = await ourEngine();
    imported = wallMs();
    ioBeforeOpen = procIo();
    const index = new LibraryIndex(resolveLibraryFolder(libDir), {
      save: false,
      onProgress: (p) => {
        if (!(p.phase in phases)) phases[p.phase] = wallMs();
        if (p.phase === 'loading' && (firstAnswer === undefined || firstHit === undefined)) {
          const res = index.engine.search(coldQuery);
          const at = wallMs();
          const io = procIo();
          firstAnswer ??= { at, io, results: res.results.length, complete: res.complete };
          if (res.results.length > 0) firstHit ??= { at, io, results: res.results.length };
        }
      },
    });
    await index.start();
    const res = index.engine.search(coldQuery);
    completeAnswer = { at: wallMs(), io: procIo(), results: res.results.length };
    peakAtComplete = peakRssBytes().maxRss;
    cpuSecondsToComplete = cpuSeconds();
    search = (q) => index.engine.search(q).results.length;
    searchNoSnippets = (q) => index.engine.search(q, { snippetsPerItem: 0 }).results.length;
  } else {
    const peers = await import('./peers-search.js');
    imported = wallMs();
    ioBeforeOpen = procIo();
    const out = peerPaths(outDir);
    const e = engine === 'fts5' ? new peers.Fts5Engine(out.fts5) : await peers.MiniSearchEngine.open(out.minisearch);
    const res = e.search(coldQuery);
    completeAnswer = { at: wallMs(), io: procIo(), results: res.docs.length };
    peakAtComplete = peakRssBytes().maxRss;
    cpuSecondsToComplete = cpuSeconds();
    search = (q) => e.search(q).docs.length;
  }
  firstAnswer ??= { ...completeAnswer, complete: true };
  if (completeAnswer.results > 0) firstHit ??= completeAnswer;

  // What stays in memory once loaded (after a full collection, when --expose-gc is on).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m = process.memoryUsage();
  const settled = { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers };

  log(`    ${engine}: answering ${queries.length} queries`);
  // Wall time and CPU time of each query: on a shared machine the CPU time is what the engine
  // itself spent (other processes stretch the wall time, not this).
  const pass = (run: (q: string) => number) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    const counts: number[] = [];
    for (const q of queries) {
      const c = process.cpuUsage();
      const t = performance.now();
      counts.push(run(q));
      wall.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    return { wall, cpu, counts };
  };
  const first = pass(search);
  // Second passes, warm: the same queries again, and ours also without snippets.
  const warm = pass(search);
  const bare = searchNoSnippets ? pass(searchNoSnippets) : undefined;
  const cpuTotal = process.cpuUsage();
  return {
    engine, moduleStart, imported, ioAtModuleStart, ioBeforeOpen, firstAnswer, firstHit, completeAnswer,
    latencies: first.wall, cpuLatencies: first.cpu, counts: first.counts, latenciesWarm: warm.wall, cpuLatenciesWarm: warm.cpu,
    latenciesNoSnippets: bare?.wall, cpuLatenciesNoSnippets: bare?.cpu, ...peakRssBytes(), peakAtComplete, settled, phases,
    cpuSecondsToComplete, cpuSeconds: (cpuTotal.user + cpuTotal.system) / 1e6, loadAverage: os.loadavg()[0]!,
  };
}

const [task, engine, libDir, outDir, queriesFile, coldQuery] = process.argv.slice(2);
if (task === 'noop') report({ moduleStart, io: ioAtModuleStart, ...peakRssBytes() });
else if (task === 'build') report(await build(engine as EngineName, libDir!, outDir!));
else if (task === 'cold') report(await cold(engine as EngineName, libDir!, outDir!, queriesFile!, coldQuery!));
else throw new Error(`unknown task ${task}`);
// Extraction workers or stray handles must not keep the process (and its memory figures) alive.
process.exit(0);
