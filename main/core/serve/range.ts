// HTTP Range (RFC 9110 §14): a film is played by seeking, and Chromium asks for `bytes=a-`,
// `bytes=a-b` and sometimes `bytes=-n`. Electron's net.fetch('file://') ignores Range (seeking snaps
// back to 0, electron#38749), so we answer it ourselves.

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * The range a `Range` header asks for in a file of `size` bytes:
 * - undefined: serve the whole file (no header, another unit, several ranges, or a header that does
 *   not parse — the RFC lets a server ignore any of these);
 * - 'unsatisfiable': answer 416 (starts past the end, or a zero-length suffix);
 * - a range clamped to the file.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return undefined;
  const first = m[1]!;
  const last = m[2]!;
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
