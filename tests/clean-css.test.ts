// Issue 12 §3, the CSS half: a book's CSS (a <style>, a style="", a CSS file) must not make the
// browser ask another machine for anything, however the address is written. The browser decodes
// CSS escapes before it sees url(), @import or http:, so `u\72l(`, `@\69mport` and `http\3a //`
// passed the old regular expressions untouched. cleanCss works on CSS tokens; what a person would
// notice is that nothing of the book's own look changes, and nothing remote is asked for.
import { describe, expect, it } from 'vitest';
import { cleanCss, isRemoteRef } from '../main/text/clean-css.js';
import { hostileBookCss, hostileEscapedCss, REMOTE_HOSTS } from './hostile/markup.js';

/**
 * What is left of `css` that names a remote host: escapes decoded and comments dropped the way a
 * reader of CSS would (a check written apart from the cleaner, so it does not share its mistakes).
 */
function remoteLeft(css: string): string[] {
  const decoded = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-f]{1,6})[ \t\n]?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .replace(/\\(.)/g, '$1')
    .replace(/[\t\n]/g, '');
  return REMOTE_HOSTS.filter((h) => decoded.includes(h.replace(/^\[|\]$/g, '')));
}

const HOST = 'http://evil.example';

describe('cleanCss: remote references, however they are written', () => {
  const cases: [string, string, string][] = [
    ['url() with an escaped name', `p{background:u\\72l(${HOST}/a.png)}`, 'p{background:none}'],
    ['url() with an escaped name, in capitals', `p{background:U\\52 L(${HOST}/a.png)}`, 'p{background:none}'],
    ['url() whose scheme has an escaped colon', 'p{background:url(http\\3a //evil.example/a.png)}', 'p{background:none}'],
    ['quoted url() with an escaped letter', 'p{background:url("\\68ttp://evil.example/a.png")}', 'p{background:none}'],
    ['a tab inside the scheme (the URL parser drops it)', 'p{background:url("h\\9 ttp://evil.example/a.png")}', 'p{background:none}'],
    ['a host of its own, //', 'p{background:URL(//evil.example/a.png)}', 'p{background:none}'],
    ['a host of its own, with a backslash', 'p{background:url("/\\\\evil.example/a.png")}', 'p{background:none}'],
    ['@import with an escaped keyword', `@\\69mport "${HOST}/a.css";p{color:red}`, ' p{color:red}'],
    ['@import in capitals, with an escaped colon', '@IMPORT url(http\\3a //evil.example/a.css) screen;\np{color:red}', ' \np{color:red}'],
    ['@import of a data: sheet (a sheet nobody cleaned)', '@import url("data:text/css,p{background:url(http://evil.example/a.png)}");p{}', ' p{}'],
    ['@font-face src', `@font-face{font-family:F;src:url(${HOST}/f.woff2) format("woff2"),local(Arial)}`, '@font-face{font-family:F;src:none format("woff2"),local(Arial)}'],
    ['image-set() with a plain string', `p{background-image:image-set("${HOST}/a.png" 1x,url(b.png) 2x)}`, 'p{background-image:none}'],
    ['-webkit-image-set() with an escaped name', `p{background-image:-webkit-image-s\\65t("${HOST}/a.png" 1x)}`, 'p{background-image:none}'],
    ['src() with a string', `p{background:src("${HOST}/a.png")}`, 'p{background:none}'],
    ['a custom property used elsewhere', `p{--pic:url(${HOST}/a.png);background:var(--pic)}`, 'p{--pic:none;background:var(--pic)}'],
    ['javascript: (any scheme but data: and blob:)', 'p{background:url("javascript:alert(1)")}', 'p{background:none}'],
    ['a name joined to a url() by what was taken out', `u@import "${HOST}/a.css";rl(${HOST}/b.png)`, 'u rl(http://evil.example/b.png)'],
  ];
  for (const [what, css, cleaned] of cases) {
    it(what, () => {
      expect(cleanCss(css)).toBe(cleaned);
    });
  }

  it('leaves nothing remote in the hostile style sheets the corpus puts in books', () => {
    for (const css of [hostileBookCss(), hostileEscapedCss()]) {
      expect(remoteLeft(css).length, css).toBeGreaterThan(0);
      const cleaned = cleanCss(css);
      expect(remoteLeft(cleaned), cleaned).toEqual([]);
      // Cleaning twice changes nothing more.
      expect(cleanCss(cleaned)).toBe(cleaned);
    }
  });

  it('keeps what cannot be fetched: a remote address in a string, a comment or a namespace', () => {
    const css = `@namespace url(http://www.w3.org/1999/xhtml);\n@namespace epub "http://www.idpf.org/2007/ops";\n` +
      `a::after { content: "${HOST}/" } /* url(${HOST}/a.png) */\nepub|switch { display: none }\n`;
    expect(cleanCss(css)).toBe(css);
  });
});

describe('cleanCss: a book\'s own CSS comes through as written', () => {
  it('keeps a whole ordinary style sheet byte for byte', () => {
    const css = `@charset "utf-8";
@import "fonts.css";
@import url(../styles/base.css) screen and (min-width: 30em);
@namespace epub "http://www.idpf.org/2007/ops";
@font-face {
  font-family: "Nanum Myeongjo";
  src: url("../fonts/NanumMyeongjo.woff2") format("woff2"), url(../fonts/NanumMyeongjo.otf) format("opentype"), local("NanumMyeongjo");
}
body { font-family: "Nanum Myeongjo", serif; line-height: 1.8; background: #fff url(images/paper.png) repeat; }
h1 > span.num, h2 + p::first-letter { font-size: 1.4em; }
.cover { background-image: image-set("images/cover.png" 1x, url(images/cover@2x.png) 2x); }
.bullet { list-style-image: url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==); }
.blob { background: url(blob:http://127.0.0.1:5000/0b9e2b4c-93b3-4a6e-9f4a-3d1b2f6f0c11); }
@media (prefers-color-scheme: dark) { body { color: #eee; } }
/* 주석: 그림은 책 안에 있습니다 */
p[lang|="ko"] { word-break: keep-all; }
`;
    expect(cleanCss(css)).toBe(css);
  });

  it('keeps style="" declarations as written', () => {
    for (const style of ['color: red; margin: 0 auto', 'background: url(pic.png) no-repeat', 'font: 1em/1.5 "Noto Serif KR", serif', '']) {
      expect(cleanCss(style)).toBe(style);
    }
  });
});

describe('isRemoteRef, as the URL parser reads a reference', () => {
  it('remote: any scheme but data: and blob:, a host of its own, however spaced or slashed', () => {
    for (const ref of ['http://evil.example/', 'HTTPS://evil.example', '//evil.example/x', '\\\\evil.example\\x', '/\\evil.example/x', '\\/evil.example',
      ' \t//evil.example', 'h\ttp://evil.example/', 'ht\ntp://evil.example', 'javascript:alert(1)', 'ftp://evil.example', '\u0001http://evil.example']) {
      expect(isRemoteRef(ref), JSON.stringify(ref)).toBe(true);
    }
  });
  it('local: a path inside the book, data: and blob:', () => {
    for (const ref of ['images/a.png', '../Text/ch1.xhtml#p3', '/OEBPS/a.css', '#note-1', 'data:image/png;base64,AAAA', 'DATA:text/plain,x', 'blob:http://127.0.0.1:5000/abc', '']) {
      expect(isRemoteRef(ref), JSON.stringify(ref)).toBe(false);
    }
  });
});
