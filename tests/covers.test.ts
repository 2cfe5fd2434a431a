// Covers on the home screen (issue 16): an article shows its first local picture, a film a poster
// beside it or the frame build took, through the same covers/ route as a book's cover. What a drive
// holds is never trusted: a URL or a path out of the library is not followed, a file is a picture
// only when its first bytes say so, sizes are bounded, and a frame not as signed is not shown.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { LibraryService } from '../main/core/library-service.js';
import { routeOfPath, serveAppRoute, type AppRouteContext } from '../main/core/serve/app-routes.js';
import {
  articleCoverSource, frameName, pictureTypeOf, posterCandidates, resolveArticleImage,
} from '../main/core/serve/item-covers.js';
import type { LibraryItem } from '../main/api.js';
import { CONTENT_SAMPLE } from './helpers/paths.js';

const temps: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** A small real picture made by ffmpeg (a plain colour), as the given file type. */
function picture(file: string, colour = 'teal'): Buffer {
  execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=${colour}:s=64x48`, '-frames:v', '1', file]);
  return readFileSync(file);
}

const MP4_HEAD = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isommp41', 'latin1'), Buffer.alloc(64)]);

function routeContext(service: LibraryService, root: string): AppRouteContext {
  return { libraryRoot: root, distDir: root, cover: (p) => service.coverBytes(p), book: (u, r) => service.bookEntry(u, r) };
}

async function getCover(service: LibraryService, root: string, urlPath: string) {
  return serveAppRoute(routeOfPath(`covers/${urlPath}`), { method: 'GET', headers: {} }, routeContext(service, root));
}

describe('where a cover may come from (pure rules)', () => {
  it('follows an article picture reference only inside the library, and only to a raster picture', () => {
    expect(resolveArticleImage('a/b/글.html', '사진.png')).toBe('a/b/사진.png');
    expect(resolveArticleImage('a/b/글.html', './img/%EC%82%AC%EC%A7%84.jpg?v=2#x')).toBe('a/b/img/사진.jpg');
    expect(resolveArticleImage('a/b/글.html', '../c/p.webp')).toBe('a/c/p.webp');
    for (const ref of [
      'https://example.com/x.png', '//example.com/x.png', 'data:image/png;base64,AAAA', 'file:///etc/x.png', '/etc/x.png',
      '../../../x.png', '..\\..\\x.png', 'C:/x.png', '.changmun/covers/x.png', 'x.svg', 'x.html', '%2e%2e/%2e%2e/%2e%2e/x.png', 'a%00.png',
    ]) {
      expect(resolveArticleImage('a/b/글.html', ref), ref).toBeUndefined();
    }
    expect(articleCoverSource('a/글.md', ['https://x/y.png', '그림.svg', '사진.jpg', '둘째.png'])).toBe('a/사진.jpg');
  });

  it('knows a picture by its first bytes, not by its name', () => {
    expect(pictureTypeOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(pictureTypeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(pictureTypeOf(new TextEncoder().encode('<svg onload="x()">'))).toBeUndefined();
    expect(pictureTypeOf(new TextEncoder().encode('<html><script>'))).toBeUndefined();
  });

  it("looks for a film's poster under its own name first, then the folder's", () => {
    const c = posterCandidates('films/바다의 편지.mp4');
    expect(c[0]).toBe('films/바다의 편지.jpg');
    expect(c).toContain('films/poster.jpg');
    expect(c).toContain('films/folder.jpg');
    expect(frameName('films/a.mp4')).toMatch(/^[0-9a-f]{32}\.jpg$/);
    expect(frameName('films/a.mp4')).not.toBe(frameName('films/b.mp4'));
  });
});

describe('covers of the sample library', () => {
  let dir: string;
  let service: LibraryService;
  let items: LibraryItem[];

  beforeAll(async () => {
    dir = tempDir('changmun-covers-sample-');
    cpSync(CONTENT_SAMPLE, dir, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
    service = new LibraryService(resolveLibraryFolder(dir), { workers: 2 });
    await service.ready;
    items = (await service.getLibrary()).items;
  }, 120_000);
  afterAll(async () => service.close());

  it('gives articles with a local picture that picture, and the others none', async () => {
    const titanic = items.find((i) => i.path === 'articles/history/타이타닉호의-마지막-밤.html')!;
    expect(titanic.cover).toEqual({ source: 'articles/history/titanic.jpg' });
    const r = await getCover(service, dir, encodeURI(titanic.path));
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toBe('image/jpeg');
    expect(Buffer.from(r.body as Uint8Array)).toEqual(readFileSync(path.join(dir, 'articles/history/titanic.jpg')));
    expect(items.find((i) => i.path === 'articles/history/제주-해녀의-역사.md')!.cover).toEqual({ source: 'articles/history/haenyeo.png' });
    // Only an SVG (its Korean text would need the PC's fonts), or only a remote picture: drawn instead.
    expect(items.find((i) => i.path === 'articles/science/밤하늘에서-북쪽-찾기.md')!.cover).toBeUndefined();
    expect(items.find((i) => i.path === 'articles/daily-life/안전한-읽기.html')!.cover).toBeUndefined();
    expect(items.find((i) => i.path === 'articles/daily-life/running-a-small-library.txt')!.cover).toBeUndefined();
  });

  it('asks for a film picture, which is not there before a build: the UI draws the cover', async () => {
    const film = items.find((i) => i.path === 'films/the-lighthouse-keeper.mp4')!;
    expect(film.cover).toEqual({ source: film.path });
    expect(film.title).toBe('등대지기 (The Lighthouse Keeper)');
    expect((await getCover(service, dir, 'films/the-lighthouse-keeper.mp4')).status).toBe(404);
  });

  it('keeps books as they were: their own cover', async () => {
    const book = items.find((i) => i.path === 'books/동백꽃.epub')!;
    expect(book.cover).toEqual({ source: book.path });
    expect((await getCover(service, dir, encodeURI(book.path))).status).toBe(200);
  });
});

describe('covers from a library made to deceive', () => {
  let drive: string;
  let lib: string;
  let service: LibraryService;
  let items: LibraryItem[];
  const item = (p: string) => items.find((i) => i.path === p)!;
  let jpeg: Buffer;

  beforeAll(async () => {
    drive = tempDir('changmun-covers-hostile-');
    lib = path.join(drive, 'library');
    const outside = tempDir('changmun-covers-outside-');
    const write = (rel: string, data: string | Buffer) => {
      mkdirSync(path.dirname(path.join(lib, rel)), { recursive: true });
      writeFileSync(path.join(lib, rel), data);
    };
    const article = (rel: string, src: string) => write(rel, `<html><head><title>${path.basename(rel)}</title></head><body><p>글 ${rel}</p><img src="${src}"></body></html>`);
    mkdirSync(path.join(lib, 'a'), { recursive: true });
    const png = picture(path.join(lib, 'a', '사진.png'));
    jpeg = picture(path.join(outside, 'secret.jpg'), 'red');
    article('a/good.html', '%EC%82%AC%EC%A7%84.png');
    // Named .png, holds a page with a script: not a picture.
    write('a/fake.png', '<html><script>parent.x=1</script></html>');
    article('a/fake.html', 'fake.png');
    // A link inside the library to a picture outside it.
    symlinkSync(path.join(outside, 'secret.jpg'), path.join(lib, 'a', 'link.jpg'));
    article('a/link.html', 'link.jpg');
    // Far too large to be worth a thumbnail.
    write('a/huge.png', Buffer.concat([png.subarray(0, 16), Buffer.alloc(9 * 1024 * 1024)]));
    article('a/huge.html', 'huge.png');
    // A film with its poster beside it; one with a poster that is no picture; one with a frame from build.
    write('films/poster-film.mp4', MP4_HEAD);
    const poster = picture(path.join(lib, 'films', 'poster-film.jpg'), 'navy');
    write('films/liar.mp4', MP4_HEAD);
    write('films/liar.jpg', 'not a picture');
    write('films/framed.mp4', MP4_HEAD);
    mkdirSync(path.join(drive, '.changmun', 'covers'), { recursive: true });
    writeFileSync(path.join(drive, '.changmun', 'covers', frameName('films/framed.mp4')), jpeg);
    // A frame file that is a PNG, where build only ever writes JPEG.
    write('films/wrong-frame.mp4', MP4_HEAD);
    writeFileSync(path.join(drive, '.changmun', 'covers', frameName('films/wrong-frame.mp4')), png);
    expect(poster.length).toBeGreaterThan(0);
    service = new LibraryService(resolveLibraryFolder(drive), { workers: 1 });
    await service.ready;
    items = (await service.getLibrary()).items;
  }, 120_000);
  afterAll(async () => service.close());

  it('serves the picture an article names, decoded once, with its real type', async () => {
    expect(item('a/good.html').cover).toEqual({ source: 'a/사진.png' });
    const r = await getCover(service, lib, 'a/good.html');
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toBe('image/png');
  });

  it('refuses a fake picture, a link out of the library and a huge file, each on its own', async () => {
    for (const p of ['a/fake.html', 'a/link.html', 'a/huge.html']) expect((await getCover(service, lib, p)).status, p).toBe(404);
    // The rest keeps working.
    expect((await getCover(service, lib, 'a/good.html')).status).toBe(200);
  });

  it("serves a film's poster, else the frame build took; a poster or frame that is no JPEG picture is not served", async () => {
    const poster = await getCover(service, lib, 'films/poster-film.mp4');
    expect(poster.status).toBe(200);
    expect(Buffer.from(poster.body as Uint8Array)).toEqual(readFileSync(path.join(lib, 'films', 'poster-film.jpg')));
    const frame = await getCover(service, lib, 'films/framed.mp4');
    expect(frame.status).toBe(200);
    expect(frame.headers['Content-Type']).toBe('image/jpeg');
    expect(Buffer.from(frame.body as Uint8Array)).toEqual(jpeg);
    expect((await getCover(service, lib, 'films/liar.mp4')).status).toBe(404);
    expect((await getCover(service, lib, 'films/wrong-frame.mp4')).status).toBe(404);
  });

  it('refuses paths that leave the library through the route', async () => {
    for (const p of ['../.changmun/covers/x.jpg', '%2e%2e/secret.jpg', '.changmun/covers/x.jpg', 'a/%2e%2e/%2e%2e/x']) {
      expect([403, 404]).toContain((await getCover(service, lib, p)).status);
    }
  });
});
