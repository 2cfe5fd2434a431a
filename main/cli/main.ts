// The volunteer's command line: `changmun <command>`. Every command prints text for people by
// default and one JSON document with --json; exit code 0 on success, non-zero with the reason on
// stderr.
import { Command, CommanderError } from 'commander';
import { makeOutput } from './output.js';
import { runScan } from './scan.js';

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
      const target = folder ?? opts.library;
      if (!target) throw new UsageError('서재 폴더를 지정하세요 / name a library folder: changmun scan <library-folder>');
      exitCode = await runScan(target, makeOutput(opts.json === true));
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

class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(`changmun: ${message}`);
  }
}
