// Where the test data lives. The real third-party files are in ../shared/corpus (beside the repo);
// CI always has them. On a clone without them, corpus tests skip and say why; under CI they fail.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CONTENT_SAMPLE = path.join(REPO_ROOT, 'content-sample');
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

export const corpusAvailable = existsSync(CORPUS);

if (!corpusAvailable) {
  if (process.env.CI) {
    throw new Error(`changmun tests: ../shared/corpus is missing at ${CORPUS}; CI must have it.`);
  }
  console.warn(`[changmun tests] ${CORPUS} not found: tests on the shared third-party corpus are skipped.`);
}

export function corpusPath(...parts: string[]): string {
  return path.join(CORPUS, ...parts);
}

