// How the command line talks: human text on stdout, one JSON document with --json, progress and
// errors on stderr, so scripts can pipe stdout safely. A reader that goes away (`| head -1`) ends
// the output, not the command (closed-pipe.ts).
import { errorDocument, type CliErrorCode } from './cli-error.js';
import { watchClosedPipe } from './closed-pipe.js';

export interface Output {
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  /**
   * The command failed: the reason on stderr and, with --json, one document `{ error: { code, ko,
   * en } }` on stdout (unless a document is out already: stdout holds one document, never two).
   */
  fail: (code: CliErrorCode, message: string) => void;
  /** Whether anything was printed on stdout. */
  readonly wroteOut: boolean;
  /** A progress line on stderr, redrawn in place on a terminal; silent otherwise. */
  progress: (text: string) => void;
  endProgress: () => void;
}

export function makeOutput(json: boolean, streams = { stdout: process.stdout, stderr: process.stderr }): Output {
  const tty = streams.stderr.isTTY === true;
  const outClosed = watchClosedPipe(streams.stdout);
  const errClosed = watchClosedPipe(streams.stderr);
  const write = (stream: NodeJS.WritableStream, closed: () => boolean, text: string) => {
    if (!closed()) stream.write(text);
  };
  let drawn = false;
  let wroteOut = false;
  const out = (text: string) => {
    wroteOut = true;
    write(streams.stdout, outClosed, text.endsWith('\n') ? text : `${text}\n`);
  };
  const err = (text: string) => write(streams.stderr, errClosed, text.endsWith('\n') ? text : `${text}\n`);
  return {
    json,
    out,
    err,
    fail: (code, message) => {
      err(message);
      if (json && !wroteOut) out(JSON.stringify(errorDocument(code, message), null, 2));
    },
    get wroteOut() {
      return wroteOut;
    },
    progress: (text) => {
      if (!tty) return;
      const width = streams.stderr.columns ?? 80;
      write(streams.stderr, errClosed, `\r${truncate(text, width - 1).padEnd(width - 1)}`);
      drawn = true;
    },
    endProgress: () => {
      if (drawn) write(streams.stderr, errClosed, `\r${' '.repeat((streams.stderr.columns ?? 80) - 1)}\r`);
      drawn = false;
    },
  };
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `…${s.slice(s.length - n + 1)}`;
}
