// The drive as `npm run dist` lays it out, from electron-builder's unpacked outputs:
//   dist/drive/Start.cmd, dist/drive/start.sh      launchers (relative paths only)
//   dist/drive/app/win/, dist/drive/app/linux/     dist/win-unpacked/, dist/linux-unpacked/
//   dist/drive/app/win-legacy/x64/, …/ia32/        dist/legacy/win-unpacked/, dist/legacy/win-ia32-unpacked/
//                                                  (Electron 22: Windows 7/8.1 and 32-bit Windows)
// The launchers are made from the templates beside this file with the executable's name from
// electron-builder.yml (the one place the name is set). The library is added by the drive builder.
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PLACEHOLDER = /@EXECUTABLE@/g;

export interface LauncherFile {
  name: 'Start.cmd' | 'start.sh';
  text: string;
  mode: number;
}

/** The executable's name electron-builder gives the app (executableName, else productName). */
export function executableNameFromConfig(yamlText: string): string {
  const config = parse(yamlText) as { executableName?: unknown; productName?: unknown };
  const name = config.executableName ?? config.productName;
  if (typeof name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new Error(`changmun: electron-builder.yml must name the app with letters, digits, '.', '_' or '-' (got ${String(name)})`);
  }
  return name;
}

/** Start.cmd with CRLF line ends (cmd.exe mis-reads a batch file without them), start.sh with LF. */
export function renderLaunchers(executableName: string, templatesDir: string = HERE): LauncherFile[] {
  const fill = (file: string) => readFileSync(path.join(templatesDir, file), 'utf8').replace(/\r\n/g, '\n').replace(PLACEHOLDER, executableName);
  return [
    { name: 'Start.cmd', text: fill('Start.cmd').replace(/\n/g, '\r\n'), mode: 0o644 },
    { name: 'start.sh', text: fill('start.sh'), mode: 0o755 },
  ];
}

/** electron-builder's unpacked outputs under dist/, and where each goes under the drive's app/. */
export const DRIVE_APPS: ReadonlyArray<readonly [from: string, to: string]> = [
  ['win-unpacked', 'win'],
  ['linux-unpacked', 'linux'],
  ['legacy/win-unpacked', 'win-legacy/x64'],
  ['legacy/win-ia32-unpacked', 'win-legacy/ia32'],
];

/**
 * Copy the unpacked outputs into `<dist>/drive/app/…` (DRIVE_APPS) and write the launchers beside
 * them. Answers the names of the outputs that were missing (electron-builder did not build them).
 */
export function assembleDrive(root: string, dist: string = path.join(root, 'dist')): string[] {
  const drive = path.join(dist, 'drive');
  const name = executableNameFromConfig(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  rmSync(path.join(drive, 'app'), { recursive: true, force: true });
  mkdirSync(path.join(drive, 'app'), { recursive: true });
  const missing: string[] = [];
  for (const [from, to] of DRIVE_APPS) {
    const source = path.join(dist, from);
    if (existsSync(source)) cpSync(source, path.join(drive, 'app', to), { recursive: true, verbatimSymlinks: true });
    else missing.push(from);
  }
  for (const launcher of renderLaunchers(name)) {
    const file = path.join(drive, launcher.name);
    writeFileSync(file, launcher.text);
    chmodSync(file, launcher.mode);
  }
  return missing;
}

/** The current build's targets, as Electron names its zips. */
export const CURRENT_ZIP_TARGETS = ['win32-x64', 'linux-x64'] as const;
/** The legacy build's (Electron 22). */
export const LEGACY_ZIP_TARGETS = ['win32-ia32', 'win32-x64'] as const;

/** The Electron zips electron-builder needs for these targets (the current build's by default). */
export function electronZipNames(version: string, targets: readonly string[] = CURRENT_ZIP_TARGETS): string[] {
  return targets.map((t) => `electron-v${version}-${t}.zip`);
}

/**
 * Check zips supplied by hand (electronDist: a folder of them) against the SHA-256 sums the
 * electron package ships (node_modules/electron/checksums.json): a zip from a USB stick or a mirror
 * is the whole app's code. Answers one line per problem; empty when every zip is there and right.
 */
export function checkElectronZips(folder: string, version: string, checksums: Record<string, string>, targets: readonly string[] = CURRENT_ZIP_TARGETS): string[] {
  const problems: string[] = [];
  for (const name of electronZipNames(version, targets)) {
    const file = path.join(folder, name);
    if (!existsSync(file)) {
      problems.push(`${name} is not in ${folder}`);
      continue;
    }
    const expected = checksums[name];
    const actual = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (!expected) problems.push(`${name}: no checksum for it in electron's checksums.json`);
    else if (actual !== expected) problems.push(`${name}: SHA-256 ${actual} is not Electron's ${expected}`);
  }
  return problems;
}
