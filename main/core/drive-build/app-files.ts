// The program beside the library: electron-builder's unpacked outputs copied to DRIVE/app/win,
// DRIVE/app/linux and, for Windows 7/8.1 and 32-bit Windows, the legacy build's DRIVE/app/win-legacy/x64
// and DRIVE/app/win-legacy/ia32 (Electron 22), and the launchers Start.cmd and start.sh at the drive
// root, which pick the build for the PC.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnownHashes } from '../manifest/manifest.js';
import { BuildError } from './build-error.js';
import { mirrorFolder, type MirrorProgress } from './mirror.js';

// electron-builder's unpacked outputs, or the same already laid out by `npm run dist` in dist/drive/.
const APP_TARGETS = [
  { platform: 'win' as const, from: ['win-unpacked', 'drive/app/win'] },
  { platform: 'linux' as const, from: ['linux-unpacked', 'drive/app/linux'] },
  { platform: 'win-legacy/x64' as const, from: ['legacy/win-unpacked', 'drive/app/win-legacy/x64'] },
  { platform: 'win-legacy/ia32' as const, from: ['legacy/win-ia32-unpacked', 'drive/app/win-legacy/ia32'] },
];
const LAUNCHERS = ['Start.cmd', 'start.sh'] as const;
/** The launcher templates name the executable so; electron-builder.yml has the name. */
const EXECUTABLE_PLACEHOLDER = '@EXECUTABLE@';

export interface AppCopy {
  /** The folder under DRIVE/app/. */
  platform: (typeof APP_TARGETS)[number]['platform'];
  source: string;
  target: string;
  files: number;
  copied: number;
  removed: number;
  bytesCopied: number;
}

export interface AppSummary {
  source: string | null;
  copied: AppCopy[];
  /** Outputs not found (electron-builder did not build them here). */
  missing: string[];
  /** app/<platform> folders left as an earlier build copied them. */
  kept: string[];
  note?: string;
}

export interface LaunchersSummary {
  source: string | null;
  copied: string[];
  missing: string[];
}

export interface AppCopyOptions {
  driveRoot: string;
  /** The folder with electron-builder's outputs; default: this package's dist/. */
  dist?: string;
  /** Copy every file again. */
  all: boolean;
  /** Hashes of what was copied, keyed by drive path, for the manifest. */
  known: KnownHashes;
  onProgress?: (p: MirrorProgress) => void;
}

export async function copyApp(options: AppCopyOptions): Promise<AppSummary> {
  const dist = path.resolve(options.dist ?? path.join(packageRoot(), 'dist'));
  const result: AppSummary = { source: dist, copied: [], missing: [], kept: [] };
  for (const t of APP_TARGETS) {
    const target = path.join(options.driveRoot, 'app', t.platform);
    let from: string | undefined;
    for (const candidate of t.from) if (!from && (await isDir(path.join(dist, candidate)))) from = path.join(dist, candidate);
    if (!from) {
      result.missing.push(path.join(dist, t.from[0]!));
      if (await isDir(target)) result.kept.push(target);
      continue;
    }
    const r = await mirrorFolder(from, target, { keepMode: true, all: options.all, onProgress: options.onProgress });
    for (const [p, k] of r.known) options.known.set(`app/${t.platform}/${p}`, k);
    result.copied.push({ platform: t.platform, source: from, target, files: r.files, copied: r.copied.length, removed: r.removed.length, bytesCopied: r.bytesCopied });
  }
  return result;
}

/**
 * The launchers: from `launchers` when given, else the ones `npm run dist` rendered into
 * dist/drive/, else the templates in packaging/ (filled in here with the executable's name), else
 * launchers/.
 */
export async function copyLaunchers(driveRoot: string, options: { launchers?: string; dist?: string }): Promise<LaunchersSummary> {
  const root = packageRoot();
  const dist = options.dist ? path.resolve(options.dist) : path.join(root, 'dist');
  const candidates = options.launchers ? [path.resolve(options.launchers)] : [path.join(dist, 'drive'), path.join(root, 'packaging'), path.join(root, 'launchers')];
  let from = candidates[0]!;
  for (const c of candidates) {
    if ((await Promise.all(LAUNCHERS.map((n) => isFile(path.join(c, n))))).some(Boolean)) {
      from = c;
      break;
    }
  }
  const result: LaunchersSummary = { source: from, copied: [], missing: [] };
  for (const name of LAUNCHERS) {
    const src = path.join(from, name);
    let text: string;
    try {
      text = await fs.readFile(src, 'utf8');
    } catch {
      result.missing.push(src);
      continue;
    }
    if (text.includes(EXECUTABLE_PLACEHOLDER)) {
      const executable = await executableName(root);
      if (!executable) throw new BuildError('프로그램 이름을 electron-builder.yml에서 찾지 못했습니다', `the launcher ${src} needs the executable's name, and electron-builder.yml names none`);
      text = text.split(EXECUTABLE_PLACEHOLDER).join(executable);
    }
    // cmd.exe misreads a batch file without CRLF line ends; sh wants LF.
    const bytes = Buffer.from(name === 'Start.cmd' ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n'), 'utf8');
    const target = path.join(driveRoot, name);
    const old = await fs.readFile(target).catch(() => undefined);
    if (!old || !old.equals(bytes)) await fs.writeFile(target, bytes);
    // start.sh is run as `sh start.sh` on a FAT stick (no execute bits there); elsewhere it can be run directly.
    if (name.endsWith('.sh')) await fs.chmod(target, 0o755).catch(() => {});
    result.copied.push(name);
  }
  return result;
}

/** executableName (else productName) from electron-builder.yml: the one place the app's name is set. */
export async function executableName(root: string): Promise<string | undefined> {
  const yml = await fs.readFile(path.join(root, 'electron-builder.yml'), 'utf8').catch(() => '');
  // Top-level scalars only, with YAML's anchors and aliases (`productName: &appName Reader`,
  // `executableName: *appName`): enough for this one file without a YAML parser at run time.
  const scalar = (key: string): string | undefined => {
    const raw = new RegExp(`^${key}:[ \\t]*(.+?)[ \\t]*(?:#.*)?$`, 'm').exec(yml)?.[1];
    if (raw === undefined) return undefined;
    const alias = /^\*([\w-]+)$/.exec(raw)?.[1];
    const value = alias ? new RegExp(`&${alias}[ \\t]+(.+?)[ \\t]*(?:#.*)?$`, 'm').exec(yml)?.[1] : raw.replace(/^&[\w-]+[ \t]+/, '');
    const name = value?.replace(/^(["'])(.*)\1$/, '$2');
    return name && /^[A-Za-z0-9._-]+$/.test(name) ? name : undefined;
  };
  return scalar('executableName') ?? scalar('productName');
}

/** The package folder (dist/, packaging/ live there): above main/ in the sources, above build/main when built. */
export function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const up = path.resolve(here, '..', '..', '..');
  return path.basename(up) === 'build' ? path.dirname(up) : up;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

export async function isDir(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}
