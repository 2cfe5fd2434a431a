// Everything that needs ffmpeg: the two films and the one JPEG picture. The outputs are committed,
// so a machine without ffmpeg keeps the existing files and says so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Output } from './util.js';

const FFMPEG = process.env['FFMPEG'] ?? 'ffmpeg';

/** Flags that keep ffmpeg's output the same from run to run: no encoder tag, no dates, one thread. */
const BITEXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];

const FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc',
  'C:/Windows/Fonts/malgunbd.ttf',
  'C:/Windows/Fonts/malgun.ttf',
];

export interface MediaOptions {
  /** Keep videos that already exist instead of re-encoding them (--keep-videos). */
  keepVideos: boolean;
}

export class Media {
  readonly available: boolean;
  readonly version: string;
  private readonly font: string | undefined;
  /** Set when something could not be made. */
  missing: string[] = [];

  constructor(private readonly out: Output, private readonly options: MediaOptions) {
    const probe = spawnSync(FFMPEG, ['-hide_banner', '-version'], { encoding: 'utf8' });
    this.available = probe.status === 0;
    this.version = this.available ? (probe.stdout.split('\n')[0] ?? '').trim() : '';
    this.font = FONT_CANDIDATES.find((f) => existsSync(f));
  }

  /** A JPEG converted from PNG bytes. */
  jpeg(rel: string, png: Buffer, what: string, source: string): void {
    const target = this.out.abs(rel);
    if (!this.available) {
      this.keepOrMiss(rel, target, what, source);
      return;
    }
    const jpg = this.run(['-f', 'png_pipe', '-i', '-', '-frames:v', '1', '-q:v', '4', '-pix_fmt', 'yuvj420p', ...BITEXACT, '-f', 'mjpeg', '-'], png);
    this.out.write(rel, jpg, what, source);
  }

  /**
   * A short H.264/AAC MP4: a flat background with drawn shapes, a title (when a CJK font is found),
   * the running time, and a quiet tone.
   */
  video(rel: string, spec: VideoSpec, what: string, source: string): void {
    const target = this.out.abs(rel);
    if (!this.available || (this.options.keepVideos && existsSync(target))) {
      this.keepOrMiss(rel, target, what, source);
      return;
    }
    const d = spec.seconds;
    const font = this.font?.replace(/\\/g, '/').replace(/:/g, '\\:');
    const text = (t: string, size: number, colour: string, y: string): string =>
      font ? `,drawtext=fontfile=${font}:text='${t}':fontsize=${size}:fontcolor=${colour}:x=(w-text_w)/2:y=${y}` : '';
    const clock = font ? `,drawtext=fontfile=${font}:text='%{pts\\:hms}':fontsize=10:fontcolor=0x9fb8c6:x=w-text_w-6:y=h-text_h-6` : '';
    const graph =
      `[0:v]${spec.draw}${text(spec.title, 26, 'white', '28')}${text(spec.subtitle, 14, '0xcfe3ee', '66')}${clock}[bg];` +
      `[bg][1:v]overlay=x='${spec.spriteX}':y=${spec.spriteY}[v]`;
    const dir = mkdtempSync(path.join(tmpdir(), 'changmun-sample-'));
    try {
      const tmp = path.join(dir, 'video.mp4');
      this.run([
        '-f', 'lavfi', '-i', `color=c=${spec.background}:s=320x180:r=15:d=${d}`,
        '-f', 'lavfi', '-i', `color=c=${spec.spriteColour}:s=${spec.spriteSize}:r=15:d=${d}`,
        '-f', 'lavfi', '-i', `aevalsrc=exprs='${spec.tone}':s=44100:d=${d}`,
        '-filter_complex', graph, '-map', '[v]', '-map', '2:a',
        '-c:v', 'libx264', '-profile:v', 'main', '-level', '3.0', '-pix_fmt', 'yuv420p', '-crf', '30', '-g', '30', '-threads', '1',
        '-c:a', 'aac', '-b:a', '32k', '-ac', '1',
        '-movflags', '+faststart', ...BITEXACT, '-t', String(d), tmp,
      ]);
      const bytes = readFileSync(tmp);
      this.out.write(rel, bytes, what, source);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private keepOrMiss(rel: string, target: string, what: string, source: string): void {
    if (existsSync(target)) {
      console.log(`  ${this.available ? 'kept (--keep-videos)' : 'ffmpeg not found: kept the existing'} ${rel}`);
      this.out.record(rel, what, source);
    } else {
      console.warn(`  ffmpeg not found and ${rel} does not exist: it is missing from the sample (install ffmpeg and run again)`);
      this.missing.push(rel);
    }
  }

  private run(args: string[], input?: Buffer): Buffer {
    const r = spawnSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { input, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`ffmpeg failed (${r.status}): ${r.stderr.toString()}\nargs: ${args.join(' ')}`);
    return r.stdout;
  }
}

export interface VideoSpec {
  seconds: number;
  background: string;
  /** Filters drawn on the background before the titles (drawbox…). */
  draw: string;
  title: string;
  subtitle: string;
  /** A small moving rectangle (a boat, a beam of light). */
  spriteColour: string;
  spriteSize: string;
  spriteX: string;
  spriteY: number;
  /** aevalsrc expression of t. */
  tone: string;
}
