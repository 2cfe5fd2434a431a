// Content types for files served from the library and for the app's own built UI.
//
// Library files are content from strangers, shown inside the app's origin, so the files route never
// lets the browser treat one as a page or a script of ours:
// - .html/.htm/.xhtml/.xml and .js are sent as text/plain. The reader gets articles through
//   getArticle (sanitised with DOMPurify), never by loading the raw file, so nothing is lost, and
//   plain text can never run or load anything even if a page is navigated to it directly.
// - .svg must stay image/svg+xml, or article images drawn in SVG would not show in an <img>
//   (browsers never sniff SVG). An SVG in an <img> runs no script and loads nothing; navigated to
//   directly it could, so every library response also carries LIBRARY_FILE_CSP (sandbox: an opaque
//   origin with scripts off, and nothing loaded from anywhere).
// Every response carries `X-Content-Type-Options: nosniff`, so these types are the final word.

const COMMON: Record<string, string> = {
  // video and audio
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.mov': 'video/quicktime',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.oga': 'audio/ogg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.flac': 'audio/flac',
  '.wav': 'audio/wav',
  // subtitles: WebVTT is what <track> reads; the others are shown as the text they are
  '.vtt': 'text/vtt; charset=utf-8',
  '.srt': 'text/plain; charset=utf-8',
  '.smi': 'text/plain; charset=utf-8',
  '.sami': 'text/plain; charset=utf-8',
  '.ass': 'text/plain; charset=utf-8',
  '.ssa': 'text/plain; charset=utf-8',
  // images
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  // fonts
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  // books and text
  '.epub': 'application/epub+zip',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.markdown': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
};

const LIBRARY: Record<string, string> = {
  ...COMMON,
  '.html': 'text/plain; charset=utf-8',
  '.htm': 'text/plain; charset=utf-8',
  '.xhtml': 'text/plain; charset=utf-8',
  '.xml': 'text/plain; charset=utf-8',
  '.js': 'text/plain; charset=utf-8',
  '.mjs': 'text/plain; charset=utf-8',
};

const APP: Record<string, string> = {
  ...COMMON,
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const FALLBACK = 'application/octet-stream';

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The type a library file is served with (raw HTML and scripts as plain text). */
export function libraryContentType(name: string): string {
  return LIBRARY[extensionOf(name)] ?? FALLBACK;
}

/** The type a file of the app's own built UI is served with. */
export function appContentType(name: string): string {
  return APP[extensionOf(name)] ?? FALLBACK;
}

/**
 * Sent with every library file, on top of the app's own CSP: a document made from a library file
 * (an SVG opened directly) gets an opaque origin, no scripts, and may load nothing but inline styles
 * and data: images. It has no effect on <img>, <video> or fetch() uses of the file.
 */
export const LIBRARY_FILE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; media-src 'self'";

/**
 * The app's own pages (FIELD-NOTES, "Never touching the network"): scripts and everything else only
 * from the app itself; blob: where epub.js renders zipped books through blob URLs.
 */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline' blob:; img-src 'self' data: blob:; " +
  "media-src 'self' blob:; font-src 'self' data: blob:; frame-src 'self' blob:; connect-src 'self'";
