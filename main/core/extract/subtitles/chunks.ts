// Subtitle cues to search chunks: about 30 s of dialogue each, so a hit opens the film near the
// line and its snippet shows the exchange around it, not a single "네".
import type { Chunk, SubtitleTrack } from '../../types.js';
import { MAX_CHUNK_CHARS, splitText } from '../../../text/chunking.js';

/** A chunk covers the cues starting within this long after its first cue. */
export const CHUNK_SPAN_MS = 30_000;

export function subtitleChunks(tracks: readonly SubtitleTrack[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const track of tracks) {
    const make = (text: string, startMs: number, cues?: [number, number][]): Chunk => ({
      text,
      locator: { startMs },
      ...(track.language !== undefined ? { language: track.language } : {}),
      ...(cues && cues.length > 1 ? { cues } : {}),
    });

    let lines: string[] = [];
    // Where each cue starts in the chunk's text, so a hit can start the film at its own line.
    let cues: [number, number][] = [];
    let length = 0;
    let firstMs = 0;
    const flush = (): void => {
      if (lines.length > 0) chunks.push(make(lines.join('\n'), firstMs, cues));
      lines = [];
      cues = [];
      length = 0;
    };

    for (const cue of track.cues) {
      if (cue.text.length > MAX_CHUNK_CHARS) {
        // Only hostile or broken files have a cue this long; its pieces all point at its start.
        flush();
        for (const piece of splitText(cue.text, MAX_CHUNK_CHARS)) chunks.push(make(piece, cue.startMs));
        continue;
      }
      const added = lines.length === 0 ? cue.text.length : length + 1 + cue.text.length;
      if (lines.length > 0 && (cue.startMs - firstMs >= CHUNK_SPAN_MS || added > MAX_CHUNK_CHARS)) flush();
      if (lines.length === 0) firstMs = cue.startMs;
      cues.push([lines.length === 0 ? 0 : length + 1, cue.startMs]);
      length = lines.length === 0 ? cue.text.length : length + 1 + cue.text.length;
      lines.push(cue.text);
    }
    flush();
  }
  return chunks;
}
