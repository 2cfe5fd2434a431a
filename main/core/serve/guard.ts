// The path guard: a URL path or a contract path becomes a file inside the library, or a refusal.
// Everything a request names comes from a page that may show hostile content, so the guard refuses
// by shape first (no decoding tricks, no Windows-only spellings) and then checks where the file
// really is on disk (symbolic links, 8.3 short names) before anything is opened.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export type Resolved =
  | { ok: true; absPath: string; relPath: string; size: number }
  | { ok: false; status: 403 | 404 };

const FORBIDDEN: Resolved = { ok: false, status: 403 };
const NOT_FOUND: Resolved = { ok: false, status: 404 };

// Names Windows maps to devices whatever their extension (`NUL.txt` opens the null device).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.[^.]*)?$/i;

/**
 * Whether one path segment (already decoded) may name something in the library. Refused:
 * - empty, `.`, `..` and every name starting with `.`: hidden files and the derived `.changmun/`
 *   data are not content (the library walk skips them too);
 * - separators and `:` that arrived encoded (`%2f`, `%5c`), drive letters (`C:`), NTFS streams
 *   (`film.mp4:stream`), NUL and other control characters, characters Windows forbids in names;
 * - a trailing dot or space, which Windows strips (`a.mp4.` opens `a.mp4`, `.. ` is `..`);
 * - `%xx` still present after one decoding: a double-encoded name (`%252e%252e`);
 * - Windows device names.
 */
export function isSafeSegment(segment: string): boolean {
  if (segment.length === 0 || segment.length > 255) return false;
  if (segment.startsWith('.')) return false;
  if (/[/\\:*"<>|]/.test(segment) || hasControlCharacter(segment)) return false;
  if (/[. ]$/.test(segment)) return false;
  if (/%[0-9a-f]{2}/i.test(segment)) return false;
  if (WINDOWS_DEVICE.test(segment)) return false;
  return true;
}

function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * The segments of a URL path (still percent-encoded, as the request carried it), decoded exactly
 * once, or undefined when it must be refused. A query or fragment is ignored.
 */
export function segmentsOfUrlPath(urlPath: string): string[] | undefined {
  let p = urlPath;
  const cut = p.search(/[?#]/);
  if (cut >= 0) p = p.slice(0, cut);
  if (p.startsWith('/')) p = p.slice(1);
  // A raw backslash or NUL is never part of a URL a page of ours makes.
  if (p === '' || p.includes('\\') || p.includes('\u0000')) return undefined;
  const segments: string[] = [];
  for (const raw of p.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (!isSafeSegment(decoded)) return undefined;
    segments.push(decoded.normalize('NFC'));
  }
  return segments;
}

/** The segments of a library-relative path as the contract carries it ('films/바다의 편지.mp4'). */
export function segmentsOfRelativePath(relPath: string): string[] | undefined {
  if (typeof relPath !== 'string' || relPath === '' || relPath.length > 4096) return undefined;
  const segments = relPath.split('/');
  return segments.every(isSafeSegment) ? segments.map((s) => s.normalize('NFC')) : undefined;
}

/** A URL path (percent-encoded) to a regular file inside the library, or 403/404. */
export async function resolveInsideLibrary(root: string, urlPath: string): Promise<Resolved> {
  const segments = segmentsOfUrlPath(urlPath);
  return segments ? resolveSegments(root, segments) : FORBIDDEN;
}

/** A library-relative path from the contract to a regular file inside the library, or 403/404. */
export async function resolveLibraryPath(root: string, relPath: string): Promise<Resolved> {
  const segments = segmentsOfRelativePath(relPath);
  return segments ? resolveSegments(root, segments) : FORBIDDEN;
}

export async function resolveSegments(root: string, segments: string[]): Promise<Resolved> {
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch {
    return NOT_FOUND;
  }
  let real: string | undefined;
  try {
    real = await fs.realpath(path.join(realRoot, ...segments));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return NOT_FOUND;
    // Names arrive NFC; a file copied from a Mac may be stored decomposed (NFD).
    const found = await findNormalised(realRoot, segments);
    if (found === undefined) return NOT_FOUND;
    try {
      real = await fs.realpath(found);
    } catch {
      return NOT_FOUND;
    }
  }
  const prefix = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
  if (!real.startsWith(prefix)) return FORBIDDEN;
  const relParts = real.slice(prefix.length).split(path.sep);
  // Checked again on the real path: a link inside the library may point into `.changmun/`, and on
  // Windows `CHANGM~1` is the short name of `.changmun`.
  if (relParts.some((s) => s.startsWith('.'))) return FORBIDDEN;
  try {
    const st = await fs.stat(real);
    if (!st.isFile()) return NOT_FOUND;
    return { ok: true, absPath: real, relPath: relParts.join('/'), size: st.size };
  } catch {
    return NOT_FOUND;
  }
}

/** Walk the segments comparing names in NFC, for file systems that keep names decomposed. */
async function findNormalised(realRoot: string, segments: string[]): Promise<string | undefined> {
  let dir = realRoot;
  for (const segment of segments) {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return undefined;
    }
    const match = names.find((n) => n.normalize('NFC') === segment);
    if (match === undefined) return undefined;
    dir = path.join(dir, match);
  }
  return dir;
}
