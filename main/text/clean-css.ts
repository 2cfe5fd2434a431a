// What a book's CSS may not do: make the browser ask anything of another machine. cleanCss() is
// used for every <style>, every style="" and every CSS file of a book (the reader's section
// sanitizer; the back end that serves a book's files), so it has no DOM and no browser API.
//
// Why tokens, not regular expressions: the browser decodes CSS escapes while it tokenizes
// (`u\72l(`, `@\69mport`, `http\3a //`), comments split what looks like one word, strings hide
// parentheses. Only a CSS tokenizer sees what the browser will fetch. css-tree's follows CSS Syntax
// Level 3, as Blink's does. Its full parser is not used: it leaves what it cannot parse (custom
// properties, `u\72l(…)`, a broken value) as raw text — exactly where tricks hide — and its
// generator would rewrite the whole sheet. On tokens every reference is seen, and every byte that is
// not a remote reference stays as the book wrote it.
//
// It lives in main/text (no DOM, no Node, nothing of ours) so that the reader and the back end
// import the same rules.
// A reference, not an import: the file only declares css-tree's untyped entry points, and there is
// no module to load at run time.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./css-tree-modules.d.ts" />
import {
  AtKeyword,
  BadUrl,
  Comment,
  Function as FunctionToken,
  Ident,
  LeftCurlyBracket,
  LeftParenthesis,
  LeftSquareBracket,
  RightCurlyBracket,
  RightParenthesis,
  RightSquareBracket,
  Semicolon,
  String as StringToken,
  Url,
  WhiteSpace,
  tokenize,
} from 'css-tree/tokenizer';
import { ident, string as cssString, url as cssUrl } from 'css-tree/utils';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** A reference as the URL parser reads it: C0 controls and spaces trimmed, tabs and newlines gone. */
function asParsed(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/**
 * True for a reference that would leave the book: any scheme but data: and blob:, or a host of its
 * own (`//host`; the URL parser takes a backslash for a slash, and drops tabs and newlines first:
 * `h\ttp://host` is `http://host`). A relative reference stays inside the book.
 */
export function isRemoteRef(value: string): boolean {
  const v = asParsed(value);
  if (/^[\\/]{2}/.test(v)) return true;
  const m = SCHEME.exec(v);
  if (!m) return false;
  const scheme = m[1]!.toLowerCase();
  return scheme !== 'data' && scheme !== 'blob';
}

/** A reference to a file of the book itself: no scheme at all (not even data:), no host. */
function isBookRef(value: string): boolean {
  return !isRemoteRef(value) && !SCHEME.test(asParsed(value));
}

/** Functions whose argument is a URL, as a string (`url("…")`, `src("…")`). */
const URL_FUNCTIONS = new Set(['url', 'src']);
/** Functions that take images, where a plain string is a URL too. */
const IMAGE_FUNCTIONS = new Set(['image-set', '-webkit-image-set', 'image']);
const OPENERS = new Map([
  [FunctionToken, RightParenthesis],
  [LeftParenthesis, RightParenthesis],
  [LeftSquareBracket, RightSquareBracket],
  [LeftCurlyBracket, RightCurlyBracket],
]);

interface Token {
  type: number;
  start: number;
  end: number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** CSS's own preprocessing (CSS Syntax §3.3), so both tokenizers read the same characters. */
function preprocess(css: string): string {
  return css.replace(/\r\n?|\f/g, '\n').replace(/\0/g, '\uFFFD');
}

/**
 * `css` with every remote reference gone: a remote `url()`/`src()` or an `image-set()`/`image()`
 * naming a remote picture becomes `none`; an `@import` of anything but a file of the book is dropped
 * whole (a data: sheet would be a sheet nobody cleaned); a url() or an at-rule whose name needed
 * escapes to read as one is taken for the trick it is. Local references and the rest are kept as
 * they were, byte for byte (line ends aside).
 */
export function cleanCss(css: string): string {
  let text = preprocess(css);
  // Taking something out can join what was around it into new tokens: clean until nothing changes.
  for (let pass = 0; pass < 8; pass++) {
    const next = cleanOnce(text);
    if (next === text) return text;
    text = next;
  }
  return '';
}

function cleanOnce(text: string): string {
  const toks: Token[] = [];
  tokenize(text, (type, start, end) => toks.push({ type, start, end }));
  const close = matchBlocks(toks);
  const raw = (t: Token) => text.slice(t.start, t.end);
  const edits: Edit[] = [];
  const spanEnd = (closer: number) => (closer < toks.length ? toks[closer]!.end : text.length);

  /** Tokens directly inside the block opened at `i` (nested blocks skipped). */
  const inside = (i: number): Token[] => {
    const out: Token[] = [];
    for (let j = i + 1; j < close[i]! && j < toks.length; j++) {
      out.push(toks[j]!);
      if (OPENERS.has(toks[j]!.type)) j = close[j]!;
    }
    return out;
  };
  const nextSignificant = (j: number): number => {
    while (j < toks.length && (toks[j]!.type === WhiteSpace || toks[j]!.type === Comment)) j++;
    return j;
  };
  /** Whether the url()/src()/image-set() opened at `i` names a remote address. */
  const namesRemote = (i: number, name: string): boolean => {
    const args = inside(i);
    const strings = args.filter((t) => t.type === StringToken).map((t) => cssString.decode(raw(t)));
    if (strings.some(isRemoteRef)) return true;
    if (!URL_FUNCTIONS.has(name) || strings.length > 0) return false;
    return isRemoteRef(ident.decode(args.map(raw).join('')));
  };
  /** The last token of the at-rule starting at `i`: its `;`, the end of its block, or before the `}` it sits in. */
  const atRuleEnd = (i: number): number => {
    for (let j = i + 1; j < toks.length; j++) {
      const type = toks[j]!.type;
      if (type === Semicolon) return j;
      if (type === RightCurlyBracket) return j - 1;
      if (type === LeftCurlyBracket) return Math.min(close[j]!, toks.length - 1);
      if (OPENERS.has(type)) j = close[j]!;
    }
    return toks.length - 1;
  };
  /** What `@import` at `i` loads, when it names it plainly: the string, url() or url("…"). */
  const importTarget = (i: number): string | undefined => {
    const j = nextSignificant(i + 1);
    const t = toks[j];
    if (!t) return undefined;
    if (t.type === StringToken) return cssString.decode(raw(t));
    if (t.type === Url) return cssUrl.decode(raw(t));
    if (t.type === FunctionToken && raw(t).toLowerCase() === 'url(') {
      const s = inside(j).filter((a) => a.type === StringToken);
      return s.length === 1 ? cssString.decode(raw(s[0]!)) : undefined;
    }
    return undefined;
  };
  /**
   * `@namespace [prefix] url(…);` names a namespace, never a file to fetch: the token after which
   * to go on, so its url() is kept (a sheet without its namespace would style other elements).
   */
  const namespaceEnd = (i: number): number | undefined => {
    let j = nextSignificant(i + 1);
    if (toks[j]?.type === Ident) j = nextSignificant(j + 1);
    const t = toks[j];
    if (!t) return undefined;
    if (t.type === FunctionToken) {
      if (raw(t).toLowerCase() !== 'url(' || inside(j).filter((a) => a.type !== WhiteSpace && a.type !== Comment).some((a) => a.type !== StringToken)) return undefined;
      j = close[j]!;
    } else if (t.type !== Url && t.type !== StringToken) {
      return undefined;
    }
    const end = nextSignificant(j + 1);
    return toks[end]?.type === Semicolon ? end + 1 : undefined;
  };

  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.type === Url || t.type === BadUrl) {
      // A broken url() is dropped by the browser too; what it would have been is not guessed at.
      if (t.type === BadUrl || isRemoteRef(cssUrl.decode(raw(t)))) edits.push({ start: t.start, end: t.end, text: 'none' });
      i++;
      continue;
    }
    if (t.type === FunctionToken) {
      const written = raw(t).slice(0, -1);
      const name = ident.decode(written).toLowerCase();
      if (URL_FUNCTIONS.has(name) || IMAGE_FUNCTIONS.has(name)) {
        const escaped = written.toLowerCase() !== name;
        if (escaped || namesRemote(i, name)) {
          edits.push({ start: t.start, end: spanEnd(close[i]!), text: 'none' });
          i = close[i]! + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if (t.type === AtKeyword) {
      const written = raw(t).slice(1);
      const name = ident.decode(written).toLowerCase();
      const escaped = written.toLowerCase() !== name;
      if (name === 'import') {
        const target = importTarget(i);
        if (escaped || target === undefined || !isBookRef(target)) {
          const end = atRuleEnd(i);
          edits.push({ start: t.start, end: spanEnd(end), text: ' ' });
          i = end + 1;
          continue;
        }
      } else if (name === 'namespace' && !escaped) {
        const after = namespaceEnd(i);
        if (after !== undefined) {
          i = after;
          continue;
        }
      }
    }
    i++;
  }
  return applyEdits(text, edits);
}

/** For every opening token, the index of the token that closes it (the token count if none does). */
function matchBlocks(toks: Token[]): number[] {
  const close = new Array<number>(toks.length).fill(toks.length);
  const open: number[] = [];
  toks.forEach((t, i) => {
    if (OPENERS.has(t.type)) {
      open.push(i);
      return;
    }
    // A closer that does not match the innermost open block is an ordinary token (CSS Syntax §5.4.8).
    const top = open.at(-1);
    if (top !== undefined && OPENERS.get(toks[top]!.type) === t.type) {
      close[top] = i;
      open.pop();
    }
  });
  return close;
}

function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    // `none` must not run into a name after it.
    if (e.text === 'none' && /^[\w\-\\(\u0080-\uffff]/.test(text.slice(e.end, e.end + 1))) out += ' ';
    at = e.end;
  }
  return out + text.slice(at);
}
