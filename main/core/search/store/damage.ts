// A saved index that is not what its manifest says: truncated, altered, foreign, or from another
// format. Whoever meets one stops trusting the saved index as a whole and rebuilds it from the
// library's files; the person sees one line saying so, never a wrong answer and never a crash.

export class IndexDamagedError extends Error {
  override readonly name = 'IndexDamagedError';
  constructor(
    /** The index file (a name under .changmun/index/), or '' for the index as a whole. */
    readonly file: string,
    /** What is wrong with it, for logs and the volunteer's report (English, no absolute paths). */
    readonly detail: string,
  ) {
    super(`changmun: the saved search index is damaged${file ? ` (${file})` : ''}: ${detail}`);
  }
}

export function isIndexDamaged(e: unknown): e is IndexDamagedError {
  return e instanceof IndexDamagedError;
}

/** The one line a person sees, Korean first. */
export const INDEX_DAMAGED_KO = '저장된 검색 색인이 손상되어 다시 만들고 있습니다. 그동안 찾기 결과가 일부만 나올 수 있습니다.';
export const INDEX_DAMAGED_EN = 'The saved search index is damaged and is being rebuilt; until then search may be incomplete.';
