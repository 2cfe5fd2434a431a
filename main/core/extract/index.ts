// One entry point: a file on the drive in, one typed result (or one ExtractError) out.
import { promises as fs } from 'node:fs';
import type { Extract } from '../types.js';
import { ExtractError, isExtractError } from '../errors.js';
import { fileKindOf } from '../catalog/file-kinds.js';
import { extractArticle } from './article/index.js';
import { extractEpub } from './epub/index.js';
import { extractSubtitle } from './subtitles/index.js';
import { probeVideo, type VideoProbe } from './video.js';
import { MAX_SIDECAR_BYTES, parseNfo, type FilmSidecar } from './film/title.js';
import { decodeText } from './encoding.js';

export type FileExtract = Extract | VideoProbe | FilmSidecar;

/** Text files larger than this are refused: no article or subtitle file is anywhere near it. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

export async function extractFile(absPath: string, relPath: string): Promise<FileExtract> {
  try {
    const kind = fileKindOf(relPath);
    switch (kind) {
      case 'article':
        return await extractArticle(await readBounded(absPath), relPath);
      case 'subtitle':
        return await extractSubtitle(await readBounded(absPath), relPath);
      case 'book': {
        const st = await fs.stat(absPath);
        if (st.size === 0) throw new ExtractError('empty', 'zero bytes');
        return await extractEpub({ path: absPath });
      }
      case 'video':
        return await probeVideo(absPath);
      case 'sidecar':
        return parseNfo(decodeText(await readBounded(absPath, MAX_SIDECAR_BYTES)).text);
      default:
        throw new ExtractError('unsupported', `files like ${relPath.slice(relPath.lastIndexOf('/') + 1)} are not shown by the app`);
    }
  } catch (e) {
    if (isExtractError(e)) throw e;
    // Anything else is a bug or an I/O failure; it still becomes a typed, explained error.
    throw new ExtractError('unreadable', (e as Error)?.message ?? String(e), { cause: e });
  }
}

async function readBounded(absPath: string, max = MAX_TEXT_FILE_BYTES): Promise<Uint8Array> {
  const st = await fs.stat(absPath);
  if (st.size === 0) throw new ExtractError('empty', 'zero bytes');
  if (st.size > max) {
    const mb = (n: number) => (n >= 1048576 ? `${Math.round(n / 1048576)} MB` : `${Math.ceil(n / 1024)} KB`);
    throw new ExtractError('too-large', `${mb(st.size)} of text; the limit is ${mb(max)}`);
  }
  return new Uint8Array(await fs.readFile(absPath));
}
