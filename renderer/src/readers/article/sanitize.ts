// An article's HTML made safe to put in the page. Nothing in it may run or reach the network:
// no script, handlers, frames, forms, objects, SVG/MathML, styles or remote resources; links
// outside the article are text. Local images are rewritten to the drive's file URLs.
//
// Two passes. First, on an inert DOMParser document: drop what the search index drops (navigation,
// hidden elements…) and give id-less headings the `h-<n>` ids the indexer counted
// (main/core/extract/html-text.ts), so a hit's anchor resolves; then turn every reference into
// either a file URL we made or a placeholder. Second, DOMPurify, with a hook that refuses every URL
// the first pass did not make.
import createDOMPurify from 'dompurify';
import { isInlineImage, isRemote, resolveLocal } from './paths';
import { DROPPED_ELEMENTS, FOREIGN_ROOTS, isHiddenElement, readDocument } from '../../../../main/text/readable';
import { DOM_TREE, REMOTE_ALT_ATTR, REMOTE_NOTE_CLASS } from '../common/dom-text';

/** Element ids from the article are prefixed, so they can never shadow the app's own globals. */
export const ID_PREFIX = 'cm-a-';

export interface SanitizeOptions {
  /** The article's library path: relative references are resolved against its folder. */
  articlePath: string;
  fileUrl: (path: string) => string;
  labels: {
    remoteImage: string;
    remoteMedia: string;
    missingImage: string;
    externalLink: (url: string) => string;
    localLink: string;
  };
}

// What the indexer drops (main/text/readable.ts), minus audio/video, which are shown when local;
// SVG and MathML go too, and articles are indexed without them (`foreign: false`).
const DROPPED = new Set([...[...DROPPED_ELEMENTS].filter((name) => name !== 'audio' && name !== 'video'), ...FOREIGN_ROOTS]);

const FORBID_TAGS = [
  ...DROPPED, 'option', 'optgroup', 'datalist', 'output', 'area', 'portal', 'fencedframe', 'track',
  'slot', 'title', 'head', 'param', 'source', 'picture',
];

// Attributes that hold a URL somewhere in HTML. Only src/poster we made and in-page href survive.
const URL_ATTRS = new Set([
  'src', 'href', 'poster', 'srcset', 'background', 'action', 'formaction', 'cite', 'longdesc',
  'usemap', 'ping', 'lowsrc', 'dynsrc', 'data', 'codebase', 'manifest', 'xlink:href', 'itemtype',
  'itemid', 'profile', 'archive', 'classid', 'icon',
]);

const ID_REFS = ['for', 'headers', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns'];

/** Pass 1a: number the headings exactly as the indexer did, then drop what the index drops. */
function dropAndNumber(body: HTMLElement): void {
  for (const section of readDocument<Node>([body], DOM_TREE, { foreign: false }).sections) {
    const heading = section.node as Element | undefined;
    if (heading && !heading.getAttribute('id')) heading.setAttribute('id', section.anchor);
  }
  const walk = (parent: Element) => {
    for (const el of Array.from(parent.children)) {
      const name = el.localName;
      if (DROPPED.has(name) || isHiddenElement(name, (a) => el.getAttribute(a))) {
        el.remove();
        continue;
      }
      walk(el);
    }
  };
  walk(body);
}

function placeholder(doc: Document, text: string, alt: string | null): HTMLElement {
  const span = doc.createElement('span');
  span.className = REMOTE_NOTE_CLASS;
  span.setAttribute('role', 'img');
  // The picture's alt text, which the indexer read as the picture's words (common/dom-text.ts).
  if (alt) span.setAttribute(REMOTE_ALT_ATTR, alt);
  const label = alt ? `${text}: ${alt}` : text;
  span.setAttribute('aria-label', label);
  span.textContent = alt ? `${text} (${alt})` : text;
  return span;
}

function firstSrcsetUrl(srcset: string | null): string | null {
  if (!srcset) return null;
  const first = srcset.trim().split(/\s*,\s*/)[0];
  return first ? (first.split(/\s+/)[0] ?? null) : null;
}

/** Pass 1b: every reference becomes a URL we made, an in-page anchor, a placeholder, or nothing. */
function rewriteReferences(body: HTMLElement, o: SanitizeOptions, allowed: Set<string>): void {
  const doc = body.ownerDocument;
  const localUrl = (ref: string | null): string | null => {
    if (ref === null) return null;
    const path = resolveLocal(o.articlePath, ref);
    if (path === null) return null;
    const url = o.fileUrl(path);
    allowed.add(url);
    return url;
  };

  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (!el.isConnected) continue;
    const name = el.localName;

    // ids are prefixed (and `<a name>` becomes an id) so `#anchor` links and hit anchors still
    // resolve while nothing can shadow a global such as window.someName.
    const id = el.getAttribute('id') || (name === 'a' ? el.getAttribute('name') : null);
    if (id) el.setAttribute('id', ID_PREFIX + id);
    else el.removeAttribute('id');
    el.removeAttribute('name');
    for (const attr of ID_REFS) {
      const v = el.getAttribute(attr);
      if (v) el.setAttribute(attr, v.trim().split(/\s+/).map((x) => ID_PREFIX + x).join(' '));
    }
    el.removeAttribute('class');
    el.removeAttribute('style');
    for (const a of Array.from(el.attributes)) {
      if (a.name.startsWith('on') || a.name.startsWith('data-')) el.removeAttribute(a.name);
    }

    if (name === 'img') {
      const src = el.getAttribute('src') ?? firstSrcsetUrl(el.getAttribute('srcset'));
      const alt = el.getAttribute('alt');
      el.removeAttribute('srcset');
      el.removeAttribute('sizes');
      if (src !== null && isInlineImage(src)) continue;
      if (src === null || isRemote(src)) {
        el.replaceWith(placeholder(doc, o.labels.remoteImage, alt));
        continue;
      }
      const url = localUrl(src);
      if (url === null) el.replaceWith(placeholder(doc, o.labels.missingImage, alt));
      else el.setAttribute('src', url);
      continue;
    }

    if (name === 'video' || name === 'audio') {
      let url = localUrl(el.getAttribute('src'));
      if (url === null) {
        for (const s of Array.from(el.querySelectorAll('source'))) {
          url ??= localUrl(s.getAttribute('src'));
        }
      }
      for (const child of Array.from(el.querySelectorAll('source, track'))) child.remove();
      if (url === null) {
        el.replaceWith(placeholder(doc, o.labels.remoteMedia, el.getAttribute('title')));
        continue;
      }
      el.setAttribute('src', url);
      const poster = name === 'video' ? localUrl(el.getAttribute('poster')) : null;
      if (poster !== null) el.setAttribute('poster', poster);
      else el.removeAttribute('poster');
      el.setAttribute('controls', '');
      el.setAttribute('preload', 'metadata');
      el.removeAttribute('autoplay');
      continue;
    }

    if (name === 'a') {
      const href = el.getAttribute('href');
      if (href === null || href.trim().startsWith('#')) {
        for (const a of ['target', 'ping', 'rel', 'download']) el.removeAttribute(a);
        continue;
      }
      // Not navigable: the words stay, the link becomes text with the address in its tooltip.
      const span = doc.createElement('span');
      const remote = isRemote(href);
      span.className = remote ? 'cm-r-extlink' : 'cm-r-locallink';
      const shown = /^\s*javascript:/i.test(href) ? '' : href.trim().slice(0, 300);
      span.setAttribute('title', remote ? o.labels.externalLink(shown) : o.labels.localLink);
      while (el.firstChild) span.appendChild(el.firstChild);
      el.replaceWith(span);
      continue;
    }
  }
}

// Event handler attributes renamed inside tags before any parsing. Not the defence (DOMPurify and
// the page's CSP are): Chromium checks every inline handler it parses, even in an inert DOMParser
// document, against the page's CSP and logs a violation for each, which reads like an attack
// that ran. A handler this misses (a '>' inside an earlier attribute value) is still dropped below.
const TAG = /<[a-zA-Z][^<>]*>/g;
const HANDLER = /([\s/"'])on([a-z]+\s*=)/gi;

function renameHandlers(html: string): string {
  return html.replace(TAG, (tag) => tag.replace(HANDLER, '$1data-cm-dropped-on$2'));
}

/** Safe, detached article content ready to be appended to the page. */
export function sanitizeArticle(html: string, options: SanitizeOptions): DocumentFragment {
  const doc = new DOMParser().parseFromString(renameHandlers(html), 'text/html');
  dropAndNumber(doc.body);
  const allowed = new Set<string>();
  rewriteReferences(doc.body, options, allowed);

  const purify = createDOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const attr = data.attrName.toLowerCase();
    if (attr.startsWith('on')) {
      data.keepAttr = false;
      return;
    }
    if (!URL_ATTRS.has(attr)) return;
    const value = data.attrValue.trim();
    const tag = node.nodeName.toLowerCase();
    const ok =
      (attr === 'href' && tag === 'a' && value.startsWith('#')) ||
      ((attr === 'src' || attr === 'poster') && allowed.has(value)) ||
      (attr === 'src' && tag === 'img' && isInlineImage(value));
    if (ok) data.forceKeepAttr = true;
    else data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    // The sanitised content is imported into the live page; belt and braces for anything loading.
    if (node instanceof Element) {
      for (const a of Array.from(node.attributes)) {
        if (a.name.startsWith('on')) node.removeAttribute(a.name);
      }
    }
  });
  return purify.sanitize(doc.body.innerHTML, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcset', 'sizes', 'ping', 'action', 'formaction', 'background', 'target', 'download', 'autoplay', 'autofocus', 'is', 'nonce', 'slot', 'contenteditable'],
    ALLOW_DATA_ATTR: false,
    // Ours: a picture's alt text on the note shown in its place (common/dom-text.ts).
    ADD_ATTR: [REMOTE_ALT_ATTR],
    ALLOW_UNKNOWN_PROTOCOLS: false,
    RETURN_DOM_FRAGMENT: true,
  });
}
