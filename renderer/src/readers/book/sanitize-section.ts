// What a book may not do inside the reader: run code or reach the network. epub.js renders
// sections in an iframe sandboxed without scripts (allowScriptedContent stays off); on top of that
// every section document is cleaned here before it is shown or searched, and every CSS text goes
// through cleanCss (main/text/clean-css.ts). Elements are kept in place (attributes go,
// content empties) so CFIs computed on the cleaned document match the rendered one.
//
// The cleaning is decided by what the frame will make of the document, not by what it is here.
// epub.js parses a section as XML, this module cleans that document, then epub.js writes it out and
// gives the text to the frame as HTML (srcdoc). The HTML parser folds names to lower case (`SRC` is
// `src`, `IFRAME` an iframe), forgets namespaces (an <iframe> in any namespace is a frame; `xlink:`
// is XLink whatever the prefix was bound to; an <img> inside <svg> breaks out into HTML), and ends
// comments, processing instructions and CDATA sections elsewhere than XML does (`<!-->` is a whole
// comment). So names are compared in lower case without their prefix, whatever their namespace,
// comments and processing instructions are emptied, and CDATA becomes plain text.
//
// Why not DOMPurify (the article reader's): it removes what it refuses — moving children up or
// dropping subtrees — which shifts every CFI after it, and it judges names as this document has
// them, case and namespace included, rather than as the frame's HTML parser will read them. The
// walk below is an allowlist of its own: known XHTML, SVG and MathML elements keep their local
// references; anything else loses every URL it carries; handlers go everywhere.
import { cleanCss, isRemoteRef } from '../../../../main/text/clean-css';
import { REMOTE_ALT_ATTR, REMOTE_NOTE_CLASS } from '../common/dom-text';

export { isRemoteRef };

const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const MATHML = 'http://www.w3.org/1998/Math/MathML';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Elements a book may use, by namespace (lower case): they keep their references to the book's own files. */
const KNOWN: Record<string, Set<string>> = {
  [XHTML]: words(`a abbr acronym address area article aside audio b bdi bdo big blockquote body br button canvas caption center cite code col
    colgroup data datalist dd del details dfn dialog dir div dl dt em fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head
    header hgroup hr html i img input ins kbd label legend li link main map mark menu meta meter nav nobr noscript ol optgroup option
    output p picture pre progress q rb rp rt rtc ruby s samp search section select small source span strike strong style sub summary
    sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr base script`),
  [SVG]: words(`a animate animatemotion animatetransform circle clippath defs desc ellipse feblend fecolormatrix fecomponenttransfer
    fecomposite feconvolvematrix fediffuselighting fedisplacementmap fedistantlight fedropshadow feflood fefunca fefuncb fefuncg fefuncr
    fegaussianblur feimage femerge femergenode femorphology feoffset fepointlight fespecularlighting fespotlight fetile feturbulence filter
    foreignobject g image line lineargradient marker mask metadata mpath path pattern polygon polyline radialgradient rect set stop style
    svg switch symbol text textpath title tspan use view script`),
  [MATHML]: words(`math maction annotation annotation-xml menclose merror mfenced mfrac mglyph mi mlabeledtr mmultiscripts mn mo mover
    mpadded mphantom mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable mtd mtext mtr munder munderover none semantics`),
};

/** Elements that load a whole document of their own (which nobody would clean): every URL goes. */
const FRAMES = words('iframe frame frameset object embed applet portal fencedframe');
/** Attributes that hold a URL the browser may fetch or follow (local names, lower case). */
const URL_ATTRS = words(`src href poster data background action formaction ping codebase cite longdesc usemap lowsrc dynsrc manifest archive
  classid code profile icon base attributionsrc`);
/** Attributes that go wherever they are: sending, pinging, nested documents, shadow roots. */
const ALWAYS_DROP = words('ping attributionsrc action formaction srcdoc shadowrootmode shadowroot http-equiv');
/** Lists of addresses. */
const SRCSET_ATTRS = words('srcset imagesrcset');
/** SVG animations, which can set an href after the document was cleaned. */
const ANIMATIONS = words('set animate animatemotion animatetransform animatecolor');
const ANIMATION_VALUES = words('from to by values');
/** Attributes that are only text: never read as CSS. */
const TEXT_ATTRS = words('id class alt title lang label placeholder value name content role type');

/** A name as the frame's HTML parser reads it: lower case, without a prefix. */
function bare(name: string): string {
  const lower = name.toLowerCase();
  return lower.slice(lower.lastIndexOf(':') + 1);
}

function isKnown(el: Element, name: string): boolean {
  const ns = el.namespaceURI ?? XHTML;
  return KNOWN[ns]?.has(name) ?? false;
}

function isNamespaceDeclaration(attr: Attr): boolean {
  return attr.namespaceURI === XMLNS || attr.name === 'xmlns' || attr.name.startsWith('xmlns:');
}

/** True when any address in a srcset (or animation values) would leave the book. */
function anyRemote(list: string): boolean {
  return list.split(/[\s,;]+/).some((part) => part !== '' && isRemoteRef(part));
}

/**
 * A section the XML parser gave up on (Chromium stops at 5,000 nested elements, at a bad byte, at an
 * unclosed tag) comes back with a `<parsererror>` in it and only part of its text: Chromium would
 * show its own error page. The body is replaced by a plain note instead. True when it was.
 */
export function replaceBrokenSection(doc: Document, message: string): boolean {
  if (doc.getElementsByTagName('parsererror').length === 0 && doc.getElementsByTagNameNS('*', 'parsererror').length === 0) return false;
  const root = doc.documentElement;
  if (!root) return false;
  const html = root.namespaceURI === XHTML && root.localName === 'html' ? root : null;
  const body = doc.createElementNS(XHTML, 'body');
  const p = doc.createElementNS(XHTML, 'p');
  p.setAttribute('class', 'cm-r-broken');
  p.textContent = message;
  body.appendChild(p);
  if (html) {
    const head = Array.from(html.children).find((c) => c.localName === 'head');
    html.replaceChildren(...(head ? [head] : []), body);
  } else {
    const fresh = doc.createElementNS(XHTML, 'html');
    fresh.appendChild(body);
    doc.replaceChild(fresh, root);
  }
  return true;
}

/** Cleans one section document in place (a spine content hook). */
export function sanitizeSection(doc: Document, remoteImageLabel: string): void {
  const root = doc.documentElement;
  if (!root) return;
  // Every node, template contents included (a declarative shadow root would bring them to life).
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const kept = cleanNode(doc, node, remoteImageLabel);
    if (!kept) continue;
    const content = (kept as Partial<HTMLTemplateElement>).content;
    if (content) stack.push(content);
    for (let c = kept.lastChild; c; c = c.previousSibling) stack.push(c);
  }
}

/** Cleans one node; returns the node whose children are to be cleaned next (none for a replaced one). */
function cleanNode(doc: Document, node: Node, remoteImageLabel: string): Node | null {
  switch (node.nodeType) {
    case Node.ELEMENT_NODE:
      return cleanElement(doc, node as Element, remoteImageLabel);
    case Node.COMMENT_NODE:
    case Node.PROCESSING_INSTRUCTION_NODE:
      // Emptied, not removed: XML ends them where HTML does not (`<!-->`, `<?x > …`).
      (node as CharacterData).data = '';
      return null;
    case Node.CDATA_SECTION_NODE: {
      // HTML reads `<![CDATA[` as a comment ending at the first `>`: the same words as plain text.
      const parent = node.parentNode;
      parent?.replaceChild(doc.createTextNode((node as CDATASection).data), node);
      parent?.normalize();
      return null;
    }
    default:
      return node;
  }
}

function cleanElement(doc: Document, el: Element, remoteImageLabel: string): Node | null {
  const name = bare(el.localName);
  const known = isKnown(el, name);
  const frame = FRAMES.has(name);

  if (name === 'img' && Array.from(el.attributes).some((a) => bare(a.name) === 'src' && isRemoteRef(a.value))) {
    // A remote picture: a note in its place (one element for one, so CFIs stay as they were).
    // The picture's alt text stays with the note, so the reader finds the words the index has.
    const span = doc.createElementNS(XHTML, 'span');
    span.setAttribute('class', REMOTE_NOTE_CLASS);
    const alt = Array.from(el.attributes).find((a) => bare(a.name) === 'alt')?.value;
    if (alt) span.setAttribute(REMOTE_ALT_ATTR, alt);
    span.textContent = remoteImageLabel;
    el.parentNode?.replaceChild(span, el);
    return null;
  }

  const attrs = Array.from(el.attributes);
  const animatesUrl = ANIMATIONS.has(name) && attrs.some((a) => bare(a.name) === 'attributename' && URL_ATTRS.has(bare(a.value)));
  const refreshes = name === 'meta' && attrs.some((a) => bare(a.name) === 'http-equiv');
  for (const attr of attrs) {
    if (isNamespaceDeclaration(attr)) continue;
    const a = bare(attr.name);
    const value = attr.value;
    let drop = a.startsWith('on') || ALWAYS_DROP.has(a);
    if (!drop && URL_ATTRS.has(a)) drop = frame || !known || name === 'base' || isRemoteRef(value) || (name === 'link' && /^\s*data:/i.test(value));
    if (!drop && SRCSET_ATTRS.has(a)) drop = anyRemote(value);
    if (!drop && animatesUrl && ANIMATION_VALUES.has(a)) drop = anyRemote(value);
    if (!drop && (name === 'base' || name === 'a' || name === 'area') && a === 'target') drop = true;
    if (!drop && refreshes && a === 'content') drop = true;
    if (drop) {
      el.removeAttributeNode(attr);
      continue;
    }
    // style="", and SVG's presentation attributes (fill="url(…)"), are CSS.
    if (a === 'style' || (!TEXT_ATTRS.has(a) && !a.startsWith('aria-') && !a.startsWith('data-') && /[(\\]/.test(value))) {
      const cleaned = cleanCss(value);
      if (cleaned !== value) attr.value = cleaned;
    }
  }

  if (name === 'script') {
    el.textContent = '';
    return null;
  }
  if (name === 'style') {
    cleanStyleElement(doc, el);
    return null;
  }
  return el;
}

/**
 * A <style>'s text as the frame's HTML parser will read it: its one text node as written out
 * (`&`, `<`, `>` escaped). Comments or elements inside would be part of that text, and are not part
 * of textContent, so the element gets exactly one text node: the cleaned CSS, kept only if it is
 * still clean once written out.
 */
function cleanStyleElement(doc: Document, el: Element): void {
  const css = cleanCss(el.textContent ?? '');
  const written = css.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = cleanCss(written) === written ? css : '';
  if (el.childNodes.length === 1 && el.firstChild?.nodeType === Node.TEXT_NODE && el.firstChild.nodeValue === text) return;
  el.replaceChildren(doc.createTextNode(text));
}
