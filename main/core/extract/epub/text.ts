// The searchable text of one spine section (an XHTML/HTML page, or an SVG page), cut into bounded
// chunks that point back to the section (`href`) and to their place in it (`ordinal`).
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { Chunk } from '../../types.js';
import { decodeText } from '../encoding.js';
import { htmlToText, type HtmlText } from '../html-text.js';

export interface SectionText {
  chunks: Chunk[];
  /** The document's <title>, for books that declare no title of their own. */
  title?: string;
  /** The first heading, for a table of contents when the book has none. */
  heading?: string;
  language?: string;
  /** Pictures the section shows (<img>, SVG <image>). */
  pictures: number;
  /** Letters and digits it says in words, alt texts left out. */
  letters: number;
}

/**
 * Text of one XHTML/HTML section. `href` is its zip path; `tocLabel` names the chunks that sit
 * before the section's first heading.
 */
export function sectionText(markup: string, href: string, mediaType: string, tocLabel?: string): SectionText {
  const parsed = parseMarkup(markup, mediaType === 'text/html' || /\.html?$/i.test(href) ? 'html' : 'xhtml');
  return sectionOf(parsed, href, tocLabel, parsed.images.length);
}

/**
 * Text of an SVG page that the spine lists itself (`image/svg+xml`, a picture book's or a comic's
 * page): the words of its <text>, by the rules SVG inside an XHTML page is read by (only what is
 * drawn: no <title>, <desc>, definitions or hidden parts; main/text/readable.ts). Parsed as XML, as
 * the reader parses it. The page is a drawing: with no words of its own it is a picture (a page of
 * one <img>), whatever it draws it with; its <image>s count as the pictures it shows. Throws
 * ExtractError('corrupt') when it nests too deep to parse.
 */
export function svgPageText(markup: string, href: string, tocLabel?: string): SectionText {
  const parsed = htmlToText(markup, { xml: true });
  return sectionOf(parsed, href, tocLabel, parsed.images.length > 0 ? parsed.images.length : parsed.letters === 0 ? 1 : 0);
}

function sectionOf(parsed: HtmlText, href: string, tocLabel: string | undefined, pictures: number): SectionText {
  const chunks: Chunk[] = [];
  let ordinal = 0;
  for (const s of parsed.sections) {
    const heading = s.heading ?? tocLabel;
    for (const text of s.chunks) {
      chunks.push(heading === undefined ? { text, locator: { href, ordinal } } : { text, locator: { href, ordinal }, heading });
      ordinal++;
    }
  }
  return {
    chunks,
    title: parsed.title,
    heading: parsed.firstHeading ?? parsed.sections.find((s) => s.heading)?.heading,
    language: parsed.language,
    pictures,
    letters: parsed.letters,
  };
}

// Signs that a file calling itself XHTML is really HTML, which an XML parse reads badly: named
// entities other than XML's five left as literal text (&nbsp;, &mdash;), or a void element written
// without `/>` (`<img …>`, `<br>`), which in XML swallows the text after it as its children.
const LEFTOVER_ENTITY = /&[a-z][a-z0-9]{1,31};/i;
// Bounded, so that hostile markup with no '>' cannot make the scan quadratic.
const VOID_TAG = /<(?:img|br|hr|input|meta|link|col|area|wbr|source|embed|param|track|base|image)\b[^<>]{0,4096}>/gi;

function hasUnclosedVoid(markup: string): boolean {
  for (const m of markup.matchAll(VOID_TAG)) if (!m[0].endsWith('/>')) return true;
  return false;
}

function parseMarkup(markup: string, kind: 'xhtml' | 'html'): HtmlText {
  if (kind === 'html' || hasUnclosedVoid(markup)) return htmlToText(markup, { xml: false });
  const asXml = htmlToText(markup, { xml: true });
  const text = asXml.sections.map((s) => `${s.heading ?? ''}\n${s.text}`).join('\n');
  const poor = LEFTOVER_ENTITY.test(text) || (text.trim() === '' && /<body[\s>]/i.test(markup));
  if (!poor) return asXml;
  const asHtml = htmlToText(markup, { xml: false });
  return asHtml.sections.length > 0 ? asHtml : asXml;
}

const DECODED_BY_DEFAULT = /^(utf-?8|utf-?16(le|be)?|unicode|euc-?kr|cp949|ks_c_5601-1987|(x-)?windows-949|uhc)$/i;

/**
 * Bytes of an XHTML/XML file to NFC text. Unicode and Korean go through decodeText; a file that
 * declares another legacy encoding (`<?xml … encoding="windows-1252"?>`) is read as declared,
 * which decodeText's CP949 guess would otherwise garble. Throws ExtractError('encoding').
 */
export function decodeMarkup(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // UTF-16 without a byte-order mark still starts with "<" and a zero byte.
  if (buffer.length >= 2 && buffer[0] === 0x3c && buffer[1] === 0) return buffer.toString('utf16le').normalize('NFC');
  if (buffer.length >= 2 && buffer[0] === 0 && buffer[1] === 0x3c) {
    return iconv.decode(buffer, 'utf-16be').normalize('NFC');
  }
  const head = buffer.subarray(0, 1024).toString('latin1');
  const declared =
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]*charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  const hasBom = buffer[0] === 0xef || buffer[0] === 0xff || buffer[0] === 0xfe;
  if (declared && !DECODED_BY_DEFAULT.test(declared) && iconv.encodingExists(declared) && !hasBom && !isUtf8(buffer)) {
    return iconv.decode(buffer, declared).normalize('NFC');
  }
  return decodeText(bytes).text;
}
