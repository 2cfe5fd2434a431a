// Hrefs inside a book are URLs relative to the file that writes them; the zip knows only paths from
// its root. Everything that names a file goes through here so that percent-encoding, `./`, `../` and
// fragments are handled once, and nothing can climb out of the archive.

export interface ResolvedHref {
  /** Path from the zip root, percent-decoded, NFC, no fragment. */
  path: string;
  /** Fragment without '#', percent-decoded; '' when none. */
  fragment: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The folder of a zip path, '' for the root. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * Resolve `href`, written in the file at `from` (a zip path), to a zip path. Undefined for links
 * that leave the book (a scheme, `//host`) or climb above the zip root. With `decode: false` the
 * path is taken literally, for the odd book whose file names contain a real `%`.
 */
export function resolveHref(from: string, href: string, decode = true): ResolvedHref | undefined {
  const trimmed = href.trim();
  if (SCHEME.test(trimmed) || trimmed.startsWith('//')) return undefined;
  const hash = trimmed.indexOf('#');
  let rawPath = hash < 0 ? trimmed : trimmed.slice(0, hash);
  const fragment = hash < 0 ? '' : percentDecode(trimmed.slice(hash + 1));
  const query = rawPath.indexOf('?');
  if (query >= 0) rawPath = rawPath.slice(0, query);
  const relative = (decode ? percentDecode(rawPath) : rawPath).replace(/\\/g, '/');
  if (relative === '') return from === '' ? undefined : { path: from, fragment: fragment.normalize('NFC') };

  const segments = relative.startsWith('/') ? [] : folderOf(from).split('/').filter((s) => s !== '');
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  if (segments.length === 0) return undefined;
  return { path: segments.join('/').normalize('NFC'), fragment: fragment.normalize('NFC') };
}

export function withFragment(path: string, fragment: string): string {
  return fragment === '' ? path : `${path}#${fragment}`;
}

/** Malformed escapes (a bare `%` in a file name) are kept as written rather than failing the book. */
function percentDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
