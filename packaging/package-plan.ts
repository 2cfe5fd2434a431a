// What electron-builder puts into the app beside Electron itself, worked out without Electron: the
// `files` globs of electron-builder.yml over the project (package.json, build/main, renderer/dist)
// and, for node_modules, the production dependency tree (`npm ls --omit=dev`) with the `!` globs of
// `files` and electron-builder's own exclusions. `npm run dist` prints it before packaging, so the
// size the app adds to a drive is known even where Electron's zips cannot be had (a dry run).
// The rules follow app-builder-lib 26 (fileMatcher.ts, util/NodeModuleCopyHelper.ts, util/filter.ts).
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { excludedExts, excludedNames } from 'app-builder-lib/out/fileMatcher.js';
import { Minimatch } from 'minimatch';
import { parse } from 'yaml';

/** A file of the app, by its path in the project (with '/'), and its size in bytes. */
export interface PlannedFile {
  path: string;
  size: number;
}

/** A part of the app for the size report: a folder of the project or one package. */
export interface PlanPart {
  name: string;
  size: number;
  files: number;
}

export interface PackagePlan {
  /** Every file the app holds besides Electron, sorted by path. */
  files: PlannedFile[];
  /** The package folders of the production dependency tree (`node_modules/a`, `node_modules/a/node_modules/b`). */
  packages: string[];
  /** Bytes of all files. */
  total: number;
  /** Bytes of the files kept beside the asar (asarUnpack). */
  unpacked: number;
  /** Biggest first. */
  parts: PlanPart[];
}

const MATCH = { dot: true };

// util/NodeModuleCopyHelper.ts: names dropped anywhere in a package, and at its top level only.
const MODULE_EXCLUDED_NAMES = new Set([
  '.DS_Store', 'CHANGELOG.md', 'ChangeLog', 'changelog.md', 'Changelog.md', 'Changelog', 'binding.gyp', '.npmignore', 'node_gyp_bins',
  ...excludedNames.split(','),
]);
const MODULE_TOP_EXCLUDED_NAMES = new Set([
  'karma.conf.js', '.coveralls.yml', 'README.md', 'readme.markdown', 'README', 'readme.md', 'Readme.md', 'Readme', 'readme',
  'test', 'tests', '__tests__', 'powered-test', 'example', 'examples', '.bin',
]);
// util/appFileCopier.ts: extensions dropped from packages (.dll and .exe too on Linux; kept here,
// as for the Windows app).
const MODULE_EXCLUDED_EXTS = ['.o', '.obj', '.pdb', ...excludedExts.split(',').map((e) => `.${e}`)];

/** electron-builder's minimatchAll: patterns in order, a later `!` pattern takes back a match. */
function matchesAll(rel: string, patterns: Minimatch[]): boolean {
  let match = false;
  for (const p of patterns) {
    if (match !== p.negate) continue;
    match = p.match(rel);
  }
  return match;
}

/** The folder a glob starts from: its segments before the first one with magic. */
function globBase(pattern: string): string {
  const parts: string[] = [];
  for (const segment of pattern.split('/')) {
    if (/[*?[\]{}()!+@]/.test(segment)) break;
    parts.push(segment);
  }
  return parts.join('/');
}

/** Files (not links, not folders) under `dir`, as paths relative to `root` with '/'. */
function walk(root: string, dir: string, skip: (rel: string, name: string, isDir: boolean) => boolean): PlannedFile[] {
  const out: PlannedFile[] = [];
  const abs = path.join(root, dir);
  let stat;
  try {
    stat = lstatSync(abs);
  } catch {
    return out;
  }
  if (stat.isFile()) return [{ path: dir, size: stat.size }];
  if (!stat.isDirectory()) return out;
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (skip(rel, entry.name, entry.isDirectory())) continue;
    if (entry.isDirectory()) out.push(...walk(root, rel, skip));
    else if (entry.isFile()) out.push({ path: rel, size: lstatSync(path.join(root, rel)).size });
  }
  return out;
}

/**
 * The production dependency tree as npm installed it: what electron-builder's npm collector reads
 * (`npm list --omit dev`). npm exits 1 when the tree has a problem but still lists it.
 */
export function productionPackages(root: string): string[] {
  const r = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  const dirs = new Set<string>();
  for (const line of (r.stdout ?? '').split(/\r?\n/)) {
    const rel = path.relative(root, line.trim()).split(path.sep).join('/');
    if (line.trim() !== '' && rel.startsWith('node_modules/')) dirs.add(rel);
  }
  if (r.status !== 0 && dirs.size === 0) throw new Error(`changmun: npm ls could not list the production dependencies: ${r.stderr ?? r.error?.message ?? ''}`);
  return [...dirs].sort();
}

/** The part of the size report a file belongs to. */
function partOf(file: string, packages: string[]): string {
  if (file.startsWith('renderer/dist/')) return file.endsWith('.woff2') ? 'renderer/dist: the Korean font (.woff2)' : 'renderer/dist: the UI (scripts, styles, page)';
  if (file.startsWith('build/main/')) return 'build/main: the back end';
  let best = '';
  for (const p of packages) if (file.startsWith(`${p}/`) && p.length > best.length) best = p;
  return best || file;
}

/** What electron-builder.yml packs from the project at `root`, besides Electron. */
export function planPackage(root: string, packages: string[] = productionPackages(root)): PackagePlan {
  const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { files?: string[]; asarUnpack?: string[] };
  const globs = [...(config.files ?? ['**/*'])];
  if (!globs.includes('package.json')) globs.push('package.json');

  // The project's own files: the globs of `files`, then electron-builder's default exclusions.
  const appPatterns = [
    ...globs,
    `!**/*.{${excludedExts},pdb}`,
    '!**/._*',
    '!**/electron-builder.{yaml,yml,json,json5,toml,ts}',
    `!**/{${excludedNames}}`,
    '!.yarn{,/**/*}',
    '!.editorconfig',
    '!.yarnrc.yml',
  ].map((g) => new Minimatch(g, MATCH));
  const files = new Map<string, PlannedFile>();
  for (const glob of globs.filter((g) => !g.startsWith('!'))) {
    const found = walk(root, globBase(glob), (rel, name) => name === 'node_modules' || name === '.git' || rel === 'dist');
    for (const f of found) if (matchesAll(f.path, appPatterns)) files.set(f.path, f);
  }

  // The packages: everything in them but electron-builder's exclusions and the `!` globs of `files`.
  const modulePatterns = ['**/*', ...globs.filter((g) => g.startsWith('!'))].map((g) => new Minimatch(g, MATCH));
  for (const pkg of packages) {
    const found = walk(root, pkg, (rel, name) => {
      if (name === 'node_modules' || MODULE_EXCLUDED_NAMES.has(name) || name.startsWith('._')) return true;
      if (rel === `${pkg}/${name}` && MODULE_TOP_EXCLUDED_NAMES.has(name)) return true;
      return false;
    });
    for (const f of found) {
      if (MODULE_EXCLUDED_EXTS.some((ext) => f.path.endsWith(ext))) continue;
      if (matchesAll(f.path, modulePatterns)) files.set(f.path, f);
    }
  }

  const list = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const unpackPatterns = (config.asarUnpack ?? []).map((g) => new Minimatch(g, MATCH));
  const parts = new Map<string, PlanPart>();
  let total = 0;
  let unpacked = 0;
  for (const f of list) {
    total += f.size;
    if (unpackPatterns.some((p) => p.match(f.path))) unpacked += f.size;
    const name = partOf(f.path, packages);
    const part = parts.get(name) ?? { name, size: 0, files: 0 };
    part.size += f.size;
    part.files += 1;
    parts.set(name, part);
  }
  return { files: list, packages, total, unpacked, parts: [...parts.values()].sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1)) };
}

/** Megabytes (10^6 bytes) with one decimal, or kilobytes below 0.1 MB. */
export function formatBytes(bytes: number): string {
  return bytes >= 100_000 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

/** The size report: the total, then the biggest parts (the rest summed on one line). */
export function formatPlan(plan: PackagePlan, top = 12): string {
  const packaged = plan.packages.filter((p) => plan.files.some((f) => f.path.startsWith(`${p}/`)));
  const lines = [
    `${formatBytes(plan.total)} in ${plan.files.length} files besides Electron: ${formatBytes(plan.total - plan.unpacked)} in app.asar ` +
      `(the back end and ${packaged.length} runtime packages), ${formatBytes(plan.unpacked)} beside it (the UI)`,
    'biggest parts:',
  ];
  const width = Math.max(...plan.parts.map((p) => formatBytes(p.size).length));
  const row = (size: number, files: number, name: string) => `  ${formatBytes(size).padStart(width)}  ${String(files).padStart(5)} files  ${name}`;
  for (const p of plan.parts.slice(0, top)) lines.push(row(p.size, p.files, p.name));
  const rest = plan.parts.slice(top);
  if (rest.length > 0) {
    lines.push(row(rest.reduce((s, p) => s + p.size, 0), rest.reduce((s, p) => s + p.files, 0), `${rest.length} smaller parts: ${rest.map((p) => p.name.replace(/^node_modules\//, '')).join(', ')}`));
  }
  return lines.join('\n');
}
