// WebVTT (.vtt): the SRT block reader plus the header, NOTE/STYLE/REGION blocks and cue settings
// (`align:start` after the end time, ignored). Cue text loses voice/class/timestamp tags.
import type { SubtitleTrack } from '../../types.js';
import { finishCues } from './markup.js';
import { parseCueBlocks } from './srt.js';
import { normalizeLanguage } from './language.js';

export function parseVtt(text: string): SubtitleTrack[] {
  let language: string | undefined;
  const raw = parseCueBlocks(text, {
    headerLines: (lines) => {
      if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) return 0;
      let i = 1;
      for (; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) {
        if ((lines[i] ?? '').includes('-->')) return i; // a cue right under the header, no blank line
        // YouTube and others put `Language: ko` in the header.
        const m = /^Language:[ \t]*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})?)[ \t]*$/i.exec((lines[i] ?? '').slice(0, 40));
        if (m) language = normalizeLanguage(m[1] ?? '');
      }
      return i;
    },
    skipsBlock: (line) => /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line),
  });
  return [{ language, cues: finishCues(raw) }];
}
