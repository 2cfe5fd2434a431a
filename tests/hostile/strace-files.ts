// Reading an `strace -f -yy` log of file system calls: every place a process wrote to, created,
// renamed, removed or touched (times, modes), as absolute paths, with whether the call succeeded.

/** The system calls that change the file system (reads are left out). */
export const WRITE_CALLS = [
  'open', 'openat', 'openat2', 'creat', 'mkdir', 'mkdirat', 'rename', 'renameat', 'renameat2', 'link', 'linkat', 'symlink', 'symlinkat',
  'unlink', 'unlinkat', 'rmdir', 'truncate', 'chmod', 'fchmodat', 'chown', 'fchownat', 'lchown', 'utime', 'utimes', 'utimensat',
  'futimesat', 'mknod', 'mknodat', 'setxattr', 'lsetxattr', 'removexattr', 'lremovexattr',
] as const;

export interface FileChange {
  pid: number;
  call: string;
  /** Absolute paths the call changed (for a rename: both). */
  paths: string[];
  ok: boolean;
  line: string;
}

/** strace's C-style string escapes (octal bytes for anything not printable ASCII) to text. */
export function unescapeStrace(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = s[i + 1]!;
    const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4));
    if (oct) {
      bytes.push(parseInt(oct[0], 8));
      i += oct[0].length;
    } else if (n === 'x') {
      bytes.push(parseInt(s.slice(i + 2, i + 4), 16));
      i += 3;
    } else {
      bytes.push(({ n: 10, t: 9, r: 13, v: 11, f: 12, '"': 34, '\\': 92 } as Record<string, number>)[n] ?? n.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Join `<unfinished ...>` calls with their `<... resumed>` ends, per process. */
function wholeCalls(trace: string): { pid: number; text: string }[] {
  const pending = new Map<number, string>();
  const out: { pid: number; text: string }[] = [];
  for (const line of trace.split('\n')) {
    const m = /^(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const pid = Number(m[1]);
    let text = m[2]!;
    const resumed = /^<\.\.\. \w+ resumed>\s?(.*)$/.exec(text);
    if (resumed) {
      const start = pending.get(pid);
      pending.delete(pid);
      if (start === undefined) continue;
      text = start + resumed[1];
    }
    const unfinished = text.indexOf(' <unfinished ...>');
    if (unfinished >= 0) {
      pending.set(pid, text.slice(0, unfinished));
      continue;
    }
    out.push({ pid, text });
  }
  return out;
}

/** The arguments of a call: decorated fds (`AT_FDCWD</dir>`, `5</a/b>`), strings, and the rest. */
function splitArgs(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let current = '';
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (inString) {
      current += c;
      if (c === '\\') current += args[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[' || c === '(' || c === '<') depth++;
    else if (c === '}' || c === ']' || c === ')' || c === '>') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

const stringOf = (arg: string | undefined) => (arg !== undefined && /^".*"(\.\.\.)?$/.test(arg) ? unescapeStrace(arg.replace(/\.\.\.$/, '').slice(1, -1)) : undefined);
const fdPathOf = (arg: string | undefined) => {
  const m = arg === undefined ? null : /^(?:AT_FDCWD|\d+)<(.*)>$/.exec(arg);
  return m ? unescapeStrace(m[1]!) : undefined;
};

function join(dir: string | undefined, p: string, cwd: string): string {
  if (p.startsWith('/')) return p;
  const base = dir ?? cwd;
  return `${base.replace(/\/+$/, '')}/${p}`;
}

export function readFileChanges(trace: string, cwd: string): FileChange[] {
  const changes: FileChange[] = [];
  const calls = new Set<string>(WRITE_CALLS);
  for (const { pid, text } of wholeCalls(trace)) {
    const m = /^(\w+)\((.*)\)\s+=\s+(.*)$/.exec(text);
    if (!m || !calls.has(m[1]!)) continue;
    const [, call, rawArgs, ret] = m as unknown as [string, string, string, string];
    const args = splitArgs(rawArgs);
    const ok = !/^-1\b/.test(ret);
    const at = (dirIndex: number, pathIndex: number) => {
      const p = stringOf(args[pathIndex]);
      return p === undefined ? undefined : join(fdPathOf(args[dirIndex]), p, cwd);
    };
    const plain = (i: number) => {
      const p = stringOf(args[i]);
      return p === undefined ? undefined : join(undefined, p, cwd);
    };
    let paths: (string | undefined)[] = [];
    switch (call) {
      case 'open':
      case 'openat':
      case 'openat2': {
        const flagged = call === 'open' ? 1 : 2;
        if (!/O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/.test(args[flagged] ?? '')) continue;
        // With -yy the returned fd carries the resolved path: `= 3</drive/x>`, and a device its
        // kind and numbers as well: `= 1</dev/null<char 1:3>>`.
        const returned = /^\d+<(.*?)(?:<(?:char|block) \d+:\d+>)?>$/.exec(ret.trim());
        paths = [returned ? unescapeStrace(returned[1]!) : call === 'open' ? plain(0) : at(0, 1)];
        break;
      }
      case 'creat': case 'mkdir': case 'unlink': case 'rmdir': case 'truncate': case 'chmod': case 'chown': case 'lchown':
      case 'utime': case 'utimes': case 'mknod': case 'setxattr': case 'lsetxattr': case 'removexattr': case 'lremovexattr':
        paths = [plain(0)];
        break;
      case 'mkdirat': case 'unlinkat': case 'fchmodat': case 'fchownat': case 'mknodat': case 'futimesat':
        paths = [at(0, 1)];
        break;
      case 'utimensat':
        // utimensat(fd, NULL, …) is futimens(fd): the fd names the file.
        paths = [args[1] === 'NULL' ? fdPathOf(args[0]) : at(0, 1)];
        break;
      case 'rename': case 'link':
        paths = [plain(0), plain(1)];
        break;
      case 'renameat': case 'renameat2': case 'linkat':
        paths = [at(0, 1), at(2, 3)];
        break;
      case 'symlink':
        paths = [plain(1)];
        break;
      case 'symlinkat':
        paths = [at(1, 2)];
        break;
    }
    changes.push({ pid, call, paths: paths.filter((p): p is string => p !== undefined), ok, line: text.slice(0, 400) });
  }
  return changes;
}
