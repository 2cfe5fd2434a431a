// library.json and SOURCES.md, written last from the record of every file made.
import type { Made, Output } from './util.js';

export const LIBRARY_JSON = {
  title: '창문 견본 서재 / Changmun sample library',
  language: 'ko',
  appName: '창문',
  collections: {
    '역사 History': ['articles/history'],
    '과학 Science': ['articles/science'],
    '생활 Daily life': ['articles/daily-life'],
    '문학 Literature': ['books'],
    '영화 Films': ['films'],
  },
  // This list of sources is for volunteers, not an article for readers.
  exclude: ['SOURCES.md'],
};

export function writeLibraryJson(out: Output): void {
  out.write('library.json', `${JSON.stringify(LIBRARY_JSON, null, 2)}\n`, 'library settings: title, interface language, app name, five collections, files left out of the catalog', 'written for Changmun; CC0');
}

export function writeSources(out: Output): void {
  const rows = [...out.made, { rel: 'SOURCES.md', what: 'this list', source: 'written for Changmun; CC0' } satisfies Made]
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
    .map((m) => `| \`${m.rel}\` | ${m.what.replace(/\|/g, '\\|').replace(/</g, '&lt;')} | ${m.source.replace(/\|/g, '\\|')} |`);
  const text = `# 창문 견본 서재: 출처 / Sources of the Changmun sample library

이 폴더는 창문을 시험하고 보여 주기 위한 작은 서재입니다. \`npm run sample\`
(scripts/make-content-sample.ts)이 모든 파일을 만듭니다. 손으로 고치지 말고 스크립트를 고친 뒤
다시 만드세요.

This folder is a small library for trying out and testing Changmun. Every file in it is made by
\`npm run sample\` (scripts/make-content-sample.ts); change the script, not the files. Films and the one
JPEG need ffmpeg; without it the script keeps the committed copies.

Everything here was written or drawn for Changmun and is dedicated to the public domain (CC0 1.0),
except the text of 동백꽃 (김유정, 1936), which is in the public domain. Two Korean articles follow the
orthography used in the North (no initial-sound rule); the other Korean texts use the South's, so that
a search in one spelling can be tested against the other. Historical facts in the articles are given
to the best of our knowledge and simplified for short reading.

The page \`articles/daily-life/안전한-읽기.html\` and its picture \`방패.svg\` are deliberately hostile
test files: they contain scripts and links to the network that the app must never run or follow.

| file | what it is | source and licence |
|---|---|---|
${rows.join('\n')}
`;
  out.write('SOURCES.md', text, 'this list', 'written for Changmun; CC0');
}
