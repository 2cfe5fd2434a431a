// Every subtitle track of a film as the video reader needs it: cues decoded and parsed here (CP949
// SAMI, bilingual classes, ASS), so the renderer never parses a stranger's subtitle file itself.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SubtitleTrackData } from '../../api.js';
import { extractSubtitle, MAX_SUBTITLE_BYTES, subtitleFormatOf } from '../extract/subtitles/index.js';
import { resolveLibraryPath } from './guard.js';

/**
 * A cue is at most this many characters on screen. A real subtitle is a line or two; a file with one
 * 50 MB "line" would otherwise be handed whole to the page, which runs out of memory drawing it.
 * (The whole text is still indexed: a search finds the words, the reader shows the cue's start.)
 */
export const MAX_CUE_CHARS = 2000;

function shortened(text: string): string {
  if (text.length <= MAX_CUE_CHARS) return text;
  // Not inside a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(text[MAX_CUE_CHARS - 1]!) ? MAX_CUE_CHARS - 1 : MAX_CUE_CHARS;
  return `${text.slice(0, cut)}…`;
}

/** The tracks of these subtitle files (library-relative), in file order; a broken file adds none. */
export async function subtitleTracks(root: string, files: string[]): Promise<SubtitleTrackData[]> {
  const tracks: SubtitleTrackData[] = [];
  for (const file of files) {
    const r = await resolveLibraryPath(root, file);
    if (!r.ok || r.size > MAX_SUBTITLE_BYTES) continue;
    try {
      const x = await extractSubtitle(await fs.readFile(r.absPath), file);
      for (const t of x.tracks) {
        tracks.push({ path: file, format: x.format, ...(t.language ? { language: t.language } : {}), label: t.label ?? t.language ?? x.format, cues: t.cues.map((c) => (c.text.length > MAX_CUE_CHARS ? { ...c, text: shortened(c.text) } : c)) });
      }
    } catch {
      // A broken subtitle file is already on the problems list; the film keeps its other tracks.
    }
  }
  return tracks;
}

/**
 * The subtitle files beside a film, by the catalog's pairing rule ('film.ko.srt' and 'film.smi'
 * belong to 'film.mp4'), for when the catalog does not know the film yet. Undefined when the film
 * is not in the library.
 */
export async function subtitleFilesBeside(root: string, filmPath: string): Promise<string[] | undefined> {
  const r = await resolveLibraryPath(root, filmPath);
  if (!r.ok) return undefined;
  const slash = filmPath.lastIndexOf('/');
  const dir = slash < 0 ? '' : filmPath.slice(0, slash);
  const base = filmPath.slice(slash + 1);
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const names = await fs.readdir(path.dirname(r.absPath)).catch(() => [] as string[]);
  return names
    .map((n) => n.normalize('NFC'))
    .filter((n) => subtitleFormatOf(n) !== undefined && n.startsWith(`${stem}.`))
    .sort()
    .map((n) => (dir ? `${dir}/${n}` : n));
}
