// Small things every benchmark process uses: clocks comparable across processes, what the kernel
// says this process has read, peak memory, and the line a child reports its result on.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Milliseconds since the epoch with sub-millisecond precision: comparable between processes. */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

export interface IoCounters {
  /** Bytes returned by read()/pread() and the like, from the page cache or the device. */
  rchar: number;
  /** Bytes this process caused to be fetched from the block device (0 for cached pages). */
  readBytes: number;
}

/** /proc/self/io (Linux); NaN elsewhere. */
export function procIo(): IoCounters {
  try {
    const text = readFileSync('/proc/self/io', 'utf8');
    const get = (k: string) => Number(new RegExp(`^${k}: (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
    return { rchar: get('rchar'), readBytes: get('read_bytes') };
  } catch {
    return { rchar: NaN, readBytes: NaN };
  }
}

/** Peak resident memory of the whole process (all threads), in bytes. */
export function peakRssBytes(): { maxRss: number; vmHwm: number } {
  const maxRss = process.resourceUsage().maxRSS * 1024;
  let vmHwm = NaN;
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) vmHwm = Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return { maxRss, vmHwm };
}

export const RESULT_MARK = 'BENCH_RESULT ';

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A throttled progress line for long loops. */
export function throttle(ms: number): (message: () => string) => void {
  let last = 0;
  return (message) => {
    const t = Date.now();
    if (t - last >= ms) {
      last = t;
      log(message());
    }
  };
}

export function percentile(sortedAsc: number[], p: number): number {
  if (sortedAsc.length === 0) return NaN;
  const i = Math.min(sortedAsc.length - 1, Math.max(0, Math.ceil((p / 100) * sortedAsc.length) - 1));
  return sortedAsc[i]!;
}

export interface Latency {
  p50: number;
  p95: number;
  max: number;
  mean: number;
  n: number;
}

export function latencyOf(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) ?? NaN, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length), n: s.length };
}

/** What a build child reports. */
export interface BuildReport {
  engine: EngineName;
  seconds: number;
  /** CPU time of the child, all threads (extraction workers included). */
  cpuSeconds: number;
  /** 1-minute load average when the build ended (other work on the machine skews wall times). */
  loadAverage: number;
  maxRss: number;
  vmHwm: number;
  items: number;
  chunks: number;
  /** Seconds the main thread waited for extraction, where the harness can tell. */
  extractWaitSeconds?: number;
  phases?: Record<string, number>;
  note?: string;
}

/** What a cold-start child reports. Times are wallMs() stamps. */
export interface ColdReport {
  engine: EngineName;
  /** When the child's own code began (after Node and tsx started). */
  moduleStart: number;
  /** After the engine's modules were imported. */
  imported: number;
  ioAtModuleStart: IoCounters;
  /** Just before the index is opened. */
  ioBeforeOpen: IoCounters;
  firstAnswer: { at: number; io: IoCounters; results: number; complete: boolean };
  /** The first answer with at least one result (ours: may come after the first). */
  firstHit?: { at: number; io: IoCounters; results: number };
  completeAnswer: { at: number; io: IoCounters; results: number };
  /** Per query, in order: wall ms, CPU ms and result count. */
  latencies: number[];
  cpuLatencies: number[];
  counts: number[];
  /** The same queries again, in a second pass. */
  latenciesWarm: number[];
  cpuLatenciesWarm: number[];
  /** Ours only: a third pass without snippets. */
  latenciesNoSnippets?: number[];
  cpuLatenciesNoSnippets?: number[];
  cpuSecondsToComplete: number;
  cpuSeconds: number;
  loadAverage: number;
  maxRss: number;
  vmHwm: number;
  /** Peak RSS up to the complete answer (loading), before any query. */
  peakAtComplete: number;
  /** Memory right after loading and a full garbage collection. */
  settled: { rss: number; heapUsed: number; external: number };
  phases?: Record<string, number>;
}

export type EngineName = 'ours' | 'fts5' | 'minisearch';
export const ENGINES: EngineName[] = ['ours', 'fts5', 'minisearch'];
export const ENGINE_LABEL: Record<EngineName, string> = { ours: 'Changmun', fts5: 'SQLite FTS5', minisearch: 'MiniSearch' };

/** Where the peers keep their index, beside the library. */
export function peerPaths(outDir: string): { fts5: string; minisearch: string } {
  return { fts5: path.join(outDir, 'fts5.db'), minisearch: path.join(outDir, 'minisearch.json') };
}
