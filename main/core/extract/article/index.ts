// Articles: HTML, Markdown and plain text, each split into sections a reader can scroll to.
import MarkdownIt from 'markdown-it';
import type { ArticleExtract, Chunk } from '../../types.js';
import { ExtractError } from '../../errors.js';
import { decodeText } from '../encoding.js';
import { htmlToText, type HtmlSection } from '../html-text.js';
import { splitText, tidyText } from '../../../text/chunking.js';

export type ArticleFormat = ArticleExtract['format'];

const FORMAT_BY_EXTENSION: Record<string, ArticleFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
};

export function articleFormatOf(fileName: string): ArticleFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : FORMAT_BY_EXTENSION[fileName.slice(dot).toLowerCase()];
}

// Raw HTML inside Markdown is kept so that it goes through the same dropping of script, nav and
// hidden elements as an HTML article (and through the sanitiser when shown), instead of being
// indexed as literal tag soup.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** Render Markdown the way the reader shows it. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

export async function extractArticle(bytes: Uint8Array, fileName: string): Promise<ArticleExtract> {
  const format = articleFormatOf(fileName);
  if (!format) throw new ExtractError('unsupported', `not an article: ${fileName}`);
  if (bytes.length === 0) throw new ExtractError('empty', 'zero bytes');
  const { text } = decodeText(bytes);
  const fallbackTitle = titleFromFileName(fileName);

  if (format === 'text') return textArticle(text, fallbackTitle);

  const html = format === 'markdown' ? renderMarkdown(text) : text;
  // The article reader removes SVG and MathML (renderer/src/readers/article/sanitize.ts): what it
  // does not show is not indexed either.
  const parsed = htmlToText(html, { xml: false, foreign: false });
  const chunks = sectionsToChunks(parsed.sections);
  if (chunks.length === 0) throw new ExtractError('no-content', 'no readable text in the article');
  const title = parsed.title || parsed.firstHeading || parsed.sections.find((s) => s.heading)?.heading || fallbackTitle;
  return {
    kind: 'article',
    format,
    title,
    language: normaliseLanguage(parsed.language) ?? guessLanguage(chunks),
    // markdown-it percent-encodes link targets; keep names as the volunteer wrote them.
    images: parsed.images.filter(isLocalReference).map(format === 'markdown' ? safeDecode : (x: string) => x),
    chunks,
  };
}

function textArticle(text: string, fallbackTitle: string): ArticleExtract {
  const body = tidyText(text);
  if (body.length === 0) throw new ExtractError('no-content', 'only white space');
  const firstLine = body.split('\n', 1)[0]!.trim();
  const title = firstLine.length > 0 && firstLine.length <= 120 ? firstLine : fallbackTitle;
  const chunks: Chunk[] = splitText(body).map((t, ordinal) => ({ text: t, locator: { anchor: '', ordinal } }));
  return { kind: 'article', format: 'text', title, language: guessLanguage(chunks), images: [], chunks };
}

function sectionsToChunks(sections: HtmlSection[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const s of sections) {
    s.chunks.forEach((text, ordinal) => {
      chunks.push({ text, locator: { anchor: s.anchor, ordinal }, heading: s.heading });
    });
  }
  return chunks;
}

export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const name = (dot > 0 ? base.slice(0, dot) : base).normalize('NFC');
  // 'the-lighthouse-keeper' and '원산_총파업' stand for spaces; a name that has spaces keeps its dashes.
  return (name.includes(' ') ? name : name.replace(/[-_]+/g, ' ')).trim() || base;
}

/** `ko-KR` → `ko`; empty → undefined. */
export function normaliseLanguage(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  if (!primary || !/^[a-z]{2,3}$/.test(primary)) return undefined;
  return primary === 'kor' ? 'ko' : primary === 'eng' ? 'en' : primary;
}

/** When the file does not say: mostly Hangul → ko, mostly Latin → en. */
export function guessLanguage(chunks: Chunk[]): string | undefined {
  let hangul = 0;
  let latin = 0;
  for (const c of chunks.slice(0, 20)) {
    for (const ch of c.text.slice(0, 4000)) {
      const code = ch.codePointAt(0)!;
      if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3131 && code <= 0x318e)) hangul++;
      else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
    }
  }
  if (hangul === 0 && latin === 0) return undefined;
  // A Hangul syllable carries as much as two or three Latin letters.
  return hangul * 3 >= latin ? 'ko' : 'en';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function isLocalReference(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('//');
}
