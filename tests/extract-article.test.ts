import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { extractArticle } from '../main/core/extract/article/index.js';
import { ExtractError } from '../main/core/errors.js';
import { CONTENT_SAMPLE, corpusAvailable, corpusPath } from './helpers/paths.js';

const enc = (s: string) => new TextEncoder().encode(s);
const all = (chunks: { text: string }[]) => chunks.map((c) => c.text).join('\n');

describe('HTML articles', () => {
  it('takes the title from <title>, else the first <h1>, and the language from lang', async () => {
    const a = await extractArticle(enc('<html lang="ko-KR"><head><title>창문 소식</title></head><body><h1>다른 제목</h1><p>본문</p></body></html>'), 'a.html');
    expect(a).toMatchObject({ title: '창문 소식', language: 'ko', format: 'html' });
    const b = await extractArticle(enc('<html><body><h1>제목은 여기</h1><p>본문 글입니다.</p></body></html>'), 'b.html');
    expect(b.title).toBe('제목은 여기');
    expect(b.language).toBe('ko');
  });

  it('splits at headings, with an anchor for each section', async () => {
    const a = await extractArticle(enc('<p>머리말</p><h2 id="one">첫째</h2><p>하나</p><h2>둘째</h2><p>둘</p>'), 'x.html');
    expect(a.chunks.map((c) => [c.locator.anchor, c.heading])).toEqual([['', undefined], ['one', '첫째'], ['h-2', '둘째']]);
    expect(a.chunks[1]!.text).toBe('첫째\n하나');
  });

  it('drops script, style, navigation, templates and hidden elements', async () => {
    const html = `<nav>메뉴글자</nav><script>var 스크립트글자 = 1</script><style>.x{}</style>
      <div hidden>숨김글자</div><p style="display: none">안보임글자</p><template>틀글자</template>
      <p aria-hidden="true">가림글자</p><p>보이는 글자</p><noscript>대체글자</noscript>`;
    const text = all((await extractArticle(enc(html), 'x.html')).chunks);
    expect(text).toBe('보이는 글자');
  });

  it('lists local images only, never remote ones', async () => {
    const a = await extractArticle(enc('<p>글<img src="그림.png" alt="그림 설명"><img src="https://example.com/x.png"><img src="//cdn/x.png"><img src="data:image/png;base64,AA"></p>'), 'x.html');
    expect(a.images).toEqual(['그림.png']);
    expect(all(a.chunks)).toContain('그림 설명');
  });

  it('reads a CP949 HTML file with no charset declared', async () => {
    const a = await extractArticle(iconv.encode('<h1>똠방각하</h1><p>뷁! 노동은 신성하다.</p>', 'cp949'), 'x.htm');
    expect(a.title).toBe('똠방각하');
    expect(all(a.chunks)).toContain('뷁! 노동은 신성하다.');
  });

  it('gives a typed error for an empty file or one with no text', async () => {
    await expect(extractArticle(new Uint8Array(), 'x.html')).rejects.toMatchObject({ code: 'empty' });
    await expect(extractArticle(enc('<script>only()</script>'), 'x.html')).rejects.toBeInstanceOf(ExtractError);
  });
});

describe('Markdown and plain-text articles', () => {
  it('renders Markdown headings into sections and keeps raw HTML from leaking script text', async () => {
    const md = '# 제주 해녀\n\n머리글.\n\n## 숨비소리\n\n물 위로 올라와 *숨을* 내쉰다.\n\n<script>alert("스크립트글자")</script>\n';
    const a = await extractArticle(enc(md), 'haenyeo.md');
    expect(a.title).toBe('제주 해녀');
    expect(a.chunks.map((c) => c.heading)).toEqual(['제주 해녀', '숨비소리']);
    expect(all(a.chunks)).not.toContain('스크립트글자');
  });

  it('uses the first short line of a text file as its title', async () => {
    const a = await extractArticle(enc('Running a Small Library\n\nBooks travel in boxes.\n'), 'lib.txt');
    expect(a).toMatchObject({ title: 'Running a Small Library', language: 'en', format: 'text' });
  });

  it('reads every article in content-sample with a title and searchable text', async () => {
    for (const rel of [
      'articles/history/원산-로동자들의-력사.html',
      'articles/history/제주-해녀의-역사.md',
      'articles/daily-life/running-a-small-library.txt',
      'articles/science/밤하늘에서-북쪽-찾기.md',
    ]) {
      const a = await extractArticle(readFileSync(path.join(CONTENT_SAMPLE, rel)), rel);
      expect(a.title.length, rel).toBeGreaterThan(3);
      expect(all(a.chunks).length, rel).toBeGreaterThan(500);
    }
    const md = await extractArticle(readFileSync(path.join(CONTENT_SAMPLE, 'articles/science/밤하늘에서-북쪽-찾기.md')), 'x.md');
    expect(md.images.some((i) => i.includes('북쪽'))).toBe(true);
  });
});

describe.skipIf(!corpusAvailable)('plain-text articles from the corpus', () => {
  it('the UTF-8 and EUC-KR copies of 동백꽃 give the same chunks', async () => {
    const a = await extractArticle(readFileSync(corpusPath('korean-text', 'dongbaekkot.utf8.txt')), 'dongbaekkot.utf8.txt');
    const b = await extractArticle(readFileSync(corpusPath('korean-text', 'dongbaekkot.euc-kr.txt')), 'dongbaekkot.euc-kr.txt');
    expect(b.chunks).toEqual(a.chunks);
    expect(a.language).toBe('ko');
    expect(all(a.chunks)).toContain('점순이');
  });
});
