// Shared pieces of the subtitle parsers: tag stripping, entities, timestamps, cue tidying.
// Everything here scans its input once: subtitle files come from strangers, and a regex that
// backtracks on a 50 MB line would freeze the whole import.
import { decodeHTML } from 'entities';
import type { Cue } from '../../types.js';

/** A cue before tidying: times may be anything, text may still carry spaces and blank lines. */
export interface RawCue {
  startMs: number;
  endMs: number;
  text: string;
}

/** A SAMI cue with no successor shows this long; players differ, 4 s reads like a normal line. */
export const DEFAULT_LAST_CUE_MS = 4000;

/**
 * Decode HTML character references as a browser does in text (the `entities` package, HTML's own
 * table): `&nbsp` without its semicolon too, as old SAMI writers leave it; unknown ones stay as
 * written. Names are case-sensitive in HTML, but a SAMI cue of `&NBSP;` must still end the line
 * before it rather than show as text: any case of `nbsp` is read as `&nbsp`.
 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return decodeHTML(s.replace(/&nbsp/gi, '&nbsp'));
}

/**
 * Remove HTML-like tags (`<i>`, `<font color=…>`, `</b>`, `<v Name>`, `<c.yellow>`, VTT timestamps
 * `<00:01.000>`) keeping their content; `<br>` becomes a line break. A `<` that opens no tag
 * ("a < b", "I <3 you") stays.
 */
export function stripTags(s: string): string {
  if (!s.includes('<')) return s;
  let out = '';
  let last = 0;
  let noMoreClose = false;
  let i = s.indexOf('<');
  while (i !== -1) {
    const next = s.charCodeAt(i + 1);
    const opensTag = isAsciiLetter(next) || next === 0x2f /* / */ || next === 0x21 /* ! */ || isDigit(next);
    let end = -1;
    if (opensTag && !noMoreClose) {
      end = s.indexOf('>', i + 1);
      if (end === -1) noMoreClose = true; // no '>' later: no later '<' can close either
    }
    // A digit only opens a VTT timestamp tag, which is short; the length bound keeps "<1<1<1…" linear.
    if (end !== -1 && isDigit(next) && (end - i > 24 || !/^[0-9:.]+$/.test(s.slice(i + 1, end)))) end = -1;
    if (end !== -1) {
      const isBreak = /^<\s*br\b/i.test(s.slice(i, Math.min(end + 1, i + 8)));
      out += s.slice(last, i) + (isBreak ? '\n' : '');
      last = end + 1;
      i = s.indexOf('<', end + 1);
    } else {
      i = s.indexOf('<', i + 1);
    }
  }
  return out + s.slice(last);
}

/**
 * Remove ASS override blocks (`{\an8}`, `{\i1}`); SRT files made from ASS carry them too. A brace
 * that does not start with a backslash is ordinary text.
 */
export function stripAssOverrides(s: string): string {
  if (!s.includes('{\\')) return s;
  let out = '';
  let last = 0;
  let i = s.indexOf('{\\');
  while (i !== -1) {
    const end = s.indexOf('}', i + 2);
    if (end === -1) break;
    out += s.slice(last, i);
    last = end + 1;
    i = s.indexOf('{\\', last);
  }
  return out + s.slice(last);
}

/** Plain cue text: lines trimmed with inner white space collapsed, empty lines dropped, no soft hyphens, NFC. */
export function tidyCueText(text: string): string {
  // A soft hyphen (`&shy;`) is a hint for breaking a long word; inside a cue it only hides the
  // word from search.
  const lines = text.replace(/\u00ad/g, '').split(/\r\n|\r|\n/);
  const kept: string[] = [];
  for (const line of lines) {
    // Only irregular white space is replaced: ordinary single spaces cost nothing on huge cues.
    const t = line.replace(/\s{2,}|[^\S ]/g, ' ').trim();
    if (t.length > 0) kept.push(t);
  }
  return kept.join('\n').normalize('NFC');
}

/** SRT/VTT cue text as a viewer sees it: no tags, no override blocks, entities decoded. */
export function plainCueText(raw: string): string {
  return tidyCueText(decodeEntities(stripTags(stripAssOverrides(raw))));
}

const TIMESTAMP_RE = /^(?:(\d{1,9}):)?(\d{1,3}):(\d{1,3})(?:[.,:](\d{1,9}))?$/;

/**
 * `[h…:]mm:ss[.fff]` (also `,` or `:` before the fraction, and ASS centiseconds) to milliseconds,
 * or undefined. The fraction is a decimal fraction of a second: `.5` is 500 ms, `.50` too.
 */
export function parseTimestamp(token: string): number | undefined {
  const t = token.trim();
  if (t.length === 0 || t.length > 32) return undefined;
  const m = TIMESTAMP_RE.exec(t);
  if (!m) return undefined;
  const h = m[1] !== undefined ? Number(m[1]) : 0;
  const min = Number(m[2]);
  const sec = Number(m[3]);
  const frac = m[4] !== undefined ? Number(m[4].slice(0, 3).padEnd(3, '0')) : 0;
  const ms = ((h * 60 + min) * 60 + sec) * 1000 + frac;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Cues as the rest of Changmun expects them: text tidied, empty ones dropped, times finite and
 * non-negative with end ≥ start, sorted by start (stable, so equal starts keep file order).
 */
export function finishCues(raw: readonly RawCue[]): Cue[] {
  const out: Cue[] = [];
  for (const c of raw) {
    const text = tidyCueText(c.text);
    if (text.length === 0) continue;
    if (!Number.isFinite(c.startMs)) continue;
    const startMs = Math.max(0, Math.round(c.startMs));
    const end = Number.isFinite(c.endMs) ? Math.round(c.endMs) : startMs;
    out.push({ startMs, endMs: Math.max(startMs, end), text });
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

/**
 * A cue timing line `start --> end [settings]` as [startMs, endMs], or undefined. Only the tokens
 * either side of the arrow are read, so a huge line costs one scan.
 */
export function parseTimingLine(line: string): [number, number] | undefined {
  const arrow = line.indexOf('-->');
  if (arrow === -1) return undefined;
  const start = parseTimestamp(lastToken(line, arrow));
  const end = parseTimestamp(firstToken(line, arrow + 3));
  return start === undefined || end === undefined ? undefined : [start, end];
}

const MAX_TOKEN = 40;

function firstToken(s: string, from: number): string {
  let i = from;
  while (i < s.length && i - from < MAX_TOKEN && isSpace(s.charCodeAt(i))) i++;
  const begin = i;
  while (i < s.length && i - begin <= MAX_TOKEN && !isSpace(s.charCodeAt(i))) i++;
  return s.slice(begin, i);
}

function lastToken(s: string, before: number): string {
  let i = before;
  while (i > 0 && before - i < MAX_TOKEN && isSpace(s.charCodeAt(i - 1))) i--;
  const end = i;
  while (i > 0 && end - i <= MAX_TOKEN && !isSpace(s.charCodeAt(i - 1))) i--;
  return s.slice(i, end);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

/** Lines of a text file, whatever its line ends. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
