// Advanced SubStation Alpha / SubStation Alpha (.ass, .ssa). Our own reader rather than
// media-captions: that one appends `Comment:` lines to the previous cue's text, throws a TypeError
// on a short Dialogue line, and leaves `\n` and `\h` in the text.
import type { SubtitleTrack } from '../../types.js';
import { finishCues, parseTimestamp, splitLines, type RawCue } from './markup.js';

/** The v4+ event fields in the order the spec gives them, for files without a Format line. */
const DEFAULT_FORMAT = ['layer', 'start', 'end', 'style', 'name', 'marginl', 'marginr', 'marginv', 'effect', 'text'];

export function parseAss(text: string): SubtitleTrack[] {
  let section = '';
  let format = DEFAULT_FORMAT;
  let wrapStyle = 0;
  const raw: RawCue[] = [];
  const seen = new Set<string>();

  for (const line of splitLines(text)) {
    const head = line.slice(0, 64).trimStart();
    if (head.startsWith('[')) {
      const close = head.indexOf(']');
      if (close !== -1) {
        section = head.slice(1, close).trim().toLowerCase();
        if (section === 'events') format = DEFAULT_FORMAT;
        continue;
      }
    }
    const colon = head.indexOf(':');
    if (colon <= 0) continue;
    const key = head.slice(0, colon).trim().toLowerCase();
    const value = line.slice(line.indexOf(':') + 1);
    if (section === 'script info' && key === 'wrapstyle') {
      wrapStyle = Number.parseInt(value.trim().slice(0, 4), 10);
    } else if (section === 'events' && key === 'format') {
      // Style sections have their own Format line; only the one under [Events] describes dialogue.
      const names = value.split(',').map((f) => f.trim().toLowerCase());
      if (names.includes('start') && names.includes('end') && names.includes('text')) format = names;
    } else if (key === 'dialogue') {
      const fields = splitFields(value, format.length);
      const field = (name: string): string | undefined => fields[format.indexOf(name)];
      const startMs = parseTimestamp(field('start') ?? '');
      const endMs = parseTimestamp(field('end') ?? '');
      const body = field('text');
      if (startMs === undefined || endMs === undefined || body === undefined) continue;
      const cueText = assText(body, wrapStyle === 2);
      // Typesetters stack the same line on several layers (outline, glow, fill): one cue is enough.
      const identity = `${startMs}\u0000${endMs}\u0000${cueText}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      raw.push({ startMs, endMs, text: cueText });
    }
  }
  return [{ cues: finishCues(raw) }];
}

/** `n` comma-separated fields where the last one keeps its commas (the dialogue text). */
function splitFields(value: string, n: number): string[] {
  const out: string[] = [];
  let from = 0;
  while (out.length < n - 1) {
    const comma = value.indexOf(',', from);
    if (comma === -1) break;
    out.push(value.slice(from, comma).trim());
    from = comma + 1;
  }
  out.push(value.slice(from));
  return out;
}

/**
 * Dialogue text as seen on screen: override blocks `{…}` removed, drawings (`{\p1}m 0 0 l …{\p0}`)
 * dropped, `\N` a line break, `\h` a space, and `\n` a break only under WrapStyle 2 (elsewhere the
 * renderer shows it as a space).
 */
export function assText(raw: string, softBreaks: boolean): string {
  let out = '';
  let drawing = false;
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('{', i);
    if (!drawing) out += open === -1 ? raw.slice(i) : raw.slice(i, open);
    if (open === -1) break;
    const close = raw.indexOf('}', open + 1);
    if (close === -1) {
      if (!drawing) out += raw.slice(open); // an unclosed brace is shown as written
      break;
    }
    const drawTags = raw.slice(open + 1, close).match(/\\p-?\d+/g);
    const lastDraw = drawTags?.[drawTags.length - 1];
    if (lastDraw !== undefined) drawing = Number.parseInt(lastDraw.slice(2), 10) > 0;
    i = close + 1;
  }
  return out.replace(/\\N/g, '\n').replace(/\\n/g, softBreaks ? '\n' : ' ').replace(/\\h/g, ' ');
}
