// Splitting long text into bounded chunks: search indexes and snippets stay small, and a hit in a
// long chapter still points near its place.
/** Chunks never grow past this many characters; longer sections are split at sentence or space. */
export const MAX_CHUNK_CHARS = 2000;

/** Collapse runs of white space (keeping paragraph breaks as single newlines) and trim. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v\u00a0 ]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim();
}

/**
 * Split text into pieces of at most `max` characters, cutting at a paragraph, then a sentence end,
 * then a space, and only as a last resort inside a word.
 */
export function splitText(text: string, max = MAX_CHUNK_CHARS): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = Math.max(lastSentenceEnd(window), cut);
    if (cut < max / 2) cut = Math.max(window.lastIndexOf(' '), cut);
    if (cut < max / 4) cut = max;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest.length > 0) out.push(rest);
  return out.filter((s) => s.length > 0);
}

function lastSentenceEnd(s: string): number {
  let best = -1;
  const re = /[.!?。？！][)"'”’]?\s/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) best = m.index + m[0].length - 1;
  return best;
}
