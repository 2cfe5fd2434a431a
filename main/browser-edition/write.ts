// `changmun build` writes the browser edition (format.ts) from what it has just built: the catalog
// and the search index under .changmun/, the articles, subtitles and covers of the library, and the
// UI bundle (build/page/, made by `npm run build`). Every data script's payload gets the SHA-256 that
// library.js names; the page checks it before use. Index files are read through their seals (a
// byte that is not what the index wrote is never copied into the edition), and nothing is written
// through a link: a folder or file of the edition that is a link is removed first. A file whose bytes
// are already there is left as it is (a rebuild rewrites only what changed on the stick).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ArticleContent } from '../api.js';
import type { LibraryLocation } from '../core/drive/locate.js';
import type { SavedItem } from '../core/catalog/saved.js';
import { readSavedIndex, dataDirOf } from '../core/search/saved-index.js';
import { readSegmentMeta } from '../core/search/store/index-files.js';
import { SealedFile, BlockCache } from '../core/search/store/sealed.js';
import type { Seal } from '../core/search/store/blob.js';
import type { SegmentMeta } from '../core/search/store/segment.js';
import { INDEX_FOLDER } from '../core/search/store/storage.js';
import { toLibraryItem, DEFAULT_APP_NAME } from '../core/library-service.js';
import { resolveLibraryPath } from '../core/serve/guard.js';
import { decodeText } from '../core/extract/encoding.js';
import { articleFormatOf } from '../core/extract/article/index.js';
import { subtitleFormatOf } from '../core/extract/subtitles/index.js';
import { articleHtml, escapeHtml } from '../core/serve/article-html.js';
import { subtitleTracks } from '../core/serve/subtitles.js';
import { readEpubCover } from '../core/serve/cover.js';
import {
  articleScript, BINARY_FRAGMENT_BYTES, dataScript, EDITION_CSP, EDITION_FOLDER, EDITION_FORMAT, EDITION_PAGE, fragmentId, fragmentScript, LIBRARY_ID,
  LIBRARY_SCRIPT, subtitleScript, TEXT_FRAGMENT_BYTES, type EditionIndexFile, type EditionLibrary, type EditionScript,
} from './format.js';

/** The articles the app would open (LibraryService.getArticle reads at most this much). */
const MAX_ARTICLE_BYTES = 32 * 1024 * 1024;

const COVER_EXT: Record<string, string> = {
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/bmp': 'bmp', 'image/svg+xml': 'svg',
};

export interface EditionOptions {
  /** The drive's root: Changmun.html and Changmun-files/ go here, beside library/. */
  driveRoot: string;
  location: LibraryLocation;
  /** The page's UI bundle (changmun.js, changmun.css, fonts/): `npm run build` makes build/page/. */
  uiDir: string;
  onProgress?: (done: number, total: number, current?: string) => void;
}

export interface EditionSummary {
  /** False when it could not be written (`note` says why); what was there before is left. */
  written: boolean;
  note?: string;
  /** Files of the edition (the page and its folder) and their bytes on the drive. */
  files: number;
  bytes: number;
  /** Of which: the UI (script, stylesheet, fonts) and the search index's fragments. */
  uiBytes: number;
  indexBytes: number;
  /** Files written this time (the rest were already there, byte for byte). */
  changed: number;
  articles: number;
  films: number;
  covers: number;
}

export async function writeBrowserEdition(options: EditionOptions): Promise<EditionSummary> {
  const { driveRoot, location, uiDir } = options;
  const progress = options.onProgress ?? (() => {});
  const summary: EditionSummary = { written: false, files: 0, bytes: 0, uiBytes: 0, indexBytes: 0, changed: 0, articles: 0, films: 0, covers: 0 };

  const uiFiles = await listUi(uiDir);
  if (!uiFiles) {
    summary.note = `브라우저판 화면이 없습니다 (npm run build 로 만드세요) / the browser edition's UI is not built (run npm run build): ${uiDir}`;
    return summary;
  }
  const saved = await readSavedIndex(location);
  if (saved.status !== 'ok') {
    summary.note = `색인을 읽을 수 없어 브라우저판을 만들지 않았습니다 / no browser edition: the index cannot be read (${saved.status})`;
    return summary;
  }
  const { manifest, catalog } = saved;
  const dataDir = dataDirOf(location);
  const segments: SegmentMeta[] = [];
  for (const entry of manifest.segments) segments.push(await readSegmentMeta(dataDir, entry));

  const out = new EditionFolder(driveRoot);
  await out.prepare();
  const libraryRoot = location.libraryRoot;
  const items = catalog.items;
  const total = items.length + segments.length + 1;
  let done = 0;

  // The UI.
  for (const rel of uiFiles) {
    const bytes = await fs.readFile(path.join(uiDir, rel));
    summary.uiBytes += await out.put(`app/${rel}`, bytes);
  }

  // The index, file by file, in fragments.
  const files: EditionIndexFile[] = [];
  const cache = new BlockCache(4 * 1024 * 1024);
  for (const meta of segments) {
    progress(done++, total, `index ${meta.id}`);
    const own: [string, Seal, EditionIndexFile['kind']][] = [
      [`seg-${meta.id}.dict`, meta.dict, 'binary'],
      [`seg-${meta.id}.post`, meta.post, 'binary'],
      ...meta.parts.flatMap((p): [string, Seal, EditionIndexFile['kind']][] => [
        [`${p.run}.text`, p.text, 'text'],
        [`${p.run}.chunks`, p.chunks, 'binary'],
      ]),
    ];
    for (const [name, seal, kind] of own) {
      const blob = new SealedFile(dataDir.pathOf(`${INDEX_FOLDER}/${name}`), seal, name, cache);
      try {
        const n = files.length;
        const written = (kind === 'text' ? await writeFragments(out, blob, n, 'text') : undefined) ?? (await writeFragments(out, blob, n, 'binary'))!;
        files.push({ name, size: blob.size, ...written.cut });
        summary.indexBytes += written.bytes;
      } finally {
        blob.close();
      }
    }
  }

  // Articles, subtitles and covers, item by item.
  const articles: Record<string, EditionScript> = {};
  const subtitles: Record<string, EditionScript> = {};
  const covers: Record<string, string> = {};
  for (let n = 0; n < items.length; n++) {
    const item = items[n]!;
    progress(done++, total, item.path);
    if (item.type === 'article') {
      const content = await articleOf(libraryRoot, item);
      if (content) {
        articles[item.path] = await out.putData(articleScript(n), `a${n}`, JSON.stringify(content));
        summary.articles++;
      }
    } else if (item.type === 'video') {
      const subtitleFiles = subtitleFormatOf(item.path) ? [item.path] : (item.subtitles ?? []).map((s) => s.path);
      const tracks = subtitleFiles.length ? await subtitleTracks(libraryRoot, subtitleFiles) : [];
      if (tracks.length) {
        subtitles[item.path] = await out.putData(subtitleScript(n), `s${n}`, JSON.stringify(tracks));
        summary.films++;
      }
    } else if (item.type === 'book' && item.book?.cover) {
      const r = await resolveLibraryPath(libraryRoot, item.path);
      const cover = r.ok ? await readEpubCover(r.absPath, item.book.cover) : undefined;
      const ext = cover && COVER_EXT[cover.mediaType];
      if (cover && ext) {
        const name = `${n}.${ext}`;
        await out.put(`covers/${name}`, cover.bytes);
        covers[item.path] = name;
        summary.covers++;
      }
    }
  }

  const settings = catalog.settings;
  const appName = settings.appName ?? DEFAULT_APP_NAME;
  const library: EditionLibrary = {
    format: EDITION_FORMAT,
    builtAt: manifest.builtAt,
    title: settings.title ?? (path.basename(driveRoot) || DEFAULT_APP_NAME),
    appName,
    language: settings.language,
    collections: Object.keys(settings.collections),
    problems: catalog.problems,
    items: items.map((i) => ({ item: toLibraryItem(i), ...(i.shard !== undefined ? { shard: i.shard } : {}) })),
    index: { segments, files },
    articles,
    subtitles,
    covers,
  };
  await out.put(LIBRARY_SCRIPT, dataScript(LIBRARY_ID, JSON.stringify(library)));
  await out.putPage(pageHtml(appName, settings.language));
  progress(total, total);

  const totals = await out.finish();
  return { ...summary, written: true, files: totals.files, bytes: totals.bytes, changed: totals.written };
}

/** The page: a strict CSP, the stylesheet, the root the UI fills, the script last. */
export function pageHtml(appName: string, language: 'ko' | 'en'): string {
  const title = escapeHtml(appName);
  return `<!doctype html>
<html lang="${language === 'en' ? 'en' : 'ko'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="${EDITION_CSP}">
<link rel="icon" href="data:,">
<title>${title}</title>
<link rel="stylesheet" href="${EDITION_FOLDER}/app/changmun.css">
</head>
<body>
<div id="root"></div>
<noscript>이 페이지는 자바스크립트가 켜져 있어야 열립니다. / This page needs JavaScript turned on.</noscript>
<script src="${EDITION_FOLDER}/app/changmun.js"></script>
</body>
</html>
`;
}

/** What the app's getArticle answers for this item, or undefined when the file cannot be read. */
async function articleOf(libraryRoot: string, item: SavedItem): Promise<ArticleContent | undefined> {
  const format = articleFormatOf(item.path);
  if (!format) return undefined;
  const r = await resolveLibraryPath(libraryRoot, item.path);
  if (!r.ok || r.size > MAX_ARTICLE_BYTES) return undefined;
  let text: string;
  try {
    text = decodeText(await fs.readFile(r.absPath)).text;
  } catch {
    return undefined;
  }
  return { path: item.path, title: item.title, ...(item.language ? { language: item.language } : {}), format, html: articleHtml(format, text) };
}

function readCopy(blob: SealedFile, offset: number, length: number): Uint8Array {
  return Uint8Array.from(blob.read(offset, length));
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Writes index file `n`'s fragments as they are cut, one in memory at a time (a library's stored
 * text may be gigabytes). 'binary': fixed slices, as base64. 'text': slices cut between characters,
 * each the text itself; undefined when a slice would not come back as the same bytes from a string
 * (then nothing written for it is kept, and the caller writes the file as binary).
 */
async function writeFragments(
  out: EditionFolder,
  blob: SealedFile,
  n: number,
  kind: EditionIndexFile['kind'],
): Promise<{ cut: Pick<EditionIndexFile, 'kind' | 'starts' | 'sha256'>; bytes: number } | undefined> {
  const starts: number[] = [];
  const hashes: string[] = [];
  const scripts: string[] = [];
  let bytes = 0;
  let at = 0;
  while (at < blob.size) {
    let end = Math.min(blob.size, at + (kind === 'text' ? TEXT_FRAGMENT_BYTES : BINARY_FRAGMENT_BYTES));
    if (kind === 'text' && end < blob.size) {
      // Back off while the first byte of the next fragment continues a character.
      const look = readCopy(blob, end - 3, 4);
      let back = 0;
      while (back < 3 && (look[3 - back]! & 0xc0) === 0x80) back++;
      end -= back;
    }
    const fragment = readCopy(blob, at, end - at);
    let payload: string;
    if (kind === 'text') {
      try {
        payload = STRICT_UTF8.decode(fragment);
      } catch {
        payload = '';
      }
      if (!Buffer.from(payload, 'utf8').equals(fragment)) {
        for (const rel of scripts) out.forget(rel);
        return undefined;
      }
    } else {
      payload = Buffer.from(fragment).toString('base64');
    }
    const k = starts.length;
    const rel = fragmentScript(n, k);
    bytes += await out.put(rel, dataScript(fragmentId(n, k), payload));
    scripts.push(rel);
    starts.push(at);
    hashes.push(sha256Hex(fragment));
    at = end;
  }
  starts.push(blob.size);
  return { cut: { kind, starts, sha256: hashes }, bytes };
}

function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The UI bundle's files (relative, '/'-separated), or undefined when it is not built. */
async function listUi(dir: string): Promise<string[] | undefined> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  try {
    await walk('');
  } catch {
    return undefined;
  }
  return out.includes('changmun.js') && out.includes('changmun.css') ? out.sort() : undefined;
}

/**
 * The edition's folder on the drive, written file by file: folders made as plain folders (a link
 * in the way is removed, never followed), a file rewritten only when its bytes differ, and at the
 * end every file of an earlier edition that this one no longer has removed.
 */
class EditionFolder {
  readonly root: string;
  /** Every file of this edition (the page too), with its size. */
  private readonly kept = new Map<string, number>();
  private readonly dirs = new Set<string>();
  private written = 0;

  constructor(private readonly driveRoot: string) {
    this.root = path.join(driveRoot, EDITION_FOLDER);
  }

  async prepare(): Promise<void> {
    await plainDir(this.root);
  }

  /** A data script whose payload (its UTF-8) the page checks against the hash returned. */
  async putData(rel: string, id: string, payload: string): Promise<EditionScript> {
    await this.put(rel, dataScript(id, payload));
    return { n: Number(/([0-9]+)\.js$/.exec(rel)![1]), sha256: sha256Hex(Buffer.from(payload, 'utf8')) };
  }

  /** Writes `rel` under the edition's folder; its size. */
  async put(rel: string, content: Uint8Array | string): Promise<number> {
    const parts = rel.split('/');
    let dir = this.root;
    for (const p of parts.slice(0, -1)) {
      dir = path.join(dir, p);
      if (!this.dirs.has(dir)) {
        await plainDir(dir);
        this.dirs.add(dir);
      }
    }
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await this.writeFile(path.join(dir, parts.at(-1)!), bytes);
    return bytes.length;
  }

  /** A file written in this run that is not part of the edition after all: the sweep removes it. */
  forget(rel: string): void {
    this.kept.delete(path.join(this.root, ...rel.split('/')));
  }

  async putPage(html: string): Promise<void> {
    await this.writeFile(path.join(this.driveRoot, EDITION_PAGE), Buffer.from(html, 'utf8'));
  }

  private async writeFile(abs: string, bytes: Uint8Array): Promise<void> {
    this.kept.set(abs, bytes.length);
    const st = await fs.lstat(abs).catch(() => undefined);
    if (st && !st.isFile()) await fs.rm(abs, { recursive: true, force: true });
    else if (st && st.size === bytes.length && Buffer.from(bytes).equals(await fs.readFile(abs))) return;
    // Written beside it and renamed: a drive pulled mid-build keeps the earlier file whole.
    const temp = `${abs}.${process.pid}.tmp`;
    await fs.writeFile(temp, bytes, { flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
      await fs.rm(temp, { force: true });
      await fs.writeFile(temp, bytes, { flag: 'wx' });
    });
    await fs.rename(temp, abs);
    this.written++;
  }

  /** Removes what an earlier edition left that this one does not have; the totals. */
  async finish(): Promise<{ files: number; bytes: number; written: number }> {
    const sweep = async (dir: string): Promise<void> => {
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const abs = path.join(dir, e.name);
        if (e.isDirectory()) {
          await sweep(abs);
          if ((await fs.readdir(abs)).length === 0) await fs.rmdir(abs);
        } else if (!this.kept.has(abs)) await fs.rm(abs, { force: true });
      }
    };
    await sweep(this.root);
    let bytes = 0;
    for (const size of this.kept.values()) bytes += size;
    return { files: this.kept.size, bytes, written: this.written };
  }
}

/** `dir` as a plain folder: anything else there (a link, a file) is removed first. */
async function plainDir(dir: string): Promise<void> {
  const st = await fs.lstat(dir).catch(() => undefined);
  if (st?.isDirectory()) return;
  if (st) await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir);
}
