// A book's cover image, read out of the EPUB within fixed bounds: the home screen shows covers
// without the renderer ever unpacking a zip from a stranger.
import { decodeText } from '../extract/encoding.js';
import { packagePath, parsePackage } from '../extract/epub/opf.js';
import { openZip, type ZipReader } from '../extract/epub/zip.js';

export const MAX_COVER_BYTES = 16 * 1024 * 1024;
const COVER_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp', 'image/svg+xml']);

export interface CoverImage {
  bytes: Uint8Array;
  mediaType: string;
}

/**
 * The cover of the EPUB at `absPath`. `known` is the cover the catalog found (zip path and type);
 * without it the package document is read to find one. Undefined when there is none, when it is
 * not an image type a browser shows, or when the book is damaged.
 */
export async function readEpubCover(absPath: string, known?: { href: string; mediaType: string }): Promise<CoverImage | undefined> {
  let zip: ZipReader;
  try {
    zip = await openZip({ path: absPath });
  } catch {
    return undefined;
  }
  try {
    const cover = known ?? (await coverFromPackage(zip));
    const name = cover && zip.find(cover.href);
    if (!cover || !name || !COVER_TYPES.has(cover.mediaType)) return undefined;
    return { bytes: await zip.read(name, MAX_COVER_BYTES), mediaType: cover.mediaType };
  } catch {
    return undefined;
  } finally {
    zip.close();
  }
}

async function coverFromPackage(zip: ZipReader): Promise<{ href: string; mediaType: string } | undefined> {
  const container = zip.find('META-INF/container.xml');
  const opfPath = container && packagePath(decodeText(await zip.read(container, 1024 * 1024)).text);
  const opfName = opfPath && zip.find(opfPath);
  const pkg = opfName ? parsePackage(decodeText(await zip.read(opfName, 4 * 1024 * 1024)).text, opfName) : undefined;
  return pkg?.cover && { href: pkg.cover.href, mediaType: pkg.cover.mediaType };
}
