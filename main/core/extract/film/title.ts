// A film's own title, where its files say one: a Kodi-style sidecar (`<film>.nfo`) or the title a
// subtitle file declares (SAMI <TITLE>, ASS/SSA `Title:` in [Script Info], the text after `WEBVTT`
// on a WebVTT file's first line). Without either, the catalog falls back to the file name as
// written. Templates leave placeholders ("Default Aegisub file", "untitled"): those are no title.
import { isTag, type Element } from 'domhandler';
import { textContent } from 'domutils';
import { decodeHTML } from 'entities';
import { parseBoundedDocument } from '../parse-document.js';
import type { SubtitleFormat } from '../../types.js';

/** Longer than this is not a title but a paragraph someone pasted. */
const MAX_TITLE_CHARS = 200;

const PLACEHOLDERS = /^(?:default aegisub file|untitled|<untitled>|new subtitle|sami|subtitle|subtitles|title|제목|제목 없음|무제|자막)$/i;

/** Tags removed, entities decoded, white space folded, NFC; undefined when nothing meaningful is left. */
export function cleanTitle(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = decodeHTML(raw.replace(/<[^>]*>/g, ' '))
    // Control and direction characters (a title that reverses itself on screen).
    .replace(/[\p{Cc}\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
  if (text === '' || text.length > MAX_TITLE_CHARS || PLACEHOLDERS.test(text)) return undefined;
  // Punctuation alone ("-", "...") says nothing.
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  return text;
}

/** The title a subtitle file declares in its header, if any. */
export function subtitleTitle(format: SubtitleFormat, text: string): string | undefined {
  // Headers sit at the top: never scan a whole large file for them.
  const head = text.slice(0, 16_384);
  switch (format) {
    case 'sami': {
      const m = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(head);
      return cleanTitle(m?.[1]);
    }
    case 'ass': {
      const info = /\[script info\]([\s\S]*?)(?:\n\s*\[|$)/i.exec(head);
      const m = info && /^\s*title\s*:(.*)$/im.exec(info[1]!);
      return cleanTitle(m?.[1]);
    }
    case 'vtt': {
      // "WEBVTT - 등대지기" / "WEBVTT 등대지기": the spec allows text after a space or a tab.
      const first = head.replace(/^\ufeff/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
      const m = /^WEBVTT[ \t]+(?:[-–—:][ \t]*)?(.+)$/.exec(first);
      return cleanTitle(m?.[1]);
    }
    case 'srt':
      return undefined;
  }
}

/** What a film's `.nfo` sidecar says: Kodi's <movie>/<episodedetails> XML (title, director, year). */
export interface FilmSidecar {
  kind: 'sidecar';
  title?: string;
  authors: string[];
  year?: number;
}

/** A sidecar larger than this is not a description of one film. */
export const MAX_SIDECAR_BYTES = 256 * 1024;

/** The sidecar's fields, from the direct children of its <movie> (or <episodedetails>…) element only:
 * <actor><name> and <set><name> are not the film's title. Anything else reads as no title. */
export function parseNfo(text: string): FilmSidecar {
  let doc;
  try {
    doc = parseBoundedDocument(text.slice(0, MAX_SIDECAR_BYTES), { xmlMode: true, decodeEntities: false, recognizeCDATA: true });
  } catch {
    return { kind: 'sidecar', authors: [] };
  }
  const root = doc.children.find((n): n is Element => isTag(n) && /^(movie|episodedetails|musicvideo)$/i.test(n.name));
  if (!root) return { kind: 'sidecar', authors: [] };
  const fields = (name: string): string[] => {
    const out: string[] = [];
    for (const child of root.children) {
      if (!isTag(child) || child.name.toLowerCase() !== name) continue;
      const v = cleanTitle(textContent(child));
      if (v !== undefined && out.length < 20) out.push(v);
    }
    return out;
  };
  const title = fields('title')[0] ?? fields('originaltitle')[0];
  const authors = [...new Set([...fields('director'), ...fields('credits')])].slice(0, 10);
  const yearText = fields('year')[0] ?? fields('premiered')[0];
  const year = yearText ? Number(/\b(1[89]\d\d|20\d\d)\b/.exec(yearText)?.[1]) : NaN;
  return { kind: 'sidecar', ...(title ? { title } : {}), authors, ...(Number.isFinite(year) ? { year } : {}) };
}
