// `npm start`: the desktop window when Electron's binary is here, else one line saying why not and
// what to use instead. Electron 42+ downloads its binary the first time it is asked for it (not at
// install); that download runs here with its output held back, and on machines that cannot reach
// GitHub (see FIELD-NOTES) it fails and the browser preview is the way to see the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

function electronBinary() {
  let install;
  try {
    install = require.resolve('electron/install.js');
  } catch {
    return undefined;
  }
  // Downloads the binary when it is missing, quietly; a no-op when it is there.
  if (spawnSync(process.execPath, [install], { stdio: 'ignore', timeout: 10 * 60_000 }).status !== 0) return undefined;
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (!binary) {
  process.stderr.write(
    '창문: 데스크톱 창에는 Electron 실행 파일이 필요한데 이 컴퓨터에서는 내려받을 수 없습니다. 브라우저로 보려면 `npm run preview`. / ' +
      "Changmun: the desktop window needs Electron's binary, which cannot be downloaded on this machine; use `npm run preview` to see the app in a browser.\n",
  );
  process.exit(1);
}

const entry = fileURLToPath(new URL('../build/main/electron/entry.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write(
    '창문: Electron은 있지만 앱의 Electron 진입점(build/main/electron/entry.js)이 아직 없습니다. `npm run build` 후 다시, 또는 `npm run preview`. / ' +
      'Changmun: Electron is here but the app\'s Electron entry (build/main/electron/entry.js) does not exist yet; run `npm run build`, or use `npm run preview`.\n',
  );
  process.exit(1);
}

const child = spawn(binary, [entry, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
