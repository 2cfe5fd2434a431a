// The saved catalog (catalog-<generation>.json.gz): every item without its text, the problems, and
// the files the index was built from. Read back, every field is checked for what it must be; a
// catalog of any other shape is damage, never shown.
import type { Problem, SubtitleRef, TocEntry } from '../../types.js';
import type { LibrarySettings } from '../../drive/library-json.js';
import type { SavedCatalog, SavedFile, SavedItem } from '../../catalog/saved.js';
import { Malformed, arr, bool, int, num, obj, oneOf, optStr, relPath, str, strings, type Json } from './check-json.js';

const MAX_ITEMS = 2_000_000;
const MAX_TOC = 20_000;
const SUBTITLE_FORMATS = ['srt', 'vtt', 'sami', 'ass'] as const;

export function parseSavedCatalog(data: Json): SavedCatalog {
  const o = obj(data, 'the catalog');
  return {
    settings: parseSettings(o['settings']),
    items: arr(o['items'], 'items', MAX_ITEMS).map((x, i) => parseItem(x, `items[${i}]`)),
    problems: arr(o['problems'], 'problems', MAX_ITEMS).map((x, i) => parseProblem(x, `problems[${i}]`)),
    files: arr(o['files'], 'files', MAX_ITEMS * 4).map((x, i) => parseFile(x, `files[${i}]`)),
  };
}

function parseSettings(v: Json): LibrarySettings {
  const o = obj(v, 'settings');
  const collections: Record<string, string[]> = {};
  for (const [name, folders] of Object.entries(obj(o['collections'], 'settings.collections'))) {
    str(name, 'a collection name', 200);
    collections[name] = strings(folders, `collection ${name}`, 1000);
  }
  const settings: LibrarySettings = {
    language: oneOf(o['language'], 'settings.language', ['ko', 'en'] as const),
    collections,
    exclude: strings(o['exclude'], 'settings.exclude', 10_000),
  };
  const title = optStr(o['title'], 'settings.title', 500);
  if (title !== undefined) settings.title = title;
  const appName = optStr(o['appName'], 'settings.appName', 200);
  if (appName !== undefined) settings.appName = appName;
  return settings;
}

function parseToc(v: Json, what: string, depth: number, budget: { left: number }): TocEntry[] {
  if (depth > 32) throw new Malformed(`${what} is nested too deep`);
  return arr(v, what, MAX_TOC).map((e, i) => {
    if (--budget.left < 0) throw new Malformed(`${what} has too many entries`);
    const x = obj(e, `${what}[${i}]`);
    return { label: str(x['label'], 'a contents label', 2000), href: str(x['href'], 'a contents href'), children: parseToc(x['children'], `${what}[${i}].children`, depth + 1, budget) };
  });
}

function parseSubtitleRef(v: Json, what: string): SubtitleRef {
  const x = obj(v, what);
  return { path: relPath(x['path'], `${what}.path`), format: oneOf(x['format'], `${what}.format`, SUBTITLE_FORMATS), languages: strings(x['languages'], `${what}.languages`, 50, 35) };
}

function parseItem(v: Json, what: string): SavedItem {
  const o = obj(v, what);
  const item: SavedItem = {
    path: relPath(o['path'], `${what}.path`),
    type: oneOf(o['type'], `${what}.type`, ['article', 'book', 'video'] as const),
    title: str(o['title'], `${what}.title`, 2000),
    collections: strings(o['collections'], `${what}.collections`, 1000, 200),
    size: int(o['size'], `${what}.size`),
    mtimeMs: num(o['mtimeMs'], `${what}.mtimeMs`),
    chunkCount: int(o['chunkCount'], `${what}.chunkCount`, 0, 1 << 30),
  };
  const language = optStr(o['language'], `${what}.language`, 35);
  if (language !== undefined) item.language = language;
  if (o['languages'] !== undefined) item.languages = strings(o['languages'], `${what}.languages`, 50, 35);
  if (o['authors'] !== undefined) item.authors = strings(o['authors'], `${what}.authors`, 100, 500);
  const description = optStr(o['description'], `${what}.description`, 20_000);
  if (description !== undefined) item.description = description;
  if (o['shard'] !== undefined) item.shard = segmentId(o['shard'], `${what}.shard`);
  if (o['book'] !== undefined) {
    const b = obj(o['book'], `${what}.book`);
    item.book = {
      direction: oneOf(b['direction'], `${what}.book.direction`, ['ltr', 'rtl', 'default'] as const),
      epubVersion: str(b['epubVersion'], `${what}.book.epubVersion`, 20),
      toc: parseToc(b['toc'], `${what}.book.toc`, 0, { left: MAX_TOC }),
      spine: arr(b['spine'], `${what}.book.spine`, 20_000).map((s, i) => {
        const x = obj(s, `${what}.book.spine[${i}]`);
        return { href: str(x['href'], 'a spine href'), mediaType: str(x['mediaType'], 'a media type', 200), linear: bool(x['linear'], 'linear') };
      }),
    };
    if (b['cover'] !== undefined) {
      const c = obj(b['cover'], `${what}.book.cover`);
      item.book.cover = { href: str(c['href'], 'the cover href'), mediaType: str(c['mediaType'], 'the cover type', 200) };
    }
  }
  if (o['article'] !== undefined) {
    const a = obj(o['article'], `${what}.article`);
    item.article = { format: oneOf(a['format'], `${what}.article.format`, ['html', 'markdown', 'text'] as const), images: strings(a['images'], `${what}.article.images`, 10_000) };
  }
  if (o['subtitles'] !== undefined) item.subtitles = arr(o['subtitles'], `${what}.subtitles`, 200).map((s, i) => parseSubtitleRef(s, `${what}.subtitles[${i}]`));
  if (o['video'] !== undefined) {
    const x = obj(o['video'], `${what}.video`);
    item.video = { container: str(x['container'], 'a container', 50), hasVideo: bool(x['hasVideo'], 'hasVideo'), hasSubtitles: bool(x['hasSubtitles'], 'hasSubtitles') };
    if (x['sidecar'] !== undefined) item.video.sidecar = relPath(x['sidecar'], `${what}.video.sidecar`);
  }
  return item;
}

function parseProblem(v: Json, what: string): Problem {
  const o = obj(v, what);
  const p = str(o['path'], `${what}.path`);
  return {
    path: p === '' ? p : relPath(p, `${what}.path`),
    code: str(o['code'], `${what}.code`, 50),
    message: str(o['message'], `${what}.message`, 4000),
    messageKo: str(o['messageKo'], `${what}.messageKo`, 2000),
    messageEn: str(o['messageEn'], `${what}.messageEn`, 2000),
    ...(o['kind'] === 'notice' ? { kind: 'notice' as const } : {}),
  };
}

function parseFile(v: Json, what: string): SavedFile {
  const o = obj(v, what);
  const f: SavedFile = { path: relPath(o['path'], `${what}.path`), size: int(o['size'], `${what}.size`), mtimeMs: num(o['mtimeMs'], `${what}.mtimeMs`) };
  if (o['item'] !== undefined) f.item = relPath(o['item'], `${what}.item`);
  return f;
}

/** A segment's id: a generation number (no other name ever reaches a file name). */
export function segmentId(v: Json, what: string): string {
  const s = str(v, what, 12);
  if (!/^[1-9][0-9]{0,8}$/.test(s)) throw new Malformed(`${what} is not a segment number`);
  return s;
}
