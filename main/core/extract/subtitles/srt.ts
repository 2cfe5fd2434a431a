// SubRip (.srt), and the cue-block reading WebVTT shares with it. Our own small parser rather than
// media-captions: that one keeps a whitespace-only separator line as cue text (swallowing the next
// cue), drops zero-length cues, and its timing regex goes quadratic on long runs of spaces.
import type { SubtitleTrack } from '../../types.js';
import { finishCues, parseTimingLine, plainCueText, splitLines, type RawCue } from './markup.js';

export interface CueBlockDialect {
  /** True for a line that opens a block with no cue in it (WebVTT NOTE, STYLE, REGION). */
  skipsBlock?: (line: string) => boolean;
  /** Lines to pass over before the first cue (the WebVTT header), decided from the first line. */
  headerLines?: (lines: readonly string[]) => number;
}

/**
 * Cue blocks: an optional id line, a timing line with `-->`, text lines up to a blank line. Files
 * with the blank line missing still split: a new valid timing line starts a new cue, and a bare
 * number just before it is that cue's index, not text.
 */
export function parseCueBlocks(text: string, dialect: CueBlockDialect = {}): RawCue[] {
  const lines = splitLines(text);
  const cues: RawCue[] = [];
  let current: RawCue | undefined;
  let body: string[] = [];
  let skipping = false;

  const flush = (): void => {
    if (current) cues.push({ ...current, text: plainCueText(body.join('\n')) });
    current = undefined;
    body = [];
  };

  for (let i = dialect.headerLines?.(lines) ?? 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      flush();
      skipping = false;
      continue;
    }
    if (skipping) continue;
    const timing = line.includes('-->') ? parseTimingLine(line) : undefined;
    if (timing) {
      if (current && body.length > 0 && /^\s*\d{1,9}\s*$/.test(body[body.length - 1] ?? '')) body.pop();
      flush();
      current = { startMs: timing[0], endMs: timing[1], text: '' };
      continue;
    }
    if (current) body.push(line);
    else if (dialect.skipsBlock?.(line)) skipping = true;
    // Anything else outside a cue is an index or id line, or stray text: not shown by players.
  }
  flush();
  return cues;
}

export function parseSrt(text: string): SubtitleTrack[] {
  return [{ cues: finishCues(parseCueBlocks(text)) }];
}

function isBlank(line: string): boolean {
  // A line of spaces separates cues in practice (players treat it so), though the format says empty.
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0xfeff && c !== 0x3000) return false;
  }
  return true;
}
