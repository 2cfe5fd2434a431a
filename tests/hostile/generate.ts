// Write the hostile corpus into a folder, to look at it by hand or to open it in the preview:
//   npx tsx tests/hostile/generate.ts /tmp/hostile-library [--with-sample]
// The folder gets library/ (the corpus, and content-sample with --with-sample) and outside/ (what
// the symbolic links point at). The tests generate their own copy in a temporary folder.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_SAMPLE } from '../helpers/paths.js';
import { copyContentSample, writeHostileCorpus } from './corpus.js';

const [target, ...flags] = process.argv.slice(2);
if (!target) {
  process.stderr.write('usage: npx tsx tests/hostile/generate.ts <folder> [--with-sample]\n');
  process.exit(2);
}
const root = path.resolve(target);
if (existsSync(root) && readdirSync(root).length > 0) {
  process.stderr.write(`changmun tests: ${root} is not empty; give a new folder\n`);
  process.exit(1);
}
const library = path.join(root, 'library');
mkdirSync(library, { recursive: true });
if (flags.includes('--with-sample')) copyContentSample(CONTENT_SAMPLE, library);
const files = writeHostileCorpus(library, { outside: path.join(root, 'outside') });
for (const f of files) process.stdout.write(`${f.path}\t${JSON.stringify(f.expect)}\t${f.what}\n`);
process.stderr.write(`${files.length} hostile files in ${library}\n`);
