// Writes the articles of the sample library (HTML, Markdown, plain text), their pictures, and the
// deliberately hostile "safe reading" page.
import { ARTICLES, SAFE_READING, type ArticleText } from './articles-text.js';
import { earthMoonSvg, haenyeoPng, hostileShieldSvg, metalTypePng, northStarsSvg, waterCyclePng, wonsanTimelineSvg } from './images.js';
import { OUR_PICTURE, OUR_WRITING, type Output, blocksToHtml, blocksToMarkdown, blocksToText, escapeText, parseBlocks } from './util.js';

const ARTICLE_CSS = `
    body { max-width: 42em; margin: 2em auto; padding: 0 1em; font-family: 'Noto Serif CJK KR', 'Batang', serif; line-height: 1.7; color: #222; background: #fffdf8; }
    h1 { line-height: 1.3; }
    figure { margin: 1.5em 0; text-align: center; }
    figure img { max-width: 100%; height: auto; }
    figcaption { font-size: 0.9em; color: #555; }
    .byline { color: #666; }
    nav { font-size: 0.9em; border-bottom: 1px solid #ddd; padding-bottom: 0.5em; }`;

/** Pictures that sit beside the articles (the JPEG is made by films.ts with ffmpeg). */
export function writeArticleImages(out: Output): void {
  out.write('articles/history/원산-년표.svg', wonsanTimelineSvg(), 'SVG timeline of the Wonsan strike (Korean labels, North Korean spelling), used by 원산-로동자들의-력사.html', OUR_PICTURE);
  out.write('articles/history/haenyeo.png', haenyeoPng(), 'PNG picture of a diver\'s float and net on the sea, used by 제주-해녀의-역사.md', OUR_PICTURE);
  out.write('articles/history/metal-type.png', metalTypePng(), 'PNG picture of bronze type sorts, used by printing-in-korea.md', OUR_PICTURE);
  out.write('articles/science/earth-moon.svg', earthMoonSvg(), 'SVG diagram of the Moon\'s orbit, used by why-the-moon-shows-one-face.html', OUR_PICTURE);
  out.write('articles/science/물의-순환.png', waterCyclePng(), 'PNG picture of the water cycle (Korean file name), used by 물의-순환.html', OUR_PICTURE);
  out.write('articles/science/북쪽-별자리.svg', northStarsSvg(), 'SVG star chart (Korean labels), used by 밤하늘에서-북쪽-찾기.md', OUR_PICTURE);
}

export function writeArticles(out: Output): void {
  for (const a of ARTICLES) {
    const ext = a.rel.slice(a.rel.lastIndexOf('.'));
    const text = ext === '.html' ? articleHtml(a) : ext === '.md' ? articleMarkdown(a) : articleText(a);
    out.write(a.rel, text, a.what, OUR_WRITING);
  }
  out.write(SAFE_READING.rel, safeReadingHtml(), SAFE_READING.what, OUR_WRITING);
  out.write(SAFE_READING.shield, hostileShieldSvg(), SAFE_READING.whatShield, OUR_PICTURE);
}

function articleHtml(a: ArticleText): string {
  const blocks = blocksToHtml(parseBlocks(a.body), '    ');
  // The Titanic page keeps the site navigation a saved web page would have; it is not article text.
  const nav = a.rel.includes('타이타닉')
    ? `  <nav aria-label="누리집 차림표">\n    <a href="#">처음으로</a> · <a href="#">역사 글 목록</a> · <span>길잡이글자QRS</span>\n  </nav>\n`
    : '';
  return `<!DOCTYPE html>
<html lang="${a.lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeText(a.title)}</title>
  <style>${ARTICLE_CSS}
  </style>
</head>
<body>
${nav}  <article>
    <h1>${escapeText(a.title)}</h1>
    <p class="byline">${escapeText(a.byline)}</p>
${blocks}
  </article>
</body>
</html>
`;
}

function articleMarkdown(a: ArticleText): string {
  return `# ${a.title}\n\n*${a.byline}*\n\n${blocksToMarkdown(parseBlocks(a.body))}\n`;
}

function articleText(a: ArticleText): string {
  return `${a.title}\n${'='.repeat(a.title.length)}\n\n${a.byline}\n\n${blocksToText(parseBlocks(a.body))}\n`;
}

/**
 * Every line of this page that is not article text is an attack the app must neutralise:
 * scripts (inline, remote, in attributes, in javascript: URLs, inside inline SVG), remote images,
 * styles, fonts and frames, a <base> that would send relative links to the network, a meta refresh,
 * a form posting out, plugins. Text in <nav>, [hidden], <script>, <style>, <template> and
 * <noscript> must not be searchable.
 */
function safeReadingHtml(): string {
  return `<!DOCTYPE html>
<html lang="ko">
<head>
  <meta charset="utf-8">
  <meta http-equiv="refresh" content="0; url=https://example.com/refresh">
  <meta http-equiv="Content-Security-Policy" content="default-src *; script-src * 'unsafe-inline'">
  <title>안전한 읽기 / Safe reading test</title>
  <base href="https://example.com/">
  <link rel="stylesheet" href="https://example.com/remote.css">
  <link rel="prefetch" href="https://example.com/prefetch">
  <link rel="icon" href="http://example.com/favicon.ico">
  <style>
    @import url("https://example.com/import.css");
    @font-face { font-family: Remote; src: url(https://example.com/font.woff2); }
    body { background: url(http://example.com/bg.png); font-family: Remote, serif; line-height: 1.7; max-width: 42em; margin: 2em auto; }
    .note { background-image: url('http://example.com/note.png'); border-left: 4px solid #2f6f4f; padding-left: 1em; }
    .secret::after { content: "꾸밈글자CSSQ"; }
  </style>
  <script>window.__changmunPwned = true</script>
  <script src="https://example.com/evil.js"></script>
</head>
<body onload="window.__changmunPwned = true">
  <nav>
    <a href="https://example.com/">처음으로</a> · <a href="https://example.com/list">목록</a> · 숨은메뉴NAVXYZ
  </nav>
  <article>
    <h1 onclick="window.__changmunPwned = true">안전한 읽기</h1>
    <p class="byline">창문 견본 서재 · 생활 / Safe reading test</p>
    <p class="note" onmouseover="window.__changmunPwned = true">이 글은 창문이 위험한 문서를 안전하게 보여 주는지 확인하려고 만든 시험용 글입니다. 겉으로는 평범한 글이지만 그 안에는 스크립트와 외부 그림, 외부 틀이 숨어 있습니다. 창문은 그 가운데 어느 것도 실행하거나 불러오지 않고 글만 보여 주어야 합니다.</p>

    <h2>모르는 파일은 먼저 의심하기</h2>
    <p>누군가 건넨 파일이 모두 믿을 만한 것은 아닙니다. 문서처럼 보이는 파일 안에도 프로그램이 숨어 있을 수 있습니다. 파일을 열기 전에 어디에서 온 것인지 생각해 보고, 이름이 이상하거나 크기가 지나치게 큰 파일은 열지 않는 것이 좋습니다. 창문에 담긴 글과 책과 영화는 창문 안에서만 여는 것이 가장 안전합니다.</p>
    <img src="https://example.com/x.png" onerror="window.__changmunPwned=true" alt="바깥에서 불러오려는 그림">
    <img srcset="https://example.com/x2.png 2x, https://example.com/x1.png 1x" alt="바깥 그림 묶음">

    <h2>읽은 자리는 남기지 않기</h2>
    <p onclick="window.__changmunPwned = true">여럿이 함께 쓰는 컴퓨터에서는 무엇을 읽었는지가 기록으로 남기 쉽습니다. 창문은 따로 설정하지 않으면 읽은 자리나 찾은 낱말을 기억하지 않습니다. 다 읽은 뒤에는 프로그램을 닫고, 저장 장치를 뽑기 전에 창이 모두 닫혔는지 확인하세요. 누가 다가오면 비상 단추 하나로 모든 창을 한 번에 닫을 수 있습니다.</p>
    <p><a href="javascript:window.__changmunPwned=true">여기를 누르면 안 됩니다</a> · <a href="https://example.com/track" target="_blank" ping="https://example.com/ping">바깥 누리집으로 가는 고리</a></p>
    <iframe src="https://example.com/frame.html" width="300" height="100" title="바깥 틀"></iframe>
    <iframe srcdoc="&lt;script&gt;parent.__changmunPwned = true&lt;/script&gt;" title="안쪽 틀"></iframe>

    <h2>연결하지 않는 것이 가장 안전합니다</h2>
    <p>창문은 인터넷에 한 번도 연결하지 않습니다. 글 속에 바깥 그림이나 바깥 글꼴이 적혀 있어도 불러오지 않습니다. 그래서 이 글에 적힌 바깥 주소들은 모두 빈자리로 남아야 합니다. 아래의 방패 그림만은 이 글 옆에 있는 파일이므로 보여야 합니다.</p>
    <figure>
      <img src="방패.svg" alt="초록 방패 그림 / a green shield" width="100" height="110">
      <figcaption>방패 그림 / Shield</figcaption>
    </figure>
    <form action="https://example.com/collect" method="post">
      <label>이름 <input name="name" value="" onfocus="window.__changmunPwned = true" autofocus></label>
      <button type="submit">보내기</button>
    </form>
    <object data="https://example.com/plugin.swf" type="application/x-shockwave-flash"></object>
    <embed src="https://example.com/plugin.swf">
    <video src="https://example.com/video.mp4" poster="https://example.com/poster.jpg" autoplay></video>
    <audio src="https://example.com/sound.mp3" autoplay></audio>
    <svg width="20" height="20" onload="window.__changmunPwned = true"><script>window.__changmunPwned = true</script><circle cx="10" cy="10" r="8" fill="#2f6f4f"/></svg>
    <div hidden>숨은글자XYZ — 이 문장은 숨겨져 있으므로 찾기에 나오면 안 됩니다.</div>
    <span class="secret" style="display:none">감춘글자QJX</span>
    <template><p>틀속글자TPLQ</p></template>
    <noscript>대체글자NSQ</noscript>

    <h2 lang="en">Staying safe while reading</h2>
    <p lang="en" style="background: url(http://example.com/inline.png)">This page is a test for Changmun's article reader. It looks like an ordinary article, but it is full of scripts, remote pictures, remote fonts, frames and event handlers. None of them may run and none of them may reach the network: the reader shows the words and the local shield picture, and nothing else.</p>
    <p lang="en">The advice itself is real. Be careful with files that arrive from people you do not know. Close the reader when you have finished, and check that every window is closed before you unplug the drive. A library that never connects to the internet has nothing to report to anyone.</p>
  </article>
  <script>document.body.innerHTML = '<p>changmunPwned</p>'; window.__changmunPwned = true;</script>
</body>
</html>
`;
}
