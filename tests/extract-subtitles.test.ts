import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../main/core/errors.js';
import {
  extractSubtitle,
  languageFromSubtitleName,
  subtitleFormatOf,
} from '../main/core/extract/subtitles/index.js';
import type { SubtitleExtract } from '../main/core/types.js';
import { MAX_CHUNK_CHARS } from '../main/text/chunking.js';
import { corpusAvailable, corpusPath } from './helpers/paths.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const withBom = (s: string): Uint8Array => utf8(`\ufeff${s}`);
type CueTuple = [number, number, string];
/** An SRT timestamp for `ms`. */
const stamp = (ms: number): string => {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
};
const cues = (r: SubtitleExtract, track = 0): CueTuple[] =>
  (r.tracks[track]?.cues ?? []).map((c) => [c.startMs, c.endMs, c.text]);

async function errorOf(p: Promise<unknown>): Promise<ExtractError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ExtractError);
  return e as ExtractError;
}

/** What every result must satisfy, whatever the input was. */
function expectWellFormed(r: SubtitleExtract): void {
  expect(r.kind).toBe('subtitle');
  expect(['srt', 'vtt', 'sami', 'ass']).toContain(r.format);
  expect(r.tracks.length).toBeGreaterThan(0);
  for (const t of r.tracks) {
    expect(t.cues.length).toBeGreaterThan(0);
    let previous = 0;
    for (const c of t.cues) {
      expect(Number.isFinite(c.startMs) && Number.isFinite(c.endMs)).toBe(true);
      expect(c.startMs).toBeGreaterThanOrEqual(previous);
      expect(c.endMs).toBeGreaterThanOrEqual(c.startMs);
      expect(c.text.length).toBeGreaterThan(0);
      expect(c.text).toBe(c.text.normalize('NFC'));
      expect(c.text).toBe(c.text.trim());
      previous = c.startMs;
    }
  }
  expect(r.chunks.length).toBeGreaterThan(0);
  for (const ch of r.chunks) {
    expect(ch.text.length).toBeGreaterThan(0);
    expect(ch.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
    expect(ch.locator.startMs).toBeGreaterThanOrEqual(0);
  }
}

// Cue counts checked independently: a Python script counting SYNCs whose text is not blank.
const CORPUS_CUES: Record<string, number> = {
  'cp949/01.smi': 299, 'cp949/02.smi': 323, 'cp949/03.smi': 349, 'cp949/04.smi': 344,
  'utf16/01.smi': 532, 'utf16/02.smi': 497, 'utf16/03.smi': 533,
  'utf8/02.smi': 408, 'utf8/03.smi': 355, 'utf8/04.smi': 390, 'utf8/05.smi': 370,
};

describe.skipIf(!corpusAvailable)('real SAMI files (shared corpus)', () => {
  const files = corpusAvailable
    ? ['cp949', 'utf16', 'utf8'].flatMap((dir) =>
        readdirSync(corpusPath('subtitles', dir))
          .filter((f) => f.endsWith('.smi') && !f.startsWith('bilingual'))
          .map((f) => `${dir}/${f}`),
      )
    : [];

  it('finds every series episode the table expects', () => {
    expect(files.sort()).toEqual(Object.keys(CORPUS_CUES).sort());
  });

  it.each(files)('%s: Hangul cues in time order, no markup, no credits', async (file) => {
    const bytes = readFileSync(corpusPath('subtitles', file));
    const r = await extractSubtitle(bytes, file.split('/')[1] ?? file);
    expectWellFormed(r);
    expect(r.format).toBe('sami');
    expect(r.tracks).toHaveLength(1);
    expect(r.tracks[0]?.language).toBe('ko');
    const list = r.tracks[0]?.cues ?? [];
    expect(list).toHaveLength(CORPUS_CUES[file] ?? -1);
    const hangul = list.filter((c) => /[가-힣]/.test(c.text)).length;
    expect(hangul / list.length).toBeGreaterThan(0.8);
    for (const c of list) {
      expect(c.text).not.toMatch(/[<>\ufffd]|&nbsp|&amp;|&lt;/i);
      expect(c.endMs).toBeGreaterThan(c.startMs);
    }
    // Whatever the file's comments say (credits, player instructions) is never a cue.
    const raw = iconv.decode(Buffer.from(bytes), file.startsWith('cp949') ? 'cp949' : file.startsWith('utf16') ? 'utf-16le' : 'utf-8');
    const commentLines = [...raw.matchAll(/<!?--([\s\S]*?)-->/g)]
      .flatMap((m) => (m[1] ?? '').split(/\r?\n/))
      .map((l) => l.trim())
      .filter((l) => l.length >= 8 && !l.includes('{'));
    expect(commentLines.length).toBeGreaterThan(0);
    for (const line of commentLines) expect(list.some((c) => c.text.includes(line))).toBe(false);
  });

  it('times the lines a viewer sees, and &nbsp; SYNCs end them', async () => {
    const railgun = await extractSubtitle(readFileSync(corpusPath('subtitles', 'utf8', '02.smi')), '02.smi');
    expect(cues(railgun).slice(0, 3)).toEqual([
      [35394, 36904, '이번엔 안 놓친다'],
      [36904, 38639, '잠깐, 나는…'],
      [38639, 41112, '포기해!'],
    ]);
    expect(cues(railgun).some(([start]) => start === 41112)).toBe(false);
    const song = cues(railgun).find(([start]) => start === 69471);
    expect(song?.[2]).toBe('어떤 과학의 초전자포\n心に刻んだ夢を\n마음속에 새긴 꿈을');

    const zero = await extractSubtitle(readFileSync(corpusPath('subtitles', 'cp949', '01.smi')), '01.smi');
    // Text split over source lines inside one <P> with <br> between: two lines, not four.
    expect(cues(zero)[0]).toEqual([48300, 51100, 'First kissから始まる\n첫키스로 시작하는']);
    expect(cues(zero).at(-1)).toEqual([1417000, 1420000, '다음 화!\n평민의 사역마']);
    // The credits comment at the top ("제작자:Feelsogood") is not shown; the on-screen credit cue is.
    expect(zero.tracks[0]?.cues.some((c) => c.text.includes('제작자'))).toBe(false);
    expect(cues(zero).find(([, , t]) => t.includes('Caption by Feelsogood'))).toBeDefined();
  });

  it('bilingual-krcc-encc.smi gives a Korean and an English track, timed side by side', async () => {
    const bytes = readFileSync(corpusPath('subtitles', 'utf8', 'bilingual-krcc-encc.smi'));
    const r = await extractSubtitle(bytes, 'bilingual-krcc-encc.smi');
    expectWellFormed(r);
    expect(r.tracks.map((t) => [t.label, t.language])).toEqual([['KRCC', 'ko'], ['ENCC', 'en']]);
    expect(cues(r, 0)).toEqual([
      [0, 1800, '안녕하세요\n테스트입니다.'],
      [1800, 3600, '두 번째 줄입니다.'],
    ]);
    expect(cues(r, 1)).toEqual([
      [0, 1800, 'Hello\nThis is a test.'],
      [1800, 3600, 'Second line.'],
    ]);
    expect(r.chunks.map((c) => [c.language, c.locator.startMs])).toEqual([['ko', 0], ['en', 0]]);
    expect(r.chunks[0]?.text).toContain('두 번째 줄입니다.');
  });

  // The corpus folders hold three different series (no episode exists in two encodings), so each
  // file is re-encoded into the other two encodings: the cues must not depend on the encoding.
  it.each([
    ['cp949/02.smi', 'cp949'],
    ['utf16/01.smi', 'utf-16le'],
    ['utf8/02.smi', 'utf-8'],
  ])('%s gives the same cues in CP949, UTF-16 LE and UTF-8', async (file, encoding) => {
    const text = iconv.decode(readFileSync(corpusPath('subtitles', file)), encoding).replace(/^\ufeff/, '');
    const variants = [
      iconv.encode(text, 'cp949'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]),
      withBom(text),
      utf8(text),
    ];
    expect(iconv.decode(variants[0] as Buffer, 'cp949')).toBe(text);
    const results = await Promise.all(variants.map((b) => extractSubtitle(b, 'episode.smi')));
    const reference = await extractSubtitle(readFileSync(corpusPath('subtitles', file)), 'episode.smi');
    for (const r of results) expect(r.tracks).toEqual(reference.tracks);
    expect(reference.tracks[0]?.cues.length).toBe(CORPUS_CUES[file]);
  });
});

describe('SRT', () => {
  it('reads BOM, CRLF, tags, entities, comma or period milliseconds and a missing final blank line', async () => {
    const srt = [
      '1', '00:00:01,000 --> 00:00:02,500', '<i>Hello</i>  there', '',
      '2', '00:00:03.250 --> 00:00:04.000', '<font color="#ff0000">Red</font> &amp; <b>bold</b>', 'second line', '',
      '3', '00:01:05,5 --> 00:01:06,000 X1:10 X2:20', '{\\an8}Top &lt;line&gt;',
    ].join('\r\n');
    const r = await extractSubtitle(withBom(srt), 'movie.srt');
    expectWellFormed(r);
    expect(r.format).toBe('srt');
    expect(cues(r)).toEqual([
      [1000, 2500, 'Hello there'],
      [3250, 4000, 'Red & bold\nsecond line'],
      [65500, 66000, 'Top <line>'],
    ]);
  });

  it('leaves text that only looks like an entity or a tag alone', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nAT&T &toString; &constructor; R&D a < b, I <3 you &#0;\n';
    const r = await extractSubtitle(utf8(srt), 'a.srt');
    expect(cues(r)).toEqual([[1000, 2000, 'AT&T &toString; &constructor; R&D a < b, I <3 you \ufffd']]);
  });

  it('splits cues whose blank line is missing or holds spaces, and sorts unsorted cues', async () => {
    const srt = '2\n00:00:05,000 --> 00:00:06,000\nLater\n   \n1\n00:00:01,000 --> 00:00:02,000\nFirst\n3\n00:00:07,000 --> 00:00:06,000\nBackwards\n';
    const r = await extractSubtitle(utf8(srt), 'movie.srt');
    expect(cues(r)).toEqual([
      [1000, 2000, 'First'],
      [5000, 6000, 'Later'],
      [7000, 7000, 'Backwards'],
    ]);
  });

  it('keeps CP949-only syllables such as 똠 and 뷁', async () => {
    const bytes = iconv.encode('1\r\n00:00:01,000 --> 00:00:02,000\r\n똠방각하, 뷁!\r\n', 'cp949');
    const r = await extractSubtitle(bytes, '영화.srt');
    expect(cues(r)).toEqual([[1000, 2000, '똠방각하, 뷁!']]);
  });

  it('takes the language from the file name and carries it to the chunks', async () => {
    const r = await extractSubtitle(utf8('1\n00:00:01,000 --> 00:00:02,000\n안녕\n'), 'film.ko.srt');
    expect(r.tracks[0]?.language).toBe('ko');
    expect(r.chunks).toEqual([{ text: '안녕', locator: { startMs: 1000 }, language: 'ko' }]);
  });
});

describe('WebVTT', () => {
  it('skips header, NOTE and STYLE blocks and cue settings; strips voice, class and timestamp tags', async () => {
    const vtt = [
      'WEBVTT - a title', 'Kind: captions', 'Language: en', '',
      'NOTE a comment', 'that spans --> two lines', '',
      'STYLE', '::cue { color: yellow }', '',
      'intro', '01:01.000 --> 01:04.000 align:start position:10%', '<v Roger Bingham>We are in New York City</v>', '',
      '00:00:05.500 --> 00:00:07.000 line:0', '<c.yellow>Yellow</c> and <00:00:06.000>karaoke &lt;3', '<v.loud Anna>Hi&nbsp;there', '',
    ].join('\n');
    const r = await extractSubtitle(utf8(vtt), 'talk.vtt');
    expectWellFormed(r);
    expect(r.format).toBe('vtt');
    expect(r.tracks[0]?.language).toBe('en');
    expect(cues(r)).toEqual([
      [5500, 7000, 'Yellow and karaoke <3\nHi there'],
      [61000, 64000, 'We are in New York City'],
    ]);
  });
});

describe('ASS / SSA', () => {
  const ass = (events: string[], info: string[] = []): string =>
    [
      '[Script Info]', 'ScriptType: v4.00+', ...info, '',
      '[V4+ Styles]',
      'Format: Name, Fontname, Fontsize, PrimaryColour, Bold, Alignment, MarginL, MarginR, MarginV',
      'Style: Default,Arial,20,&H00FFFFFF,0,2,10,10,10', '',
      '[Events]', ...events, '',
    ].join('\r\n');

  it('follows the Format line order and removes override tags, drawings and layer copies', async () => {
    const text = ass([
      'Format: Start, End, Layer, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
      'Dialogue: 0:00:02.50,0:00:04.00,0,Default,,0,0,0,,{\\an8}{\\i1}Hello{\\i0}, world\\Nsecond line',
      'Comment: 0:00:05.00,0:00:06.00,0,Default,,0,0,0,,not shown',
      'Dialogue: 0:00:01.00,0:00:02.00,1,Sign,,0,0,0,,{\\pos(10,10)\\p1}m 0 0 l 100 0 100 100{\\p0}Sign text',
      'Dialogue: 0:00:01.00,0:00:02.00,0,Sign,,0,0,0,,{\\pos(10,10)\\p1}m 0 0 l 100 0 100 100{\\p0}Sign text',
      'Dialogue: 0:00:07.00,0:00:08.00,0,Default,,0,0,0,,soft\\nbreak\\hhere',
    ]);
    const r = await extractSubtitle(utf8(text), 'ep1.ass');
    expectWellFormed(r);
    expect(r.format).toBe('ass');
    expect(cues(r)).toEqual([
      [1000, 2000, 'Sign text'],
      [2500, 4000, 'Hello, world\nsecond line'],
      [7000, 8000, 'soft break here'],
    ]);
  });

  it('breaks at \\n under WrapStyle 2 and reads SSA files with the spec field order', async () => {
    const wrapped = ass(['Dialogue: 0,0:00:07.00,0:00:08.00,Default,,0,0,0,,soft\\nbreak'], ['WrapStyle: 2']);
    expect(cues(await extractSubtitle(utf8(wrapped), 'a.ass'))).toEqual([[7000, 8000, 'soft\nbreak']]);
    const ssa = '[Events]\nFormat: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: Marked=0,0:01:02.03,0:01:03.00,*Default,,0000,0000,0000,,좋아, 가자\n';
    expect(cues(await extractSubtitle(utf8(ssa), 'old.ssa'))).toEqual([[62030, 63000, '좋아, 가자']]);
  });
});

describe('SAMI edge cases', () => {
  const sami = [
    '<sami><head><title>t</title>',
    '<style type="text/css"><!--',
    'P { font-family: 굴림; }',
    '.KOKRCC { name: 한국어; lang: ko-KR }',
    ".Eng { Name:English; lang:'en-US'; }",
    '--></style></head><body>',
    '<!-- <SYNC Start=500><P Class=KOKRCC>자막 제작: 누군가 -->',
    '<sync start="1000"><p class=\'kokrcc\'>첫 줄<BR>둘째&nbsp;줄 &lt;3 &#xD55C;&#44544;</p>',
    '<P CLASS=Eng><font color=#ff0000>First</font>',
    '   line',
    '<-- Open play menu -->',
    '<SYNC Start=2500><P Class=KOKRCC>&nbsp;',
    '<SYNC Start=3000 ><P Class=Eng>&nbsp',
    '<SYNC Start=4000><P Class=KOKRCC><b>마지막',
    '<SYNC Start=-200><P Class=Eng>Early',
    '</body></sami>',
  ].join('\r\n');

  it('splits classes into tracks with their STYLE languages, despite case, quotes and missing tags', async () => {
    const r = await extractSubtitle(utf8(sami), 'show.smi');
    expectWellFormed(r);
    expect(r.tracks.map((t) => [t.label, t.language])).toEqual([['KOKRCC', 'ko'], ['Eng', 'en']]);
    expect(cues(r, 0)).toEqual([
      [1000, 2500, '첫 줄\n둘째 줄 <3 한글'],
      [4000, 8000, '마지막'],
    ]);
    // A negative start is clamped and the file's order does not matter.
    expect(cues(r, 1)).toEqual([
      [0, 1000, 'Early'],
      [1000, 3000, 'First line'],
    ]);
  });

  it('knows languages from well-known class names and merges class-less text into a lone class', async () => {
    const text = '<SAMI><BODY><SYNC Start=100><P Class=ENCC>Hi<SYNC Start=900><P>&nbsp;<SYNC Start=1000><P>Again<SYNC Start=1500>&nbsp;';
    const r = await extractSubtitle(utf8(text), 'clip.smi');
    expect(r.tracks.map((t) => [t.label, t.language])).toEqual([['ENCC', 'en']]);
    expect(cues(r)).toEqual([
      [100, 900, 'Hi'],
      [1000, 1500, 'Again'],
    ]);
  });

  it('ends cues of both languages at a class-less blank SYNC and keeps same-time lines of a class together', async () => {
    const text = [
      '<SAMI><BODY>',
      '<SYNC Start=0><P Class=KRCC>하나<P Class=ENCC>One',
      '<SYNC Start=2000><P Class=KRCC>둘<SYNC Start=2000><P Class=KRCC>셋',
      '<SYNC Start=3000></SYNC>',
      '<SYNC Start=9000><P Class=ENCC>Nine',
    ].join('\n');
    const r = await extractSubtitle(utf8(text), 'x.smi');
    expect(cues(r, 0)).toEqual([
      [0, 2000, '하나'],
      [2000, 3000, '둘\n셋'],
    ]);
    expect(cues(r, 1)).toEqual([
      [0, 3000, 'One'],
      [9000, 13000, 'Nine'],
    ]);
  });

  it('is found by content when the extension lies, and fails plainly when there is nothing', async () => {
    const r = await extractSubtitle(utf8('<SAMI><SYNC Start=10><P Class=KRCC>안녕'), 'renamed.srt');
    expect(r.format).toBe('sami');
    expect(cues(r)).toEqual([[10, 4010, '안녕']]);
    const blank = await errorOf(extractSubtitle(utf8('<SAMI><SYNC Start=10><P Class=KRCC>&nbsp;</SAMI>'), 'x.smi'));
    expect(blank.code).toBe('no-content');
  });
});

describe('chunks', () => {
  it('groups about 30 seconds of cues per chunk, located at the first cue', async () => {
    const blocks = Array.from({ length: 10 }, (_, i) => `${i + 1}\n${stamp(i * 10_000)} --> ${stamp(i * 10_000 + 5000)}\nline ${i}\n`);
    const r = await extractSubtitle(utf8(blocks.join('\n')), 'a.srt');
    expect(r.chunks.map((c) => [c.locator.startMs, c.text])).toEqual([
      [0, 'line 0\nline 1\nline 2'],
      [30000, 'line 3\nline 4\nline 5'],
      [60000, 'line 6\nline 7\nline 8'],
      [90000, 'line 9'],
    ]);
  });

  it('never passes MAX_CHUNK_CHARS and loses no text', async () => {
    const srt = [
      `1\n00:00:01,000 --> 00:00:02,000\n${'a'.repeat(1200)}\n`,
      `2\n00:00:03,000 --> 00:00:04,000\n${'b'.repeat(1200)}\n`,
      `3\n00:00:05,000 --> 00:00:06,000\n${'word '.repeat(1000)}\n`,
    ].join('\n');
    const r = await extractSubtitle(utf8(srt), 'a.srt');
    expect(r.chunks.every((c) => c.text.length <= MAX_CHUNK_CHARS)).toBe(true);
    expect(r.chunks.map((c) => c.locator.startMs)).toEqual([1000, 3000, 5000, 5000, 5000]);
    expect(r.chunks.map((c) => c.text).join(' ').replace(/\s+/g, '')).toBe(
      ('a'.repeat(1200) + 'b'.repeat(1200) + 'word'.repeat(1000)),
    );
  });
});

describe('file names', () => {
  it.each([
    ['film.ko.srt', 'ko'], ['film.en.vtt', 'en'], ['film.kor.smi', 'ko'], ['film.eng.srt', 'en'],
    ['dir/film.en.forced.srt', 'en'], ['film.ko-KR.ass', 'ko'], ['film.srt', undefined],
    ['The.Movie.2019.1080p.srt', undefined], ['film', undefined],
  ])('%s → %s', (name, lang) => {
    expect(languageFromSubtitleName(name)).toBe(lang);
  });

  it.each([
    ['a.SRT', 'srt'], ['a.vtt', 'vtt'], ['a.smi', 'sami'], ['a.SAMI', 'sami'], ['a.ass', 'ass'], ['a.ssa', 'ass'],
    ['a.txt', undefined], ['srt', undefined],
  ])('%s is %s', (name, format) => {
    expect(subtitleFormatOf(name)).toBe(format);
  });
});

describe('bad input', () => {
  it('says what is wrong: empty, not text, no cues', async () => {
    expect((await errorOf(extractSubtitle(new Uint8Array(), 'a.srt'))).code).toBe('empty');
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(['encoding', 'no-content']).toContain((await errorOf(extractSubtitle(binary, 'a.smi'))).code);
    expect((await errorOf(extractSubtitle(utf8('just some notes\n'), 'a.srt'))).code).toBe('no-content');
    expect((await errorOf(extractSubtitle(utf8('1\n00:00:01,000 --> 00:00:02,000\n'), 'a.txt'))).code).toBe('no-content');
  });

  it.each([
    ['x.srt', (n: number) => 'x'.repeat(n)],
    ['x.vtt', (n: number) => `WEBVTT\n\n${' '.repeat(n)}-->`],
    ['x.smi', (n: number) => `<SYNC Start=1><P Class=KRCC>${'<a'.repeat(n / 2)}`],
    ['x.ass', (n: number) => `[Events]\nDialogue: ${' ,'.repeat(n / 2)}`],
  ])('a 50 MB single line read as %s finishes quickly', async (name, make) => {
    const started = Date.now();
    await extractSubtitle(utf8(make(50 * 1024 * 1024)), name).then(expectWellFormed, (e: unknown) => {
      expect(e).toBeInstanceOf(ExtractError);
    });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a 50 MB cue becomes bounded chunks', async () => {
    const r = await extractSubtitle(utf8(`<SYNC Start=1><P Class=KRCC>${'가나다 '.repeat(5 * 1024 * 1024)}`), 'x.smi');
    expect(r.tracks[0]?.cues).toHaveLength(1);
    expect(r.chunks.length).toBeGreaterThan(10_000);
    expect(r.chunks.every((c) => c.text.length <= MAX_CHUNK_CHARS && c.locator.startMs === 1)).toBe(true);
  });
});

describe('properties: anything in, a well-formed result or an ExtractError out', () => {
  const names = fc.constantFrom('a.srt', 'a.vtt', 'a.smi', 'a.ass', 'a.ssa', 'a.txt', 'a.ko.srt');
  const fragments = fc.constantFrom(
    '<SYNC Start=', '<sync start="', '<P Class=KRCC>', '<P Class=ENCC>', '<P>', '&nbsp;', '&nbsp', '<br>', '<STYLE>',
    '.KRCC { lang:ko-KR; }', '</STYLE>', '<!--', '<--', '-->', ' --> ', '00:00:01,000', '0:00:02.50', '01:02.003',
    'Dialogue: ', 'Format: Start, End, Text', '[Events]', '[Script Info]', 'WEBVTT', 'NOTE', '{\\an8}', '{\\p1}', '\\N',
    '\n', '\r\n', '\n\n', '1', '-5', '99999999999999999999999', '1e308', '안녕', '똠', ',', ':', '<', '>', '&', '&#x',
    '&#1114112;', ';', '"', "'", '<i>', '</i>', ' ', '\t', '\u00a0', '\u3000', 'e\u0301',
  );
  const noise = fc.array(fc.oneof(fragments, fragments, fc.nat(100_000_000).map(String), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((p) => p.join(''));
  const subtitleish = fc.array(noise, { maxLength: 15 }).map((parts) => parts.join(''));
  // Documents that are nearly right, so the parsers' success paths meet the noise too.
  const time = fc.oneof(fc.nat(10_000_000), fc.integer({ min: -5000, max: -1 }), fc.constantFrom('1e308', '99999999999999999999', 'x'));
  const text = fc.oneof(noise, fc.constantFrom('안녕하세요', 'Hello there', '&nbsp;', '첫 줄<br>둘째 줄', '{\\i1}말{\\i0}\\N다음'));
  const item = fc.record({ start: time, length: fc.nat(10_000), cls: fc.constantFrom('KRCC', 'ENCC', 'krcc', ''), text, junk: noise });
  const assStamp = (t: number | string): string => (typeof t === 'number' ? stamp(Math.max(0, t)).replace(',', '.').slice(1, -1) : t);
  const srtStamp = (t: number | string): string => (typeof t === 'number' ? stamp(Math.max(0, t)) : t);
  const nearlyRight = fc.oneof(
    fc.array(item, { maxLength: 12 }).map((items) => ({
      name: 'n.smi',
      text: `<SAMI><BODY>${items.map((i) => `<SYNC Start=${i.start}>${i.junk}<P Class=${i.cls}>${i.text}\r\n`).join('')}</BODY></SAMI>`,
    })),
    fc.array(item, { maxLength: 12 }).map((items) => ({
      name: 'n.srt',
      text: items.map((i, n) => `${n + 1}\n${srtStamp(i.start)} --> ${srtStamp(typeof i.start === 'number' ? i.start + i.length : i.start)}${i.junk}\n${i.text}\n\n`).join(''),
    })),
    fc.array(item, { maxLength: 12 }).map((items) => ({
      name: 'n.vtt',
      text: `WEBVTT\n\n${items.map((i) => `${i.junk}\n${srtStamp(i.start).replace(',', '.')} --> ${srtStamp(typeof i.start === 'number' ? i.start + i.length : i.start).replace(',', '.')}\n${i.text}\n\n`).join('')}`,
    })),
    fc.array(item, { maxLength: 12 }).map((items) => ({
      name: 'n.ass',
      text: `[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n${items.map((i) => `Dialogue: 0,${assStamp(i.start)},${assStamp(typeof i.start === 'number' ? i.start + i.length : i.start)},${i.cls},,0,0,0,${i.junk},${i.text}\n`).join('')}`,
    })),
  );

  const check = async (bytes: Uint8Array, name: string): Promise<void> => {
    let result: SubtitleExtract | undefined;
    try {
      result = await extractSubtitle(bytes, name);
    } catch (e) {
      if (!(e instanceof ExtractError)) throw e;
      return;
    }
    expectWellFormed(result);
  };

  it('arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), names, check), { numRuns: 300 });
  });

  it('arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 1000 }), names, (s, n) => check(utf8(s), n)),
      { numRuns: 300 },
    );
  });

  it('strings made of subtitle fragments', async () => {
    await fc.assert(fc.asyncProperty(subtitleish, names, (s, n) => check(utf8(s), n)), { numRuns: 300 });
  });

  it('nearly right files of each format, with noise in them', async () => {
    await fc.assert(fc.asyncProperty(nearlyRight, names, async (doc, other) => {
      await check(utf8(doc.text), doc.name);
      await check(utf8(doc.text), other);
    }), { numRuns: 300 });
  });

  it('SRT written from cues reads back as those cues, in time order', async () => {
    const word = fc.stringMatching(/^[A-Za-z가-힣]{1,8}$/);
    const cue = fc.record({ start: fc.nat(359_999_999), length: fc.nat(100_000), words: fc.array(word, { minLength: 1, maxLength: 6 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(cue, { minLength: 1, maxLength: 30 }), async (list) => {
        const srt = list.map((c, i) => `${i + 1}\n${stamp(c.start)} --> ${stamp(c.start + c.length)}\n${c.words.join(' ')}\n`).join('\n');
        const r = await extractSubtitle(utf8(srt), 'p.srt');
        const expected = list
          .map((c): CueTuple => [c.start, c.start + c.length, c.words.join(' ')])
          .sort((a, b) => a[0] - b[0]);
        expect(cues(r)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
