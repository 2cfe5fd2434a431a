// A small EPUB 2/3 packer on yazl: mimetype first and stored, then container.xml, the OPF, the
// navigation (EPUB 3 nav document and/or NCX) and the content, with a fixed date on every entry.
import yazl from 'yazl';
import { escapeText, escapeXml } from './util.js';

/** Every zip entry gets this date. Built from local-time fields and written as a DOS timestamp only,
 * so the bytes do not depend on the time zone of the machine running the script. */
const ZIP_DATE = new Date(2024, 0, 1, 12, 0, 0);

export interface EpubItem {
  id: string;
  /** Relative to the OPF's folder ('/'-separated, may contain Korean). */
  href: string;
  mediaType: string;
  data: string | Buffer;
  properties?: string;
  /** Listed in the spine, in item order. */
  spine?: boolean;
}

export interface TocNode {
  label: string;
  href: string;
  children?: TocNode[];
}

export interface EpubSpec {
  version: '2.0' | '3.0';
  identifier: string;
  title: string;
  /** Creator names with a file-as form. */
  creators: Array<{ name: string; fileAs: string }>;
  languages: string[];
  date: string;
  description: string;
  publisher: string;
  rights: string;
  /** The manifest id of the cover image, when there is one. */
  coverId?: string;
  items: EpubItem[];
  toc: TocNode[];
  /** Title of the table of contents page. */
  tocTitle: string;
  /** EPUB 3 only: also ship an NCX for older reading systems. */
  ncx?: boolean;
  /** EPUB 3: where the nav document goes (default nav.xhtml). */
  navHref?: string;
  /** EPUB 3: landmarks for the nav document. */
  landmarks?: Array<{ type: string; label: string; href: string }>;
}

const OPF_DIR = 'OEBPS';

export async function buildEpub(spec: EpubSpec): Promise<Buffer> {
  const items = [...spec.items];
  const epub3 = spec.version === '3.0';
  if (epub3) {
    items.unshift({ id: 'nav', href: spec.navHref ?? 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav', data: navDocument(spec) });
  }
  const withNcx = !epub3 || spec.ncx === true;
  if (withNcx) items.push({ id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml', data: ncxDocument(spec) });

  const zip = new yazl.ZipFile();
  const add = (data: string | Buffer, name: string, compress = true): void => {
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, name, {
      mtime: ZIP_DATE,
      forceDosTimestamp: true,
      mode: 0o100644,
      compress,
    });
  };
  add('application/epub+zip', 'mimetype', false);
  add(containerXml(), 'META-INF/container.xml');
  add(opfDocument(spec, items, withNcx), `${OPF_DIR}/content.opf`);
  for (const item of items) add(item.data, `${OPF_DIR}/${item.href}`, !/^image\/(png|jpeg)$/.test(item.mediaType));
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function containerXml(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="${OPF_DIR}/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;
}

function opfDocument(spec: EpubSpec, items: EpubItem[], withNcx: boolean): string {
  const epub3 = spec.version === '3.0';
  const x = escapeXml;
  const t = escapeText;
  const meta: string[] = [];
  meta.push(`    <dc:identifier id="bookid"${epub3 ? '' : ' opf:scheme="UUID"'}>${t(spec.identifier)}</dc:identifier>`);
  meta.push(`    <dc:title${epub3 ? ' id="title"' : ''}>${t(spec.title)}</dc:title>`);
  spec.creators.forEach((c, i) => {
    if (epub3) {
      meta.push(`    <dc:creator id="creator${i + 1}">${t(c.name)}</dc:creator>`);
      meta.push(`    <meta refines="#creator${i + 1}" property="role" scheme="marc:relators">aut</meta>`);
      meta.push(`    <meta refines="#creator${i + 1}" property="file-as">${t(c.fileAs)}</meta>`);
    } else {
      meta.push(`    <dc:creator opf:role="aut" opf:file-as="${x(c.fileAs)}">${t(c.name)}</dc:creator>`);
    }
  });
  for (const l of spec.languages) meta.push(`    <dc:language>${t(l)}</dc:language>`);
  meta.push(`    <dc:date>${t(spec.date)}</dc:date>`);
  meta.push(`    <dc:publisher>${t(spec.publisher)}</dc:publisher>`);
  meta.push(`    <dc:rights>${t(spec.rights)}</dc:rights>`);
  meta.push(`    <dc:description>${t(spec.description)}</dc:description>`);
  if (epub3) meta.push('    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>');
  if (spec.coverId) meta.push(`    <meta name="cover" content="${x(spec.coverId)}"/>`);

  const manifest = items.map((i) => {
    const props = i.properties ? ` properties="${x(i.properties)}"` : '';
    return `    <item id="${x(i.id)}" href="${x(i.href)}" media-type="${x(i.mediaType)}"${props}/>`;
  });
  const spine = items.filter((i) => i.spine).map((i) => `    <itemref idref="${x(i.id)}"/>`);
  const firstText = items.find((i) => i.spine);
  const guide = !epub3 && firstText ? `\n  <guide>\n    <reference type="text" title="${x(spec.title)}" href="${x(firstText.href)}"/>\n  </guide>` : '';
  const lang = spec.languages[0] ?? 'und';
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${spec.version}" unique-identifier="bookid"${epub3 ? ` xml:lang="${x(lang)}"` : ''}>
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"${epub3 ? '' : ' xmlns:opf="http://www.idpf.org/2007/opf"'}>
${meta.join('\n')}
  </metadata>
  <manifest>
${manifest.join('\n')}
  </manifest>
  <spine${withNcx ? ' toc="ncx"' : ''}>
${spine.join('\n')}
  </spine>${guide}
</package>
`;
}

function navDocument(spec: EpubSpec): string {
  const lang = spec.languages[0] ?? 'und';
  const list = (nodes: TocNode[], pad: string): string => {
    const lis = nodes.map((n) => {
      const link = `<a href="${escapeXml(n.href)}">${escapeText(n.label)}</a>`;
      if (!n.children?.length) return `${pad}  <li>${link}</li>`;
      return `${pad}  <li>${link}
${list(n.children, `${pad}    `)}
${pad}  </li>`;
    });
    return `${pad}<ol>\n${lis.join('\n')}\n${pad}</ol>`;
  };
  const landmarks = spec.landmarks?.length
    ? `\n    <nav epub:type="landmarks" id="landmarks" hidden="">\n      <ol>\n${spec.landmarks
        .map((l) => `        <li><a epub:type="${escapeXml(l.type)}" href="${escapeXml(l.href)}">${escapeText(l.label)}</a></li>`)
        .join('\n')}\n      </ol>\n    </nav>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
  <head>
    <meta charset="UTF-8"/>
    <title>${escapeText(spec.tocTitle)}</title>
  </head>
  <body>
    <nav epub:type="toc" id="toc">
      <h1>${escapeText(spec.tocTitle)}</h1>
${list(spec.toc, '      ')}
    </nav>${landmarks}
  </body>
</html>
`;
}

function ncxDocument(spec: EpubSpec): string {
  let order = 0;
  const depthOf = (nodes: TocNode[]): number => Math.max(0, ...nodes.map((n) => 1 + depthOf(n.children ?? [])));
  const points = (nodes: TocNode[], depth: number): string =>
    nodes
      .map((n) => {
        const own = ++order;
        const pad = '  '.repeat(depth + 2);
        const kids = n.children?.length ? `\n${points(n.children, depth + 1)}` : '';
        return `${pad}<navPoint id="navpoint-${own}" playOrder="${own}">\n${pad}  <navLabel><text>${escapeText(n.label)}</text></navLabel>\n${pad}  <content src="${escapeXml(n.href)}"/>${kids}\n${pad}</navPoint>`;
      })
      .join('\n');
  const lang = spec.languages[0] ?? 'und';
  // EPUB 2 NCX files carry the DTD; EPUB 3 forbids external identifiers, so its NCX has none.
  const doctype = spec.version === '2.0' ? '\n<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>${doctype}
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${lang}">
  <head>
    <meta name="dtb:uid" content="${escapeXml(spec.identifier)}"/>
    <meta name="dtb:depth" content="${depthOf(spec.toc)}"/>
    <meta name="dtb:totalPageCount" content="0"/>
    <meta name="dtb:maxPageNumber" content="0"/>
  </head>
  <docTitle><text>${escapeText(spec.title)}</text></docTitle>
${spec.creators.map((c) => `  <docAuthor><text>${escapeText(c.name)}</text></docAuthor>`).join('\n')}
  <navMap>
${points(spec.toc, 0)}
  </navMap>
</ncx>
`;
}

/** An EPUB 3 XHTML content document. */
export function xhtml3(lang: string, title: string, body: string, css = 'style.css'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
  <head>
    <meta charset="UTF-8"/>
    <title>${escapeText(title)}</title>
    <link rel="stylesheet" type="text/css" href="${escapeXml(css)}"/>
  </head>
  <body>
${body}
  </body>
</html>
`;
}

/** An EPUB 2 (XHTML 1.1) content document. */
export function xhtml2(lang: string, title: string, body: string, css = 'style.css'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="${lang}">
  <head>
    <meta http-equiv="Content-Type" content="application/xhtml+xml; charset=utf-8"/>
    <title>${escapeText(title)}</title>
    <link rel="stylesheet" type="text/css" href="${escapeXml(css)}"/>
  </head>
  <body>
${body}
  </body>
</html>
`;
}
