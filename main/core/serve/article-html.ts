// Articles as the reader shows them: HTML as written (the renderer sanitises it with DOMPurify),
// Markdown rendered the way extraction saw it (so heading anchors match), plain text as paragraphs.
import type { ArticleContent } from '../../api.js';
import { renderMarkdown } from '../extract/article/index.js';

export function articleHtml(format: ArticleContent['format'], text: string): string {
  return format === 'html' ? text : format === 'markdown' ? renderMarkdown(text) : textToHtml(text);
}

/** Plain text as HTML: a paragraph per blank-line-separated block, line breaks kept, all escaped. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
