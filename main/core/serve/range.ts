// HTTP Range (RFC 9110 §14): a film is played by seeking, and Chromium asks for `bytes=a-`,
// `bytes=a-b` and sometimes `bytes=-n`. Electron's net.fetch('file://') ignores Range (seeking snaps
// back to 0, electron#38749), so we answer it ourselves.

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/** Longer than any Range header a player sends; a longer one is ignored without being read. */
export const MAX_RANGE_HEADER = 200;

/**
 * The range a `Range` header asks for in a file of `size` bytes:
 * - undefined: serve the whole file (no header, another unit, several ranges, a header longer than
 *   MAX_RANGE_HEADER, or one that does not parse — the RFC lets a server ignore any of these);
 * - 'unsatisfiable': answer 416 (starts past the end, or a zero-length suffix);
 * - a range clamped to the file.
 * Read by hand, one character at a time: a regular expression with optional white space around
 * every part backtracks on a header of many spaces (16,000 spaces cost a quarter of a second).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined || header.length > MAX_RANGE_HEADER) return undefined;
  const spec = readSpec(header);
  if (!spec) return undefined;
  const { first, last } = spec;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  if (last === '') return { start, end: size - 1 };
  const end = Number(last);
  // `bytes=5-2` is not a valid range: the header is ignored (RFC 9110 §14.1.1).
  if (end < start) return undefined;
  return { start, end: Math.min(end, size - 1) };
}

/** `bytes = <digits> - <digits>` (either may be empty; white space anywhere between), or undefined. */
function readSpec(header: string): { first: string; last: string } | undefined {
  let i = 0;
  const skipSpace = () => {
    while (i < header.length && /\s/.test(header[i]!)) i++;
  };
  const digits = () => {
    const from = i;
    while (i < header.length && header[i]! >= '0' && header[i]! <= '9') i++;
    return header.slice(from, i);
  };
  skipSpace();
  if (header.slice(i, i + 5).toLowerCase() !== 'bytes') return undefined;
  i += 5;
  skipSpace();
  if (header[i] !== '=') return undefined;
  i++;
  skipSpace();
  const first = digits();
  skipSpace();
  if (header[i] !== '-') return undefined;
  i++;
  skipSpace();
  const last = digits();
  skipSpace();
  return i === header.length ? { first, last } : undefined;
}
