import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDrive } from '../main/core/drive-build/build.js';
import { locateBook } from '../main/core/drive-build/book-locations.js';
import { extractEpub } from '../main/core/extract/epub/index.js';
import { writeHostileCorpus } from './hostile/corpus.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { LibraryService } from '../main/core/library-service.js';
import { copySample, removeTemps, tempDir } from './helpers/volunteer.js';

afterAll(() => removeTemps());

describe('reading locations worked out by the build', () => {
  it('reach the book reader through getLibrary, one entry per spine section', async () => {
    const content = copySample(tempDir('changmun-loc-src-'));
    const drive = path.join(tempDir('changmun-loc-drive-'), 'drive');
    await buildDrive({ content, out: drive, appDist: false, launchers: false, workers: 1 });
    const service = new LibraryService(resolveLibraryFolder(drive), { workers: 1 });
    try {
      let library = await service.getLibrary();
      for (let i = 0; i < 100 && !library.index.complete; i++) {
        await new Promise((r) => setTimeout(r, 100));
        library = await service.getLibrary();
      }
      const book = library.items.find((i) => i.path === 'books/동백꽃.epub')!;
      const loc = book.book!.locations!;
      expect(loc.total).toBeGreaterThan(3000);
      expect(loc.sections.length).toBeGreaterThan(3);
      const linear = loc.sections.filter((s) => s.start >= 0);
      expect(linear.reduce((n, s) => n + s.chars, 0)).toBe(loc.total);
      expect(linear.map((s) => s.start)).toEqual([...linear.map((s) => s.start)].sort((a, b) => a - b));
    } finally {
      await service.close();
    }
  });
});

describe('reading locations of a hostile book', () => {
  it('a section nested 50,000 deep counts as no text (the reader shows a note there); the book is still located', async () => {
    const root = tempDir('changmun-loc-hostile-');
    writeHostileCorpus(path.join(root, 'library'), { outside: path.join(root, 'outside') });
    const abs = path.join(root, 'library', 'hostile', 'books', 'deep-section.epub');
    const book = await extractEpub({ path: abs });
    const loc = await locateBook(abs, book.spine);
    const deep = loc.sections.find((s) => s.href.endsWith('deep.xhtml'))!;
    const ok = loc.sections.find((s) => s.href.endsWith('ok.xhtml'))!;
    expect(deep.chars).toBe(0);
    expect(ok.chars).toBeGreaterThan('DEEPBOOKOK'.length);
    expect(loc.total).toBe(ok.chars);
  });
});
