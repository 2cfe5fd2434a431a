// Small EPUB 3 books whose spine lists SVG documents themselves (`image/svg+xml`), the way picture
// books and comics come: pages drawn in SVG with their words in <text>. Made at test time; no corpus
// file has one. Each word a test looks for is in one place only, so a hit proves where it was read.
import { zipOf } from '../hostile/zip.js';

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** A one-pixel PNG. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

export interface SpinePage {
  href: string;
  mediaType: 'image/svg+xml' | 'application/xhtml+xml';
  markup: string;
}

const svgPage = (href: string, body: string, attrs = ''): SpinePage => ({
  href,
  mediaType: 'image/svg+xml',
  markup: `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="${SVG}" xmlns:xlink="${XLINK}" version="1.1" width="600" height="800" viewBox="0 0 600 800"${attrs}>\n${body}\n</svg>\n`,
});

const xhtmlPage = (href: string, title: string, body: string): SpinePage => ({
  href,
  mediaType: 'application/xhtml+xml',
  markup: `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="${XHTML}" xml:lang="ko" lang="ko"><head><title>${title}</title></head><body>${body}</body></html>`,
});

/** An EPUB 3 with these pages in its spine (in this order), and PNG pictures beside them. */
export function epubOf(title: string, author: string, pages: SpinePage[], pictures: string[] = []): Buffer {
  const items = [
    ...pages.map((p, i) => `<item id="p${i}" href="${p.href}" media-type="${p.mediaType}"/>`),
    ...pictures.map((p, i) => `<item id="img${i}" href="${p}" media-type="image/png"/>`),
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
  ];
  const spine = pages.map((_, i) => `<itemref idref="p${i}"/>`);
  const opf = `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:changmun:test:${encodeURIComponent(title)}</dc:identifier>` +
    `<dc:title>${title}</dc:title><dc:creator>${author}</dc:creator><dc:language>ko</dc:language><meta property="dcterms:modified">2024-01-01T00:00:00Z</meta></metadata>` +
    `<manifest>${items.join('')}</manifest><spine>${spine.join('')}</spine></package>`;
  const nav = xhtmlPage('nav.xhtml', '차례', `<nav xmlns:epub="http://www.idpf.org/2007/ops" epub:type="toc"><ol>${pages.map((p, i) => `<li><a href="${p.href}">${i + 1}쪽</a></li>`).join('')}</ol></nav>`).markup;
  return zipOf([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>` },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/nav.xhtml', data: nav },
    ...pages.map((p) => ({ name: `OEBPS/${p.href}`, data: p.markup })),
    ...pictures.map((p) => ({ name: `OEBPS/${p}`, data: PNG })),
  ]);
}

// ---- A picture book: two SVG pages with words, one XHTML page ----------------------------------

export const HILL = {
  title: '언덕 위의 집',
  author: '문그림',
  /** Words only in the first SVG page's <text>. */
  first: '언덕',
  firstLine: '바다가 보이는 언덕',
  /** Only in the second SVG page, in a <tspan> on a line of its own. */
  second: '갈매기',
  /** Only in the XHTML page. */
  xhtml: '등대지기',
  /** In the SVG pages' <title>, <desc>, <defs> and a hidden <text>: never drawn, never found. */
  undrawn: ['SVGPAGETITLE', 'SVGPAGEDESC', 'SVGPAGEDEFS', 'SVGPAGEHIDDEN'],
};

export function hillPages(): SpinePage[] {
  return [
    svgPage('p1.svg', `<title>SVGPAGETITLE</title>
<desc>SVGPAGEDESC</desc>
<defs><text id="d">SVGPAGEDEFS</text></defs>
<rect width="600" height="800" fill="#cde"/>
<path d="M0 600 Q300 400 600 600 L600 800 L0 800 Z" fill="#8a6"/>
<text x="10" y="40" font-size="32">${HILL.firstLine}</text>
<text x="10" y="760" display="none">SVGPAGEHIDDEN</text>`),
    xhtmlPage('p2.xhtml', '2', `<p>밤이 되면 ${HILL.xhtml}가 불을 켰다. 그 빛은 언덕 아래 마을까지 닿았다.</p>`),
    svgPage('p3.svg', `<image width="600" height="800" xlink:href="p3.png"/>
<text x="10" y="40" font-size="28"><tspan x="10" y="40">하늘을 나는 ${HILL.second} 떼가</tspan><tspan x="10" dy="36">바람을 타고 멀리 날아갔다.</tspan></text>`),
  ];
}

export function hillBook(): Buffer {
  return epubOf(HILL.title, HILL.author, hillPages(), ['p3.png']);
}

// ---- A picture book whose SVG pages say nothing -------------------------------------------------

export const SILENT = { title: '말없는 숲', author: '나무그림' };

/** Four pages: a drawing of paths, a picture in an <image>, a drawing with only a page number's
 * worth of punctuation, and one nested too deep to parse (a picture all the same). */
export function silentPages(): SpinePage[] {
  const deep = '<g>'.repeat(5000) + '<text x="1" y="1">DEEPSVGLOST</text>' + '</g>'.repeat(5000);
  return [
    svgPage('s1.svg', '<rect width="600" height="800" fill="#2a4"/><circle cx="300" cy="300" r="120" fill="#fd0"/>'),
    svgPage('s2.svg', '<image width="600" height="800" xlink:href="s2.png"/>'),
    svgPage('s3.svg', '<path d="M10 10 L590 790" stroke="#000"/><text x="290" y="790">—</text>'),
    svgPage('s4.svg', deep),
  ];
}

export function silentBook(): Buffer {
  return epubOf(SILENT.title, SILENT.author, silentPages(), ['s2.png']);
}

// ---- A hostile SVG page, and one nested too deep, beside good pages ----------------------------

export const HOSTILE = {
  title: '파도 치는 밤',
  author: '바다그림',
  /** The hostile page's drawn words. */
  word: '파도소리',
  /** In its <foreignObject> (HTML inside the drawing, shown by the browser): read too. */
  foreign: '조개껍질',
  /** The page after the deep one. */
  after: '모래성',
  /** What its script would set. */
  pwned: '__changmunPwned',
};

const evil = 'http://198.51.100.7';

/** Scripts, handlers, javascript: links, remote pictures, fonts, CSS and `<use>`, a frame in a
 * <foreignObject>, an animation that would set a remote href; then a page nested 5,000 deep. */
export function hostilePages(): SpinePage[] {
  const p = HOSTILE.pwned;
  const hostile = svgPage('h1.svg', `<script type="text/javascript">parent.${p} = 'svg-page-script'; window.${p} = 'svg-page-script';</script>
<style>@import url("${evil}/svg-import.css"); text { font-family: Evil; } @font-face { font-family: Evil; src: url(${evil}/svg-font.woff2); }</style>
<rect width="600" height="800" fill="url(${evil}/svg-fill.svg#g)" onclick="parent.${p} = 'svg-page-click'"/>
<image width="100" height="100" xlink:href="${evil}/svg-image.png" onerror="parent.${p} = 'svg-page-onerror'"/>
<use href="${evil}/svg-use.svg#shape"/>
<a xlink:href="javascript:parent.${p} = 'svg-page-link'"><text x="10" y="40" font-size="32">${HOSTILE.word}가 들린다</text></a>
<set attributeName="href" to="${evil}/svg-set.png" begin="0s"/>
<foreignObject x="10" y="100" width="500" height="200"><p xmlns="${XHTML}" onmouseover="parent.${p} = 'svg-page-fo'">바닷가의 ${HOSTILE.foreign}</p><iframe xmlns="${XHTML}" src="${evil}/svg-frame.html"></iframe><img xmlns="${XHTML}" src="${evil}/svg-fo.png" alt=""/></foreignObject>`,
  ` onload="parent.${p} = 'svg-page-onload'"`);
  const deep = svgPage('h2.svg', '<g>'.repeat(5000) + '<text x="1" y="1">DEEPSVGLOST</text>' + '</g>'.repeat(5000));
  const after = xhtmlPage('h3.xhtml', '3', `<p>아이들은 ${HOSTILE.after}을 쌓았다.</p>`);
  return [hostile, deep, after];
}

export function hostileBook(): Buffer {
  return epubOf(HOSTILE.title, HOSTILE.author, hostilePages());
}
