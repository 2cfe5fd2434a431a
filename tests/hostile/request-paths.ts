// Generated request paths for the path guard (issue 7 §2): names from a small library and the ways
// out of it, joined by every separator, each piece spelled with some encoding trick: percent-encoding,
// double encoding, overlong UTF-8, IIS %u, Unicode look-alikes of '.' and '/', backslashes, drive
// letters, NTFS streams, NUL. And the oracle: every way a server, a file system or Windows could read
// such a path, to say whether any reading leaves the library (or reaches a hidden file).
import path from 'node:path';
import fc from 'fast-check';

/** Pieces of a path: real names in the fuzz library, ways up and out, and look-alikes. */
export const PIECES = [
  // what the fuzz library holds (see tests/paths-fuzz.test.ts)
  'a.txt', 'dir', 'b.txt', '한국어', '파일 이름.md', 'link-in.txt', 'link-out.txt', 'linkdir', 'link-hidden.json', '.changmun', 'index',
  'manifest.json', '.hidden.txt', 'secret.txt', 'library', 'library-evil',
  // ways up
  '..', '.', '...', '....', '.. ', '..\t', '..;', '..%00', '%2e%2e', '%2e', '.%2e', '%2e.', '%252e%252e', '%25252e%25252e',
  // look-alikes of '.' and '/' (ONE DOT LEADER, TWO DOT LEADER, FULLWIDTH FULL STOP, SMALL FULL STOP,
  // DIVISION SLASH, FULLWIDTH SOLIDUS, SET MINUS, FRACTION SLASH)
  '\u2024\u2024', '\u2025', '\uff0e\uff0e', '\ufe52\ufe52', '\u2215', '\uff0f', '\u2216', '\u2044', '\uff3c',
  // Windows
  'C:', 'c:', 'C:\\', '\\\\?\\C:', 'CON', 'nul.txt', 'aux', 'a.txt::$DATA', 'a.txt:stream', 'a.txt.', 'a.txt ', 'CHANGM~1',
  // absolute and system
  '/etc/passwd', 'etc', 'passwd', 'proc', 'self', 'environ', '~', '',
  // broken escapes and odd bytes
  '%', '%zz', '%2', '%00', '\u0000', '%ff', '%c0', '*', '?', '#', '%3f', '%23',
] as const;

export const SEPARATORS = ['/', '/', '/', '\\', '%2f', '%2F', '%5c', '%5C', '%252f', '%255c', '//', '/./', '%c0%af', '%e0%80%af', '%c1%9c', '\uff0f', '\u2215'] as const;
export const PREFIXES = ['', '', '', '/', '//', '\\', 'C:', 'c:/', 'C:\\', '\\\\?\\', '\\\\server\\share\\', 'file:///', '%2f', '/%2e%2e/'] as const;
export const SUFFIXES = ['', '', '', '', '%00', '%00.mp4', '\u0000', '::$DATA', ':stream', '.', ' ', '%20', '%2e', '?x=../../secret.txt', '#../secret.txt', '/', '%2f'] as const;

type Encoding = 'none' | 'all' | 'dots' | 'double' | 'overlong' | 'iis' | 'upper' | 'lower-hex';

const hex = (b: number) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`;

function utf8Percent(s: string): string {
  return [...Buffer.from(s, 'utf8')].map(hex).join('');
}

/** A piece spelled with one trick. */
export function encodePiece(piece: string, how: Encoding): string {
  switch (how) {
    case 'none':
      return piece;
    case 'all':
      return utf8Percent(piece);
    case 'dots':
      return piece.replace(/\./g, '%2e');
    case 'double':
      return utf8Percent(piece).replace(/%/g, '%25');
    case 'overlong':
      // '.' as the two-byte and three-byte overlong forms C0 AE and E0 80 AE.
      return piece.replace(/\./g, (_m, i: number) => (i % 2 === 0 ? '%c0%ae' : '%e0%80%ae'));
    case 'iis':
      return [...piece].map((c) => `%u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).join('');
    case 'upper':
      return piece.toUpperCase();
    case 'lower-hex':
      return utf8Percent(piece).toLowerCase();
  }
}

const ENCODINGS: Encoding[] = ['none', 'none', 'none', 'all', 'dots', 'double', 'overlong', 'iis', 'upper', 'lower-hex'];

const hostilePath = fc
  .record({
    prefix: fc.constantFrom(...PREFIXES),
    parts: fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...ENCODINGS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 7 }),
    suffix: fc.constantFrom(...SUFFIXES),
  })
  .map(({ prefix, parts, suffix }) => {
    let p = prefix;
    parts.forEach(([piece, how, sep], i) => {
      p += encodePiece(piece, how) + (i < parts.length - 1 ? sep : '');
    });
    return p + suffix;
  });

/** Names of the library's files as a page would ask for them, some of which exist: the control group. */
const plainPath = fc
  .array(fc.tuple(fc.constantFrom('a.txt', 'dir', 'b.txt', '한국어', '파일 이름.md', 'link-in.txt'), fc.constantFrom<Encoding>('none', 'all')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([piece, how]) => (how === 'none' ? encodeURIComponent(piece) : encodePiece(piece, how))).join('/'));

/** fast-check: a request path as it would follow `/files/` in a URL (raw, still percent-encoded). */
export const requestPath = fc.oneof({ weight: 19, arbitrary: hostilePath }, { weight: 1, arbitrary: plainPath });

// ---- The oracle -----------------------------------------------------------------------------

function decodeOnce(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    // Decode what can be decoded, byte run by byte run; leave broken escapes as written.
    return s.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Overlong UTF-8 and IIS %u escapes, which a lenient decoder would turn into '.', '/' or '\'. */
function decodeLenient(s: string): string {
  return s
    .replace(/%c0%ae|%e0%80%ae|%c0%2e/gi, '.')
    .replace(/%c0%af|%e0%80%af|%c0%2f/gi, '/')
    .replace(/%c1%9c|%c1%1c|%e0%81%9c/gi, '\\')
    .replace(/%u([0-9a-f]{4})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Every reading of a raw request path: decoded zero to three times, leniently or not, with
 * backslashes as separators, look-alikes folded (NFKC, and the slashes NFKC keeps), and cut at a NUL.
 */
export function readingsOf(raw: string): string[] {
  const cut = raw.search(/[?#]/);
  const base = cut >= 0 ? raw.slice(0, cut) : raw;
  const seen = new Set<string>();
  let layer = [base];
  for (let depth = 0; depth < 4; depth++) {
    const next: string[] = [];
    for (const s of layer) {
      for (const v of [s, decodeLenient(s)]) {
        if (!seen.has(v)) {
          seen.add(v);
          next.push(decodeOnce(v));
        }
      }
    }
    layer = next;
  }
  for (const s of layer) seen.add(s);
  const out = new Set<string>();
  for (const s of seen) {
    const nul = s.indexOf('\u0000');
    for (const t of [s, nul >= 0 ? s.slice(0, nul) : s]) {
      const slashes = t.replace(/[\\\u2215\u2044\u29f8\uff0f\uff3c\u2216]/g, '/');
      out.add(slashes);
      out.add(slashes.normalize('NFKC').replace(/[\\\u2215\u2044\u29f8\uff0f\uff3c\u2216]/g, '/'));
    }
  }
  return [...out];
}

/** A segment as Windows reads it: trailing dots and spaces dropped, a run of dots a way up. */
function windowsSegment(s: string): string {
  if (/^[. ]*$/.test(s)) return s.replace(/ /g, '').length >= 2 ? '..' : s.trim();
  return s.replace(/[. ]+$/, '');
}

/**
 * Whether some reading of `raw` (what follows `/files/` in a request, still encoded) names a place
 * outside the library, or a hidden name inside it (a segment starting with '.', such as `.changmun`,
 * or a Windows short name such as `CHANGM~1`). The route's own '/' may lead; anything absolute after
 * it, a drive letter or a UNC prefix is a way out, and Windows spellings count as they would there.
 */
export function escapes(raw: string): boolean {
  const rel = raw.startsWith('/') ? raw.slice(1) : raw;
  for (const reading of readingsOf(rel)) {
    for (const r of [reading, reading.split('/').map(windowsSegment).join('/')]) {
      if (r.startsWith('/') || /(^|\/)[a-zA-Z]:/.test(r)) return true;
      const resolved = path.posix.resolve('/library', r);
      if (resolved !== '/library' && !resolved.startsWith('/library/')) return true;
      const inside = resolved.slice('/library/'.length).split('/');
      if (inside.some((seg) => seg.startsWith('.') || /~\d/.test(seg))) return true;
    }
  }
  return false;
}
