// Titles and authors of every item, found while they are typed: an item is a candidate for a query
// term when one of its title or author terms starts with it. A map from each term to its items, and
// the distinct terms sorted for the prefix ranges (sorted again only after new terms came in). A few
// thousand short titles: built in a few milliseconds at load, which is when the first answers wait.

export class TitleIndex {
  private readonly byTerm = new Map<string, Set<number>>();
  private sorted: string[] | undefined;

  add(id: number, terms: readonly string[]): void {
    for (const t of terms) {
      let set = this.byTerm.get(t);
      if (!set) {
        this.byTerm.set(t, (set = new Set()));
        this.sorted = undefined;
      }
      set.add(id);
    }
  }

  remove(id: number, terms: readonly string[]): void {
    for (const t of terms) {
      const set = this.byTerm.get(t);
      if (!set) continue;
      set.delete(id);
      if (set.size === 0) {
        this.byTerm.delete(t);
        this.sorted = undefined;
      }
    }
  }

  /** Items with a term that starts with `prefix` (at most `limit`). */
  search(prefix: string, limit: number): number[] {
    if (prefix === '') return [];
    const sorted = (this.sorted ??= [...this.byTerm.keys()].sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = new Set<number>();
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix) && out.size < limit; i++) {
      for (const id of this.byTerm.get(sorted[i]!)!) {
        out.add(id);
        if (out.size >= limit) break;
      }
    }
    return [...out];
  }
}
