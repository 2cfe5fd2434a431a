// A progress bar for long volunteer work (copying, indexing, hashing): counts, bytes and time left,
// drawn on stderr through Output.progress (so only on a terminal, and never into --json output).
import type { Output } from './output.js';

export interface BarState {
  done: number;
  total: number;
  bytes?: number;
  totalBytes?: number;
  current?: string;
}

const WIDTH = 20;
const REDRAW_MS = 100;

export class ProgressBar {
  private started = Date.now();
  private lastDraw = 0;
  private label = '';

  constructor(private readonly out: Output, private readonly columns: () => number = () => process.stderr.columns ?? 80) {}

  /** A new phase: the clock for "time left" starts again. */
  phase(label: string): void {
    if (label === this.label) return;
    this.label = label;
    this.started = Date.now();
    this.lastDraw = 0;
  }

  update(s: BarState): void {
    const now = Date.now();
    if (now - this.lastDraw < REDRAW_MS && s.done < s.total) return;
    this.lastDraw = now;
    this.out.progress(formatBar(this.label, s, now - this.started, this.columns()));
  }

  end(): void {
    this.out.endProgress();
  }
}

export function formatBar(label: string, s: BarState, elapsedMs: number, columns = 80): string {
  const byBytes = (s.totalBytes ?? 0) > 0;
  const fraction = byBytes ? (s.bytes ?? 0) / s.totalBytes! : s.total > 0 ? s.done / s.total : 0;
  const f = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(f * WIDTH);
  const parts = [`${label} [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%`, `${s.done}/${s.total}`];
  if (byBytes) parts.push(`${formatSize(s.bytes ?? 0)}/${formatSize(s.totalBytes!)}`);
  if (f > 0 && f < 1 && elapsedMs > 1000) parts.push(`${formatDuration((elapsedMs * (1 - f)) / f)} 남음 left`);
  let line = parts.join(' · ');
  if (s.current) {
    const room = columns - 1 - line.length - 3;
    if (room > 8) line += ` · ${s.current.length > room ? `…${s.current.slice(s.current.length - room + 1)}` : s.current}`;
  }
  return line;
}

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}
