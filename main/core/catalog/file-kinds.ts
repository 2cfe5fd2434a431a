// What each file on the drive is, by its name. Content is checked when it is extracted.

export type FileKind = 'article' | 'book' | 'subtitle' | 'video' | 'sidecar' | 'asset' | 'unsupported';

const KINDS: Record<string, FileKind> = {
  '.html': 'article', '.htm': 'article', '.xhtml': 'article', '.md': 'article', '.markdown': 'article', '.txt': 'article',
  '.epub': 'book',
  '.srt': 'subtitle', '.vtt': 'subtitle', '.smi': 'subtitle', '.sami': 'subtitle', '.ass': 'subtitle', '.ssa': 'subtitle',
  '.mp4': 'video', '.m4v': 'video', '.webm': 'video', '.mkv': 'video', '.mov': 'video', '.avi': 'video', '.ogv': 'video',
  // What a film is called and who made it (Kodi's <film>.nfo): read with the film, not an item.
  '.nfo': 'sidecar',
  '.mp3': 'unsupported',
  // Files that belong to articles (images, styles, fonts) are served but are not items.
  '.png': 'asset', '.jpg': 'asset', '.jpeg': 'asset', '.gif': 'asset', '.webp': 'asset', '.svg': 'asset', '.avif': 'asset',
  '.bmp': 'asset', '.ico': 'asset', '.css': 'asset', '.woff': 'asset', '.woff2': 'asset', '.ttf': 'asset', '.otf': 'asset',
  '.json': 'asset',
};

export function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function fileKindOf(fileName: string): FileKind {
  return KINDS[extensionOf(fileName)] ?? 'unsupported';
}

/** Names the walk never treats as content: hidden files, OS litter, the library's own settings. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /^(thumbs\.db|desktop\.ini|\$recycle\.bin|system volume information)$/i.test(name);
}
