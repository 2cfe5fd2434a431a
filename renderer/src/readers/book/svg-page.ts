// A page of the book that is an SVG document listed in the spine itself (`image/svg+xml`: a picture
// book's or a comic's page, its words in <text>). epub.js only makes documents of XHTML and HTML
// (anything else it hands on as a string, and then fails), so such a page is loaded here and put
// in an XHTML page of its own: its drawing in the body, as SVG inside an XHTML section is. From there
// on it is a section like any other: the same content hook cleans it (sanitize-section.ts: no
// script, no handler, no address out of the book), the frame shows it, and the reader finds the
// indexer's chunks in it by the same text rules (main/text/readable.ts: the words of its <text>,
// not its <title> or <desc>), so a search hit opens on it with the words marked.
//
// The drawing is copied into the page element by element without the prefixes its names had
// (`svg:svg` → `svg`): the frame reads the page as HTML, which knows <svg> but not `svg:svg`, and
// would draw nothing. Scripts (which the frame's sandbox would not run anyway, and which the
// sanitizer would only empty), comments and processing instructions are left behind; a document
// the XML parser gave up on keeps its <parsererror>, so the content hook shows the broken-page note.

const XHTML = 'http://www.w3.org/1999/xhtml';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
/** The namespaces of the elements a page draws with, which the frame's HTML parser knows without a prefix. */
const ELEMENT_NAMESPACES: ReadonlySet<string> = new Set([XHTML, 'http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML']);

/** The media type of an SVG page in the spine. */
export const SVG_PAGE_TYPE = 'image/svg+xml';

/** Class of the body of a page made of an SVG drawing. */
export const SVG_PAGE_CLASS = 'cm-svg-page';

/** The drawing fits the page: never wider than the column, never taller than the frame. */
const PAGE_CSS = `body.${SVG_PAGE_CLASS} { margin: 0; }
body.${SVG_PAGE_CLASS} > svg { display: block; margin: 0 auto; max-width: 100%; max-height: 96vh; }`;

/** True for a spine item's media type that is an SVG page. */
export function isSvgPage(mediaType: string | undefined): boolean {
  return (mediaType ?? '').trim().toLowerCase() === SVG_PAGE_TYPE;
}

/** The XHTML page that shows the SVG document `markup`. */
export function svgPageDocument(markup: string): Document {
  const drawing = new DOMParser().parseFromString(markup, SVG_PAGE_TYPE);
  const doc = document.implementation.createDocument(XHTML, 'html', null);
  const html = doc.documentElement;
  const head = doc.createElementNS(XHTML, 'head');
  const style = doc.createElementNS(XHTML, 'style');
  style.textContent = PAGE_CSS;
  head.append(style);
  const body = doc.createElementNS(XHTML, 'body');
  body.setAttribute('class', SVG_PAGE_CLASS);
  html.append(head, body);
  if (drawing.documentElement) body.append(copyUnprefixed(doc, drawing.documentElement));
  return doc;
}

/** A copy of `root` in `doc`, every element in its namespace without a prefix; text kept, CDATA as text. */
function copyUnprefixed(doc: Document, root: Element): Element {
  const top = copyElement(doc, root);
  // A stack, not recursion: a hostile drawing may nest thousands deep.
  const stack: [Node, Node][] = [[root, top]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    for (let c = from.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === Node.ELEMENT_NODE) {
        if (bare((c as Element).localName) === 'script') continue;
        const copy = copyElement(doc, c as Element);
        to.appendChild(copy);
        stack.push([c, copy]);
      } else if (c.nodeType === Node.TEXT_NODE || c.nodeType === Node.CDATA_SECTION_NODE) {
        to.appendChild(doc.createTextNode((c as CharacterData).data));
      }
    }
  }
  return top;
}

/** A name as the frame's HTML parser reads it: lower case, without a prefix. */
function bare(name: string): string {
  const lower = name.toLowerCase();
  return lower.slice(lower.lastIndexOf(':') + 1);
}

function copyElement(doc: Document, el: Element): Element {
  const copy = doc.createElementNS(el.namespaceURI, el.localName);
  for (const a of Array.from(el.attributes)) {
    // Elements lose their prefixes: the declarations of their namespaces are left for the serializer
    // to write as default namespaces where they change (a prefix still declared would be used
    // again). Others stay, for attributes (`xlink:href` keeps its prefix).
    if (a.name === 'xmlns' || (a.namespaceURI === XMLNS && (!a.name.startsWith('xmlns:') || ELEMENT_NAMESPACES.has(a.value.trim())))) continue;
    try {
      copy.setAttributeNS(a.namespaceURI, a.name, a.value);
    } catch {
      // A name this DOM will not take again is left out.
    }
  }
  return copy;
}

/**
 * Where an SVG page is loaded instead of by epub.js: `request` is epub.js's own (every other file
 * goes to it); `svgUrls` are the addresses (as epub.js asks for them) of the spine's SVG pages.
 */
export function svgPageRequest<R extends (url: string, type?: string | null, ...rest: unknown[]) => Promise<unknown>>(
  request: R,
  svgUrls: () => ReadonlySet<string>,
): (url: string, type?: string | null, ...rest: unknown[]) => Promise<unknown> {
  return async (url, type, ...rest) => {
    if (type || !svgUrls().has(url)) return request(url, type, ...rest);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`changmun: ${url} answered ${res.status}`);
    return svgPageDocument(await res.text());
  };
}
