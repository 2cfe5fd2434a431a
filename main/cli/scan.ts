// `changmun scan <library-folder>`: what is in a library and what could not be read.
import type { Item } from '../core/types.js';
import { resolveLibraryFolder } from '../core/drive/locate.js';
import { scanLibrary } from '../core/catalog/scan.js';
import { PICTURES_ONLY } from '../core/catalog/assemble.js';
import type { Output } from './output.js';

const TYPE_LABEL: Record<Item['type'], string> = { article: '글 article', book: '책 book', video: '영상 video' };

export function itemSummary(item: Item) {
  return {
    path: item.path,
    type: item.type,
    title: item.title,
    language: item.language ?? null,
    chunks: item.chunks.length,
    authors: item.authors,
    collections: item.collections,
    size: item.size,
    subtitles: item.subtitles,
    video: item.video,
    book: item.book ? { direction: item.book.direction, sections: item.book.spine.length, cover: item.book.cover?.href ?? null } : undefined,
  };
}

export async function runScan(folder: string, out: Output): Promise<number> {
  const location = resolveLibraryFolder(folder);
  const { catalog } = await scanLibrary(location.libraryRoot, {
    onProgress: (p) => out.progress(`읽는 중 Reading ${p.done}/${p.total} ${p.current ?? ''}`),
  });
  out.endProgress();
  // Files that could not be read, and notes on items that are there (a book of pictures only).
  const errors = catalog.problems.filter((p) => p.kind !== 'notice');
  const notices = catalog.problems.filter((p) => p.kind === 'notice');
  const pictureBooks = new Set(notices.filter((p) => p.code === PICTURES_ONLY).map((p) => p.path));

  if (out.json) {
    out.out(JSON.stringify({
      library: location.libraryRoot,
      title: catalog.settings.title ?? null,
      items: catalog.items.map(itemSummary),
      problems: errors.map(({ path, code, message, messageKo, messageEn }) => ({ path, code, message, messageKo, messageEn })),
      notices: notices.map(({ path, code, message, messageKo, messageEn }) => ({ path, code, message, messageKo, messageEn })),
    }, null, 2));
    return 0;
  }

  const count = (t: Item['type']) => catalog.items.filter((i) => i.type === t).length;
  out.out(catalog.settings.title ?? location.libraryRoot);
  out.out(location.libraryRoot);
  out.out(`글 Articles ${count('article')} · 책 Books ${count('book')} · 영상 Videos ${count('video')} · 문제 Problems ${errors.length}${notices.length > 0 ? ` · 알림 Notices ${notices.length}` : ''}`);
  out.out('');
  for (const item of catalog.items) {
    const lang = (item.language ?? '-').padEnd(3);
    const extra = item.type === 'video'
      ? item.video?.hasVideo ? (item.subtitles?.length ? ` [자막 subtitles: ${item.subtitles.map((s) => s.languages.join('+') || '?').join(', ')}]` : ' [자막 없음 no subtitles]') : ' [영상 없는 자막 subtitles without a video]'
      : pictureBooks.has(item.path) ? ' [그림뿐인 책 pictures only]' : '';
    out.out(`  ${TYPE_LABEL[item.type].padEnd(10)} ${lang} ${String(item.chunks.length).padStart(5)}  ${item.title} — ${item.path}${extra}`);
  }
  const list = (heading: string, problems: typeof errors) => {
    if (problems.length === 0) return;
    out.out('');
    out.out(heading);
    for (const p of problems) {
      out.out(`  ${p.messageKo}`);
      out.out(`  ${p.messageEn}`);
    }
  };
  list('문제 Problems:', errors);
  list('알림 Notices:', notices);
  return 0;
}
