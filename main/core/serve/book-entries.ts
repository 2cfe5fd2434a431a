// The one way a book reaches the reader: entry by entry, read through the same bounded zip reader
// as the scan, after the same checks (openBookPackage: a package, and every file it lists within
// the limits). The reader's epub.js opens the book as an unpacked folder at
//   books/<book path>/.in/              (META-INF/container.xml, the package, sections, pictures…)
// and first asks books/<book path>/.list for its entries (which sections exist), where a book the
// scan would refuse answers 422 with the reason in Korean and English. `.in` and `.list` start with a
// dot, which no library path can (the path guard refuses such names), so the split is never in
// doubt. Nothing of a book is ever inflated whole in the page.
import { promises as fs } from 'node:fs';
import { resolveSegments, segmentsOfUrlPath } from './guard.js';
import { libraryContentType, LIBRARY_FILE_CSP } from './content-type.js';
import type { ServeRequest, ServeResponse } from './index.js';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipReader } from '../extract/epub/zip.js';
import { openBookPackage } from '../extract/epub/index.js';
import { describeFailure, isExtractError } from '../errors.js';

/** Open books kept, so turning pages does not open the zip again. */
const OPEN_BOOKS = 4;

interface OpenBook {
  key: string;
  zip: ZipReader;
}

type Opened = { ok: true; book: OpenBook } | { ok: false; response: ServeResponse };

export class BookEntries {
  private readonly open = new Map<string, Promise<Opened>>();

  constructor(
    private readonly libraryRoot: string,
    /** Changes CSS on its way out (remote references dropped); identity when not given. */
    private readonly cleanCss: (css: string) => string = (css) => css,
  ) {}

  /** Answers a request below books/ (the path still percent-encoded, as the request carried it). */
  async serve(urlPath: string, req: ServeRequest): Promise<ServeResponse> {
    const method = req.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    const p = urlPath.split(/[?#]/)[0]!;
    const marker = p.match(/\/\.(in|list)(?:\/|$)/);
    if (!marker || marker.index === undefined) return plain(404, 'Not Found');
    const segments = segmentsOfUrlPath(p.slice(0, marker.index));
    if (!segments || !/\.epub$/i.test(segments.at(-1) ?? '')) return plain(404, 'Not Found');
    const opened = await this.book(segments);
    if (!opened.ok) return opened.response;
    const zip = opened.book.zip;
    if (marker[1] === 'list') return json(200, { entries: zip.names });
    const entry = entryName(p.slice(marker.index + marker[0].length));
    const name = entry === undefined ? undefined : zip.find(entry);
    if (name === undefined) return plain(404, 'Not Found');
    let bytes: Uint8Array;
    try {
      bytes = await zip.read(name);
    } catch (e) {
      // An entry over the limits or damaged costs that entry only; the reader shows its note.
      return failure(e, name);
    }
    const type = libraryContentType(name);
    if (type.startsWith('text/css')) bytes = new TextEncoder().encode(this.cleanCss(new TextDecoder('utf-8', { fatal: false }).decode(bytes)));
    return {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Length': String(bytes.length),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': LIBRARY_FILE_CSP,
      },
      ...(method === 'HEAD' ? {} : { body: bytes }),
    };
  }

  private async book(segments: string[]): Promise<Opened> {
    const resolved = await resolveSegments(this.libraryRoot, segments);
    if (!resolved.ok) return { ok: false, response: plain(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not Found') };
    let st;
    try {
      st = await fs.stat(resolved.absPath);
    } catch {
      return { ok: false, response: plain(404, 'Not Found') };
    }
    // The same file as opened before (a book replaced on the drive is opened anew).
    const key = `${resolved.absPath}\u0000${st.size}\u0000${st.mtimeMs}`;
    let p = this.open.get(key);
    if (!p) {
      p = this.openBook(key, resolved.absPath, resolved.relPath);
      this.open.set(key, p);
      while (this.open.size > OPEN_BOOKS) {
        const [oldest, q] = this.open.entries().next().value as [string, Promise<Opened>];
        this.open.delete(oldest);
        void q.then((o) => o.ok && o.book.zip.close());
      }
    } else {
      this.open.delete(key);
      this.open.set(key, p);
    }
    const opened = await p;
    // A book that could not be opened is asked again next time (the drive may have been busy).
    if (!opened.ok) this.open.delete(key);
    return opened;
  }

  private async openBook(key: string, absPath: string, relPath: string): Promise<Opened> {
    let zip: ZipReader | undefined;
    try {
      // One book read page by page for hours must not run out of "total bytes": each entry is still
      // bounded, and openBookPackage bounds what the book can list in all.
      zip = await openZip({ path: absPath }, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: Number.MAX_SAFE_INTEGER });
      await openBookPackage(zip);
      return { ok: true, book: { key, zip } };
    } catch (e) {
      zip?.close();
      return { ok: false, response: failure(e, relPath) };
    }
  }

  close(): void {
    for (const p of this.open.values()) void p.then((o) => o.ok && o.book.zip.close());
    this.open.clear();
  }
}

/** The entry's name inside the zip, from the URL: decoded segments, nothing that climbs. */
function entryName(raw: string): string | undefined {
  if (raw === '' || raw.includes('\\') || raw.includes('\u0000')) return undefined;
  const parts: string[] = [];
  for (const s of raw.split('/')) {
    let d: string;
    try {
      d = decodeURIComponent(s);
    } catch {
      return undefined;
    }
    if (d === '' || d === '.' || d === '..' || d.includes('/') || d.includes('\\') || d.includes('\u0000')) return undefined;
    parts.push(d);
  }
  return parts.join('/').normalize('NFC');
}

/** A book or an entry refused: 422 with the reason, as the scan states it, in Korean and English. */
function failure(e: unknown, path: string): ServeResponse {
  const code = isExtractError(e) ? e.code : 'unreadable';
  const detail = isExtractError(e) ? e.detail : e instanceof Error ? e.message : String(e);
  const { ko, en } = describeFailure(path, code, detail);
  return json(422, { error: { code, ko, en } });
}

function json(status: number, value: unknown): ServeResponse {
  const body = new TextEncoder().encode(JSON.stringify(value));
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }, body };
}

function plain(status: number, text: string, extra: Record<string, string> = {}): ServeResponse {
  const body = new TextEncoder().encode(`${text}\n`);
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...extra }, body };
}
