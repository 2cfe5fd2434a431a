// Subtitle files (SRT, WebVTT, SAMI, ASS/SSA) to tracks of timed cues and search chunks.
// Files come from anywhere: a wrong extension, an encoding from 2005 or plain garbage must end in
// an ExtractError the catalog can explain, never a crash or a frozen import.
import { ExtractError } from '../../errors.js';
import type { SubtitleExtract, SubtitleFormat, SubtitleTrack } from '../../types.js';
import { decodeText } from '../encoding.js';
import { parseAss } from './ass.js';
import { subtitleChunks } from './chunks.js';
import { subtitleTitle } from '../film/title.js';
import { languageFromSubtitleName } from './language.js';
import { parseSami } from './sami.js';
import { parseSrt } from './srt.js';
import { parseVtt } from './vtt.js';

export { languageFromSubtitleName } from './language.js';

/** Real subtitle files are well under 10 MB; far beyond that it is not a subtitle worth reading. */
export const MAX_SUBTITLE_BYTES = 64 * 1024 * 1024;

const EXTENSIONS: Record<string, SubtitleFormat> = {
  srt: 'srt',
  vtt: 'vtt',
  webvtt: 'vtt',
  smi: 'sami',
  sami: 'sami',
  ass: 'ass',
  ssa: 'ass',
};

const PARSERS: Record<SubtitleFormat, (text: string) => SubtitleTrack[]> = {
  srt: parseSrt,
  vtt: parseVtt,
  sami: parseSami,
  ass: parseAss,
};

/** The format a file name says, from its extension (any case). */
export function subtitleFormatOf(fileName: string): SubtitleFormat | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const ext = base.slice(dot + 1).toLowerCase();
  return Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
}

/** The format the text itself looks like, from its first 64 KB. */
export function sniffSubtitleFormat(text: string): SubtitleFormat | undefined {
  const head = text.slice(0, 65536);
  if (/<sami[\s>]|<sync[\s>]/i.test(head)) return 'sami';
  if (/^\s{0,64}WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (/^[ \t]*(?:\[script info\]|\[events\]|dialogue:[ \t]*(?:marked=)?\d)/im.test(head)) return 'ass';
  if (/\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/.test(head)) return 'srt';
  if (/\d{2}:\d{2}\.\d{3}[ \t]*-->/.test(head)) return 'vtt';
  return undefined;
}

/**
 * Read a subtitle file. The extension picks the parser; when it says nothing or its parser finds no
 * cue (a SAMI file saved as .srt happens), the content decides. Throws only ExtractError:
 * 'empty', 'too-large', 'encoding', 'no-content', or 'corrupt' for a parser failure we did not foresee.
 */
export async function extractSubtitle(bytes: Uint8Array, fileName: string): Promise<SubtitleExtract> {
  try {
    return extract(bytes, fileName);
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new ExtractError('corrupt', `subtitle could not be parsed (${what.slice(0, 200)})`, { cause: e });
  }
}

function extract(bytes: Uint8Array, fileName: string): SubtitleExtract {
  if (bytes.length === 0) throw new ExtractError('empty', 'empty subtitle file');
  if (bytes.length > MAX_SUBTITLE_BYTES) {
    throw new ExtractError('too-large', `subtitle file of ${bytes.length} bytes (limit ${MAX_SUBTITLE_BYTES})`);
  }
  const { text } = decodeText(bytes);
  const byName = subtitleFormatOf(fileName);
  const sniffed = sniffSubtitleFormat(text);
  const candidates = [...new Set([byName, sniffed].filter((f): f is SubtitleFormat => f !== undefined))];

  for (const format of candidates) {
    const tracks = PARSERS[format](text).filter((t) => t.cues.length > 0);
    if (tracks.length === 0) continue;
    labelLanguages(tracks, fileName);
    const title = subtitleTitle(format, text);
    return { kind: 'subtitle', format, ...(title ? { title } : {}), tracks, chunks: subtitleChunks(tracks) };
  }
  const tried = candidates.length > 0 ? `read as ${candidates.join(', ')}` : 'not a subtitle format we know';
  throw new ExtractError('no-content', `no subtitle cues found (${tried})`);
}

/**
 * A one-track file takes the language its name declares (`film.en.smi` whose only class is the
 * KRCC every SAMI template starts with is English); several tracks keep what the file says.
 */
function labelLanguages(tracks: SubtitleTrack[], fileName: string): void {
  const fromName = languageFromSubtitleName(fileName);
  const only = tracks.length === 1 ? tracks[0] : undefined;
  if (fromName !== undefined && only) only.language = fromName;
}
