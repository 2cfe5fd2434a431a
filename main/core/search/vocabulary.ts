// Every term of the index with the number of chunks it occurs in. The search box completes the word
// being typed from here (FlexSearch's strict index only answers whole terms), most frequent first.

export class Vocabulary {
  private sorted: string[] | undefined;
  private readonly df: Map<string, number>;

  constructor(entries?: Iterable<[string, number]>) {
    this.df = new Map(entries);
  }

  get size(): number {
    return this.df.size;
  }

  /** Count each term of one chunk once: `distinct` must hold no duplicates. */
  addChunkTerms(distinct: Iterable<string>): void {
    for (const t of distinct) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.sorted = undefined;
  }

  merge(other: Vocabulary): void {
    for (const [t, n] of other.df) this.df.set(t, (this.df.get(t) ?? 0) + n);
    this.sorted = undefined;
  }

  has(term: string): boolean {
    return this.df.has(term);
  }

  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** Terms that start with `prefix`, the most frequent first, at most `max`. */
  complete(prefix: string, max: number): string[] {
    if (prefix === '') return [];
    const sorted = (this.sorted ??= [...this.df.keys()].sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
    if (found.length <= max) return found;
    return found.sort((a, b) => this.frequency(b) - this.frequency(a) || (a < b ? -1 : 1)).slice(0, max);
  }

  toJSON(): [string[], number[]] {
    const terms = [...this.df.keys()].sort();
    return [terms, terms.map((t) => this.df.get(t)!)];
  }

  static fromJSON(data: unknown): Vocabulary {
    if (!Array.isArray(data) || !Array.isArray(data[0]) || !Array.isArray(data[1]) || data[0].length !== data[1].length) {
      throw new Error('changmun: vocabulary file is malformed');
    }
    const terms = data[0] as string[];
    const counts = data[1] as number[];
    const v = new Vocabulary(terms.map((t, i) => [t, counts[i]!] as [string, number]));
    v.sorted = terms;
    return v;
  }
}
