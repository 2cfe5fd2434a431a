// Small helpers for the package's XML (OPF, container, NCX, nav). Books are matched on local names,
// so `dc:title`, `opf:package` and a default-namespace `package` all read the same.
import { isTag, type AnyNode, type Document, type Element } from 'domhandler';
import { findAll, textContent } from 'domutils';
import { parseBoundedDocument } from '../parse-document.js';

export function parseXml(markup: string, xml = true): Document {
  return parseBoundedDocument(markup, {
    xmlMode: xml,
    decodeEntities: true,
    lowerCaseTags: !xml,
    lowerCaseAttributeNames: !xml,
    recognizeSelfClosing: true,
  });
}

export function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
}

/** All elements below `root` with this local name, in document order. */
export function elements(root: AnyNode | AnyNode[], name: string): Element[] {
  const nodes = Array.isArray(root) ? root : [root];
  return findAll((el) => localName(el.name) === name, nodes);
}

export function first(root: AnyNode | AnyNode[], name: string): Element | undefined {
  return elements(root, name)[0];
}

/** Direct child elements, optionally only those with one of these local names. */
export function children(el: Element, ...names: string[]): Element[] {
  return el.children.filter(
    (c): c is Element => isTag(c) && (names.length === 0 || names.includes(localName(c.name))),
  );
}

/** An attribute by exact name, else by local name under any prefix (`opf:role`, `ops:type`). */
export function attr(el: Element, name: string): string | undefined {
  const exact = el.attribs[name];
  if (exact !== undefined) return exact;
  const wanted = localName(name);
  for (const [key, value] of Object.entries(el.attribs)) {
    if (key.includes(':') && localName(key) === wanted) return value;
  }
  return undefined;
}

/** Text content with white space collapsed to single spaces. */
export function textOf(node: AnyNode | AnyNode[]): string {
  return textContent(node).replace(/\s+/g, ' ').trim();
}

/** Space-separated tokens of an attribute such as `properties` or `epub:type`. */
export function tokens(value: string | undefined): string[] {
  return value === undefined ? [] : value.trim().split(/\s+/).filter((t) => t !== '');
}
