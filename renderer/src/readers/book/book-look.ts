// How a book looks in its frame: the reader's colours (light, sepia, dark, over whatever the book
// says), Korean line breaking, the bundled Korean font inside the frame (a document in an iframe
// does not see the page's fonts), and the notes that stand in for a remote picture or a broken
// section. Every word in the frame is drawn with the bundled font, whatever font the book names
// (a PC without it, and without a Korean font, would draw □); its monospace too, for the Korean in
// it. Justified paragraphs are set flush left: with Korean kept whole at line ends (keep-all),
// justifying opens wide gaps between words. What the book centres or sets right stays so.
//
// Interface: applyLook(rendition, fontCss) once, when the book is attached; then
// rendition.themes.select(theme) and .fontSize(px). pageFontCss() gives the font's @font-face rules.
import type { EpubRendition } from 'epubjs';
import type { BookTheme } from './book-types';
import { BUNDLED_FONT_FAMILY, bundledFontFaceRules } from '../common/font-faces';

const THEMES: Record<BookTheme, { bg: string; fg: string; link: string }> = {
  light: { bg: '#ffffff', fg: '#1d1f21', link: '#1b5fc4' },
  sepia: { bg: '#f5ecd7', fg: '#3a2e1f', link: '#7a4b12' },
  dark: { bg: '#16181b', fg: '#e3e5e8', link: '#8ab4ff' },
};

const BOOK_FONT = "'Noto Sans KR', 'Malgun Gothic', sans-serif";
const BOOK_MONO = "ui-monospace, Consolas, 'Noto Sans KR', monospace";

/** Paragraphs the book justifies are set flush left (start) instead; other alignments stay. */
export function unjustify(doc: Document): number {
  const view = doc.defaultView;
  if (!view) return 0;
  let changed = 0;
  for (const el of Array.from(doc.body?.querySelectorAll<HTMLElement>('*') ?? [])) {
    const align = view.getComputedStyle(el).textAlign;
    if (align === 'justify' || align === '-webkit-justify') {
      el.style.setProperty('text-align', 'start', 'important');
      changed++;
    }
  }
  if (doc.body && view.getComputedStyle(doc.body).textAlign === 'justify') doc.body.style.setProperty('text-align', 'start', 'important');
  return changed;
}

export function applyLook(rendition: EpubRendition, fontCss: string | undefined): void {
  rendition.themes.default({
    body: { 'word-break': 'keep-all', 'line-height': '1.8', 'font-family': BOOK_FONT },
    'body *': { 'font-family': `${BOOK_FONT} !important` },
    'pre, code, kbd, samp, tt, pre *, code *': { 'font-family': `${BOOK_MONO} !important` },
    img: { 'max-width': '100%' },
    '.cm-r-broken': { border: '1px solid #c77', padding: '1em', 'margin-top': '2em' },
    '.cm-r-remote': { border: '1px dashed #999', padding: '0.4em 0.8em', 'font-size': '0.85em', display: 'inline-block' },
  });
  for (const [name, c] of Object.entries(THEMES)) {
    rendition.themes.register(name, {
      'html, body': { background: `${c.bg} !important`, color: `${c.fg} !important` },
      'body *': { color: 'inherit !important', 'background-color': 'transparent !important', 'border-color': `${c.fg} !important` },
      'a, a *': { color: `${c.link} !important` },
    });
  }
  if (fontCss) rendition.hooks.content.register((contents) => void contents.addStylesheetCss(fontCss, 'cm-fonts'));
  rendition.hooks.content.register((contents) => void unjustify(contents.document));
}

/**
 * The @font-face rules of the bundled Korean font, with absolute URLs, for the book's frame: a
 * document inside an iframe does not see the page's fonts.
 */
export function pageFontCss(family = BUNDLED_FONT_FAMILY): string {
  const out: string[] = [];
  for (const { rule, base } of bundledFontFaceRules(family)) {
    out.push(
      rule.cssText.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (m, _q: string, ref: string) => {
        try {
          const abs = new URL(ref, base);
          return abs.protocol === 'http:' || abs.protocol === 'https:' || abs.protocol === 'app:' || abs.protocol === 'data:' ? `url("${abs.href}")` : m;
        } catch {
          return m;
        }
      }),
    );
  }
  return out.join('\n');
}
