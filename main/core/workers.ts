// Start a worker thread from a module beside the caller. Built code runs the compiled .js; under
// tests the .ts source runs through a small bootstrap that registers tsx inside the worker.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

export function startWorker(callerUrl: string, moduleBaseName: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) {
    return new Worker(new URL(`./${moduleBaseName}.js`, callerUrl), options);
  }
  const require = createRequire(callerUrl);
  // The ESM build of tsx's API (require.resolve would pick the CommonJS one).
  const tsxDir = path.dirname(require.resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL(`./${moduleBaseName}.ts`, callerUrl).href;
  return new Worker(new URL('./dev-worker-bootstrap.mjs', import.meta.url), {
    ...options,
    workerData: { ...(options.workerData as object | undefined), __tsxApi: tsxApi, __entry: entry },
  });
}
