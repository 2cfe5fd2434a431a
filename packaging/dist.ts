// `npm run dist [-- --dry-run] [-- --config.electronDist=<folder of Electron zips>]`: build, print
// what the app adds to Electron (packaging/package-plan.ts: from electron-builder.yml's `files` and the
// production dependency tree) with its file list in dist/app-files.txt, then package the unpacked
// Windows and Linux apps with electron-builder, lay out dist/drive/ and print each app folder's size.
// The legacy desktop build (issue 17 §1: Electron 22 for Windows 7/8.1 and 32-bit Windows) comes
// from the same code: its bundles (packaging/legacy-bundle.ts) are built and checked for Node 16.17
// and Chromium 108 (packaging/legacy-compat.ts) before anything is packaged, and its configuration
// (packaging/legacy-config.ts, from electron-builder.yml) is written to dist/electron-builder.legacy.json.
// Where Electron's zips cannot be downloaded, a folder holding electron-v<version>-win32-x64.zip and
// -linux-x64.zip, and electron-v<22.x>-win32-ia32.zip and -win32-x64.zip, is given instead, and each zip
// is checked against the checksums the electron packages ship first. With --dry-run, or when
// electron-builder cannot package, the printed plan, the legacy bundles and their checks are the result.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDrive, checkElectronZips, DRIVE_APPS, LEGACY_ZIP_TARGETS } from './drive-layout.js';
import { buildLegacyBundles } from './legacy-bundle.js';
import { checkLegacyCompat, checkLegacyCss, CURRENT_SIDE_ONLY } from './legacy-compat.js';
import { legacyBuilderConfig } from './legacy-config.js';
import { formatBytes, formatPlan, planPackage } from './package-plan.js';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dryRun = process.argv.includes('--dry-run');
const extra = process.argv.slice(2).filter((a) => a !== '--dry-run');
const say = (line: string) => process.stdout.write(`changmun: ${line}\n`);

const flag = extra.findIndex((a) => a === '--config.electronDist' || a.startsWith('--config.electronDist='));
const given = flag < 0 ? undefined : extra[flag]!.includes('=') ? extra[flag]!.slice(extra[flag]!.indexOf('=') + 1) : extra[flag + 1];
const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string };
const legacyElectron = JSON.parse(readFileSync(require.resolve('electron-legacy/package.json'), 'utf8')) as { version: string };
if (given) {
  const checksums = JSON.parse(readFileSync(require.resolve('electron/checksums.json'), 'utf8')) as Record<string, string>;
  const legacyChecksums = JSON.parse(readFileSync(require.resolve('electron-legacy/checksums.json'), 'utf8')) as Record<string, string>;
  const problems = [
    ...checkElectronZips(path.resolve(given), electron.version, checksums),
    ...checkElectronZips(path.resolve(given), legacyElectron.version, legacyChecksums, LEGACY_ZIP_TARGETS),
  ];
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

// The legacy build's code, compiled for Electron 22 and checked before anything is packaged.
const legacy = await buildLegacyBundles(path.join(root, 'build', 'legacy'), root);
const uiAssets = readdirSync(path.join(root, 'renderer', 'dist', 'assets')).map((f) => path.join(root, 'renderer', 'dist', 'assets', f));
const uiScripts = uiAssets.filter((f) => f.endsWith('.js'));
const compat = [
  ...legacy.files.map((f) => checkLegacyCompat(readFileSync(f.path, 'utf8'), f.target, path.relative(root, f.path), { allow: CURRENT_SIDE_ONLY })),
  ...uiScripts.map((f) => checkLegacyCompat(readFileSync(f, 'utf8'), 'chrome', path.relative(root, f), { module: true })),
  ...uiAssets.filter((f) => f.endsWith('.css')).map((f) => checkLegacyCss(readFileSync(f, 'utf8'), path.relative(root, f))),
].flat();
if (compat.length > 0) {
  for (const p of compat) process.stderr.write(`changmun: ${p.file}:${p.line}: ${p.message}\n`);
  process.stderr.write('changmun: the legacy build would not run on Electron 22 (Windows 7/8.1): nothing is packaged.\n');
  process.exit(1);
}
const legacySize = legacy.files.reduce((sum, f) => sum + sizeOf(f.path), 0);
say(
  `the legacy build's code (Electron ${legacyElectron.version}: Node 16.17, Chromium 108): ${legacy.files.length} bundles in build/legacy (${formatBytes(legacySize)}), ` +
    `and the UI's ${uiScripts.length} scripts and its styles, pass the compatibility check`,
);

const plan = planPackage(root);
mkdirSync(path.join(root, 'dist'), { recursive: true });
writeFileSync(path.join(root, 'dist', 'app-files.txt'), plan.files.map((f) => `${String(f.size).padStart(10)}  ${f.path}\n`).join(''));
const legacyConfigFile = path.join(root, 'dist', 'electron-builder.legacy.json');
// The zips' folder goes into the file: electron-builder's command line cannot take both a config
// file (--config <file>) and a --config.electronDist override.
const legacyConfig = legacyBuilderConfig(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'), legacyElectron.version);
if (given) legacyConfig['electronDist'] = path.resolve(given);
writeFileSync(legacyConfigFile, `${JSON.stringify(legacyConfig, null, 2)}\n`);
const legacyExtra = extra.filter((a, i) => i !== flag && !(i === flag + 1 && extra[flag] === '--config.electronDist'));
say(`what electron-builder.yml packs besides Electron${dryRun ? ' (dry run: nothing is packaged)' : ''}; every file is listed in dist/app-files.txt`);
process.stdout.write(`${formatPlan(plan)}\n`);
say(
  `the legacy build: Electron ${legacyElectron.version}, Windows ia32 and x64, from dist/electron-builder.legacy.json ` +
    `(build/legacy, renderer/dist and package.json; no node_modules: the bundles carry their dependencies)`,
);
const layout = DRIVE_APPS.map(([from, to]) => `dist/${from} → app/${to}`).join(', ');
if (dryRun) {
  say(`dry run: with Electron's zips, the drive would hold Start.cmd, start.sh and ${layout}`);
  process.exit(0);
}

const builder = path.join(root, 'node_modules', '.bin', 'electron-builder');
const cannotPackage = (which: string) => {
  process.stderr.write(
    `changmun: electron-builder could not package the ${which}: Electron's zips could not be downloaded? Give a folder holding them with ` +
      '`npm run dist -- --config.electronDist=<folder>`. What the app adds to Electron is listed above (a dry run).\n',
  );
  process.exit(1);
};
if (step(builder, ['--win', '--linux', '--publish', 'never', ...extra]) !== 0) cannotPackage('current build');
if (step(builder, ['--config', legacyConfigFile, '--win', '--publish', 'never', ...legacyExtra]) !== 0) cannotPackage('legacy build (Electron 22)');
const missing = assembleDrive(root);
for (const m of missing) process.stderr.write(`changmun: dist/${m} is missing: electron-builder did not build it.\n`);
if (missing.length > 0) process.exit(1);
for (const [, os] of DRIVE_APPS) {
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
