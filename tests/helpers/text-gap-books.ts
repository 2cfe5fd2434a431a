// Small EPUBs for the text that used to never reach the index (issue 15): a book whose pages are SVG
// with their words in <text>, a book with MathML formulas, and a picture book (a comic: pictures
// with alt texts, a title page, a copyright line). Made at test time; no corpus file has either.
// Each word a test looks for is in one place only, so a hit proves where it was read from.
import { zipOf } from '../hostile/zip.js';

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
const MATHML = 'http://www.w3.org/1998/Math/MathML';

/** A one-pixel PNG. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

export interface Page {
  href: string;
  /** The whole XHTML document. */
  xhtml: string;
}

function xhtml(title: string, body: string, extraNs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${extraNs} xml:lang="ko" lang="ko"><head><title>${title}</title></head>\n<body>${body}</body></html>`;
}

/** An EPUB 3 with these pages in its spine, and pictures beside them. */
export function bookOf(title: string, author: string, pages: Page[], pictures: string[] = [], imagePages: string[] = []): Buffer {
  const items = [
    ...pages.map((p, i) => `<item id="p${i}" href="${p.href}" media-type="application/xhtml+xml"${/<svg/.test(p.xhtml) ? ' properties="svg"' : ''}${/<math/.test(p.xhtml) ? ' properties="mathml"' : ''}/>`),
    ...pictures.map((p, i) => `<item id="img${i}" href="${p}" media-type="image/png"/>`),
    ...imagePages.map((p, i) => `<item id="ip${i}" href="${p}" media-type="image/png"/>`),
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
  ];
  const spine = [...pages.map((_, i) => `<itemref idref="p${i}"/>`), ...imagePages.map((_, i) => `<itemref idref="ip${i}"/>`)];
  const opf = `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:changmun:test:${encodeURIComponent(title)}</dc:identifier>` +
    `<dc:title>${title}</dc:title><dc:creator>${author}</dc:creator><dc:language>ko</dc:language><meta property="dcterms:modified">2024-01-01T00:00:00Z</meta></metadata>` +
    `<manifest>${items.join('')}</manifest><spine>${spine.join('')}</spine></package>`;
  const nav = xhtml('차례', `<nav epub:type="toc"><ol>${pages.map((p, i) => `<li><a href="${p.href}">${i + 1}</a></li>`).join('')}</ol></nav>`);
  return zipOf([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>` },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/nav.xhtml', data: nav },
    ...pages.map((p) => ({ name: `OEBPS/${p.href}`, data: p.xhtml })),
    ...[...pictures, ...imagePages].map((p) => ({ name: `OEBPS/${p}`, data: PNG })),
  ]);
}

// ---- SVG pages -------------------------------------------------------------------------------

/** Words only in the SVG pages' <text> (what must be found), and in their undrawn parts (what must not). */
export const SVG_WORDS = {
  /** In a <tspan> of the first page's <text>. */
  text: '물레방아',
  /** In a <text> inside an <a>, on the second page (prefixed svg: elements). */
  prefixed: '두레박',
  /** In the foreignObject of a <switch>: the branch a browser shows. */
  switchShown: '바람개비',
  /** The fallback <text> after it in the same <switch>: never shown. */
  switchFallback: 'FALLBACKWORD',
  /** Drawing's <title>, <desc>, <defs>, and a hidden <text>: none of them is drawn. */
  undrawn: ['SVGTITLEWORD', 'SVGDESCWORD', 'DEFSWORD', 'HIDDENSVGWORD', 'STYLEWORD'],
};

/** Pages drawn as SVG (the way fixed-layout picture books and converted PDFs come): a picture with the words set over it. */
export function svgPages(): Page[] {
  const page1 = xhtml('1', `
<div class="page"><svg xmlns="${SVG}" xmlns:xlink="${XLINK}" version="1.1" width="100%" height="100%" viewBox="0 0 600 800">
  <title>SVGTITLEWORD</title>
  <desc>SVGDESCWORD</desc>
  <style>text { font-family: serif } /* STYLEWORD */</style>
  <defs><text id="t0">DEFSWORD</text><linearGradient id="g"><stop offset="0"/></linearGradient></defs>
  <image width="600" height="800" xlink:href="pic1.png"/>
  <text x="40" y="80" font-size="28"><tspan x="40" y="80">강가의 ${SVG_WORDS.text}는</tspan><tspan x="40" dy="34">밤새 쉬지 않고 돌았다.</tspan></text>
  <text x="40" y="700" display="none">HIDDENSVGWORD</text>
  <text x="40" y="740" font-size="18">아이들은 둑에 앉아 그 소리를 들었다.</text>
</svg></div>`);
  const page2 = xhtml('2', `
<svg:svg width="100%" height="100%" viewBox="0 0 600 800"><svg:image width="600" height="800" xlink:href="pic2.png"/>
<svg:a xlink:href="p1.xhtml"><svg:text x="40" y="80">우물가의 ${SVG_WORDS.prefixed}이 삐걱거렸다.</svg:text></svg:a>
<svg:switch><svg:foreignObject x="40" y="200" width="500" height="100" requiredExtensions="http://www.w3.org/1999/xhtml"><p>언덕 위의 ${SVG_WORDS.switchShown}가 돌았다.</p></svg:foreignObject><svg:text x="40" y="220">${SVG_WORDS.switchFallback}</svg:text></svg:switch>
</svg:svg>`, ` xmlns:svg="${SVG}" xmlns:xlink="${XLINK}"`);
  return [{ href: 'p1.xhtml', xhtml: page1 }, { href: 'p2.xhtml', xhtml: page2 }];
}

export function svgBook(): Buffer {
  return bookOf('물레방아 그림책', '박그림', svgPages(), ['pic1.png', 'pic2.png']);
}

// ---- MathML ----------------------------------------------------------------------------------

export const MATH_WORDS = {
  /** An identifier in a formula (<mi>). */
  identifier: '빗변',
  /** Words in an <mtext>. */
  mtext: '넓이',
  /** The alttext of a formula with no text of its own. */
  alttext: '피타고라스',
  /** In an <annotation> (the formula's TeX source) and an <mphantom>: never shown. */
  unshown: ['TEXSOURCEWORD', 'PHANTOMWORD'],
};

export function mathPages(): Page[] {
  const chapter = xhtml('삼각형', `
<h1>직각삼각형</h1>
<p>직각삼각형에서 각 θ의 사인은 다음과 같다.</p>
<p><math xmlns="${MATHML}" display="block"><semantics><mrow><mi>sin</mi><mo>&#x2061;</mo><mi>θ</mi><mo>=</mo><mfrac><mi>높이</mi><mi>${MATH_WORDS.identifier}</mi></mfrac></mrow><annotation encoding="application/x-tex">\\sin\\theta = \\frac{TEXSOURCEWORD}{c}</annotation></semantics></math></p>
<p>삼각형의 <math xmlns="${MATHML}"><mrow><mtext>${MATH_WORDS.mtext}</mtext><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><mi>a</mi><mi>b</mi><mphantom><mi>PHANTOMWORD</mi></mphantom></mrow></math> 는 밑변과 높이로 구한다.</p>
<p>세 변 사이에는 <math xmlns="${MATHML}" alttext="${MATH_WORDS.alttext}의 정리: a^2 + b^2 = c^2"><mglyph src="pythagoras.png" width="80" height="12"/></math> 가 성립한다.</p>`);
  const second = xhtml('원', `
<h1>원의 둘레</h1>
<p>반지름이 <m:math xmlns:m="${MATHML}"><m:mi>r</m:mi></m:math>인 원의 둘레는 <m:math xmlns:m="${MATHML}"><m:mrow><m:mn>2</m:mn><m:mi>π</m:mi><m:mi>r</m:mi></m:mrow></m:math> 이다.</p>`);
  return [{ href: 'c1.xhtml', xhtml: chapter }, { href: 'c2.xhtml', xhtml: second }];
}

export function mathBook(): Buffer {
  return bookOf('삼각함수 입문', '김수학', mathPages(), ['pythagoras.png']);
}

// ---- A picture book ----------------------------------------------------------------------------

export const PICTURE_BOOK = { title: '달토끼의 밤', author: '한그림', alt: '떡방아를 찧는 토끼' };

/** A comic: a title page, a copyright line, and pages that are only pictures (one alt text each). */
export function pictureBookPages(pages = 8): Page[] {
  const out: Page[] = [{ href: 'title.xhtml', xhtml: xhtml('표지', `<h1>${PICTURE_BOOK.title}</h1><p>${PICTURE_BOOK.author} 그림</p>`) }];
  for (let i = 1; i <= pages; i++) {
    out.push({ href: `page${i}.xhtml`, xhtml: xhtml(String(i), `<div class="page"><img src="page${i}.png" alt="${i === 3 ? PICTURE_BOOK.alt : `${i}쪽 그림`}"/></div>`) });
  }
  out.push({ href: 'copyright.xhtml', xhtml: xhtml('판권', `<p>© 2024 ${PICTURE_BOOK.author}. 모든 권리 보유.</p>`) });
  return out;
}

export function pictureBook(): Buffer {
  const pages = pictureBookPages();
  return bookOf(PICTURE_BOOK.title, PICTURE_BOOK.author, pages, pages.slice(1, -1).map((_, i) => `page${i + 1}.png`));
}
