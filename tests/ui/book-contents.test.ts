// @vitest-environment jsdom
// Issue 14: the book reader's table of contents against its reading order, on its own. The header
// of the reader names the chapter on screen, and a search result inside the book names the chapter
// it is in: in a book of one file with #chapters (as The Waste Land is) that is the last chapter
// whose heading comes before the place; in a section with no entry of its own, the chapter before.
import { describe, expect, it } from 'vitest';
import { BookContents, type NavItem, type SpineSection } from '../../renderer/src/readers/book/book-contents';

// As epub.js has them: the spine's url is the address the back end serves, href as the package says.
const BASE = 'http://127.0.0.1:1/t/x/books/poem.epub/.in/';
const spine: SpineSection[] = [
  { index: 0, url: `${BASE}OEBPS/cover.xhtml`, canonical: `${BASE}OEBPS/cover.xhtml`, href: 'cover.xhtml' },
  { index: 1, url: `${BASE}OEBPS/text/poem.xhtml`, canonical: `${BASE}OEBPS/text/poem.xhtml`, href: 'text/poem.xhtml' },
  { index: 2, url: `${BASE}OEBPS/text/notes%20%EC%A3%BC.xhtml`, canonical: `${BASE}OEBPS/text/notes%20%EC%A3%BC.xhtml`, href: 'text/notes 주.xhtml' },
  { index: 3, url: `${BASE}OEBPS/text/colophon.xhtml`, href: 'text/colophon.xhtml' },
];
const nav: NavItem[] = [
  { label: '  I. 죽은 자의 매장  ', href: 'text/poem.xhtml#part1' },
  { label: 'II. A Game of Chess', href: 'text/poem.xhtml#part2', subitems: [{ label: '', href: 'text/poem.xhtml#part2b' }] },
  { label: 'III. 불의 설교', href: 'text/poem.xhtml#part3' },
  { label: '주석 Notes', href: 'text/notes%20%EC%A3%BC.xhtml' },
];

function poem(): Document {
  const doc = new DOMParser().parseFromString(
    `<html xmlns="http://www.w3.org/1999/xhtml"><body>
      <p id="before">제사(題詞)</p>
      <h2 id="part1">I</h2><p id="p1">사월은 가장 잔인한 달</p>
      <h2 id="part2">II</h2><p id="p2">The Chair she sat in</p>
      <h3 id="part2b">II b</h3><p id="p2b">HURRY UP PLEASE</p>
      <h2 id="part3">III</h2><p id="p3">강의 천막은 찢어지고</p>
    </body></html>`,
    'application/xhtml+xml',
  );
  return doc;
}

describe('the contents entry a place falls under', () => {
  const contents = new BookContents(nav, spine);

  it('lists the entries as the book names them, trimmed, an unnamed one by its address', () => {
    expect(contents.toc().map((e) => e.label)).toEqual(['I. 죽은 자의 매장', 'II. A Game of Chess', 'III. 불의 설교', '주석 Notes']);
    expect(contents.toc()[1]!.children[0]!.label).toBe('text/poem.xhtml#part2b');
  });

  it('in a book of one file with #chapters, names the last chapter whose heading comes before the place', () => {
    const doc = poem();
    const at = (id: string) => doc.getElementById(id)!;
    expect(contents.entryAt(1, doc, at('p1'))?.label).toBe('I. 죽은 자의 매장');
    expect(contents.entryAt(1, doc, at('p2'))?.label).toBe('II. A Game of Chess');
    expect(contents.entryAt(1, doc, at('p2b'))?.href).toBe('text/poem.xhtml#part2b');
    expect(contents.entryAt(1, doc, at('p3'))?.label).toBe('III. 불의 설교');
    // Before the first heading: the first entry of the section.
    expect(contents.entryAt(1, doc, at('before'))?.label).toBe('I. 죽은 자의 매장');
    // A range (the end of a page) counts as its start point.
    const range = doc.createRange();
    range.setStart(at('p3').firstChild!, 2);
    expect(contents.entryAt(1, doc, range)?.label).toBe('III. 불의 설교');
  });

  it('finds an entry whose address is percent-encoded and Korean, and names the chapter before for a section without one', () => {
    expect(contents.entryAt(2, undefined, undefined)?.label).toBe('주석 Notes');
    expect(contents.entryAt(3, undefined, undefined)).toBeUndefined();
    expect(contents.entryBefore(3)?.label).toBe('주석 Notes');
    expect(contents.entryBefore(0)).toBeUndefined();
  });

  it('finds the section a search hit names, however the path is written', () => {
    expect(contents.sectionIndexOf('OEBPS/text/poem.xhtml')).toBe(1);
    expect(contents.sectionIndexOf('OEBPS/text/notes 주.xhtml')).toBe(2);
    expect(contents.sectionIndexOf('/OEBPS/text/notes%20%EC%A3%BC.xhtml#n1')).toBe(2);
    expect(contents.sectionIndexOf('OEBPS/text/missing.xhtml')).toBeUndefined();
  });
});
