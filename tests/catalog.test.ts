import { cpSync, mkdtempSync, readFileSync, writeFileSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanLibrary, type Catalog } from '../main/core/catalog/scan.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';

const HIDDEN_MARKERS = ['숨은글자XYZ', '숨은메뉴NAVXYZ', '길잡이글자QRS', 'changmunPwned', '감춘글자QJX', '틀속글자TPLQ', '대체글자NSQ', '꾸밈글자CSSQ'];

describe('scanning content-sample', () => {
  let catalog: Catalog;
  const progress: { done: number; total: number; current?: string }[] = [];

  beforeAll(async () => {
    ({ catalog } = await scanLibrary(CONTENT_SAMPLE, { workers: 2, onProgress: (p) => progress.push(p) }));
  });

  it('finds every article, book and film with no problems', () => {
    const byType = (t: string) => catalog.items.filter((i) => i.type === t).length;
    expect(catalog.problems).toEqual([]);
    expect(byType('article')).toBeGreaterThanOrEqual(8);
    expect(byType('book')).toBe(3);
    expect(byType('video')).toBe(2);
    expect(catalog.items.map((i) => i.path)).not.toContain('SOURCES.md');
    expect(catalog.settings.title).toBe('창문 견본 서재 / Changmun sample library');
  });

  it('reports progress up to every file', () => {
    const last = progress.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThanOrEqual(17);
    expect(progress.some((p) => p.current?.endsWith('.epub'))).toBe(true);
  });

  it('pairs each film with the subtitles beside it, with their languages', () => {
    const sea = catalog.items.find((i) => i.path === 'films/바다의 편지.mp4')!;
    expect(sea.subtitles).toEqual([{ path: 'films/바다의 편지.smi', format: 'sami', languages: ['ko', 'en'] }]);
    expect(sea.language).toBe('ko');
    const texts = sea.chunks.map((c) => c.text).join('\n');
    expect(texts).toContain('똠방이');
    expect(texts).toContain('The sea sends us a letter every day.');
    expect(sea.chunks.every((c) => typeof c.locator.startMs === 'number')).toBe(true);

    const keeper = catalog.items.find((i) => i.path === 'films/the-lighthouse-keeper.mp4')!;
    // Named by the title its WebVTT file declares, not by its lower-case file name.
    expect(keeper.title).toBe('등대지기 (The Lighthouse Keeper)');
    expect(sea.title).toBe('바다의 편지 / Letters from the Sea');
    expect(keeper.language).toBe('en');
    expect(keeper.languages).toEqual(['en', 'ko']);
    expect(keeper.subtitles!.map((s) => s.path)).toEqual(['films/the-lighthouse-keeper.en.srt', 'films/the-lighthouse-keeper.ko.vtt']);
  });

  it('puts items in the collections library.json names', () => {
    const titanic = catalog.items.find((i) => i.path.includes('타이타닉'))!;
    expect(titanic.collections).toEqual(['역사 History']);
    expect(catalog.items.filter((i) => i.type === 'book').every((i) => i.collections.includes('문학 Literature'))).toBe(true);
  });

  it('reads North Korean spelling articles as written, with the language and sections', () => {
    const wonsan = catalog.items.find((i) => i.path === 'articles/history/원산-로동자들의-력사.html')!;
    expect(wonsan.language).toBe('ko');
    expect(wonsan.title).toContain('로동자들이');
    expect(wonsan.chunks.length).toBeGreaterThan(2);
    expect(wonsan.chunks.some((c) => c.locator.anchor && c.heading)).toBe(true);
    expect(wonsan.article!.images.length).toBeGreaterThan(0);
  });

  it('keeps script, navigation and hidden text out of what is searchable', () => {
    const all = catalog.items.flatMap((i) => i.chunks.map((c) => c.text)).join('\n');
    for (const marker of HIDDEN_MARKERS) expect(all, marker).not.toContain(marker);
    const safe = catalog.items.find((i) => i.path === 'articles/daily-life/안전한-읽기.html')!;
    expect(safe.chunks.map((c) => c.text).join(' ').length).toBeGreaterThan(200);
  });

  it('gives every chunk bounded NFC text and a locator a reader can open', () => {
    for (const item of catalog.items) {
      for (const c of item.chunks) {
        expect(c.text.length).toBeGreaterThan(0);
        expect(c.text.length).toBeLessThanOrEqual(2000);
        expect(c.text).toBe(c.text.normalize('NFC'));
        if (item.type === 'book') expect(typeof c.locator.href).toBe('string');
        if (item.type === 'article') expect(typeof c.locator.anchor).toBe('string');
      }
    }
  });
});

describe('scanning a library with broken files', () => {
  let dir: string;
  let catalog: Catalog;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'changmun-broken-'));
    cpSync(CONTENT_SAMPLE, dir, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
    const epub = readFileSync(path.join(CONTENT_SAMPLE, 'books', '동백꽃.epub'));
    writeFileSync(path.join(dir, 'books', 'truncated.epub'), epub.subarray(0, Math.floor(epub.length / 2)));
    writeFileSync(path.join(dir, 'films', 'noise.srt'), randomBytes(4096));
    writeFileSync(path.join(dir, 'articles', 'empty.md'), '');
    mkdirSync(path.join(dir, 'outside-link'));
    symlinkSync(tmpdir(), path.join(dir, 'outside-link', 'tmp'));
    ({ catalog } = await scanLibrary(dir, { workers: 2 }));
  });

  it('lists exactly the broken files as problems, each named, in Korean and English', () => {
    expect(catalog.problems.map((p) => p.path).sort()).toEqual(
      ['articles/empty.md', 'books/truncated.epub', 'films/noise.srt', 'outside-link/tmp'].sort(),
    );
    for (const p of catalog.problems) {
      expect(p.messageKo).toContain(p.path);
      expect(p.messageEn).toContain(p.path);
      expect(p.messageKo).toMatch(/[가-힣]/);
    }
    expect(catalog.problems.find((p) => p.path === 'articles/empty.md')!.messageEn).toMatch(/empty/);
    expect(catalog.problems.find((p) => p.path === 'books/truncated.epub')!.messageEn).toMatch(/damaged|cut short/);
  });

  it('keeps every other item intact', async () => {
    const { catalog: clean } = await scanLibrary(CONTENT_SAMPLE, { workers: 1 });
    const summary = (c: Catalog) => c.items.map((i) => `${i.path}|${i.title}|${i.chunks.length}`);
    expect(summary(catalog)).toEqual(summary(clean));
  });
});

describe('changmun scan (the command)', () => {
  const cli = path.join(REPO_ROOT, 'bin', 'changmun.js');

  it('prints one JSON document in the documented shape', () => {
    const r = spawnSync(process.execPath, [cli, 'scan', CONTENT_SAMPLE, '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { items: Record<string, unknown>[]; problems: unknown[] };
    expect(doc.problems).toEqual([]);
    const book = doc.items.find((i) => i['path'] === 'books/동백꽃.epub')!;
    expect(book).toMatchObject({ type: 'book', title: '동백꽃', language: 'ko' });
    expect(book['chunks']).toBeGreaterThan(3);
  });

  it('prints a readable list by default', () => {
    const r = spawnSync(process.execPath, [cli, 'scan', CONTENT_SAMPLE], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('창문 견본 서재');
    expect(r.stdout).toMatch(/책 Books 3/);
  });

  it('with no folder named, scans the sample library in development', () => {
    const r = spawnSync(process.execPath, [cli, 'scan', '--json'], { encoding: 'utf8', cwd: tmpdir() });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).library).toBe(CONTENT_SAMPLE);
  });

  it('fails with the reason on stderr (and with --json, an error document on stdout) when the folder does not exist', () => {
    const r = spawnSync(process.execPath, [cli, 'scan', '/nonexistent/folder', '--json'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'not-found', en: expect.stringMatching(/library folder not found/) } });
    expect(r.stderr).toMatch(/library folder not found/);
  });
});
