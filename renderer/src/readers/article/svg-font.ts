// An SVG picture in an article is drawn as an image, and an image sees no font of the page: its
// Korean words would be drawn with the PC's fonts, as □ on a PC without a Korean one. So each local
// SVG picture is fetched, given the bundled font's faces it needs (those whose unicode-range holds
// one of its characters, as data: URLs, the only fonts an SVG image may load) and a rule that its
// text uses them, and shown from a blob: URL. It stays an image: no script in it runs, nothing in
// it is fetched. A picture that cannot be read this way is left as it was.
import { BUNDLED_FONT_FAMILY, bundledFontFaceRules } from '../common/font-faces';

export const SVG_FONT_FAMILY = BUNDLED_FONT_FAMILY;
/** Larger pictures are left alone (they are drawings of things rather than of words). */
const MAX_SVG_BYTES = 2 * 1024 * 1024;
const SVG_NS = 'http://www.w3.org/2000/svg';

interface Face {
  weight: number;
  url: string;
  ranges: [number, number][];
}

function parseUnicodeRange(value: string): [number, number][] {
  const out: [number, number][] = [];
  for (const token of value.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(token);
    if (!m) continue;
    const first = m[1]!;
    if (first.includes('?')) out.push([parseInt(first.replace(/\?/g, '0'), 16), parseInt(first.replace(/\?/g, 'f'), 16)]);
    else out.push([parseInt(first, 16), parseInt(m[2] ?? first, 16)]);
  }
  return out;
}

/** The bundled font's faces as the page's style sheets declare them (@fontsource, bundled by Vite). */
export function bundledFaces(family = SVG_FONT_FAMILY): Face[] {
  const faces: Face[] = [];
  for (const { rule, base } of bundledFontFaceRules(family)) {
    const src = /url\(\s*(['"]?)([^'")]+)\1\s*\)/.exec(rule.style.getPropertyValue('src'));
    if (!src) continue;
    let url: URL;
    try {
      url = new URL(src[2]!, base);
    } catch {
      continue;
    }
    // Only the app's own files: never anything a style sheet could point elsewhere.
    if (url.origin !== window.location.origin && url.protocol !== 'data:') continue;
    const range = rule.style.getPropertyValue('unicode-range');
    faces.push({
      weight: Number.parseInt(rule.style.getPropertyValue('font-weight'), 10) || 400,
      url: url.href,
      ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]],
    });
  }
  return faces;
}

const fontData = new Map<string, Promise<string>>();

function asDataUrl(url: string): Promise<string> {
  let p = fontData.get(url);
  if (!p) {
    p = fetch(url, { credentials: 'same-origin' })
      .then((r) => {
        if (!r.ok) throw new Error(`font ${r.status}`);
        return r.blob();
      })
      .then(
        (blob) =>
          new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result).replace(/^data:[^;,]*/, 'data:font/woff2'));
            reader.onerror = () => reject(reader.error ?? new Error('font'));
            reader.readAsDataURL(blob);
          }),
      );
    p.catch(() => fontData.delete(url));
    fontData.set(url, p);
  }
  return p;
}

function needed(faces: Face[], text: string, bold: boolean): Face[] {
  const codes = new Set<number>();
  for (const ch of text) if (!/\s/.test(ch)) codes.add(ch.codePointAt(0)!);
  return faces.filter((f) => (f.weight < 600 || bold) && [...codes].some((c) => f.ranges.some(([a, b]) => c >= a && c <= b)));
}

/** The SVG's text with the bundled font's faces it needs; null when it has no text or cannot be read. */
export async function svgWithBundledFont(svgText: string, faces: Face[]): Promise<string | null> {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) return null;
  const words = Array.from(root.querySelectorAll('text, tspan, textPath'))
    .map((e) => e.textContent ?? '')
    .join('');
  if (words.trim() === '') return null;
  const bold = /bold|font-weight\s*[:=]\s*["']?\s*[6-9]00/i.test(svgText);
  const use = needed(faces, words, bold);
  if (use.length === 0) return null;
  const rules = await Promise.all(
    use.map(async (f) => `@font-face{font-family:'${SVG_FONT_FAMILY}';font-style:normal;font-weight:${f.weight};src:url(${await asDataUrl(f.url)}) format('woff2');unicode-range:${f.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',')}}`),
  );
  const style = doc.createElementNS(SVG_NS, 'style');
  style.textContent = `${rules.join('\n')}\ntext,tspan,textPath{font-family:'${SVG_FONT_FAMILY}',sans-serif !important}`;
  root.insertBefore(style, root.firstChild);
  return new XMLSerializer().serializeToString(doc);
}

function isLocalSvg(img: HTMLImageElement): boolean {
  try {
    const url = new URL(img.currentSrc || img.src, document.baseURI);
    return url.origin === window.location.origin && decodeURIComponent(url.pathname).toLowerCase().endsWith('.svg');
  } catch {
    return false;
  }
}

/**
 * Gives every local SVG picture under `root` the bundled font. Returns a function that stops the
 * work and frees the pictures' blob: URLs (call it when the article goes).
 */
export function bundleFontIntoSvgImages(root: HTMLElement): () => void {
  let live = true;
  const made: string[] = [];
  const images = Array.from(root.querySelectorAll('img')).filter(isLocalSvg);
  if (images.length > 0) {
    const faces = bundledFaces();
    for (const img of images) {
      const src = img.src;
      // Not drawn until it has the font (or is known not to need it): no moment of □.
      img.style.visibility = 'hidden';
      const reveal = () => {
        if (live) img.style.removeProperty('visibility');
      };
      void fetch(src, { credentials: 'same-origin' })
        .then(async (r) => {
          if (!r.ok || Number(r.headers.get('Content-Length') ?? 0) > MAX_SVG_BYTES) return false;
          const text = await r.text();
          if (text.length > MAX_SVG_BYTES) return false;
          const svg = await svgWithBundledFont(text, faces);
          if (!svg || !live || img.src !== src) return false;
          const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
          made.push(url);
          img.dataset.cmFont = 'bundled';
          // Shown once the picture with the font is ready (until then the old one would show).
          img.addEventListener('load', reveal, { once: true });
          img.addEventListener('error', reveal, { once: true });
          img.src = url;
          return true;
        })
        .catch(() => false)
        .then((swapped) => {
          // The picture stays as it was, and is shown.
          if (!swapped) reveal();
        });
    }
  }
  return () => {
    live = false;
    for (const url of made) URL.revokeObjectURL(url);
  };
}
