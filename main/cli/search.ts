// `changmun index <library-folder>` and `changmun search <library-folder> <query>`.
import { resolveLibraryFolder } from '../core/drive/locate.js';
import { buildWorkerCount } from '../core/catalog/pool.js';
import { SearchService } from '../core/search/service.js';
import type { IndexProgress, IndexSummary } from '../core/search/library-index.js';
import { markSnippet } from '../text/snippet.js';
import type { SearchOptions } from '../core/search/types.js';
import type { Output } from './output.js';

const PHASE: Record<IndexProgress['phase'], string> = {
  loading: '색인 읽는 중 Loading index',
  checking: '바뀐 파일 확인 중 Checking for changes',
  indexing: '색인 만드는 중 Indexing',
  saving: '저장 중 Saving',
  done: '끝 Done',
};

/** The one line saying the saved index was not used, Korean first (stderr: stdout may be JSON). */
function tellAboutSavedIndex(summary: IndexSummary, out: Output, rebuiltWhere: 'drive' | 'memory'): void {
  const where = rebuiltWhere === 'drive' ? ['다시 만들었습니다', 'it was built again'] : ['메모리에서 다시 만들어 찾았습니다', 'it was built again in memory for this search'];
  if (summary.damaged) out.err(`저장된 검색 색인이 손상되어 ${where[0]} / The saved search index is damaged; ${where[1]}. (${summary.damaged.replace(/^changmun: /, '')})`);
  else if (summary.notAsSigned) out.err(`저장된 검색 색인이 서명된 것과 달라 쓰지 않고 ${where[0]} / The saved search index is not the one the drive was signed with; ${where[1]}.`);
}

function showProgress(out: Output) {
  return (p: IndexProgress) => out.progress(`${PHASE[p.phase]} ${p.done}/${p.total} ${p.current ?? ''}`);
}

export async function runIndex(folder: string, opts: { rebuild?: boolean; workers?: number }, out: Output): Promise<number> {
  const location = resolveLibraryFolder(folder);
  const service = new SearchService(location, { rebuild: opts.rebuild, workers: opts.workers ?? buildWorkerCount(), save: true }, showProgress(out));
  try {
    const { summary } = await service.ready;
    out.endProgress();
    tellAboutSavedIndex(summary, out, summary.saved ? 'drive' : 'memory');
    if (out.json) {
      out.out(JSON.stringify({ library: location.libraryRoot, index: location.dataDir, ...summary }, null, 2));
    } else {
      out.out(`${location.libraryRoot}`);
      out.out(`항목 Items ${summary.items} · 문제 Problems ${summary.problems} · 새로 읽은 파일 Files read ${summary.extracted} · 그대로 쓴 파일 Reused ${summary.reusedFiles} · 묶음 Segments ${summary.shards}`);
      if (summary.saved) out.out(`색인을 저장했습니다 / Index saved: ${location.dataDir}`);
      else if (summary.notSavedReason === 'read-only') out.out('드라이브에 쓸 수 없어 색인을 저장하지 못했습니다 (메모리에서만 씁니다) / The drive is read-only: the index was kept in memory only.');
      else out.out('바뀐 것이 없습니다 / The saved index is up to date.');
    }
    return summary.notSavedReason === 'read-only' ? 1 : 0;
  } finally {
    await service.close();
  }
}

export async function runSearch(folder: string, query: string, opts: SearchOptions, out: Output): Promise<number> {
  const location = resolveLibraryFolder(folder);
  // Searching never writes to the drive: an index that is missing or out of date is built in memory.
  const service = new SearchService(location, { save: false }, showProgress(out));
  try {
    const { summary } = await service.ready;
    out.endProgress();
    tellAboutSavedIndex(summary, out, 'memory');
    const response = await service.search(query, opts);
    if (out.json) {
      out.out(JSON.stringify(response, null, 2));
      return 0;
    }
    if (response.results.length === 0) {
      out.out(`"${query}": 찾은 것이 없습니다 / nothing found.`);
      return 0;
    }
    out.out(`"${query}": ${response.total}개 항목 / ${response.total} items${response.partial ? ' — 모든 낱말이 다 맞는 것이 없어 일부만 맞는 것을 보여 줍니다 / no item has every word; showing partial matches' : ''}`);
    for (const r of response.results) {
      out.out('');
      out.out(`[${r.type}] ${r.title} — ${r.path} (${r.hitCount} hits${r.titleMatch ? `, title ${r.titleMatch}` : ''})`);
      for (const h of r.hits.filter((x) => x.snippet !== undefined)) {
        const where = h.locator.startMs !== undefined ? formatTime(h.locator.startMs) : h.locator.href ? `${h.locator.href}#${h.locator.ordinal ?? 0}` : `#${h.locator.anchor ?? ''}`;
        out.out(`  ${where}  ${markSnippet({ snippet: h.snippet!, highlights: h.highlights ?? [] })}`);
      }
    }
    return 0;
  } finally {
    await service.close();
  }
}

function formatTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `${hh > 0 ? `${hh}:` : ''}${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}
