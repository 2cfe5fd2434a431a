// How a command says it failed. The reason goes to stderr for a person; with --json it is also one
// JSON document on stdout, `{ "error": { "code", "ko", "en" } }`, so a script that reads stdout gets
// a document whatever happened (the exit code is non-zero too).

/** What kind of failure, for scripts: stable words, never a message. */
export type CliErrorCode = 'usage' | 'not-found' | 'refused' | 'key' | 'build' | 'failed';

export interface CliErrorDocument {
  error: { code: CliErrorCode; ko: string; en: string };
}

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * The Korean and English halves of a message written `changmun: 한국어 / English` (the form of
 * every error meant for a person here). A message in one language only (commander's, the
 * system's) gets a Korean sentence that says what happened around it.
 */
export function errorParts(message: string): { ko: string; en: string } {
  const m = message.replace(/^changmun:\s*/, '').replace(/^error:\s*/, '').trim();
  const i = m.indexOf(' / ');
  if (i > 0) return { ko: m.slice(0, i).trim(), en: m.slice(i + 3).trim() };
  if (HANGUL.test(m)) return { ko: m, en: m };
  return { ko: `문제가 생겨 멈췄습니다: ${m}`, en: m };
}

export function errorDocument(code: CliErrorCode, message: string): CliErrorDocument {
  return { error: { code, ...errorParts(message) } };
}

/** A command line commander refused (an unknown option, a missing argument), in both languages. */
export function usageMessage(commanderMessage: string): string {
  const what = commanderMessage.replace(/^error:\s*/, '').trim();
  return `changmun: 명령을 잘못 썼습니다 (${what}). 쓰는 법은 changmun <명령> --help로 보세요 / ${what}: see changmun <command> --help`;
}

/** True when `--json` was given to the command (not after `--`, where it would be a word to find). */
export function wantsJson(argv: readonly string[]): boolean {
  const args = argv.slice(2);
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).includes('--json');
}
