// `npm run dist [-- --dry-run] [-- --config.electronDist=<folder of Electron zips>]`: build, print
// what the app adds to Electron (packaging/package-plan.ts: from electron-builder.yml's `files` and the
// production dependency tree) with its file list in dist/app-files.txt, then package the unpacked
// Windows and Linux apps with electron-builder, lay out dist/drive/ and print each app folder's size.
// Where Electron's zips cannot be downloaded, a folder holding electron-v<version>-win32-x64.zip and
// -linux-x64.zip is given instead, and each zip is checked against the checksums the electron package
// ships first. With --dry-run, or when electron-builder cannot package, the printed plan is the result.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDrive, checkElectronZips } from './drive-layout.js';
import { formatBytes, formatPlan, planPackage } from './package-plan.js';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dryRun = process.argv.includes('--dry-run');
const extra = process.argv.slice(2).filter((a) => a !== '--dry-run');
const say = (line: string) => process.stdout.write(`changmun: ${line}\n`);

const flag = extra.findIndex((a) => a === '--config.electronDist' || a.startsWith('--config.electronDist='));
const given = flag < 0 ? undefined : extra[flag]!.includes('=') ? extra[flag]!.slice(extra[flag]!.indexOf('=') + 1) : extra[flag + 1];
if (given) {
  const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string };
  const checksums = JSON.parse(readFileSync(require.resolve('electron/checksums.json'), 'utf8')) as Record<string, string>;
  const problems = checkElectronZips(path.resolve(given), electron.version, checksums);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`changmun: ${p}\n`);
    process.exit(1);
  }
}

const step = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
};
const status = step('npm', ['run', 'build']);
if (status !== 0) process.exit(status);

const plan = planPackage(root);
mkdirSync(path.join(root, 'dist'), { recursive: true });
writeFileSync(path.join(root, 'dist', 'app-files.txt'), plan.files.map((f) => `${String(f.size).padStart(10)}  ${f.path}\n`).join(''));
say(`what electron-builder.yml packs besides Electron${dryRun ? ' (dry run: nothing is packaged)' : ''}; every file is listed in dist/app-files.txt`);
process.stdout.write(`${formatPlan(plan)}\n`);
if (dryRun) process.exit(0);

if (step(path.join(root, 'node_modules', '.bin', 'electron-builder'), ['--win', '--linux', '--publish', 'never', ...extra]) !== 0) {
  process.stderr.write(
    'changmun: electron-builder could not package the app: Electron\'s zips could not be downloaded? Give a folder holding them with ' +
      '`npm run dist -- --config.electronDist=<folder>`. What the app adds to Electron is listed above (a dry run).\n',
  );
  process.exit(1);
}
const missing = assembleDrive(root);
for (const m of missing) process.stderr.write(`changmun: dist/${m} is missing: electron-builder did not build it.\n`);
if (missing.length > 0) process.exit(1);
for (const os of ['win', 'linux']) {
  const app = path.join(root, 'dist', 'drive', 'app', os);
  const resources = path.join(app, 'resources');
  const asar = sizeOf(path.join(resources, 'app.asar'));
  const unpacked = sizeOf(path.join(resources, 'app.asar.unpacked'));
  const total = sizeOf(app);
  say(`dist/drive/app/${os}: ${formatBytes(total)} (Electron ${formatBytes(total - asar - unpacked)}, app.asar ${formatBytes(asar)}, the UI beside it ${formatBytes(unpacked)})`);
}
say('the app and its launchers are in dist/drive/ (the drive builder adds library/ beside them)');

/** Bytes of a file, or of every file under a folder (links not followed). */
function sizeOf(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = lstatSync(p);
  if (!stat.isDirectory()) return stat.isFile() ? stat.size : 0;
  return readdirSync(p).reduce((sum, name) => sum + sizeOf(path.join(p, name)), 0);
}
