// `changmun build <content-folder> --out <drive-folder>`: make a drive (see core/drive-build/build.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BuildError, buildDrive, packageRoot, type BuildPhase, type BuildProgress, type BuildSummary } from '../core/drive-build/build.js';
import { KeyError } from '../core/manifest/keys.js';
import type { Output } from './output.js';
import { EDITION_FOLDER, EDITION_PAGE } from '../browser-edition/format.js';
import { formatSize, ProgressBar } from './progress-bar.js';

export interface BuildCliOptions {
  out?: string;
  inPlace?: boolean;
  key?: string;
  /** A dist folder, or false with --no-app. */
  app?: string | boolean;
  launchers?: string | boolean;
  /** The UI folder, or false with --no-browser-edition. */
  browserEdition?: string | boolean;
  rebuild?: boolean;
  workers?: number;
}

const PHASE: Record<BuildPhase, string> = {
  check: '확인 Checking',
  copy: '복사 Copying',
  index: '색인 Indexing',
  locations: '책 위치 Book locations',
  covers: '영화 표지 Film covers',
  browser: '브라우저판 Browser edition',
  app: '프로그램 복사 Copying app',
  manifest: '해시 Hashing',
};

export async function runBuild(content: string, opts: BuildCliOptions, out: Output): Promise<number> {
  const bar = new ProgressBar(out);
  let summary: BuildSummary;
  try {
    summary = await buildDrive({
      content,
      out: opts.out,
      inPlace: opts.inPlace,
      keyFile: opts.key,
      appDist: opts.app === false ? false : typeof opts.app === 'string' ? opts.app : undefined,
      launchers: opts.launchers === false ? false : typeof opts.launchers === 'string' ? opts.launchers : undefined,
      ...(opts.browserEdition === false ? { browserEdition: false as const } : typeof opts.browserEdition === 'string' ? { browserEdition: opts.browserEdition } : {}),
      rebuild: opts.rebuild,
      workers: opts.workers,
      generator: `changmun ${packageVersion()}`,
      onProgress: (p: BuildProgress) => {
        bar.phase(PHASE[p.phase]);
        bar.update(p);
      },
    });
  } catch (e) {
    bar.end();
    if (e instanceof BuildError || e instanceof KeyError) {
      out.fail(e instanceof KeyError ? 'key' : 'build', e.message);
      return 1;
    }
    throw e;
  } finally {
    bar.end();
  }
  if (out.json) {
    out.out(JSON.stringify(summary, null, 2));
    return 0;
  }
  const s = summary;
  out.out(`드라이브를 만들었습니다 / Drive built: ${s.drive} (${s.seconds.toFixed(1)} s)`);
  if (s.content) {
    out.out(`  내용 Content: ${s.content.files} files · 복사 copied ${s.content.copied} (${formatSize(s.content.bytesCopied)}) · 그대로 unchanged ${s.content.unchanged} · 지움 removed ${s.content.removed}${s.content.skipped.length ? ` · 숨은 파일 빼고 skipped hidden ${s.content.skipped.length}` : ''}`);
    if (s.content.copiedAll && !opts.rebuild) {
      out.out('  모두 새로 복사했습니다: 드라이브에 이 열쇠로 서명된 목록이 없어서 있던 파일을 믿지 않았습니다 / copied everything afresh: no manifest on the drive was signed by this key, so files found there were not trusted');
    }
  } else {
    out.out(`  내용 Content: 제자리에서 in place (${s.library})`);
  }
  out.out(
    `  색인 Index: ${s.index.items} items · 문제 problems ${s.index.problems}${s.index.notices > 0 ? ` · 알림 notices ${s.index.notices}` : ''} · 새로 읽음 files read ${s.index.extracted} · 그대로 reused ${s.index.reusedFiles}`,
  );
  out.out(`  책 위치 Book locations: ${s.bookLocations.books} books (새로 computed ${s.bookLocations.computed}, 그대로 reused ${s.bookLocations.reused}${s.bookLocations.failed.length ? `, 실패 failed ${s.bookLocations.failed.length}` : ''})`);
  const fc = s.filmCovers;
  if (fc.films > 0) {
    out.out(`  영화 표지 Film covers: ${fc.films} films (포스터 posters ${fc.posters}, 장면 새로 frames taken ${fc.taken}, 그대로 reused ${fc.reused}${fc.failed.length ? `, 실패 failed ${fc.failed.length}` : ''})`);
    for (const f of fc.failed.slice(0, 5)) out.out(`    장면을 뽑지 못함 / no frame: ${f.path} — ${f.detail}`);
    if (!fc.ffmpeg && fc.withoutFfmpeg > 0) {
      out.out(`  ffmpeg가 없어 영화 ${fc.withoutFfmpeg}편의 장면을 뽑지 못했습니다. 제목 표지로 보입니다 (ffmpeg를 설치하거나 영화 옆에 포스터 그림을 두세요) / ffmpeg not found: no frame taken for ${fc.withoutFfmpeg} films, which show a title cover (install ffmpeg, or put a poster picture beside the film)`);
    }
  }
  const be = s.browserEdition;
  if (be?.written) {
    out.out(`  브라우저판 Browser edition: ${EDITION_PAGE} + ${EDITION_FOLDER}/ — ${formatSize(be.bytes)} (${be.files} files: 화면 UI ${formatSize(be.uiBytes)}, 검색 색인 index ${formatSize(be.indexBytes)}; 글 articles ${be.articles}, 자막 있는 영상 films with subtitles ${be.films}, 표지 covers ${be.covers})`);
  } else if (be?.note) out.out(`  브라우저판 Browser edition: ${be.note}`);
  if (s.app.note) out.out(`  프로그램 App: ${s.app.note}`);
  for (const a of s.app.copied) out.out(`  프로그램 App: app/${a.platform} ← ${a.source} (${a.files} files, 복사 copied ${a.copied}, ${formatSize(a.bytesCopied)})`);
  for (const m of s.app.missing) out.out(`  프로그램 App: 없음 not found: ${m}${s.app.kept.length ? '' : ' (electron-builder --dir 로 만드세요 / build it with electron-builder --dir)'}`);
  for (const k of s.app.kept) out.out(`  프로그램 App: 전에 복사한 것을 그대로 둡니다 / kept from an earlier build: ${path.relative(s.drive, k)}`);
  if (s.launchers.source) {
    out.out(`  실행 파일 Launchers: ${s.launchers.copied.join(', ') || '—'}${s.launchers.missing.length ? ` · 없음 not found: ${s.launchers.missing.join(', ')}` : ''}`);
  }
  out.out(`  목록 Manifest: ${s.manifest.files} files, ${formatSize(s.manifest.bytes)} (해시 hashed ${s.manifest.hashed}, ${formatSize(s.manifest.hashedBytes)}; 그대로 reused ${s.manifest.reused})`);
  if (s.signature.signed) out.out(`  서명 Signed: 열쇠 지문 fingerprint ${s.signature.display}  (${s.signature.fingerprint})`);
  else out.out('  서명하지 않은 드라이브입니다 (--key 없음) / The drive is UNSIGNED (no --key): the app cannot say who made it.');
  if (s.index.problems > 0) out.out(`  문제가 ${s.index.problems}개 있습니다: changmun report ${s.drive} / ${s.index.problems} problems: see changmun report`);
  return 0;
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}
