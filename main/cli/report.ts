// `changmun report <drive-folder> [--html file] [--no-html] [--label text] [--no-ffprobe]`: what is
// on a drive and what to fix, in the terminal and as one offline HTML file (never written onto the
// drive: it is the volunteer's paperwork, and the drive is signed as it is).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveLibraryFolder } from '../core/drive/locate.js';
import { buildReport, type DriveReport } from '../core/drive-build/report.js';
import { formatBytes, formatHours, NOT_SEARCHABLE_TEXT, renderReportHtml, SUBTITLES_WITHOUT_FILM } from '../core/drive-build/report-html.js';
import type { Output } from './output.js';
import { ProgressBar } from './progress-bar.js';

export interface ReportCliOptions {
  /** Where the HTML goes; false with --no-html. */
  html?: string | boolean;
  label?: string;
  /** false with --no-ffprobe. */
  ffprobe?: boolean;
}

export const DEFAULT_REPORT_FILE = 'changmun-report.html';

export async function runReport(folder: string, opts: ReportCliOptions, out: Output): Promise<number> {
  const driveRoot = path.dirname(resolveLibraryFolder(folder).dataDir);
  const htmlFile = opts.html === false ? undefined : path.resolve(typeof opts.html === 'string' ? opts.html : DEFAULT_REPORT_FILE);
  if (htmlFile && (await insideFolder(htmlFile, driveRoot))) {
    out.fail('refused', `changmun: 보고서를 드라이브 안에 쓰지 않습니다. --html로 드라이브 밖의 곳을 주세요 / the report is not written onto the drive: give --html a path outside ${driveRoot}`);
    return 2;
  }
  const bar = new ProgressBar(out);
  let report: DriveReport;
  try {
    report = await buildReport(folder, {
      ffprobe: opts.ffprobe,
      label: opts.label,
      onProgress: (p) => {
        bar.phase(p.phase === 'reading' ? '읽는 중 Reading' : p.phase === 'media' ? '영상 확인 Probing films' : '해시 Hashing');
        bar.update(p);
      },
    });
  } finally {
    bar.end();
  }
  if (htmlFile) await fs.writeFile(htmlFile, renderReportHtml(report));
  if (out.json) {
    out.out(JSON.stringify({ ...report, html: htmlFile ?? null }, null, 2));
    return 0;
  }
  printReport(report, out);
  if (htmlFile) out.out(`\nHTML 보고서 / HTML report: ${htmlFile}`);
  return 0;
}

function printReport(r: DriveReport, out: Output): void {
  const f = r.fix;
  out.out(`드라이브 보고서 Drive report: ${r.title ?? ''} ${r.drive}`);
  out.out(`항목 Items ${r.items.total}: 글 articles ${r.items.byType.article.items} (${formatBytes(r.items.byType.article.bytes)}) · 책 books ${r.items.byType.book.items} (${formatBytes(r.items.byType.book.bytes)}) · 영상 films ${r.items.byType.video.items} (${formatBytes(r.items.byType.video.bytes)})`);
  out.out(`언어 Languages: ${r.items.byLanguage.map((l) => `${l.language} ${l.items}`).join(' · ') || '—'}`);
  out.out(`모음 Collections: ${r.items.byCollection.map((c) => `${c.collection} ${c.items}`).join(' · ') || '—'}`);
  out.out(`크기 Size: 드라이브 drive ${formatBytes(r.sizes.driveBytes)} (서재 library ${formatBytes(r.sizes.byArea.library)}, 프로그램 app ${formatBytes(r.sizes.byArea.app)}, 색인 등 derived ${formatBytes(r.sizes.byArea.data)})`);
  out.out(`읽을거리 Reading (어림 estimated): ${formatHours(r.reading.hours)} · 영상 Video: ${formatHours(r.video.hours)} in ${r.video.films} films${r.video.unknownDuration.length ? ` (+${r.video.unknownDuration.length} of unknown length)` : ''}`);
  out.out(`서명 Signature: ${!r.manifest.present ? '목록 없음 no manifest' : r.manifest.damaged ? `목록 손상 damaged manifest (${r.manifest.damaged})` : r.manifest.signed ? `서명됨 signed, 열쇠 지문 fingerprint ${r.manifest.display}` : '서명 안 됨 unsigned'}`);
  out.out('');
  out.out(r.toFix > 0 ? `내보내기 전에 살펴볼 것 ${r.toFix}개 / ${r.toFix} things to look at before shipping:` : '✓ 고칠 것이 없습니다 / nothing to fix.');
  const group = (ko: string, en: string, rows: string[]) => {
    out.out(`  ${rows.length === 0 ? '✓' : '✗'} ${ko} / ${en}: ${rows.length}`);
    for (const row of rows) out.out(`      ${row}`);
  };
  group('읽을 수 없는 파일', 'files that could not be read', f.unreadable.map((p) => `${p.messageKo} / ${p.messageEn}`));
  group('검색되지 않는 항목', 'items with no searchable text', f.notSearchable.map((x) => `${x.path} — ${NOT_SEARCHABLE_TEXT[x.reason].ko} / ${NOT_SEARCHABLE_TEXT[x.reason].en}`));
  group('영상이 없는 자막', 'subtitles without their film', f.subtitlesWithoutFilm.map((x) => `${x.path} — ${SUBTITLES_WITHOUT_FILM.ko} / ${SUBTITLES_WITHOUT_FILM.en}`));
  group('4 GB가 넘는 파일 (FAT32)', 'files over 4 GB (FAT32)', f.over4GB.map((x) => `${x.path} — ${formatBytes(x.size)} (${x.size.toLocaleString('en-US')} B)`));
  group('재생되지 않을 영상', 'films that will not (or may not) play', f.codecs.map((c) => `${c.path} — ${c.streams ? `${c.streams.container}: ${[...c.streams.video, ...c.streams.audio].join(', ')} — ` : ''}${c.reasons.map((x) => `${x.ko} / ${x.en}`).join('; ')}`));
  group('똑같은 파일', 'duplicates', f.duplicates.map((d) => `${d.paths.join(' = ')} (${formatBytes(d.size)})`));
  group('드라이브가 무엇인지 드러내는 이름 (어림)', 'names that give the drive away (heuristic)', f.giveaways.map((g) => `[${g.where}] ${g.path && g.path !== g.text ? `${g.path}: ` : ''}"${g.text}" — ${g.words.map((w) => `${w.word} (${w.note})`).join(', ')}`));
  group('비밀 열쇠로 보이는 파일', 'files that look like private keys', f.privateKeys);
  group('숨은 파일과 시스템 파일', 'hidden and system files', f.systemFiles);
}

async function insideFolder(file: string, folder: string): Promise<boolean> {
  const realFolder = await fs.realpath(folder).catch(() => path.resolve(folder));
  const realDir = await fs.realpath(path.dirname(file)).catch(() => path.dirname(file));
  const rel = path.relative(realFolder, path.join(realDir, path.basename(file)));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
