// The volunteer's command line: `changmun <command>`. Every command prints text for people by
// default and one JSON document with --json; exit code 0 on success, non-zero with the reason on
// stderr.
import { Command, CommanderError } from 'commander';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateLibrary } from '../core/drive/locate.js';
import { makeOutput } from './output.js';
import { runScan } from './scan.js';
import { runIndex, runSearch } from './search.js';
import { runPreview } from './preview.js';
import type { ItemType } from '../core/types.js';

export async function runCli(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('changmun')
    .description('창문 Changmun — 오프라인 서재 도구 / offline library tools')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command('scan')
    .description('서재의 모든 파일을 읽고 목록과 문제를 보여 줍니다 / list what a library holds and what could not be read')
    .argument('[library-folder]', '서재 폴더 / library folder')
    .option('--library <dir>', '서재 폴더 / library folder')
    .option('--json', 'JSON으로 출력 / print one JSON document')
    .action(async (folder: string | undefined, opts: { library?: string; json?: boolean }) => {
      // No folder named: the drive this program runs from, else the sample library in development.
      const target = folder ?? opts.library ?? locateLibrary({ execPath: process.execPath, devRoot: packageRoot() }).libraryRoot;
      exitCode = await runScan(target, makeOutput(opts.json === true));
    });

  program
    .command('index')
    .description('검색 색인을 만들거나 바뀐 파일만 새로 색인합니다 / build or update the saved search index')
    .argument('<library-folder>', '서재 폴더 / library folder')
    .option('--rebuild', '모든 파일을 다시 읽습니다 / read every file again')
    .option('--json', 'JSON으로 출력 / print one JSON document')
    .action(async (folder: string, opts: { rebuild?: boolean; json?: boolean }) => {
      exitCode = await runIndex(folder, { rebuild: opts.rebuild }, makeOutput(opts.json === true));
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
      }, makeOutput(opts.json === true));
    });

  program
    .command('preview')
    .description('서재를 이 컴퓨터의 브라우저에서 앱과 똑같이 보여 줍니다 / show the library in a local browser, exactly as the app does')
    .argument('<library-folder>', '서재 폴더 / library folder')
    .option('--port <n>', '포트 (기본: 빈 포트) / port (default: any free port)')
    .option('--no-open', '브라우저를 열지 않습니다 / do not open a browser')
    .action(async (folder: string, opts: { port?: string; open?: boolean }) => {
      exitCode = await runPreview(folder, opts);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
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
