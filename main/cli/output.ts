// How the command line talks: human text on stdout, one JSON document with --json, progress and
// errors on stderr, so scripts can pipe stdout safely.

export interface Output {
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  /** A progress line on stderr, redrawn in place on a terminal; silent otherwise. */
  progress: (text: string) => void;
  endProgress: () => void;
}

export function makeOutput(json: boolean, streams = { stdout: process.stdout, stderr: process.stderr }): Output {
  const tty = streams.stderr.isTTY === true;
  let drawn = false;
  return {
    json,
    out: (text) => void streams.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void streams.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progress: (text) => {
      if (!tty) return;
      const width = streams.stderr.columns ?? 80;
      streams.stderr.write(`\r${truncate(text, width - 1).padEnd(width - 1)}`);
      drawn = true;
    },
    endProgress: () => {
      if (drawn) streams.stderr.write(`\r${' '.repeat((streams.stderr.columns ?? 80) - 1)}\r`);
      drawn = false;
    },
  };
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `…${s.slice(s.length - n + 1)}`;
}
