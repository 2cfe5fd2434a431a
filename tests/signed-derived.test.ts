// Issue 12 §4: on a signed drive, what the app derives and keeps in .changmun/ is covered by the
// signature. An attacker who edits the index (forged titles and snippets) and recomputes every hash
// of the index itself cannot re-sign the drive: the app refuses that index, builds its own from the
// library's files, says so, and never shows the forged text beside "as signed".
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../main/core/library-service.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { changmun, copySample, removeTemps, tempDir } from './helpers/volunteer.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const TITLE = '타이타닉호의 마지막 밤';
const FORGED = '가짜 제목 FORGEDTITLE';

let drive = '';

beforeAll(async () => {
  const base = tempDir('changmun-signed-');
  const content = copySample(path.join(base, 'content'));
  const key = path.join(base, 'keys', 'group.key');
  mkdirSync(path.dirname(key));
  expect((await changmun(['keygen', key])).code).toBe(0);
  drive = path.join(base, 'DRIVE');
  const built = await changmun(['build', content, '--out', drive, '--key', key, '--no-app', '--no-launchers']);
  expect(built.code, built.stderr).toBe(0);
}, 180_000);

afterAll(() => removeTemps());

/** The attacker's edit: a title changed in the saved catalog, with the index's own hashes made to match. */
function forgeIndex(): void {
  const index = path.join(drive, '.changmun', 'index');
  const manifestFile = path.join(index, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { catalog: { size: number; sha256: string } };
  const catalogFile = path.join(index, readdirSync(index).find((n) => /^catalog-\d+\.json\.gz$/.test(n))!);
  const catalog = JSON.parse(gunzipSync(readFileSync(catalogFile)).toString('utf8')) as { items: { title: string }[] };
  const item = catalog.items.find((i) => i.title === TITLE)!;
  expect(item).toBeDefined();
  item.title = FORGED;
  const bytes = gzipSync(JSON.stringify(catalog));
  writeFileSync(catalogFile, bytes);
  manifest.catalog = { size: bytes.length, sha256: sha256(bytes) };
  writeFileSync(manifestFile, JSON.stringify(manifest));
}

describe('derived data on a signed drive', () => {
  it('is used as it is when it is what was signed', async () => {
    const service = new LibraryService(resolveLibraryFolder(drive), { workers: 1 });
    try {
      await service.ready;
      const lib = await service.getLibrary();
      expect(lib.items.map((i) => i.title)).toContain(TITLE);
      expect(lib.index.notice).toBeUndefined();
      const check = await service.driveChecked;
      expect(check).toMatchObject({ state: 'intact', signature: 'valid' });
      expect((await service.getDriveCheck()).derived).toBeUndefined();
    } finally {
      await service.close();
    }
  });

  it('an index forged after signing (its own hashes recomputed) is not used: the app builds its own and says so', async () => {
    forgeIndex();
    const service = new LibraryService(resolveLibraryFolder(drive), { workers: 1 });
    try {
      // Not even the first screen, before the worker has anything, shows the forged title.
      const early = await service.getLibrary();
      expect(early.items.map((i) => i.title)).not.toContain(FORGED);
      await service.ready;
      const lib = await service.getLibrary();
      expect(lib.items.map((i) => i.title)).toContain(TITLE);
      expect(lib.items.map((i) => i.title)).not.toContain(FORGED);
      expect(lib.index.notice).toBe('not-as-signed');
      expect((await service.search('FORGEDTITLE')).results).toEqual([]);
      expect((await service.search('타이타닉을')).results[0]?.title).toBe(TITLE);
      await service.driveChecked;
      // The drive is never called intact-as-signed while its index was forged.
      expect(await service.getDriveCheck()).toMatchObject({ derived: 'rebuilt' });
    } finally {
      await service.close();
    }
  });

  it('book locations changed after signing are not handed to the reader', async () => {
    const file = path.join(drive, '.changmun', 'book-locations.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { books: Record<string, { total: number }> };
    const [book] = Object.keys(data.books);
    expect(book).toBeDefined();
    data.books[book!]!.total = 1;
    writeFileSync(file, JSON.stringify(data));
    const service = new LibraryService(resolveLibraryFolder(drive), { workers: 1 });
    try {
      await service.ready;
      const lib = await service.getLibrary();
      const item = lib.items.find((i) => i.path === book)!;
      expect(item.book?.locations).toBeUndefined();
    } finally {
      await service.close();
    }
  });
});
