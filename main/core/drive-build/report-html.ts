// The report as one self-contained HTML file: inline CSS, no script, nothing remote (its own CSP
// says so), so it opens offline in any browser and can be kept beside the drive's paperwork.
import { GIVEAWAY_ABOUT } from './giveaway.js';
import type { DriveReport, NotSearchable } from './report.js';
import { HANGUL_PER_MINUTE, OTHER_PER_MINUTE } from './text-amounts.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(v < 10 ? 2 : 1)} ${units[u]}`;
}

export function formatHours(h: number): string {
  if (h === 0) return '0';
  if (h < 1) return `${Math.max(1, Math.round(h * 60))}분 min`;
  return `${h < 10 ? h.toFixed(1) : Math.round(h).toLocaleString('en-US')}시간 h`;
}

const TYPE_NAMES = { article: '글 Articles', book: '책 Books', video: '영상 Films' } as const;
const AREA_NAMES = { library: '서재 library/', app: '프로그램 app/ · launchers', data: '색인 등 .changmun/', other: '그 밖 other' } as const;

export const NOT_SEARCHABLE_TEXT: Record<NotSearchable['reason'], { ko: string; en: string }> = {
  'book-without-text': { ko: '글자가 없는 책', en: 'book with no text' },
  'pictures-only': { ko: '그림뿐인 책, 글로는 검색되지 않음 (제목과 지은이로 찾을 수 있음)', en: 'pictures only, not searchable by its text (found by title and author)' },
  'film-without-subtitles': { ko: '자막이 없는 영상', en: 'film without subtitles' },
  'subtitles-without-text': { ko: '자막에서 글자를 찾지 못한 영상', en: 'film whose subtitles hold no text' },
  'article-without-text': { ko: '글자가 없는 글', en: 'article with no text' },
};

/** Subtitles with no film beside them: searchable, only there is nothing to watch. */
export const SUBTITLES_WITHOUT_FILM = {
  ko: '자막의 글은 검색되고 읽을 수 있지만, 함께 볼 영상이 없습니다. 영상 파일을 자막과 같은 폴더에 같은 이름으로 넣으세요.',
  en: 'their text is searchable and can be read, but there is no film to watch: put the film beside them under the same name.',
};

const WHERE_TEXT = {
  label: '드라이브 이름 drive label', 'folder-name': '드라이브 폴더 이름 drive folder name', path: '파일·폴더 이름 file or folder name',
  title: '제목 title', author: '지은이 author', collection: '모음 이름 collection', 'library-title': '서재 제목 library title', 'app-name': '프로그램 이름 app name',
} as const;

const CSS = `
:root{--fg:#1d1f22;--muted:#5b6068;--bg:#f7f5f0;--card:#fff;--line:#d8d2c6;--ok:#1f6b3a;--okbg:#e5f3ea;--warn:#7a4d00;--warnbg:#fff1cf;--bad:#9c1f25;--badbg:#fbe3e4}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 'Noto Sans KR','Malgun Gothic','Apple SD Gothic Neo','Noto Sans CJK KR',system-ui,sans-serif}
main{max-width:1040px;margin:0 auto;padding:28px 24px 48px}
h1{font-size:1.7rem;margin:0 0 4px}
h1 small,h2 small{font-weight:400;color:var(--muted);font-size:.65em;margin-left:.4em}
h2{font-size:1.25rem;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:1.02rem;margin:0;display:flex;gap:.6em;align-items:center}
.meta{color:var(--muted);margin:0;word-break:break-all}
.verdict{margin:18px 0;padding:14px 18px;border-radius:8px;font-size:1.08rem;font-weight:700}
.verdict.ok{background:var(--okbg);color:var(--ok)}
.verdict.fix{background:var(--warnbg);color:var(--warn)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.card b{display:block;font-size:1.45rem}
.card span{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#efebe3;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.tables{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:14px;align-items:start}
details{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:0}
details>summary{cursor:pointer;padding:10px 14px;list-style:none}
details>summary::-webkit-details-marker{display:none}
details[open]>summary{border-bottom:1px solid var(--line)}
details .body{padding:8px 14px 12px}
.count{display:inline-block;min-width:2em;text-align:center;border-radius:999px;padding:0 .6em;font-size:.85rem;font-weight:700}
.count.zero{background:var(--okbg);color:var(--ok)}
.count.some{background:var(--badbg);color:var(--bad)}
.none{color:var(--ok);margin:0}
ul.list{margin:0;padding-left:1.2em}
ul.list li{margin:3px 0;word-break:break-all}
code{font-family:ui-monospace,Consolas,'D2Coding',monospace;font-size:.9em;background:#f0ede6;padding:0 .25em;border-radius:3px}
.hint{color:var(--muted);font-size:.9rem;margin:4px 0 8px}
.tag{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 .35em;margin-right:.3em;font-size:.85em;background:#faf8f4}
footer{margin-top:36px;color:var(--muted);font-size:.88rem}
footer p{margin:6px 0}
@media print{details{break-inside:avoid}details:not([open])>.body{display:block}}
`;

export function renderReportHtml(r: DriveReport): string {
  const e = escapeHtml;
  const n = (x: number) => x.toLocaleString('en-US');
  const f = r.fix;
  const section = (ko: string, en: string, count: number, hint: string, body: string) => `
<details${count > 0 ? ' open' : ''}>
<summary><h3><span class="count ${count > 0 ? 'some' : 'zero'}">${count}</span> ${e(ko)} <small>${e(en)}</small></h3></summary>
<div class="body">${hint ? `<p class="hint">${hint}</p>` : ''}${count === 0 ? '<p class="none">✓ 없음 none</p>' : body}</div>
</details>`;
  const list = (rows: string[]) => `<ul class="list">${rows.map((x) => `<li>${x}</li>`).join('')}</ul>`;

  const typeRows = (Object.keys(TYPE_NAMES) as (keyof typeof TYPE_NAMES)[])
    .map((t) => `<tr><td>${TYPE_NAMES[t]}</td><td class="n">${n(r.items.byType[t].items)}</td><td class="n">${formatBytes(r.items.byType[t].bytes)}</td></tr>`)
    .join('');
  const languageRows = r.items.byLanguage.map((l) => `<tr><td>${e(l.language)}</td><td class="n">${n(l.items)}</td></tr>`).join('') || '<tr><td colspan="2">—</td></tr>';
  const collectionRows = r.items.byCollection.map((c) => `<tr><td>${e(c.collection)}</td><td class="n">${n(c.items)}</td></tr>`).join('') || '<tr><td colspan="2">모음 없음 no collections</td></tr>';
  const areaRows = (Object.keys(AREA_NAMES) as (keyof typeof AREA_NAMES)[])
    .filter((a) => r.sizes.byArea[a] > 0)
    .map((a) => `<tr><td>${AREA_NAMES[a]}</td><td class="n">${formatBytes(r.sizes.byArea[a])}</td></tr>`)
    .join('');

  const m = r.manifest;
  const signature = !m.present
    ? '목록 없음 (changmun build가 만듭니다) / no manifest yet (changmun build writes one)'
    : m.damaged
      ? `목록이 손상됨 / the manifest is damaged: ${e(m.damaged)}`
      : m.signed
        ? `서명됨 signed · 열쇠 지문 fingerprint <code>${e(m.display ?? '')}</code> · ${e(m.signedAt ?? '')} · 파일 ${n(m.files ?? 0)} files`
        : '서명 안 됨 / unsigned (build --key 로 서명하세요 / sign with build --key)';

  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>드라이브 보고서 Drive report — ${e(r.title ?? r.drive)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>드라이브 보고서 <small>Drive report</small></h1>
<p class="meta">${e(r.title ?? '')}${r.title ? ' · ' : ''}<code>${e(r.drive)}</code> · ${e(r.generatedAt)}</p>
<p class="verdict ${r.toFix > 0 ? 'fix' : 'ok'}">${r.toFix > 0 ? `내보내기 전에 살펴볼 것 ${n(r.toFix)}개 / ${n(r.toFix)} things to look at before shipping` : '✓ 고칠 것이 없습니다 / nothing to fix'}</p>

<div class="cards">
<div class="card"><b>${n(r.items.total)}</b><span>항목 items</span></div>
<div class="card"><b>${formatHours(r.reading.hours)}</b><span>읽을거리 (어림) reading, estimated</span></div>
<div class="card"><b>${formatHours(r.video.hours)}</b><span>영상 ${n(r.video.films)}편 films</span></div>
<div class="card"><b>${formatBytes(r.sizes.driveBytes)}</b><span>드라이브 전체 whole drive</span></div>
<div class="card"><b>${m.signed ? '✓' : '✗'}</b><span>${m.signed ? `서명 signed <code>${e((m.display ?? '').slice(0, 9))}</code>` : '서명 안 됨 unsigned'}</span></div>
</div>

<h2>무엇이 있나 <small>What is on the drive</small></h2>
<div class="tables">
<table><tr><th>종류 type</th><th class="n">항목 items</th><th class="n">크기 size</th></tr>${typeRows}
<tr><td>그림 등 images and other files</td><td class="n">—</td><td class="n">${formatBytes(r.sizes.otherLibraryBytes)}</td></tr></table>
<table><tr><th>언어 language</th><th class="n">항목 items</th></tr>${languageRows}</table>
<table><tr><th>모음 collection</th><th class="n">항목 items</th></tr>${collectionRows}</table>
<table><tr><th>어디에 where</th><th class="n">크기 size</th></tr>${areaRows}</table>
</div>
<p class="hint">읽을거리: 한글 ${n(r.reading.hangul)}자, 그 밖의 글자 ${n(r.reading.other)}자 (1분에 한글 ${HANGUL_PER_MINUTE}자 또는 로마자 ${n(OTHER_PER_MINUTE)}자로 어림) /
reading: ${n(r.reading.hangul)} Hangul syllables and ${n(r.reading.other)} other letters, at about ${HANGUL_PER_MINUTE} syllables or ${n(OTHER_PER_MINUTE)} letters a minute.
${r.video.unknownDuration.length > 0 ? `길이를 알 수 없는 영상 ${r.video.unknownDuration.length}편 / ${r.video.unknownDuration.length} films of unknown length.` : ''}</p>

<h2>내보내기 전에 고칠 것 <small>To fix before shipping</small></h2>
${section('읽을 수 없는 파일', 'files that could not be read', f.unreadable.length, '',
    list(f.unreadable.map((p) => `<code>${e(p.path)}</code><br>${e(p.messageKo)}<br>${e(p.messageEn)}`)))}
${section('검색되지 않는 항목', 'items with no searchable text', f.notSearchable.length, '제목으로만 찾을 수 있습니다 / these can be found by title only.',
    list(f.notSearchable.map((x) => `<span class="tag">${e(NOT_SEARCHABLE_TEXT[x.reason].ko)} · ${e(NOT_SEARCHABLE_TEXT[x.reason].en)}</span> <code>${e(x.path)}</code>`)))}
${section('영상이 없는 자막', 'subtitles without their film', f.subtitlesWithoutFilm.length, `${e(SUBTITLES_WITHOUT_FILM.ko)}<br>${e(SUBTITLES_WITHOUT_FILM.en)}`,
    list(f.subtitlesWithoutFilm.map((x) => `<code>${e(x.path)}</code>`)))}
${section('4 GB가 넘는 파일', 'files over 4 GB (FAT32 cannot hold them)', f.over4GB.length, 'FAT32 드라이브에는 4 GB − 1바이트까지만 들어갑니다. 나누거나 exFAT으로 포맷하세요 / FAT32 holds files up to 4 GB − 1 byte: split them, or format the stick exFAT.',
    list(f.over4GB.map((x) => `<code>${e(x.path)}</code> — ${formatBytes(x.size)} (${n(x.size)} B)`)))}
${section('재생되지 않을 영상', 'films Electron will not (or may not) play', f.codecs.length, `코덱은 ${r.codecsVia === 'ffprobe' ? 'ffprobe로' : '파일 구조를 직접 읽어'} 확인했습니다 / codecs read ${r.codecsVia === 'ffprobe' ? 'with ffprobe' : 'from the container itself'}.`,
    list(f.codecs.map((c) => `<span class="tag">${c.verdict === 'wont-play' ? '재생 안 됨 won’t play' : c.verdict === 'may-not-play' ? '안 될 수 있음 may not play' : '알 수 없음 unknown'}</span> <code>${e(c.path)}</code>${c.streams ? ` — ${e(c.streams.container)}: ${e([...c.streams.video, ...c.streams.audio].join(', ') || '—')}` : ''}<br>${c.reasons.map((x) => `${e(x.ko)} / ${e(x.en)}`).join('<br>')}`)))}
${section('똑같은 파일', 'duplicates (same SHA-256)', f.duplicates.length, '',
    list(f.duplicates.map((d) => `${formatBytes(d.size)} × ${d.paths.length}: ${d.paths.map((p) => `<code>${e(p)}</code>`).join(', ')}`)))}
${section('드라이브가 무엇인지 드러내는 이름', 'names that give away what the drive is', f.giveaways.length, `${e(GIVEAWAY_ABOUT.ko)}<br>${e(GIVEAWAY_ABOUT.en)}`,
    list(f.giveaways.map((g) => `<span class="tag">${e(WHERE_TEXT[g.where])}</span> ${g.path && g.path !== g.text ? `<code>${e(g.path)}</code> ` : ''}“${e(g.text)}” — ${g.words.map((w) => `<b>${e(w.word)}</b> (${e(w.note)})`).join(', ')}`)))}
${section('비밀 열쇠로 보이는 파일', 'files that look like private keys', f.privateKeys.length, '비밀 열쇠는 절대 드라이브에 실으면 안 됩니다 / a private key must never travel on a drive.',
    list(f.privateKeys.map((p) => `<code>${e(p)}</code>`)))}
${section('숨은 파일과 시스템 파일', 'hidden and system files', f.systemFiles.length, 'Thumbs.db에는 지운 그림의 작은 사본이, ._ 파일과 .DS_Store에는 다른 컴퓨터의 흔적이 남을 수 있습니다. 지우세요 / Thumbs.db can keep small copies of pictures long deleted; ._ files and .DS_Store carry another computer’s traces: delete them.',
    list(f.systemFiles.map((p) => `<code>${e(p)}</code>`)))}

<h2>서명 <small>Signature</small></h2>
<p>${signature}</p>
<p class="hint">파일 하나하나가 서명된 그대로인지는 <code>changmun verify --full --key 공개열쇠.pub</code>로 확인하세요 / check every file against the signed manifest with <code>changmun verify --full --key group.pub</code>.</p>

<footer>
<p>${r.source === 'saved-index' ? '저장된 색인에서 읽었습니다 (모든 파일이 색인된 그대로입니다)' : '모든 파일을 지금 새로 읽었습니다 (저장된 색인이 없거나 오래되었습니다)'} /
${r.source === 'saved-index' ? 'read from the saved index (every file is as indexed)' : 'every file was read now (no saved index, or an out-of-date one)'}.</p>
<p>${e(r.library)}</p>
<p>창문 Changmun — changmun report</p>
</footer>
</main>
</body>
</html>
`;
}
