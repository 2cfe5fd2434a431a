// The app's quick drive check, in its own thread: hashing a sample of files never holds up the
// window, the search or a playing film.
import { parentPort, workerData } from 'node:worker_threads';
import { APP_QUICK_BUDGET, checkDrive } from './check.js';

const { driveRoot } = workerData as { driveRoot: string };

checkDrive(driveRoot, { mode: 'quick', budget: APP_QUICK_BUDGET }).then(
  (result) => parentPort!.postMessage({ kind: 'done', result }),
  (e: unknown) => parentPort!.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
);
