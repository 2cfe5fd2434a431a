// Small helpers shared by the content-sample generator: writing outputs, escaping, a record of
// every file made (which SOURCES.md is built from, and which the stale-file sweep keeps).
import { mkdirSync, readdirSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One file of the sample library: where it is, what it is, where its words came from. */
export interface Made {
  /** Path relative to content-sample/, '/'-separated. */
  rel: string;
  /** One line: what the file is. */
  what: string;
  /** Where the text or picture came from and under which licence. */
  source: string;
}

export const OUR_WRITING = 'written for Changmun; CC0 (public domain dedication)';
export const OUR_PICTURE = 'drawn by the generator script; CC0';

export class Output {
  readonly made: Made[] = [];
  constructor(readonly root: string) {}

  abs(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  /** Writes a file (bytes, or a string as UTF-8 without BOM) and records it. */
  write(rel: string, data: string | Uint8Array, what: string, source: string): void {
    const file = this.abs(rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    this.record(rel, what, source);
  }

  /** Records a file made by someone else (ffmpeg) or kept from an earlier run. */
  record(rel: string, what: string, source: string): void {
    if (this.made.some((m) => m.rel === rel)) throw new Error(`content-sample: ${rel} made twice`);
    this.made.push({ rel, what, source });
  }

  /** Removes files under root that this run did not make (left over from older versions). */
  sweep(): string[] {
    const keep = new Set(this.made.map((m) => m.rel));
    const removed: string[] = [];
    const walk = (dir: string, relDir: string): boolean => {
      let empty = true;
      for (const name of readdirSync(dir).sort()) {
        const abs = path.join(dir, name);
        const rel = relDir ? `${relDir}/${name}` : name;
        if (statSync(abs).isDirectory()) {
          if (walk(abs, rel)) rmdirSync(abs);
          else empty = false;
        } else if (keep.has(rel)) {
          empty = false;
        } else {
          unlinkSync(abs);
          removed.push(rel);
        }
      }
      return empty;
    };
    walk(this.root, '');
    return removed;
  }
}

/** Escapes element text (quotes stay as they are). */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Trims the common indentation of a template literal and its first/last blank lines. */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/**
 * A tiny structured text format the article and book texts are written in, so the same words can
 * become HTML, Markdown, XHTML or plain text:
 *   "## Heading"    a section heading
 *   "> text"        a quotation
 *   "- text"        a list item (consecutive ones form a list)
 *   "![alt](src)"   an image on its own line
 *   anything else   a paragraph (blank lines separate blocks)
 */
export type Block =
  | { t: 'h2'; text: string }
  | { t: 'p'; text: string }
  | { t: 'quote'; text: string }
  | { t: 'list'; items: string[] }
  | { t: 'img'; alt: string; src: string };

export function parseBlocks(src: string): Block[] {
  const out: Block[] = [];
  for (const para of dedent(src).split(/\n\s*\n/)) {
    const text = para.trim();
    if (!text) continue;
    const img = /^!\[([^\]]*)\]\(([^)]+)\)$/.exec(text);
    if (text.startsWith('## ')) out.push({ t: 'h2', text: text.slice(3).trim() });
    else if (img) out.push({ t: 'img', alt: img[1] ?? '', src: img[2] ?? '' });
    else if (text.startsWith('> ')) out.push({ t: 'quote', text: joinLines(text.replace(/^> ?/gm, '')) });
    else if (text.startsWith('- ')) {
      out.push({ t: 'list', items: text.split(/\n(?=- )/).map((i) => joinLines(i.slice(2))) });
    } else out.push({ t: 'p', text: joinLines(text) });
  }
  return out;
}

function joinLines(s: string): string {
  return s.split('\n').map((l) => l.trim()).join(' ');
}

/** Blocks as HTML/XHTML body markup (images get width/height when given). */
export function blocksToHtml(blocks: Block[], indent = '  ', imgSize?: (src: string) => string): string {
  return blocks
    .map((b) => {
      switch (b.t) {
        case 'h2':
          return `${indent}<h2>${escapeText(b.text)}</h2>`;
        case 'p':
          return `${indent}<p>${escapeText(b.text)}</p>`;
        case 'quote':
          return `${indent}<blockquote><p>${escapeText(b.text)}</p></blockquote>`;
        case 'list':
          return `${indent}<ul>\n${b.items.map((i) => `${indent}  <li>${escapeText(i)}</li>`).join('\n')}\n${indent}</ul>`;
        case 'img': {
          const size = imgSize ? imgSize(b.src) : '';
          return `${indent}<figure>\n${indent}  <img src="${escapeXml(b.src.replace(/ /g, '%20'))}" alt="${escapeXml(b.alt)}"${size} />\n${indent}  <figcaption>${escapeText(b.alt)}</figcaption>\n${indent}</figure>`;
        }
      }
    })
    .join('\n');
}

/** Blocks as Markdown. */
export function blocksToMarkdown(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.t) {
        case 'h2':
          return `## ${b.text}`;
        case 'p':
          return wrap(b.text);
        case 'quote':
          return wrap(b.text).split('\n').map((l) => `> ${l}`).join('\n');
        case 'list':
          return b.items.map((i) => `- ${i}`).join('\n');
        case 'img':
          return b.src.includes(' ') ? `![${b.alt}](<${b.src}>)` : `![${b.alt}](${b.src})`;
      }
    })
    .join('\n\n');
}

/** Blocks as plain text: headings underlined, paragraphs wrapped. */
export function blocksToText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.t) {
        case 'h2':
          return `${b.text}\n${'-'.repeat(b.text.length)}`;
        case 'p':
          return wrap(b.text);
        case 'quote':
          return wrap(b.text).split('\n').map((l) => `    ${l}`).join('\n');
        case 'list':
          return b.items.map((i) => `  * ${i}`).join('\n');
        case 'img':
          return `[picture: ${b.alt}]`;
      }
    })
    .join('\n\n');
}

/** Wraps at ~100 columns on spaces (Korean lines are not wrapped by width: they stay readable). */
function wrap(text: string, width = 100): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
