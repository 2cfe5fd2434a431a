// The bundled Korean font's @font-face rules as the page's style sheets declare them (@fontsource,
// bundled by Vite), each with the address its url()s are relative to. A document in a frame (a
// book) or an image (an SVG picture) sees no font of the page: the readers hand these on.

export const BUNDLED_FONT_FAMILY = 'Noto Sans KR';

export function* bundledFontFaceRules(family = BUNDLED_FONT_FAMILY): Generator<{ rule: CSSFontFaceRule; base: string }> {
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    const base = sheet.href ?? document.baseURI;
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSFontFaceRule && rule.style.getPropertyValue('font-family').includes(family)) yield { rule, base };
    }
  }
}
