// A small interpreter for the part of cmd.exe's batch language Start.cmd uses, so its choice of
// build can be run here, where there is no cmd.exe (nor Wine): `set "X=…"`, `if defined`,
// `if [/i] [not] "a"=="b"`, `if A LSS B` (numbers as numbers, else text), `if [not] exist "…" ( … )`,
// `for %%x in (…)`, `for /f "tokens=N delims=…" %%x in ('ver' | "text")`, echo, pause, start,
// exit /b, rem. %VAR% is expanded when a line (or a parenthesised block) is read, as cmd.exe does;
// %~dp0 is the script's folder with its trailing backslash. Any other line is an error: a change to
// Start.cmd that this does not understand fails the test instead of passing unread.

export interface BatchMachine {
  /** What `ver` prints, e.g. "\r\nMicrosoft Windows [Version 6.1.7601]\r\n". */
  ver: string;
  env: Record<string, string>;
  /** %~dp0, e.g. "E:\\". */
  scriptDir: string;
  /** Whether a path exists on this machine. */
  exists(path: string): boolean;
}

export interface BatchRun {
  started?: string;
  /** `start`'s extra arguments after the program. */
  startArgs?: string;
  echoed: string[];
  exitCode: number;
}

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function runBatch(text: string, machine: BatchMachine): BatchRun {
  const vars = new Map<string, string>(Object.entries(machine.env).map(([k, v]) => [k.toUpperCase(), v]));
  const run: BatchRun = { echoed: [], exitCode: 0 };
  const expand = (s: string) =>
    s.replace(/%~dp0/g, machine.scriptDir).replace(/%([A-Za-z_][A-Za-z0-9_]*)%/g, (_m, name: string) => vars.get(name.toUpperCase()) ?? '');
  const lines = text.replace(/\r\n/g, '\n').split('\n');

  const command = (line: string): void => {
    const l = line.trim();
    let m: RegExpExecArray | null;
    if (l === '' || /^@echo off$/i.test(l) || /^rem(\s|$)/i.test(l) || /^setlocal$/i.test(l) || /^pause$/i.test(l)) return;
    if ((m = /^set "([A-Za-z_][A-Za-z0-9_]*)=(.*)"$/i.exec(l))) {
      if (m[2] === '') vars.delete(m[1]!.toUpperCase());
      else vars.set(m[1]!.toUpperCase(), m[2]!);
      return;
    }
    if ((m = /^echo (.*)$/i.exec(l))) return void run.echoed.push(m[1]!);
    if ((m = /^exit \/b (\d+)$/i.exec(l))) throw new Exit(Number(m[1]));
    if ((m = /^start "" "([^"]*)"(?: (.*))?$/i.exec(l))) {
      run.started = m[1]!;
      run.startArgs = m[2] ?? '';
      return;
    }
    if ((m = /^if defined ([A-Za-z_][A-Za-z0-9_]*) (.+)$/i.exec(l))) {
      if (vars.has(m[1]!.toUpperCase())) command(m[2]!);
      return;
    }
    if ((m = /^if (\/i )?(not )?"([^"]*)"=="([^"]*)" (.+)$/i.exec(l))) {
      const equal = m[1] ? m[3]!.toLowerCase() === m[4]!.toLowerCase() : m[3] === m[4];
      if (equal !== Boolean(m[2])) command(m[5]!);
      return;
    }
    if ((m = /^if (\S+) (LSS|LEQ|EQU|NEQ|GEQ|GTR) (\S+) (.+)$/i.exec(l))) {
      const [a, b] = [m[1]!, m[3]!];
      const cmp = /^-?\d+$/.test(a) && /^-?\d+$/.test(b) ? Math.sign(Number(a) - Number(b)) : a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
      const ok = { LSS: cmp < 0, LEQ: cmp <= 0, EQU: cmp === 0, NEQ: cmp !== 0, GEQ: cmp >= 0, GTR: cmp > 0 }[m[2]!.toUpperCase() as 'LSS'];
      if (ok) command(m[4]!);
      return;
    }
    if ((m = /^for %%([a-z]) in \((.*)\) do (.+)$/i.exec(l))) {
      for (const item of m[2]!.split(/[\s,;=]+/).filter(Boolean)) command(m[3]!.replaceAll(`%%${m[1]!}`, item));
      return;
    }
    if ((m = /^for \/f "tokens=(\d+) delims=([^"]*)" %%([a-z]) in \((?:'([^']*)'|"([^"]*)")\) do (.+)$/i.exec(l))) {
      const [, tokenText, delims, name, cmdText, str, body] = m;
      let source: string;
      if (cmdText !== undefined) {
        if (cmdText.trim().toLowerCase() !== 'ver') throw new Error(`batch-subset: runs only 'ver', not '${cmdText}'`);
        source = machine.ver;
      } else source = str!;
      const split = new RegExp(`[${delims!.replace(/[\]\\^-]/g, '\\$&')}]+`);
      for (const row of source.replace(/\r/g, '').split('\n')) {
        if (row === '') continue;
        const tokens = row.split(split).filter((t, i) => !(i === 0 && t === ''));
        const token = tokens[Number(tokenText) - 1];
        if (token !== undefined && token !== '') command(body!.replaceAll(`%%${name!}`, token));
      }
      return;
    }
    throw new Error(`batch-subset: does not understand: ${l}`);
  };

  try {
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      const notExistBlock = /^if (not )?exist "([^"]*)" \($/i.exec(expand(raw.trim()));
      if (notExistBlock) {
        // A block is read whole: its %VAR% are expanded now.
        const body: string[] = [];
        while (++i < lines.length && lines[i]!.trim() !== ')') body.push(expand(lines[i]!));
        if (machine.exists(notExistBlock[2]!) !== Boolean(notExistBlock[1])) for (const b of body) command(b);
        continue;
      }
      command(expand(raw));
    }
  } catch (e) {
    if (e instanceof Exit) run.exitCode = e.code;
    else throw e;
  }
  return run;
}
