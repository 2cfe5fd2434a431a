// What a book may not do inside the reader: run code or reach the network. epub.js renders
// sections in an iframe sandboxed without scripts (allowScriptedContent stays off); on top of that
// every section document is cleaned before it is shown or searched, and every CSS file of the book
// is stripped of remote references. Elements are kept in place (attributes go, content empties) so
// CFIs computed on the cleaned document match the rendered one.

const XHTML = 'http://www.w3.org/1999/xhtml';
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;

/** True for a reference that would leave the book: any scheme but data:/blob:, or `//host`. */
export function isRemoteRef(value: string): boolean {
  const v = value.trim();
  if (v.startsWith('//') || v.startsWith('\\\\')) return true;
  const m = SCHEME.exec(v);
  if (!m) return false;
  const scheme = m[1]!.toLowerCase();
  return scheme !== 'data' && scheme !== 'blob';
}

/** CSS without remote `@import`s, `url(…)`s or quoted remote addresses. */
export function stripRemoteCss(css: string): string {
  return css
    .replace(/@import\s+(?:url\(\s*)?(['"]?)\s*(?:[a-z][a-z0-9+.-]*:|\/\/)[^;]*;?/gi, (m) => (/\b(?:data|blob):/i.test(m) ? m : ''))
    .replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi, (m, _q: string, ref: string) => (isRemoteRef(ref) ? 'none' : m))
    .replace(/image-set\([^)]*\)/gi, (m) => (/(?:https?:|\/\/)/i.test(m) ? 'none' : m));
}

const URL_ATTRS = ['src', 'href', 'xlink:href', 'poster', 'data', 'background', 'action', 'formaction', 'ping', 'codebase', 'cite', 'longdesc', 'usemap'];

function removeAttr(el: Element, name: string): void {
  if (name === 'xlink:href') el.removeAttributeNS('http://www.w3.org/1999/xlink', 'href');
  el.removeAttribute(name);
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
  const all = Array.from(doc.getElementsByTagName('*'));
  for (const el of all) {
    const name = el.localName.toLowerCase();
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.toLowerCase().startsWith('on')) el.removeAttribute(attr.name);
    }
    if (name === 'script') {
      el.removeAttribute('src');
      el.textContent = '';
      continue;
    }
    if (name === 'base' || (name === 'meta' && el.hasAttribute('http-equiv'))) {
      el.parentNode?.removeChild(el);
      continue;
    }
    if (name === 'style') {
      el.textContent = stripRemoteCss(el.textContent ?? '');
      continue;
    }
    const style = el.getAttribute('style');
    if (style !== null) el.setAttribute('style', stripRemoteCss(style));
    const srcset = el.getAttribute('srcset');
    if (srcset !== null && srcset.split(',').some((c) => isRemoteRef(c.trim().split(/\s+/)[0] ?? ''))) el.removeAttribute('srcset');

    const src = el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    if (name === 'img' && el.namespaceURI === XHTML && src !== null && isRemoteRef(src)) {
      const span = doc.createElementNS(XHTML, 'span');
      span.setAttribute('class', 'cm-r-remote');
      span.textContent = remoteImageLabel;
      el.parentNode?.replaceChild(span, el);
      continue;
    }
    for (const attr of URL_ATTRS) {
      const value = attr === 'xlink:href' ? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href') : el.getAttribute(attr);
      if (value === null) continue;
      if (isRemoteRef(value) || /^\s*javascript:/i.test(value)) removeAttr(el, attr);
    }
    if (name === 'a' && el.hasAttribute('target')) el.removeAttribute('target');
  }
}
