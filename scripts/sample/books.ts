// The three EPUBs of the sample library.
import { BY_THE_WINDOW, NIGHT_TRAIN_LIBRARY } from './books-text.js';
import { DONGBAEKKOT_PARAGRAPHS } from './dongbaekkot-text.js';
import { type EpubItem, type TocNode, buildEpub, xhtml2, xhtml3 } from './epub.js';
import { dongbaekCoverPng } from './images.js';
import { OUR_WRITING, type Output, blocksToHtml, escapeText, parseBlocks } from './util.js';

const KOREAN_CSS = `body { font-family: 'Noto Serif CJK KR', 'Batang', serif; line-height: 1.8; margin: 0 5%; }
h1 { font-size: 1.4em; margin: 2em 0 1.5em; text-align: center; }
h2 { font-size: 1.2em; margin: 2em 0 1em; }
p { text-indent: 1em; margin: 0 0 0.6em; text-align: justify; }
.cover { text-align: center; }
.cover img { max-width: 100%; max-height: 80vh; }
.part { text-align: center; margin-top: 30%; }
.en { font-family: Georgia, 'Times New Roman', serif; }
`;

const ENGLISH_CSS = `body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.6; margin: 0 5%; }
h1 { font-size: 1.4em; margin: 2em 0 1.5em; text-align: center; }
p { text-indent: 1.2em; margin: 0; text-align: justify; }
p.first { text-indent: 0; }
.title { text-align: center; margin-top: 30%; }
`;

export async function writeBooks(out: Output): Promise<void> {
  out.write('books/동백꽃.epub', await dongbaekkot(), 'EPUB 3 in Korean: 동백꽃 by 김유정 (1936) in four parts, Korean file names inside the zip, cover image, nav document', 'public domain (김유정, 1908–1937; first published 1936); text as transcribed in github.com/statkclee/satKorean data-raw/; chapter split, chapter titles and cover by Changmun (CC0)');
  out.write('books/the-night-train-library.epub', await nightTrainLibrary(), 'EPUB 2 in English: "The Night Train Library", an original short story in four chapters, OPF 2.0 with an NCX table of contents and no nav document', OUR_WRITING);
  out.write('books/창가에서-사계절.epub', await byTheWindow(), 'EPUB 3, bilingual Korean/English: "창가에서 — 사계절 / By the Window: Four Seasons", essays in two parts with a nested table of contents (nav and NCX)', OUR_WRITING);
}

/** 동백꽃: four parts split at the story's scene changes (paragraph indexes into the text). */
const DONGBAEK_PARTS: Array<{ file: string; title: string; from: number; to: number }> = [
  { file: '제1장.xhtml', title: '하나. 감자 세 개', from: 0, to: 26 },
  { file: '제2장.xhtml', title: '둘. 울타리 너머', from: 26, to: 46 },
  { file: '제3장.xhtml', title: '셋. 고추장', from: 46, to: 60 },
  { file: '제4장.xhtml', title: '넷. 노란 동백꽃', from: 60, to: DONGBAEKKOT_PARAGRAPHS.length },
];

async function dongbaekkot(): Promise<Buffer> {
  const items: EpubItem[] = [
    { id: 'style', href: 'style.css', mediaType: 'text/css', data: KOREAN_CSS },
    { id: 'cover-image', href: '그림/표지.png', mediaType: 'image/png', properties: 'cover-image', data: dongbaekCoverPng() },
    {
      id: 'cover',
      href: '표지.xhtml',
      mediaType: 'application/xhtml+xml',
      spine: true,
      data: xhtml3('ko', '표지', `    <section epub:type="cover" class="cover">
      <img src="그림/표지.png" alt="노란 동백꽃 가지와 닭 두 마리가 그려진 표지"/>
      <h1>동백꽃</h1>
      <p>김유정</p>
    </section>`),
    },
  ];
  DONGBAEK_PARTS.forEach((part, i) => {
    const paras = DONGBAEKKOT_PARAGRAPHS.slice(part.from, part.to).map((p) => `      <p>${escapeText(p)}</p>`).join('\n');
    items.push({
      id: `chapter${i + 1}`,
      href: part.file,
      mediaType: 'application/xhtml+xml',
      spine: true,
      data: xhtml3('ko', part.title, `    <section epub:type="chapter">\n      <h1>${escapeText(part.title)}</h1>\n${paras}\n    </section>`),
    });
  });
  return buildEpub({
    version: '3.0',
    identifier: 'urn:uuid:6f1f3c52-9d0e-4b7a-8a35-2c1e5d7b0a11',
    title: '동백꽃',
    creators: [{ name: '김유정', fileAs: '김유정' }],
    languages: ['ko'],
    date: '1936',
    description: '봄날 강원도 산골, 소작인의 아들인 나와 마름의 딸 점순이 사이에 벌어지는 닭싸움과 감자, 그리고 노란 동백꽃 이야기.',
    publisher: '창문 견본 서재',
    rights: '퍼블릭 도메인 (Public domain)',
    coverId: 'cover-image',
    navHref: '차례.xhtml',
    tocTitle: '차례',
    items,
    toc: DONGBAEK_PARTS.map((p) => ({ label: p.title, href: p.file })),
    landmarks: [
      { type: 'cover', label: '표지', href: '표지.xhtml' },
      { type: 'bodymatter', label: '본문', href: '제1장.xhtml' },
    ],
  });
}

async function nightTrainLibrary(): Promise<Buffer> {
  const items: EpubItem[] = [
    { id: 'style', href: 'style.css', mediaType: 'text/css', data: ENGLISH_CSS },
    {
      id: 'titlepage',
      href: 'title.xhtml',
      mediaType: 'application/xhtml+xml',
      spine: true,
      data: xhtml2('en', 'The Night Train Library', `    <div class="title">\n      <h1>The Night Train Library</h1>\n      <p class="first">A story from the Changmun sample library</p>\n    </div>`),
    },
  ];
  NIGHT_TRAIN_LIBRARY.forEach((ch, i) => {
    const paras = parseBlocks(ch.body).map((b, k) => (b.t === 'p' ? `    <p${k === 0 ? ' class="first"' : ''}>${escapeText(b.text)}</p>` : ''));
    items.push({
      id: `chapter${i + 1}`,
      href: `chapter${i + 1}.xhtml`,
      mediaType: 'application/xhtml+xml',
      spine: true,
      data: xhtml2('en', ch.title, `    <h1>${escapeText(ch.title)}</h1>\n${paras.join('\n')}`),
    });
  });
  return buildEpub({
    version: '2.0',
    identifier: 'urn:uuid:0c6b7d3e-51a2-4f0e-9e41-7d2f8b6a9c22',
    title: 'The Night Train Library',
    creators: [{ name: 'Changmun Project', fileAs: 'Changmun Project' }],
    languages: ['en'],
    date: '2024',
    description: 'A retired railway carriage at a mountain junction becomes a library that opens after the last train.',
    publisher: 'Changmun sample library',
    rights: 'CC0 1.0: no rights reserved',
    tocTitle: 'Contents',
    items,
    toc: NIGHT_TRAIN_LIBRARY.map((ch, i) => ({ label: ch.title, href: `chapter${i + 1}.xhtml` })),
  });
}

async function byTheWindow(): Promise<Buffer> {
  const items: EpubItem[] = [{ id: 'style', href: 'style.css', mediaType: 'text/css', data: KOREAN_CSS }];
  const toc: TocNode[] = [];
  let n = 0;
  BY_THE_WINDOW.forEach((part, p) => {
    const partFile = `text/part${p + 1}.xhtml`;
    items.push({
      id: `part${p + 1}`,
      href: partFile,
      mediaType: 'application/xhtml+xml',
      spine: true,
      data: xhtml3('ko', part.ko, `    <section epub:type="part" class="part">\n      <h1>${escapeText(part.ko)}</h1>\n      <p class="en" lang="en" xml:lang="en">${escapeText(part.en)}</p>\n    </section>`, '../style.css'),
    });
    const children: TocNode[] = [];
    for (const ch of part.chapters) {
      n++;
      const file = `text/chapter${n}.xhtml`;
      const ko = blocksToHtml(parseBlocks(ch.ko.body), '      ');
      const en = blocksToHtml(parseBlocks(ch.en.body), '      ');
      const body = `    <section epub:type="chapter" id="ko" lang="ko" xml:lang="ko">
      <h1>${n}. ${escapeText(ch.ko.title)}</h1>
${ko}
    </section>
    <section epub:type="chapter" id="en" class="en" lang="en" xml:lang="en">
      <h2>${escapeText(ch.en.title)}</h2>
${en}
    </section>`;
      items.push({ id: `chapter${n}`, href: file, mediaType: 'application/xhtml+xml', spine: true, data: xhtml3('ko', `${ch.ko.title} / ${ch.en.title}`, body, '../style.css') });
      children.push({ label: `${n}. ${ch.ko.title} / ${ch.en.title}`, href: file });
    }
    toc.push({ label: `${part.ko} / ${part.en}`, href: partFile, children });
  });
  return buildEpub({
    version: '3.0',
    identifier: 'urn:uuid:9a4e2b71-3c8d-4f56-b0e2-58d1c7a3e433',
    title: '창가에서 — 사계절 / By the Window: Four Seasons',
    creators: [{ name: '창문 견본 서재 (Changmun Project)', fileAs: 'Changmun Project' }],
    languages: ['ko', 'en'],
    date: '2024',
    description: '창가에서 바라본 봄비, 장마, 반딧불이, 추석 보름달, 첫눈. 한국어 글과 영어 번역을 함께 실은 수필 다섯 편. / Five short essays on the seasons, in Korean with English translations.',
    publisher: '창문 견본 서재',
    rights: 'CC0 1.0: no rights reserved',
    tocTitle: '차례 / Contents',
    ncx: true,
    items,
    toc,
    landmarks: [{ type: 'bodymatter', label: '본문 / Start', href: 'text/part1.xhtml' }],
  });
}
