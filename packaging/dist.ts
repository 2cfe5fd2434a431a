// `npm run dist [-- --config.electronDist=<folder of Electron zips>]`: build, package the unpacked
// Windows and Linux apps with electron-builder, and lay out dist/drive/. Where Electron's zips cannot
// be downloaded, a folder holding electron-v<version>-win32-x64.zip and -linux-x64.zip is given
// instead, and each zip is checked against the checksums the electron package ships first.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDrive, checkElectronZips } from './drive-layout.js';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extra = process.argv.slice(2);

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
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step('npm', ['run', 'build']);
step(path.join(root, 'node_modules', '.bin', 'electron-builder'), ['--win', '--linux', '--publish', 'never', ...extra]);
const missing = assembleDrive(root);
for (const m of missing) process.stderr.write(`changmun: dist/${m} is missing: electron-builder did not build it.\n`);
if (missing.length > 0) process.exit(1);
process.stdout.write('changmun: the app and its launchers are in dist/drive/ (the drive builder adds library/ beside them)\n');
