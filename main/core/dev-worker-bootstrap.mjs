// Development and tests only: the sources are TypeScript, so a worker started from them first
// registers tsx in its own thread (Node 20 does not pass `--import` loaders on to workers).
import { workerData } from 'node:worker_threads';

const { register } = await import(workerData.__tsxApi);
register();
await import(workerData.__entry);
