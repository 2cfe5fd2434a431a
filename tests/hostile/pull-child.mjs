// The process tests/faults-pulled-drive.test.ts kills with SIGKILL at random moments, as a drive is
// pulled: it saves, as fast as it can and forever, either
//   node tests/hostile/pull-child.mjs state <data-dir>      reading positions and settings (remember on)
//   node tests/hostile/pull-child.mjs index <library-dir>   index generations, one changed file each
// and prints one line per save that finished: `saved <positions>` or `generation <n>` (and, for the
// index, `saving` when a generation starts to be written).
// Built code only (build/main/…): the tests run after `npm run build`.
import { appendFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'main');
const [mode, target] = process.argv.slice(2);
const say = (line) => process.stdout.write(`${line}\n`);

if (mode === 'state') {
  const { StateStore } = await import(path.join(BUILD, 'core', 'state', 'index.js'));
  const store = await StateStore.open(target);
  // The person chooses to go on remembering on this drive (what an earlier run left is offered, not loaded).
  const resumed = await store.resumeRemembering();
  if (!resumed.saved) throw new Error(`changmun pull-child: could not resume: ${JSON.stringify(resumed)}`);
  let n = Object.keys(store.getPositions()).length;
  const r = await store.saveSettings({ language: 'ko', fontSize: 14 + (n % 20), theme: n % 2 ? 'dark' : 'light', remember: true });
  if (!r.saved) throw new Error(`changmun pull-child: settings not saved: ${JSON.stringify(r)}`);
  say(`ready ${n}`);
  for (;;) {
    n++;
    const saved = await store.savePosition(`books/책-${n}.epub`, { at: `epubcfi(/6/${2 * n}!/4/2/1:${n})`, updatedAt: new Date().toISOString() });
    if (!saved.saved) throw new Error(`changmun pull-child: position not saved: ${JSON.stringify(saved)}`);
    say(`saved ${n}`);
  }
} else if (mode === 'index') {
  const { LibraryIndex } = await import(path.join(BUILD, 'core', 'search', 'library-index.js'));
  const { resolveLibraryFolder } = await import(path.join(BUILD, 'core', 'drive', 'locate.js'));
  const location = resolveLibraryFolder(target);
  const manifest = path.join(location.dataDir, 'index', 'manifest.json');
  say('ready');
  for (let i = 0; ; i++) {
    // Each generation has something to save: a changed article, and now and then a new or gone one.
    appendFileSync(path.join(location.libraryRoot, 'articles', 'daily-life', 'running-a-small-library.txt'), `\nAdded line ${process.pid}-${i} PULLWORD.\n`);
    const extra = path.join(location.libraryRoot, 'articles', `pulled-${i % 3}.md`);
    if (i % 2 === 0) {
      // Whole or not at all (under a hidden name first): the kill is for the index, not for this file.
      const tmp = path.join(path.dirname(extra), `.pulled-${process.pid}.tmp`);
      writeFileSync(tmp, `# 뽑힌 드라이브 ${i}\n\n드라이브를 뽑는 시험 PULLEDDRIVE 문서 ${i}.\n`);
      renameSync(tmp, extra);
    } else rmSync(extra, { force: true });
    let announced = false;
    const onProgress = (p) => {
      // The moment the test waits for: from here on the new generation is being written.
      if (p.phase === 'saving' && !announced) {
        announced = true;
        say('saving');
      }
    };
    const index = new LibraryIndex(location, { save: true, workers: 1, onProgress });
    try {
      const summary = await index.start();
      if (!summary.saved) throw new Error(`changmun pull-child: index not saved: ${JSON.stringify(summary)}`);
    } finally {
      index.close();
    }
    say(`generation ${JSON.parse(readFileSync(manifest, 'utf8')).generation}`);
  }
} else {
  throw new Error(`changmun pull-child: unknown mode ${mode}`);
}
