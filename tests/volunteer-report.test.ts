// `changmun report` on a copy of content-sample with a problem of every kind planted in it: each one
// must be on the list, in the terminal, in the JSON and in the offline HTML file.
import { generateKeyPairSync } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type DriveReport } from '../main/core/drive-build/report.js';
import { giveawayWords } from '../main/core/drive-build/giveaway.js';
import { changmun, changmunJson, copySample, imageOnlyEpub, mp4WithAc3Audio, removeTemps, tempDir } from './helpers/volunteer.js';

let tmp: string;
let planted: string;
let report: DriveReport & { html: string | null };
let htmlFile: string;

const BIG = 'archive/drive-image.iso';

beforeAll(async () => {
  tmp = tempDir('changmun-report-');
  planted = copySample(path.join(tmp, 'planted'));
  const at = (...p: string[]) => path.join(planted, ...p);
  // Could not be read.
  writeFileSync(at('books', '부서진-책.epub'), 'this is not a zip file at all');
  // No searchable text: a picture book, a film without subtitles. Subtitles without a film (searchable, nothing to watch).
  writeFileSync(at('books', '그림책.epub'), await imageOnlyEpub('그림책'));
  copyFileSync(at('films', 'the-lighthouse-keeper.mp4'), at('films', 'silent-film.mp4'));
  writeFileSync(at('films', 'orphan.ko.srt'), '1\n00:00:01,000 --> 00:00:03,000\n영화가 없는 자막입니다.\n');
  // Over FAT32's limit: a sparse file, 4 GiB + 1 byte, made at once without using the disk.
  mkdirSync(at('archive'));
  closeSync(openSync(at(BIG), 'w'));
  truncateSync(at(BIG), 4 * 1024 ** 3 + 1);
  // A film Electron will not play (AC-3 audio), with subtitles so that it is only that.
  writeFileSync(at('films', 'ac3-film.mp4'), mp4WithAc3Audio());
  writeFileSync(at('films', 'ac3-film.srt'), '1\n00:00:01,000 --> 00:00:03,000\nSound that will not play.\n');
  // Duplicates.
  copyFileSync(at('articles', 'history', 'titanic.jpg'), at('articles', 'history', 'titanic-copy.jpg'));
  // Names that say what the drive is.
  mkdirSync(at('탈북자 수기'));
  writeFileSync(at('탈북자 수기', '자유로 가는 길.md'), '# 자유로 가는 길\n\n국경을 넘은 밤의 이야기.\n');
  // A private key, and system litter.
  mkdirSync(at('notes'));
  writeFileSync(at('notes', 'key.txt'), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(at('Thumbs.db'), 'thumbnails');
  writeFileSync(at('films', '._바다의 편지.mp4'), 'AppleDouble');

  htmlFile = path.join(tmp, 'report.html');
  const r = await changmunJson<DriveReport & { html: string | null }>(['report', planted, '--html', htmlFile, '--label', 'KBS 드라마 모음']);
  expect(r.code, r.stderr).toBe(0);
  report = r.value;
}, 180_000);
afterAll(() => removeTemps());

describe('changmun report on a folder with planted problems', () => {
  it('counts what is there by type, language and collection, with sizes and hours', () => {
    expect(report.items.byType.book.items).toBe(4);
    expect(report.items.byType.article.items).toBeGreaterThanOrEqual(11);
    expect(report.items.byLanguage.find((l) => l.language === 'ko')?.items).toBeGreaterThan(5);
    expect(report.items.byCollection.map((c) => c.collection)).toContain('문학 Literature');
    expect(report.reading.hours).toBeGreaterThan(0.2);
    expect(report.video.films).toBe(4);
    expect(report.video.seconds).toBeGreaterThan(36 + 38 + 38 + 89);
    expect(report.sizes.driveBytes).toBeGreaterThan(4 * 1024 ** 3);
    expect(report.source).toBe('fresh-scan');
  });

  it('lists the file that could not be read', () => {
    expect(report.fix.unreadable.map((p) => p.path)).toContain('books/부서진-책.epub');
    expect(report.fix.unreadable.find((p) => p.path === 'books/부서진-책.epub')?.messageKo).toMatch(/손상|열 수 없/);
  });

  it('lists the picture book and the film without subtitles as not searchable, and the subtitles without a film apart', () => {
    const by = Object.fromEntries(report.fix.notSearchable.map((x) => [x.path, x.reason]));
    expect(by['books/그림책.epub']).toBe('pictures-only');
    expect(by['films/silent-film.mp4']).toBe('film-without-subtitles');
    // Subtitles without their film are searchable: they are not on the not-searchable list.
    expect(by['films/orphan.ko.srt']).toBeUndefined();
    expect(report.fix.subtitlesWithoutFilm.map((x) => x.path)).toEqual(['films/orphan.ko.srt']);
    expect(by['films/ac3-film.mp4']).toBeUndefined();
  });

  it('lists the file over 4 GB', () => {
    expect(report.fix.over4GB).toEqual([{ path: BIG, size: 4 * 1024 ** 3 + 1 }]);
  });

  it('lists the film Electron will not play, and not the ones it plays', () => {
    expect(report.fix.codecs.map((c) => c.path)).toEqual(['films/ac3-film.mp4']);
    const c = report.fix.codecs[0]!;
    expect(c.verdict).toBe('wont-play');
    expect(c.streams?.audio).toEqual(['ac3']);
    expect(c.reasons.map((r) => r.en).join(' ')).toContain('ac3');
  });

  it('lists duplicates by SHA-256', () => {
    const groups = report.fix.duplicates.map((d) => d.paths);
    expect(groups).toContainEqual(['articles/history/titanic-copy.jpg', 'articles/history/titanic.jpg']);
    expect(groups).toContainEqual(['films/silent-film.mp4', 'films/the-lighthouse-keeper.mp4']);
    expect(report.fix.duplicates.every((d) => /^[0-9a-f]{64}$/.test(d.sha256))).toBe(true);
  });

  it('lists the label and the names that give the drive away', () => {
    const g = report.fix.giveaways;
    expect(g).toContainEqual(expect.objectContaining({ where: 'label', text: 'KBS 드라마 모음' }));
    expect(g).toContainEqual(expect.objectContaining({ where: 'path', path: '탈북자 수기', words: [expect.objectContaining({ word: '탈북' })] }));
    expect(g).toContainEqual(expect.objectContaining({ where: 'path', path: '탈북자 수기/자유로 가는 길.md' }));
  });

  it('lists the private key and the system files', () => {
    expect(report.fix.privateKeys).toEqual(['notes/key.txt']);
    expect(report.fix.systemFiles.sort()).toEqual(['Thumbs.db', 'films/._바다의 편지.mp4']);
  });

  it('counts every planted problem in toFix and writes nothing into the folder', () => {
    const f = report.fix;
    expect(report.toFix).toBe(f.unreadable.length + f.notSearchable.length + f.subtitlesWithoutFilm.length + f.over4GB.length + f.codecs.length + f.duplicates.length + f.giveaways.length + f.privateKeys.length + f.systemFiles.length);
    expect(existsSync(path.join(planted, '.changmun'))).toBe(false);
    expect(readdirSync(planted).some((n) => n.endsWith('.html'))).toBe(false);
  });

  it('writes a self-contained HTML file: every planted problem, inline CSS, no script, nothing remote', () => {
    expect(report.html).toBe(htmlFile);
    const html = readFileSync(htmlFile, 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(?:src|href)\s*=/i);
    expect(html).not.toMatch(/https?:\/\//);
    for (const p of ['books/부서진-책.epub', 'books/그림책.epub', 'films/silent-film.mp4', 'films/orphan.ko.srt', BIG, 'films/ac3-film.mp4', 'articles/history/titanic-copy.jpg', '탈북자 수기', 'KBS 드라마 모음', 'notes/key.txt', 'Thumbs.db']) {
      expect(html, p).toContain(p);
    }
    expect(statSync(htmlFile).size).toBeLessThan(200_000);
  });

  it('prints the same list in the terminal, and refuses to write the HTML onto the drive', async () => {
    const r = await changmun(['report', planted, '--no-html', '--no-ffprobe']);
    expect(r.code).toBe(0);
    for (const s of ['books/부서진-책.epub', 'books/그림책.epub', BIG, 'films/ac3-film.mp4', 'titanic-copy.jpg', '탈북', 'notes/key.txt', 'Thumbs.db']) expect(r.stdout, s).toContain(s);
    const inside = await changmun(['report', planted, '--html', path.join(planted, 'report.html')]);
    expect(inside.code).toBe(2);
    expect(existsSync(path.join(planted, 'report.html'))).toBe(false);
  });

  it('reads codecs from the container when ffprobe is not used', async () => {
    const r = await buildReport(planted, { ffprobe: false });
    expect(r.codecsVia).toBe('container');
    expect(r.fix.codecs.map((c) => [c.path, c.verdict, c.streams?.video, c.streams?.audio])).toEqual([['films/ac3-film.mp4', 'wont-play', ['h264'], ['ac3']]]);
    expect(r.video.seconds).toBeGreaterThan(36 + 38 + 38 + 89);
  });
});

describe('the giveaway heuristic', () => {
  it('finds Korean words inside longer words and Latin words at word starts, in any case', () => {
    expect(giveawayWords('탈북자들의 이야기').map((w) => w.word)).toEqual(['탈북']);
    expect(giveawayWords('The_Bible_Stories').map((w) => w.word)).toEqual(['bible']);
    expect(giveawayWords('kbs-news 2021').map((w) => w.word)).toEqual(['KBS']);
    expect(giveawayWords('websites and cobbles')).toEqual([]);
    expect(giveawayWords('봄날의 동백꽃')).toEqual([]);
  });
});

describe('changmun report on a built drive', () => {
  it('reads the catalog and the text from the saved index, and finds nothing to fix in content-sample', async () => {
    const content = copySample(path.join(tmp, 'clean'));
    const drive = path.join(tmp, 'CLEAN-DRIVE');
    expect((await changmun(['build', content, '--out', drive, '--no-app', '--no-launchers'])).code).toBe(0);
    const r = await buildReport(drive);
    expect(r.source).toBe('saved-index');
    expect(r.items.total).toBe(15);
    expect(r.manifest).toMatchObject({ present: true, signed: false });
    const fresh = await buildReport(content);
    expect(r.reading.hangul).toBe(fresh.reading.hangul);
    expect(r.reading.other).toBe(fresh.reading.other);
    expect(r.fix.unreadable).toEqual([]);
    expect(r.fix.notSearchable).toEqual([]);
    expect(r.fix.codecs).toEqual([]);
    expect(r.fix.duplicates).toEqual([]);
    expect(r.fix.privateKeys).toEqual([]);
  });
});
