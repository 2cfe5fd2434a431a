// References inside an article: which are local files beside it, and where those are in the library.

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True for anything that would leave the drive: a URL with a scheme, or `//host/…`. */
export function isRemote(ref: string): boolean {
  const s = ref.trim();
  return SCHEME.test(s) || s.startsWith('//') || s.startsWith('\\\\');
}

/** `data:image/…` — inline pixels, no request. */
export function isInlineImage(ref: string): boolean {
  return /^data:image\//i.test(ref.trim());
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The library path of a relative reference written in the article at `articlePath`
 * (`history/a.html` + `img/x%20y.png` → `history/img/x y.png`), or null when it is not a local file
 * or climbs out of the library.
 */
export function resolveLocal(articlePath: string, ref: string): string | null {
  const raw = ref.trim();
  if (raw === '' || isRemote(raw) || raw.startsWith('#')) return null;
  const bare = raw.replace(/[?#].*$/s, '').replace(/\\/g, '/');
  if (bare === '') return null;
  const fromRoot = bare.startsWith('/');
  const base = fromRoot ? [] : articlePath.split('/').slice(0, -1);
  const out = [...base];
  for (const seg of bare.split('/')) {
    const s = decode(seg);
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    if (s.includes('/') || s.includes('\\') || s.includes('\0')) return null;
    out.push(s);
  }
  return out.length === 0 ? null : out.join('/');
}
