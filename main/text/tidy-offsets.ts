// Text as the indexer tidies it (white space collapsed, a run holding a line break becomes one
// newline, trimmed), with a map from each raw offset to its offset in the tidied text, so a match
// found in the tidied text can be put back on the page's text nodes.
const COLLAPSIBLE = /[\t\f\v\u00a0 \n\r]/;

export function tidyOffsets(raw: string): { text: string; at: (rawOffset: number) => number } {
  const map = new Int32Array(raw.length + 1);
  let out = '';
  let i = 0;
  while (i < raw.length) {
    if (COLLAPSIBLE.test(raw[i]!)) {
      let j = i;
      let newline = false;
      while (j < raw.length && COLLAPSIBLE.test(raw[j]!)) {
        if (raw[j] === '\n' || raw[j] === '\r') newline = true;
        j++;
      }
      for (let k = i; k < j; k++) map[k] = out.length;
      out += newline ? '\n' : ' ';
      i = j;
    } else {
      map[i] = out.length;
      out += raw[i];
      i++;
    }
  }
  map[raw.length] = out.length;
  const lead = out.length - out.trimStart().length;
  const text = out.trim();
  return { text, at: (o) => Math.min(text.length, Math.max(0, map[Math.min(o, raw.length)]! - lead)) };
}
