// Character references in subtitles are decoded from HTML's own table (the `entities` package), as
// a browser shows them: every named reference HTML knows, not a hand-picked few.
import { describe, expect, it } from 'vitest';
import { extractSubtitle } from '../main/core/extract/subtitles/index.js';
import type { SubtitleExtract } from '../main/core/types.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cues = (r: SubtitleExtract, track = 0): [number, number, string][] => (r.tracks[track]?.cues ?? []).map((c) => [c.startMs, c.endMs, c.text]);

describe('character references in subtitles', () => {
  it('decodes every reference HTML names, beyond a short list (Greek, accents, arrows, math)', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n&alpha;&beta; caf&eacute; &Eacute;t&eacute; &rArr; &sum; &frac13; &hearts; &mdash; &#x1F600;\n';
    const r = await extractSubtitle(utf8(srt), 'a.srt');
    expect(cues(r)).toEqual([[1000, 2000, 'αβ café Été ⇒ ∑ ⅓ ♥ — 😀']]);
  });

  it('reads the references browsers still take without a semicolon, and leaves the rest as written', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n&copy2024 &lt3 Tom&amp;Jerry &notareference; &foo; AT&T\n';
    const r = await extractSubtitle(utf8(srt), 'a.srt');
    expect(cues(r)).toEqual([[1000, 2000, '©2024 <3 Tom&Jerry ¬areference; &foo; AT&T']]);
  });

  it('ends a SAMI line with &nbsp; in any case, with or without its semicolon', async () => {
    const text = [
      '<SAMI><BODY>',
      '<SYNC Start=1000><P Class=KRCC>하나',
      '<SYNC Start=2000><P Class=KRCC>&NBSP;',
      '<SYNC Start=3000><P Class=KRCC>둘',
      '<SYNC Start=4000><P Class=KRCC>&Nbsp',
      '<SYNC Start=5000><P Class=KRCC>셋',
      '<SYNC Start=6000><P Class=KRCC>&nbsp;',
      '</BODY></SAMI>',
    ].join('\r\n');
    const r = await extractSubtitle(utf8(text), 'show.smi');
    expect(cues(r)).toEqual([
      [1000, 2000, '하나'],
      [3000, 4000, '둘'],
      [5000, 6000, '셋'],
    ]);
  });

  it('drops soft hyphens, so a word written with &shy; is one word', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n타이&shy;타닉 Tita\u00adnic\n';
    const r = await extractSubtitle(utf8(srt), 'a.srt');
    expect(cues(r)).toEqual([[1000, 2000, '타이타닉 Titanic']]);
  });
});
