// The volunteer's command line: `changmun <command>`. Every command prints text for people by
// default and one JSON document with --json; exit code 0 on success, non-zero with the reason on
// stderr (and with --json, an error document on stdout: cli-error.ts).
import { Command, CommanderError } from 'commander';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LibraryNotFoundError, locateLibrary } from '../core/drive/locate.js';
import { usageMessage, wantsJson } from './cli-error.js';
import { makeOutput } from './output.js';
import { runScan } from './scan.js';
import { runIndex, runSearch } from './search.js';
import { runPreview } from './preview.js';
import { runBuild } from './build.js';
import { runVerify } from './verify.js';
import { runReport } from './report.js';
import { runKeygen } from './keygen.js';
import type { ItemType } from '../core/types.js';

export async function runCli(argv: string[]): Promise<number> {
  let exitCode = 0;
  // One output for the whole run: commander's usage errors come before any command runs, and with
  // --json they too must be a document on stdout.
  const json = wantsJson(argv);
  const out = makeOutput(json);
  let usageError = '';
  const program = new Command()
    .name('changmun')
    .description('창문 Changmun — 오프라인 서재 도구 / offline library tools')
    .exitOverride()
    .configureOutput({
      // With --json, commander's own line is replaced by the document (its message is in it, and on stderr).
      writeErr: (s) => (json ? void (usageError += s) : out.err(s)),
      writeOut: (s) => out.out(s),
    });

  program
    .command('scan')
    .description('서재의 모든 파일을 읽고 목록과 문제를 보여 줍니다 / list what a library holds and what could not be read')
    .argument('[library-folder]', '서재 폴더 / library folder')
    .option('--library <dir>', '서재 폴더 / library folder')
    .option('--json', 'JSON으로 출력 / print one JSON document')
    .action(async (folder: string | undefined, opts: { library?: string; json?: boolean }) => {
      // No folder named: the drive this program runs from, else the sample library in development.
      const target = folder ?? opts.library ?? locateLibrary({ execPath: process.execPath, devRoot: packageRoot() }).libraryRoot;
      exitCode = await runScan(target, out);
    });

  program
    .command('index')
    .description('검색 색인을 만들거나 바뀐 파일만 새로 색인합니다 / build or update the saved search index')
    .argument('<library-folder>', '서재 폴더 / library folder')
    .option('--rebuild', '모든 파일을 다시 읽습니다 / read every file again')
    .option('--json', 'JSON으로 출력 / print one JSON document')
    .action(async (folder: string, opts: { rebuild?: boolean; json?: boolean }) => {
      exitCode = await runIndex(folder, { rebuild: opts.rebuild }, out);
    });

  program
    .command('search')
    .description('서재 전체에서 찾습니다 / search everything in a library')
    .argument('<library-folder>', '서재 폴더 / library folder')
    .argument('<query...>', '찾을 말 / words to find')
    .option('--type <type>', 'article | book | video')
    .option('--language <code>', '언어 / language, e.g. ko, en')
    .option('--collection <name>', '모음 / collection')
    .option('--limit <n>', '항목 수 / items to show', '10')
    .option('--json', 'JSON으로 출력 / print one JSON document')
    .action(async (folder: string, words: string[], opts: { type?: string; language?: string; collection?: string; limit: string; json?: boolean }) => {
      if (opts.type && !['article', 'book', 'video'].includes(opts.type)) {
        throw new UsageError(`--type은 article, book, video 중 하나입니다 / --type must be article, book or video (got "${opts.type}")`);
      }
      const limit = Number.parseInt(opts.limit, 10);
      if (!Number.isFinite(limit) || limit < 1) throw new UsageError('--limit은 1 이상의 수입니다 / --limit must be a number ≥ 1');
      exitCode = await runSearch(folder, words.join(' '), {
        type: opts.type as ItemType | undefined, language: opts.language, collection: opts.collection, limit,
        snippetsPerItem: opts.json ? Number.MAX_SAFE_INTEGER : 3,
      }, out);
    });

  program
    .command('preview')
    .description('서재를 이 컴퓨터의 브라우저에서 앱과 똑같이 보여 줍니다 / show the library in a local browser, exactly as the app does')
    .argument('<library-folder>', '서재 폴더 / library folder')
    .option('--port <n>', '포트 (기본: 빈 포트) / port (default: any free port)')
    .option('--open', '이 컴퓨터의 브라우저로 엽니다 (기본: 주소만 알려 줌) / open it in this computer\'s browser (default: only print the address)')
    .option('--no-open', '브라우저를 열지 않습니다 (기본) / do not open a browser (the default)')
    .option('--index-on-drive', '색인을 앱처럼 드라이브에 둡니다 (기본: 이 컴퓨터의 임시 폴더, 끝나면 지움) / keep the index on the drive as the app does (default: a temporary folder of this computer, removed at the end)')
    .action(async (folder: string, opts: { port?: string; open?: boolean; indexOnDrive?: boolean }) => {
      exitCode = await runPreview(folder, opts);
    });

  program
    .command('build')
    .description('내용 폴더로 드라이브를 만듭니다 (복사, 색인, 목록, 서명) / build a drive from a content folder (copy, index, manifest, signature)')
    .argument('<content-folder>', '내용 폴더 / content folder')
    .option('--out <drive-folder>', '드라이브 폴더 / drive folder')
    .option('--in-place', '복사하지 않고 그 폴더에서 만듭니다 / build in the folder itself, without copying')
    .option('--key <private-key>', '서명할 비밀 열쇠 (keygen으로 만듦) / private key to sign with (from keygen)')
    .option('--app <dist-folder>', 'electron-builder의 dist 폴더 (기본: 이 패키지의 dist/) / electron-builder dist folder (default: this package\'s dist/)')
    .option('--no-app', '프로그램을 복사하지 않습니다 / do not copy the app')
    .option('--launchers <folder>', 'Start.cmd와 start.sh가 있는 폴더 (기본: dist/drive/, 없으면 packaging/의 틀) / folder with Start.cmd and start.sh (default: dist/drive/, else the templates in packaging/)')
    .option('--no-launchers', '실행 파일을 복사하지 않습니다 / do not copy the launchers')
    .option('--browser-edition <ui-folder>', '브라우저판 화면 폴더 (기본: 이 패키지의 build/page/) / the browser edition\'s UI folder (default: this package\'s build/page/)')
    .option('--no-browser-edition', '브라우저판(Changmun.html)을 쓰지 않습니다 / do not write the browser edition (Changmun.html)')
    .option('--rebuild', '모두 다시 복사하고 읽고 해시합니다 / copy, read and hash everything again')
    .option('--json', 'JSON으로 출력 / print one JSON document')
    .action(async (folder: string, opts: { out?: string; inPlace?: boolean; key?: string; app?: string | boolean; launchers?: string | boolean; browserEdition?: string | boolean; rebuild?: boolean; json?: boolean }) => {
      if (!opts.out && !opts.inPlace) throw new UsageError('--out <드라이브 폴더>나 --in-place를 주세요 / give --out <drive-folder> or --in-place');
      exitCode = await runBuild(folder, opts, out);
    });

  program
    .command('verify')
    .description('드라이브가 서명된 그대로인지 확인합니다 / check a drive against its signed manifest')
    .argument('<drive-folder>', '드라이브 폴더 / drive folder')
    .option('--full', '모든 파일을 해시합니다 (느림) / hash every file (slow)')
    .option('--key <public-key>', '믿는 공개 열쇠 (.pub, 여러 번 가능) / a public key to trust (.pub; repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--trusted-keys <file>', '믿는 열쇠 목록 (PEM 공개 열쇠나 64자리 지문) / file of trusted keys (PEM public keys or 64-digit fingerprints)')
    .option('--json', 'JSON으로 출력 / print one JSON document')
    .addHelpText('after', '\n끝 코드 Exit codes: 0 서명된 그대로 as signed by a trusted key · 1 문제 something is off · 2 사용법 usage · 3 다 확인하지 못함 not everything established (no --key, unsigned, or files left for --full)')
    .action(async (folder: string, opts: { full?: boolean; key: string[]; trustedKeys?: string; json?: boolean }) => {
      exitCode = await runVerify(folder, opts, out);
    });

  program
    .command('report')
    .description('드라이브에 무엇이 있고 무엇을 고쳐야 하는지 보여 줍니다 (HTML 파일도) / what is on a drive and what to fix (also as an HTML file)')
    .argument('<drive-folder>', '드라이브 폴더 / drive folder')
    .option('--html <file>', `HTML 보고서 파일 (기본: ./changmun-report.html) / HTML report file (default: ./changmun-report.html)`)
    .option('--no-html', 'HTML 파일을 쓰지 않습니다 / do not write the HTML file')
    .option('--label <text>', '드라이브 이름 (시스템이 모를 때) / the stick\'s label, when the system cannot tell')
    .option('--no-ffprobe', 'ffprobe 없이 파일 구조만 읽습니다 / read codecs from the container, not with ffprobe')
    .option('--json', 'JSON으로 출력 / print one JSON document')
    .action(async (folder: string, opts: { html?: string | boolean; label?: string; ffprobe?: boolean; json?: boolean }) => {
      exitCode = await runReport(folder, opts, out);
    });

  program
    .command('keygen')
    .description('드라이브에 서명할 열쇠 한 쌍을 만듭니다 / make a key pair for signing drives')
    .argument('<file>', '비밀 열쇠 파일 (공개 열쇠는 <file>.pub) / private key file (the public key goes to <file>.pub)')
    .option('--force', '있는 파일을 덮어씁니다 / replace existing files')
    .option('--json', 'JSON으로 출력 / print one JSON document')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      exitCode = await runKeygen(file, opts, out);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      if (json) out.fail('usage', usageMessage(usageError.trim() || e.message));
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof UsageError) out.fail('usage', message);
    else if (e instanceof LibraryNotFoundError) out.fail('not-found', message);
    else out.fail('failed', message);
    return e instanceof UsageError ? 2 : 1;
  }
}

/** The package folder: two levels above main/cli in the sources, three above build/main/cli. */
function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(path.dirname(path.dirname(here))) === 'build' ? path.resolve(here, '..', '..', '..') : path.resolve(here, '..', '..');
}

class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(`changmun: ${message}`);
  }
}
