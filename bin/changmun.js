#!/usr/bin/env node
// The `changmun` command. The TypeScript sources are compiled to build/ by `npm run build`,
// which `npm ci` / `npm install` run through the `prepare` script.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../build/main/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('changmun: the program is not built yet. Run `npm run build` (or `npm ci`) first.\n');
  process.exit(2);
}
const { runCli } = await import(pathToFileURL(entry).href);
process.exitCode = await runCli(process.argv);
