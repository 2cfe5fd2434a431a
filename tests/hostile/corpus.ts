// The hostile corpus (issue 7 §1): broken and malicious files of every kind a drive can carry,
// generated at test time, deterministically, into a library folder. Small on disk (a few MB, plus
// one 50 MB subtitle line): the zip bombs are a few MB that inflate to gigabytes.
//
// Every file comes with what must happen to it: a problem entry with a given code, an item of a
// given type (with words that must be found and words that must never be indexed), or nothing at
// all (hidden files). `npx tsx tests/hostile/generate.ts <dir>` writes it for a look by hand.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { ItemType } from '../../main/core/types.js';
import {
  hostileArticleHtml, hostileBookCss, hostileEscapedCss, hostileMarkdown, hostileSectionXhtml, hostileSvg, reachCaseSection, reachCssSection,
  reachParserSection, reachSvgSection, SCRIPT_WORD,
} from './markup.js';
import { zipOf, type ZipEntry } from './zip.js';

export type Expectation =
  /** A problem entry with one of these codes, for exactly this path. */
  | { problem: string[] }
  /** An item of this type; `words` must find it, `never` must not be in its text. */
  | { item: ItemType; words?: string[]; never?: string[]; minChunks?: number }
  /** Neither an item nor a problem: a hidden file (names starting with a dot are never content). */
  | { hidden: true };

export interface HostileFile {
  /** Library-relative, '/'-separated. */
  path: string;
  /** What it is, for failure messages. */
  what: string;
  expect: Expectation;
}

/** The 50 MB subtitle line. */
export const LONG_LINE_BYTES = 50 * 1024 * 1024;
/** Sections in the book with thousands of them. */
export const MANY_SECTIONS = 3000;

const NEVER = [SCRIPT_WORD, 'HIDDENWORD', 'TEMPLATEWORD'];

/** mulberry32: the same bytes for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function noise(seed: number, length: number): Buffer {
  const r = prng(seed);
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = Math.floor(r() * 256);
  return b;
}

// ---- EPUB building -------------------------------------------------------------------------

const CONTAINER = (opf: string) =>
  `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">` +
  `<rootfiles><rootfile full-path="${opf}" media-type="application/oebps-package+xml"/></rootfiles></container>`;

/** An EPUB 3 package: `items` are [id, href, media-type, properties?]. */
function opf(title: string, items: string[][], spine: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:changmun:hostile:${encodeURIComponent(title)}</dc:identifier>` +
    `<dc:title>${title}</dc:title><dc:language>ko</dc:language></metadata><manifest>` +
    items.map(([id, href, type, props]) => `<item id="${id}" href="${href}" media-type="${type}"${props ? ` properties="${props}"` : ''}/>`).join('') +
    `</manifest><spine>${spine.map((s) => `<itemref idref="${s}"/>`).join('')}</spine></package>`;
}

function section(title: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ko"><head><title>${title}</title></head><body>${body}</body></html>`;
}

function nav(entries: [string, string][]): string {
  return section('차례', `<nav xmlns:epub="http://www.idpf.org/2007/ops" epub:type="toc"><ol>${entries.map(([href, label]) => `<li><a href="${href}">${label}</a></li>`).join('')}</ol></nav>`);
}

function epub(opfXml: string, files: ZipEntry[], opfPath = 'OEBPS/content.opf'): Buffer {
  return zipOf([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: CONTAINER(opfPath) },
    { name: opfPath, data: opfXml },
    ...files,
  ]);
}

const XHTML = 'application/xhtml+xml';

function plainBook(title: string, word: string): Buffer {
  return epub(opf(title, [['nav', 'nav.xhtml', XHTML, 'nav'], ['c1', 'c1.xhtml', XHTML]], ['c1']), [
    { name: 'OEBPS/nav.xhtml', data: nav([['c1.xhtml', title]]) },
    { name: 'OEBPS/c1.xhtml', data: section(title, `<h1>${title}</h1><p>${word} 이 책은 멀쩡합니다.</p>`) },
  ]);
}

/** The words of a book that tries to reach the network: on its first page, and on the next. */
export const REACH_WORDS = {
  'reach-case.epub': ['REACHCASEWORD', 'REACHCASENEXT'],
  'reach-parser.epub': ['REACHPARSERWORD', 'REACHPARSERNEXT'],
  'reach-svg.epub': ['REACHSVGWORD', 'REACHSVGNEXT'],
  'reach-css.epub': ['REACHCSSWORD', 'REACHCSSNEXT'],
} as const;

/**
 * Books whose first section tries every way past the section sanitizer to make the browser ask
 * another machine for something (tests/hostile/markup.ts, "Books that try to reach the network");
 * the second section is plain, so a reader can turn pages into it.
 */
function reachBooks(): { name: string; bytes: Buffer; what: string; expect: Expectation }[] {
  const sections: Record<keyof typeof REACH_WORDS, [(word: string) => string, string]> = {
    'reach-case.epub': [reachCaseSection, 'attribute and element names in capitals (SRC, HREF, HTTP-EQUIV, IFRAME): refresh, base, remote style sheets, prefetch, frames, media, forms'],
    'reach-parser.epub': [reachParserSection, 'markup XML hides and HTML shows: a comment closed early, a processing instruction, CDATA, another namespace, a shadow root'],
    'reach-svg.epub': [reachSvgSection, 'SVG image/use/feImage/a with href and xlink:href, upper-case and re-bound prefixes, animations of href, url() in attributes, MathML href'],
    'reach-css.epub': [reachCssSection, 'CSS escapes (u\\72l(, @\\69mport, http\\3a) in style="", <style> and a CSS file; @import, @font-face src, image-set, custom properties'],
  };
  return Object.entries(sections).map(([name, [markup, what]]) => {
    const [word, next] = REACH_WORDS[name as keyof typeof REACH_WORDS];
    const title = `바깥을 부르는 책 ${name.replace('.epub', '')}`;
    const bytes = epub(opf(title, [['nav', 'nav.xhtml', XHTML, 'nav'], ['c1', 'c1.xhtml', XHTML, 'remote-resources svg'], ['c2', 'c2.xhtml', XHTML],
      ['css', 'escaped.css', 'text/css']], ['c1', 'c2']), [
      { name: 'OEBPS/nav.xhtml', data: nav([['c1.xhtml', '첫 장'], ['c2.xhtml', '둘째 장']]) },
      { name: 'OEBPS/c1.xhtml', data: markup(word) },
      { name: 'OEBPS/c2.xhtml', data: section('둘째 장', `<h1>둘째 장</h1><p>다음 쪽의 낱말 ${next} 입니다.</p>`) },
      { name: 'OEBPS/escaped.css', data: hostileEscapedCss() },
    ]);
    return { name, bytes, what: `EPUB reaching out: ${what}`, expect: { item: 'book', words: [word, next] } };
  });
}

/** Every hostile book. */
export function hostileBooks(): { name: string; bytes: Buffer; what: string; expect: Expectation }[] {
  const scripts = epub(
    opf('적대적인 책 HOSTILEBOOK', [
      ['nav', 'nav.xhtml', XHTML, 'nav'],
      ['c1', 'chapter1.xhtml', XHTML, 'scripted remote-resources svg'],
      ['c2', 'chapter2.xhtml', XHTML, 'scripted'],
      ['pic', 'picture.svg', 'image/svg+xml'],
      ['css', 'style.css', 'text/css'],
      ['cover', 'cover.svg', 'image/svg+xml', 'cover-image'],
      ['remote-font', 'http://198.51.100.7/remote-font.otf', 'font/otf'],
      ['remote-css', 'http://evil.example/remote.css', 'text/css'],
    ], ['c1', 'pic', 'c2']),
    [
      { name: 'OEBPS/nav.xhtml', data: nav([['chapter1.xhtml', '첫 장'], ["javascript:parent.__changmunPwned='epub-nav-link'", '나쁜 고리'], ['chapter2.xhtml', '둘째 장']]) },
      { name: 'OEBPS/chapter1.xhtml', data: hostileSectionXhtml('적대적인 책의 첫 장 HOSTILEBOOK', '책의 보이는 문장 BOOKVISIBLE 입니다.') },
      { name: 'OEBPS/chapter2.xhtml', data: hostileSectionXhtml('둘째 장', '둘째 장의 문장 BOOKSECOND 입니다.') },
      { name: 'OEBPS/picture.svg', data: hostileSvg('epub-svg-spine') },
      { name: 'OEBPS/style.css', data: hostileBookCss() },
      { name: 'OEBPS/cover.svg', data: hostileSvg('epub-cover') },
    ],
  );

  const good = plainBook('잘릴 책', 'TRUNCWORD');
  const escape = epub(
    opf('탈출하려는 책 ESCAPEBOOK', [
      ['up', '../../outside.xhtml', XHTML], ['abs', '/abs.xhtml', XHTML], ['drive', 'C:/drive.xhtml', XHTML],
      ['back', '..\\..\\back.xhtml', XHTML], ['ok', 'ok.xhtml', XHTML],
    ], ['up', 'abs', 'drive', 'back', 'ok']),
    [
      { name: 'OEBPS/ok.xhtml', data: section('안전', '<p>안쪽에 있는 문장 ESCAPESAFE.</p>') },
      { name: '../../outside.xhtml', data: section('밖', '<p>EVILUP climbing out.</p>') },
      { name: '/abs.xhtml', data: section('절대', '<p>EVILABS absolute.</p>') },
      { name: 'C:/drive.xhtml', data: section('드라이브', '<p>EVILDRIVE drive letter.</p>') },
      { name: '..\\..\\back.xhtml', data: section('역슬래시', '<p>EVILBACK backslashes.</p>') },
      { name: 'OEBPS/../../../etc/passwd', data: 'root:x:0:0:EVILPASSWD' },
    ],
  );

  const many = (() => {
    const items: string[][] = [['nav', 'nav.xhtml', XHTML, 'nav']];
    const files: ZipEntry[] = [];
    const navEntries: [string, string][] = [];
    for (let i = 0; i < MANY_SECTIONS; i++) {
      const href = `s${String(i).padStart(4, '0')}.xhtml`;
      items.push([`s${i}`, href, XHTML]);
      files.push({ name: `OEBPS/${href}`, data: section(`${i + 1}장`, `<h2>${i + 1}장</h2><p>짧은 절 번호 ${i + 1}. ${i === MANY_SECTIONS - 1 ? 'LASTSECTIONWORD' : ''}</p>`) });
      navEntries.push([href, `${i + 1}장`]);
    }
    files.unshift({ name: 'OEBPS/nav.xhtml', data: nav(navEntries) });
    return epub(opf('절이 삼천 개인 책 MANYSECTIONS', items, items.slice(1).map(([id]) => id!)), files);
  })();

  const bombOpf = opf('폭탄', [['s', 'bomb.xhtml', XHTML]], ['s']);
  return [
    ...reachBooks(),
    { name: 'scripts.epub', bytes: scripts, what: 'EPUB with scripts, handlers, javascript: links, remote images, fonts and CSS, SVG with script',
      expect: { item: 'book', words: ['BOOKVISIBLE', 'BOOKSECOND', 'HOSTILEBOOK'], never: [...NEVER, 'EVIL'], minChunks: 2 } },
    { name: '잘린 책.epub', bytes: good.subarray(0, Math.floor(good.length * 0.6)), what: 'EPUB cut short', expect: { problem: ['corrupt'] } },
    { name: 'not-a-zip.epub', bytes: noise(11, 40_000), what: 'random bytes named .epub', expect: { problem: ['corrupt'] } },
    { name: 'zip-bomb.epub', bytes: epub(bombOpf, [{ name: 'OEBPS/bomb.xhtml', data: { zerosMiB: 4095 } }]),
      what: 'zip bomb: one entry of 4 GiB of zeros', expect: { problem: ['too-large'] } },
    { name: 'zip-bomb-lying.epub', bytes: epub(bombOpf, [{ name: 'OEBPS/bomb.xhtml', data: { zerosMiB: 4095 }, declaredSize: 5000 }]),
      what: 'zip bomb whose header says 5000 bytes', expect: { problem: ['corrupt', 'too-large'] } },
    { name: 'zip-bomb-many.epub',
      bytes: epub(opf('폭탄들', Array.from({ length: 40 }, (_, i) => [`b${i}`, `b${i}.xhtml`, XHTML]), Array.from({ length: 40 }, (_, i) => `b${i}`)),
        Array.from({ length: 40 }, (_, i) => ({ name: `OEBPS/b${i}.xhtml`, data: { zerosMiB: 60 } }))),
      what: 'zip bomb: 40 entries of 60 MiB, each under the entry limit', expect: { problem: ['too-large'] } },
    { name: 'escape-entries.epub', bytes: escape, what: 'EPUB with ../, absolute, drive-letter and backslash entry names',
      expect: { item: 'book', words: ['ESCAPESAFE'], never: ['EVIL'] } },
    { name: 'no-opf.epub',
      bytes: zipOf([{ name: 'mimetype', data: 'application/epub+zip', store: true }, { name: 'META-INF/container.xml', data: CONTAINER('OEBPS/missing.opf') },
        { name: 'OEBPS/c1.xhtml', data: section('c', '<p>x</p>') }]),
      what: 'EPUB whose container names a missing OPF', expect: { problem: ['corrupt'] } },
    { name: 'spine-all-missing.epub',
      bytes: epub(opf('빈 책', [['a', 'gone-a.xhtml', XHTML], ['b', 'gone-b.xhtml', XHTML]], ['a', 'b', 'nowhere']), []),
      what: 'EPUB whose spine points only at missing files', expect: { problem: ['no-content'] } },
    { name: 'spine-some-missing.epub',
      bytes: epub(opf('반쯤 빈 책', [['a', 'gone.xhtml', XHTML], ['b', 'here.xhtml', XHTML]], ['a', 'b']), [
        { name: 'OEBPS/here.xhtml', data: section('있음', '<p>남은 절 SPINEHERE.</p>') },
      ]),
      what: 'EPUB whose spine points partly at missing files', expect: { item: 'book', words: ['SPINEHERE'] } },
    { name: 'deep-section.epub',
      bytes: epub(opf('깊은 절이 있는 책', [['nav', 'nav.xhtml', XHTML, 'nav'], ['d', 'deep.xhtml', XHTML], ['ok', 'ok.xhtml', XHTML]], ['d', 'ok']), [
        { name: 'OEBPS/nav.xhtml', data: section('차례', `<nav xmlns:epub="http://www.idpf.org/2007/ops" epub:type="toc">${'<ol><li>'.repeat(20_000)}<a href="ok.xhtml">x</a>${'</li></ol>'.repeat(20_000)}</nav>`) },
        { name: 'OEBPS/deep.xhtml', data: section('깊음', `${'<div>'.repeat(50_000)}DEEPBOOKLOST${'</div>'.repeat(50_000)}`) },
        { name: 'OEBPS/ok.xhtml', data: section('멀쩡함', '<h1>멀쩡한 절</h1><p>남은 절의 낱말 DEEPBOOKOK.</p>') },
      ]),
      what: 'EPUB with a section and a table of contents nested 50,000 and 40,000 deep', expect: { item: 'book', words: ['DEEPBOOKOK'], never: ['DEEPBOOKLOST'] } },
    { name: 'thousands-of-sections.epub', bytes: many, what: `EPUB with ${MANY_SECTIONS} sections`,
      expect: { item: 'book', words: ['LASTSECTIONWORD', 'MANYSECTIONS'], minChunks: MANY_SECTIONS } },
  ];
}

// ---- Subtitles -----------------------------------------------------------------------------

const srtCue = (n: number, from: string, to: string, text: string) => `${n}\n${from} --> ${to}\n${text}\n`;

function badTimesSrt(): string {
  return [
    srtCue(1, '00:00:30,000', '00:00:32,000', '셋째로 보일 줄 UNSORTEDTHIRD'),
    srtCue(2, '-00:00:05,000', '00:00:01,000', '음수 시간 NEGATIVETIME'),
    srtCue(3, '00:00:10,000', '00:00:40,000', '길게 겹치는 줄 OVERLAPLONG'),
    srtCue(4, '00:00:12,000', '00:00:11,000', '끝이 시작보다 앞 ENDBEFORESTART'),
    srtCue(5, '99:59:59,999', '100:00:00,000', '아주 늦은 줄 VERYLATE'),
    srtCue(6, '00:00:01,000', '00:00:02,000', '맨 처음 줄 FIRSTLINE'),
    srtCue(7, '00:99:99,999', '00:00:00,000', '말이 안 되는 시간 NONSENSETIME'),
  ].join('\n');
}

function badTimesVtt(): string {
  return `WEBVTT\n\n00:30.000 --> 00:31.000\n나중 VTTLATER\n\n-00:01.000 --> 00:02.000\n음수 VTTNEGATIVE\n\n00:05.000 --> 00:50.000\n겹침 VTTOVERLAP\n\n00:01.000 --> 00:03.000\n처음 VTTFIRST\n`;
}

function badTimesSami(): string {
  return `<SAMI><HEAD><STYLE TYPE="text/css"><!-- .KRCC { Name: Korean; lang: ko-KR; } --></STYLE></HEAD><BODY>
<SYNC Start=30000><P Class=KRCC>나중 줄 SAMILATER
<SYNC Start=-5000><P Class=KRCC>음수 줄 SAMINEGATIVE
<SYNC Start=1000><P Class=KRCC>처음 줄 SAMIFIRST
<SYNC Start=1000><P Class=KRCC>같은 시각 SAMISAME
<SYNC Start=abc><P Class=KRCC>숫자 아님 SAMINAN
<SYNC Start=2000><P Class=KRCC><script>parent.__changmunPwned='sami-script'</script>스크립트 옆 SAMISCRIPT
<SYNC Start=3000><P Class=KRCC>&nbsp;
</BODY></SAMI>`;
}

function badTimesAss(): string {
  return `[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n` +
    `Dialogue: 0,0:00:30.00,0:00:31.00,Default,,0,0,0,,나중 ASSLATER\n` +
    `Dialogue: 0,-0:00:05.00,0:00:01.00,Default,,0,0,0,,음수 ASSNEGATIVE\n` +
    `Dialogue: 0,0:00:05.00,0:00:02.00,Default,,0,0,0,,거꾸로 ASSBACKWARDS\n` +
    `Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,{\\pos(1,1)}처음 ASSFIRST\n`;
}

function longLineSrt(): Buffer {
  const head = Buffer.from('1\n00:00:01,000 --> 00:00:05,000\n긴 줄 앞 LONGLINESTART ', 'utf8');
  // One line of 50 MB: a short Korean sentence over and over, no line break anywhere.
  const unit = Buffer.from('아주 긴 줄입니다 LONGLINE ', 'utf8');
  // Whole sentences only (a cut one would leave half a UTF-8 character), then spaces.
  const body = Buffer.alloc(LONG_LINE_BYTES - head.length - 40, 0x20);
  for (let i = 0; i + unit.length <= body.length; i += unit.length) unit.copy(body, i);
  const tail = Buffer.from('\n\n2\n00:00:06,000 --> 00:00:07,000\n다음 줄 AFTERLONG\n', 'utf8');
  return Buffer.concat([head, body, tail]);
}

function utf32(text: string, bigEndian: boolean): Buffer {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (bigEndian ? b.writeUInt32BE(cp, i * 4) : b.writeUInt32LE(cp, i * 4)));
  return b;
}

// ---- The corpus ----------------------------------------------------------------------------

export interface CorpusOptions {
  /** Where symbolic links may point to, outside the library (made if missing). */
  outside: string;
}

/**
 * Write the hostile corpus under `<libraryRoot>/hostile/` and return what must happen to each file.
 * The library root itself may hold other content (a copy of content-sample).
 */
export function writeHostileCorpus(libraryRoot: string, options: CorpusOptions): HostileFile[] {
  const files: HostileFile[] = [];
  const put = (rel: string, data: string | Uint8Array, what: string, expect: Expectation) => {
    const abs = path.join(libraryRoot, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, data);
    files.push({ path: rel, what, expect });
  };

  for (const b of hostileBooks()) put(`hostile/books/${b.name}`, b.bytes, b.what, b.expect);

  // Articles.
  put('hostile/articles/스크립트 가득한 글.html', hostileArticleHtml(), 'HTML with script, handlers, iframes, object, base, refresh, remote img and CSS',
    { item: 'article', words: ['HOSTILEARTICLE', 'VISIBLEWORD', 'FINALWORD', 'INLINESTYLE'], never: NEVER });
  put('hostile/articles/raw-html.md', hostileMarkdown(), 'Markdown with raw HTML of the same kind',
    { item: 'article', words: ['HOSTILEMARKDOWN', 'MDVISIBLE', 'MDSTYLED', 'MDFINAL'], never: NEVER });
  put('hostile/articles/binary.html', noise(21, 30_000), 'random bytes named .html', { problem: ['encoding'] });
  put('hostile/articles/only-script.html', `<html><head><script>window.__changmunPwned='${SCRIPT_WORD}'</script></head><body><script>1</script></body></html>`,
    'HTML with nothing but scripts', { problem: ['no-content'] });
  put('hostile/articles/deep-nesting.html', `<p>DEEPSTART</p>${'<div>'.repeat(100_000)}깊은 곳 DEEPWORD${'</div>'.repeat(100_000)}`,
    'HTML nested 100,000 elements deep', { problem: ['corrupt'] });
  put('hostile/articles/nested-900.html', `<p>NEST900START</p>${'<span>'.repeat(900)}깊지만 괜찮은 곳 NEST900WORD${'</span>'.repeat(900)}`,
    'HTML nested 900 elements deep (as deep as a page may go)', { item: 'article', words: ['NEST900START', 'NEST900WORD'] });
  put('hostile/articles/utf32.txt', utf32('UTF-32로 쓴 글 UTF32WORD\n', false), 'text in UTF-32 without BOM', { problem: ['encoding'] });

  // Subtitles. A lone subtitle file is an item of its own (a film without the film).
  put('hostile/subtitles/random-bytes.srt', noise(31, 20_000), 'random bytes named .srt', { problem: ['encoding'] });
  put('hostile/subtitles/long-line.srt', longLineSrt(), 'SRT with one 50 MB line', { item: 'video', words: ['LONGLINESTART', 'AFTERLONG'] });
  put('hostile/subtitles/bad-times.srt', badTimesSrt(), 'SRT with negative, overlapping, unsorted and nonsense times',
    { item: 'video', words: ['UNSORTEDTHIRD', 'FIRSTLINE', 'OVERLAPLONG'] });
  put('hostile/subtitles/bad-times.vtt', badTimesVtt(), 'WebVTT with negative, overlapping and unsorted times', { item: 'video', words: ['VTTFIRST', 'VTTLATER'] });
  put('hostile/subtitles/bad-times.smi', badTimesSami(), 'SAMI with negative, non-numeric and unsorted Start', { item: 'video', words: ['SAMIFIRST', 'SAMILATER'], never: ['__changmunPwned'] });
  put('hostile/subtitles/bad-times.ass', badTimesAss(), 'ASS with negative and backwards times', { item: 'video', words: ['ASSFIRST', 'ASSLATER'] });
  put('hostile/subtitles/utf32.srt', utf32(srtCue(1, '00:00:01,000', '00:00:02,000', 'UTF32SUB'), true), 'SRT in UTF-32BE', { problem: ['encoding'] });
  put('hostile/subtitles/utf32-bom.srt', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(srtCue(1, '00:00:01,000', '00:00:02,000', 'UTF32BOM'), false)]),
    'SRT in UTF-32LE with its BOM (which starts like UTF-16LE’s)', { problem: ['encoding', 'no-content'] });
  put('hostile/subtitles/shift-jis.srt', iconv.encode(srtCue(1, '00:00:01,000', '00:00:02,000', 'ソース・コード〜ー'), 'shift_jis'),
    'SRT in Shift-JIS', { problem: ['encoding'] });
  put('hostile/subtitles/no-cues.srt', 'This is not a subtitle file at all.\nJust words.\n', 'text with no cue in it named .srt', { problem: ['no-content'] });
  put('hostile/films/fake.mp4', '<html><script>window.__changmunPwned=1</script></html>', 'HTML named .mp4', { problem: ['corrupt'] });

  // Names.
  put('hostile/names/한국어 이름   과 공백.md', '# 한국어 이름과 공백 KOREANNAME\n\n내용.\n', 'Korean name with runs of spaces', { item: 'article', words: ['KOREANNAME'] });
  put('hostile/names/foo..md', '# 점 두 개 DOTDOTEND\n', 'name with .. before the extension', { item: 'article', words: ['DOTDOTEND'] });
  put('hostile/names/a..b.md', '# 가운데 점 두 개 DOTDOTMID\n', 'name with .. inside', { item: 'article', words: ['DOTDOTMID'] });
  put('hostile/names/….md', '# 말줄임표 ELLIPSISNAME\n', 'name of U+2026 HORIZONTAL ELLIPSIS', { item: 'article', words: ['ELLIPSISNAME'] });
  put('hostile/names/．．／x.md', '# 전각 점 FULLWIDTHNAME\n', 'name of U+FF0E FULLWIDTH FULL STOP and U+FF0F FULLWIDTH SOLIDUS', { item: 'article', words: ['FULLWIDTHNAME'] });
  put('hostile/names/‥∕x.md', '# 두 점 리더 LEADERNAME\n', 'name of U+2025 TWO DOT LEADER and U+2215 DIVISION SLASH', { item: 'article', words: ['LEADERNAME'] });
  put('hostile/names/..foo.md', '# 숨은 파일 HIDDENDOT\n', 'name starting with ..', { hidden: true });
  put('hostile/names/...', 'three dots', 'name that is three dots', { hidden: true });
  put('hostile/names/..hidden-folder/inside.md', '# 숨은 폴더 HIDDENFOLDER\n', 'file inside a folder named ..hidden-folder', { hidden: true });
  // Names the path guard refuses (Windows reads them as other names, or cannot hold them): a
  // problem each, never an item nobody could open.
  const unsafe: [string, string][] = [
    ['folder../inside.md', 'file inside a folder whose name ends in ..'],
    ['ends-with-dot.md.', 'name ending in a dot'],
    ['ends-with-space.md ', 'name ending in a space'],
    ['질문:답.md', 'name with a colon (an NTFS stream on Windows)'],
    ['con.md', 'Windows device name CON'],
    ['nul.txt', 'Windows device name NUL'],
    ['a*b|c.md', 'name with * and |'],
    ['back\\slash.md', 'name with a backslash'],
    ['percent%2e%2e.md', 'name with %2e%2e in it'],
    ['tab\there.md', 'name with a control character'],
  ];
  for (const [name, what] of unsafe) put(`hostile/names/${name}`, `# 위험한 이름 UNSAFENAME\n`, what, { problem: ['unsafe-name'] });

  // Very long names and paths: 255-byte names, 12 folders deep (about 3 KB), within PATH_MAX.
  const longName = (fill: string, bytes: number, ext = '') => {
    let s = '';
    while (Buffer.byteLength(s + fill + ext) <= bytes) s += fill;
    return s + ext;
  };
  put(`hostile/names/${longName('긴', 255, '.md')}`, '# 255바이트 이름 LONGNAME255\n', 'file name of 255 bytes', { item: 'article', words: ['LONGNAME255'] });
  const deep = Array.from({ length: 12 }, (_, i) => longName(String.fromCharCode(0xac00 + i), 250)).join('/');
  put(`hostile/deep/${deep}/${longName('끝', 250, '.md')}`, '# 아주 깊은 곳 DEEPPATHWORD\n', '12 folders of 250-byte names (a 3 KB path)', { item: 'article', words: ['DEEPPATHWORD'] });

  // Zero-byte files of every kind.
  for (const ext of ['md', 'html', 'txt', 'epub', 'srt', 'smi', 'vtt', 'mp4']) put(`hostile/empty/empty.${ext}`, '', `zero-byte .${ext}`, { problem: ['empty'] });

  // Symbolic links: out of the library (reported, never followed), broken, looping, and inside.
  mkdirSync(options.outside, { recursive: true });
  writeFileSync(path.join(options.outside, 'secret.md'), '# 밖에 있는 비밀 OUTSIDESECRET\n');
  mkdirSync(path.join(options.outside, 'folder'), { recursive: true });
  writeFileSync(path.join(options.outside, 'folder', 'more.md'), '# 밖의 폴더 OUTSIDEFOLDER\n');
  const links = path.join(libraryRoot, 'hostile', 'links');
  mkdirSync(links, { recursive: true });
  const link = (name: string, target: string, what: string, expect: Expectation) => {
    symlinkSync(target, path.join(links, name));
    files.push({ path: `hostile/links/${name}`, what, expect });
  };
  link('secret.md', path.join(options.outside, 'secret.md'), 'link to a file outside the library (absolute)', { problem: ['link-outside'] });
  link('outside-folder', path.relative(links, path.join(options.outside, 'folder')), 'link to a folder outside the library (relative)', { problem: ['link-outside'] });
  link('passwd.txt', '/etc/passwd', 'link to /etc/passwd', { problem: ['link-outside'] });
  link('up.md', path.relative(links, path.join(options.outside, 'secret.md')), 'relative link climbing out with ../', { problem: ['link-outside'] });
  link('dangling.md', 'nowhere.md', 'link to nothing', { problem: ['unreadable'] });
  link('loop-a.md', 'loop-b.md', 'link loop (a → b)', { problem: ['unreadable'] });
  link('loop-b.md', 'loop-a.md', 'link loop (b → a)', { problem: ['unreadable'] });
  link('inside.md', '../names/foo..md', 'link to a file inside the library', { item: 'article', words: ['DOTDOTEND'] });
  return files;
}

/** Copy content-sample (without its derived .changmun data) into `dest`. */
export function copyContentSample(source: string, dest: string): void {
  cpSync(source, dest, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
}

/** Remove a folder that may hold paths longer than Node's fs calls take. */
export function removeTree(dir: string): void {
  execFileSync('rm', ['-rf', '--', dir]);
}
