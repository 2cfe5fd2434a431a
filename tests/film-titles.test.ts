// Film titles (issue 16, covers): a film is named by its sidecar (<film>.nfo) or by the title its
// subtitle file declares, and only without either by its file name — as written, never lower-cased.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanLibrary, type Catalog } from '../main/core/catalog/scan.js';
import { cleanTitle, parseNfo, subtitleTitle } from '../main/core/extract/film/title.js';
import { extractSubtitle } from '../main/core/extract/subtitles/index.js';

/** Enough of an MP4 for the catalog: it only reads the first bytes. */
const MP4_HEAD = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isommp41', 'latin1'), Buffer.alloc(64)]);
const SRT = '1\n00:00:01,000 --> 00:00:02,000\n안녕하세요\n';

describe('the title a subtitle file declares', () => {
  it('reads SAMI <TITLE>, ASS Title: and the WebVTT header line', async () => {
    const sami = `<SAMI><HEAD><TITLE>바다의 편지 &amp; 등대</TITLE></HEAD><BODY><SYNC Start=1000><P Class=KRCC>안녕</BODY></SAMI>`;
    expect(subtitleTitle('sami', sami)).toBe('바다의 편지 & 등대');
    const ass = '[Script Info]\nTitle: 마지막 기차\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,안녕\n';
    expect(subtitleTitle('ass', ass)).toBe('마지막 기차');
    expect(subtitleTitle('vtt', '\ufeffWEBVTT - 등대지기\n\n00:00.000 --> 00:01.000\n안녕\n')).toBe('등대지기');
    expect(subtitleTitle('vtt', 'WEBVTT\n\nNOTE 등대지기\n')).toBeUndefined();
    expect(subtitleTitle('srt', SRT)).toBeUndefined();
    // Through the extractor, CP949 as Korean SAMI files often are.
    const bytes = iconv.encode('<SAMI><HEAD><TITLE>똠방이의 여름</TITLE></HEAD><BODY><SYNC Start=1000><P Class=KRCC>똠방이가 왔다.\n</BODY></SAMI>', 'cp949');
    expect((await extractSubtitle(new Uint8Array(bytes), '여름.smi')).title).toBe('똠방이의 여름');
  });

  it('takes template placeholders, punctuation and pasted paragraphs for no title', () => {
    expect(subtitleTitle('ass', '[Script Info]\nTitle: Default Aegisub file\n[Events]\n')).toBeUndefined();
    expect(subtitleTitle('sami', '<SAMI><HEAD><TITLE>  </TITLE></HEAD></SAMI>')).toBeUndefined();
    expect(subtitleTitle('sami', '<SAMI><HEAD><TITLE>제목 없음</TITLE></HEAD></SAMI>')).toBeUndefined();
    expect(cleanTitle('---')).toBeUndefined();
    expect(cleanTitle('가'.repeat(201))).toBeUndefined();
    expect(cleanTitle('<b>등대</b>\u202e지기')).toBe('등대 지기');
  });
});

describe('a film sidecar (.nfo)', () => {
  it("reads the film's own title and director, not an actor's or a set's name", () => {
    const nfo = `<?xml version="1.0" encoding="UTF-8"?>
<movie>
  <set><name>세트 이름</name><title>세트 제목</title></set>
  <actor><name>배우</name><title>배우 제목</title></actor>
  <title><![CDATA[마지막 기차]]></title>
  <originaltitle>The Last Train</originaltitle>
  <director>김감독</director>
  <year>1998</year>
</movie>`;
    expect(parseNfo(nfo)).toEqual({ kind: 'sidecar', title: '마지막 기차', authors: ['김감독'], year: 1998 });
  });

  it('gives no title for a plain-text or broken sidecar, without failing', () => {
    expect(parseNfo('https://www.imdb.com/title/tt0000001/')).toEqual({ kind: 'sidecar', authors: [] });
    expect(parseNfo('<movie><title>')).toEqual({ kind: 'sidecar', authors: [] });
    expect(parseNfo(`<movie>${'<a>'.repeat(5000)}</movie>`)).toEqual({ kind: 'sidecar', authors: [] });
  });
});

describe('films in a library folder', () => {
  let dir: string;
  let catalog: Catalog;
  const film = (p: string) => catalog.items.find((i) => i.path === p)!;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'changmun-titles-'));
    const write = (rel: string, data: string | Buffer) => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), data);
    };
    // A sidecar wins over the subtitle's own title.
    write('films/last-train.mp4', MP4_HEAD);
    write('films/last-train.nfo', '<movie><title>마지막 기차</title><director>김감독</director></movie>');
    write('films/last-train.ko.smi', '<SAMI><HEAD><TITLE>다른 제목</TITLE></HEAD><BODY><SYNC Start=1000><P Class=KRCC>기차가 떠났다.\n</BODY></SAMI>');
    // No sidecar: the subtitle's title.
    write('films/harbour.mp4', MP4_HEAD);
    write('films/harbour.ko.vtt', 'WEBVTT - 항구의 아침\n\n00:00:01.000 --> 00:00:02.000\n배가 들어왔다.\n');
    // Neither: the file name as written, capitals kept.
    write('films/The-Night-Ferry.mp4', MP4_HEAD);
    write('films/The-Night-Ferry.srt', SRT);
    // A sidecar far too large: one problem for that file, the film still listed by its name.
    write('films/Big Sea.mp4', MP4_HEAD);
    write('films/Big Sea.nfo', `<movie><title>큰 바다</title>${' '.repeat(300 * 1024)}</movie>`);
    // A sidecar with no film beside it is nobody's: no item, no problem.
    write('films/orphan.nfo', '<movie><title>고아</title></movie>');
    ({ catalog } = await scanLibrary(dir, { workers: 1 }));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each film from its sidecar, else its subtitle, else its file name as written', () => {
    expect(film('films/last-train.mp4')).toMatchObject({ title: '마지막 기차', authors: ['김감독'], video: { sidecar: 'films/last-train.nfo' } });
    expect(film('films/harbour.mp4').title).toBe('항구의 아침');
    expect(film('films/The-Night-Ferry.mp4').title).toBe('The Night Ferry');
    expect(film('films/Big Sea.mp4').title).toBe('Big Sea');
    expect(catalog.items.filter((i) => i.type === 'video')).toHaveLength(4);
  });

  it('tells of the one bad sidecar in plain words and of nothing else', () => {
    expect(catalog.problems.map((p) => p.path)).toEqual(['films/Big Sea.nfo']);
    expect(catalog.problems[0]!.messageKo).toMatch(/[가-힣]/);
  });
});
