import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDrive } from '../main/core/drive-build/build.js';
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
