// From per-file results to the items a person sees: articles and books are one file each; a video
// takes the subtitle files beside it; a subtitle with no video is still an item of its own.
import type { Chunk, Item, Problem, SubtitleExtract, SubtitleRef } from '../types.js';
import { describeFailure } from '../errors.js';
import type { LibrarySettings } from '../drive/library-json.js';
import { collectionsOf } from '../drive/library-json.js';
import type { LibraryFile } from '../drive/walk.js';
import { normaliseLanguage, titleFromFileName } from '../extract/article/index.js';
import { languageFromSubtitleName } from '../extract/subtitles/index.js';
import type { ExtractOutcome } from './pool.js';
import type { FilmSidecar } from '../extract/film/title.js';

export interface FileResult {
  file: LibraryFile;
  outcome: ExtractOutcome;
}

function problem(path: string, code: string, detail: string): Problem {
  const m = describeFailure(path, code as Parameters<typeof describeFailure>[1], detail);
  return { path, code, message: `${m.ko} / ${m.en}`, messageKo: m.ko, messageEn: m.en };
}

/** The notice for a book of pictures: it is in the library, but its words are in its pictures. */
export function picturesOnlyNotice(path: string): Problem {
  const ko = `${path}: 그림뿐인 책이라 글로는 검색되지 않습니다. 제목과 지은이로 찾을 수 있습니다.`;
  const en = `${path}: pictures only, not searchable by its text; it can be found by its title and author.`;
  return { path, code: PICTURES_ONLY, message: `${ko} / ${en}`, messageKo: ko, messageEn: en, kind: 'notice' };
}

/** The code of that notice. */
export const PICTURES_ONLY = 'pictures-only';

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function stem(p: string): string {
  const base = p.slice(p.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** 'film.ko' → 'film', 'film.en-US' → 'film', 'film' → 'film' (for the title of a lone subtitle). */
function subtitleBase(p: string): string {
  const s = stem(p);
  const m = /^(.*)\.([A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$/.exec(s);
  if (m && languageFromSubtitleName(p) !== undefined) return m[1]!;
  return s;
}

/** The names a subtitle file may share with its film, longest first: 'a.b.en.forced' → 'a.b.en.forced', 'a.b.en', 'a.b', 'a'. */
function pairingCandidates(p: string): string[] {
  const parts = stem(p).split('.');
  const out: string[] = [];
  for (let k = parts.length; k >= 1 && out.length < 4; k--) out.push(parts.slice(0, k).join('.'));
  return out;
}

export function assembleCatalog(results: FileResult[], settings: LibrarySettings): { items: Item[]; problems: Problem[] } {
  const items: Item[] = [];
  const problems: Problem[] = [];
  const videos = new Map<string, Item>();
  const subtitles: { file: LibraryFile; extract: SubtitleExtract }[] = [];
  const sidecars: { file: LibraryFile; extract: FilmSidecar }[] = [];

  const base = (f: LibraryFile) => ({
    path: f.path,
    collections: collectionsOf(f.path, settings.collections),
    size: f.size,
    mtimeMs: f.mtimeMs,
  });

  for (const { file, outcome } of results) {
    if (!outcome.ok) {
      problems.push(problem(file.path, outcome.code, outcome.detail));
      continue;
    }
    const x = outcome.extract;
    switch (x.kind) {
      case 'article':
        items.push({
          ...base(file), type: 'article', title: x.title, language: normaliseLanguage(x.language) ?? x.language,
          chunks: x.chunks, article: { format: x.format, images: x.images },
        });
        break;
      case 'book':
        items.push({
          ...base(file), type: 'book', title: x.title, authors: x.authors, description: x.description,
          language: normaliseLanguage(x.language), chunks: x.chunks,
          book: { cover: x.cover, direction: x.direction, epubVersion: x.epubVersion, toc: x.toc, spine: x.spine },
        });
        if (x.picturesOnly) problems.push(picturesOnlyNotice(file.path));
        break;
      case 'video': {
        const item: Item = {
          ...base(file), type: 'video', title: titleFromFileName(file.path), chunks: [], subtitles: [],
          video: { container: x.container, hasVideo: true, hasSubtitles: false },
        };
        videos.set(`${dirOf(file.path)}/${stem(file.path)}`, item);
        items.push(item);
        break;
      }
      case 'subtitle':
        subtitles.push({ file, extract: x });
        break;
      case 'sidecar':
        sidecars.push({ file, extract: x });
        break;
    }
  }

  // A film's sidecar (same folder, same name) names it and says who made it; one with no film beside
  // it is left alone, as the images of an article are.
  const named = new Set<Item>();
  for (const { file, extract } of sidecars) {
    const video = videos.get(`${dirOf(file.path)}/${stem(file.path)}`);
    if (!video) continue;
    video.video!.sidecar = file.path;
    if (extract.title) {
      video.title = extract.title;
      named.add(video);
    }
    if (extract.authors.length > 0) video.authors = extract.authors;
  }

  const subtitleTitles = new Map<string, string>();
  for (const { file, extract } of subtitles) {
    if (extract.title) subtitleTitles.set(file.path, extract.title);
    const ref: SubtitleRef = {
      path: file.path,
      format: extract.format,
      languages: trackLanguages(extract, file.path),
    };
    const chunks: Chunk[] = extract.chunks.map((c) => ({ ...c, language: c.language ?? ref.languages[0] }));
    const dir = dirOf(file.path);
    const video = pairingCandidates(file.path).map((c) => videos.get(`${dir}/${c}`)).find((v) => v !== undefined);
    if (video) {
      video.subtitles!.push(ref);
      video.chunks.push(...chunks);
      video.video!.hasSubtitles = true;
      continue;
    }
    items.push({
      ...base(file), type: 'video', title: extract.title ?? titleFromFileName(subtitleBase(file.path)), chunks,
      language: ref.languages[0], languages: ref.languages, subtitles: [ref], video: { container: '', hasVideo: false, hasSubtitles: true },
    });
  }

  for (const v of videos.values()) {
    v.subtitles!.sort((a, b) => (a.path < b.path ? -1 : 1));
    // Without a sidecar, the first subtitle file that declares a title names the film; else its
    // file name as written stays.
    const declared = named.has(v) ? undefined : v.subtitles!.map((s) => subtitleTitles.get(s.path)).find((t) => t !== undefined);
    if (declared) v.title = declared;
    // The first subtitle file by name speaks for the film ('film.en.srt' before 'film.ko.vtt').
    v.language = v.subtitles![0]?.languages[0];
    v.languages = [...new Set(v.subtitles!.flatMap((s) => s.languages))];
  }

  items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { items, problems };
}

function trackLanguages(extract: SubtitleExtract, path: string): string[] {
  const fromName = languageFromSubtitleName(path);
  const langs = extract.tracks.map((t) => t.language ?? fromName).filter((l): l is string => !!l);
  const unique = [...new Set(langs)];
  return unique.length > 0 ? unique : fromName ? [fromName] : [];
}

