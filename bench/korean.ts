// `npm run bench:korean` — how well search finds what a reader looks for in real Korean prose.
//
// Five public-domain stories from ../shared/corpus/korean-text are split into passages (one chunk
// per passage) and indexed in memory by our engine, as the app indexes an item. Every query of the
// hand-judged set (bench/korean/judged.json, see bench/korean/README.md) is run as a reader types it
// and with every hit returned; each hit passage is compared with the passages judged true. It also
// checks that what the reader sees highlighted is what matched: `matchRanges` must mark at least
// one word of every hit passage. Prints recall, precision and F1 per class and overall, the worst
// queries with the passages missed and the false ones, and writes bench/out/korean-results.json.
// It measures and asserts nothing: the exit code is always 0.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SearchEngine } from '../main/core/search/engine.js';
import { analyzeQuery, matchRanges } from '../main/text/analyze.js';
import type { Item } from '../main/core/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const corpusDir = path.resolve(repo, '..', 'shared', 'corpus', 'korean-text');
const judgedFile = path.join(here, 'korean', 'judged.json');
const outFile = path.join(here, 'out', 'korean-results.json');

/** Classes in the order the table lists them. */
const CLASSES = ['one-syllable-noun', 'verb-adjective', 'phrase', 'initial-sound', 'stripping', 'compound-name', 'choseong', 'plain'];
const WORST_PER_CLASS = 3;
const PASSAGES_SHOWN = 4;

interface JudgedPassage { story: string; index: number; start: string }
interface JudgedQuery { id: string; class: string; query: string; why: string; passages: JudgedPassage[] }
interface Story { file: string; title: string; author: string }
interface Judged { notes: Record<string, string>; stories: Record<string, Story>; queries: JudgedQuery[] }

/** A passage as `story#index`. */
type Key = string;
const keyOf = (story: string, index: number): Key => `${story}#${index}`;

/** The judged set's split: NFC, \n line ends, blank lines (spaces or tabs only) between passages, each trimmed. */
function splitPassages(text: string): string[] {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').split(/\n(?:[ \t]*\n)+/).map((p) => p.trim());
}

interface QueryResult {
  id: string;
  class: string;
  query: string;
  truePassages: number;
  tp: number;
  fp: number;
  fn: number;
  recall: number;
  precision: number;
  f1: number;
  /** No passage had every word: the engine answered with partial matches (counted as hits). */
  partial: boolean;
  terms: string[];
  missed: Key[];
  falseHits: Key[];
  /** Hit passages where matchRanges marks no word. */
  noHighlight: Key[];
  /** Hits whose snippet came back with no highlight. */
  snippetNoHighlight: Key[];
  error?: string;
}

interface Summary {
  queries: number;
  truePassages: number;
  hits: number;
  /** Means over the queries: each query weighs the same. */
  recall: number;
  precision: number;
  f1: number;
  /** From the pooled counts of every query. */
  pooledRecall: number;
  pooledPrecision: number;
  noHighlight: number;
  snippetNoHighlight: number;
}

function ratio(a: number, b: number, empty: number): number {
  return b === 0 ? empty : a / b;
}

function f1Of(recall: number, precision: number): number {
  return recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
}

function summarise(rs: QueryResult[]): Summary {
  const sum = (f: (r: QueryResult) => number) => rs.reduce((n, r) => n + f(r), 0);
  const tp = sum((r) => r.tp);
  const fp = sum((r) => r.fp);
  const fn = sum((r) => r.fn);
  const mean = (f: (r: QueryResult) => number) => (rs.length === 0 ? 0 : sum(f) / rs.length);
  return {
    queries: rs.length,
    truePassages: tp + fn,
    hits: tp + fp,
    recall: mean((r) => r.recall),
    precision: mean((r) => r.precision),
    f1: mean((r) => r.f1),
    pooledRecall: ratio(tp, tp + fn, 1),
    pooledPrecision: ratio(tp, tp + fp, 1),
    noHighlight: sum((r) => r.noHighlight.length),
    snippetNoHighlight: sum((r) => r.snippetNoHighlight.length),
  };
}

function main(): void {
  if (!existsSync(corpusDir)) {
    console.log(`bench:korean: ${path.relative(repo, corpusDir)} is missing (the shared corpus beside the repo); nothing measured.`);
    return;
  }
  const judged = JSON.parse(readFileSync(judgedFile, 'utf8')) as Judged;

  // The stories, one item each, one chunk per passage, as the app would index an article.
  const passages = new Map<string, string[]>();
  const pathToStory = new Map<string, string>();
  const items: Item[] = [];
  for (const [story, meta] of Object.entries(judged.stories)) {
    const file = path.join(corpusDir, meta.file);
    const text = readFileSync(file, 'utf8');
    const ps = splitPassages(text);
    passages.set(story, ps);
    const itemPath = `korean-text/${meta.file}`;
    pathToStory.set(itemPath, story);
    items.push({
      path: itemPath,
      type: 'article',
      title: meta.title,
      authors: [meta.author],
      language: 'ko',
      collections: [],
      size: Buffer.byteLength(text),
      mtimeMs: 0,
      chunks: ps.map((p, i) => ({ text: p, locator: { anchor: `p${i}` } })),
    });
  }
  const totalPassages = [...passages.values()].reduce((n, ps) => n + ps.length, 0);
  const textOf = (key: Key): string => {
    const [story, index] = key.split('#') as [string, string];
    return passages.get(story)?.[Number(index)] ?? '';
  };
  const show = (key: Key): string => `${key} "${textOf(key).replace(/\s+/g, ' ').slice(0, 40)}"`;

  // A wrong index in the judged file is caught by the start of its passage.
  const wrong: string[] = [];
  for (const q of judged.queries) {
    for (const p of q.passages) {
      const text = passages.get(p.story)?.[p.index];
      if (text === undefined || !text.startsWith(p.start)) wrong.push(`${q.id}: ${keyOf(p.story, p.index)} does not start with "${p.start}"`);
    }
  }
  if (wrong.length > 0) {
    console.log(`bench:korean: ${wrong.length} judged passage(s) do not match the text (a changed corpus or a wrong index):`);
    for (const w of wrong.slice(0, 10)) console.log(`  ${w}`);
  }

  const engine = new SearchEngine();
  const t0 = performance.now();
  engine.indexItems('korean', items);
  const indexMs = performance.now() - t0;

  const run = (suffix: string): QueryResult[] =>
    judged.queries.map((q) => {
      const typed = q.query + suffix;
      const truth = new Set(q.passages.map((p) => keyOf(p.story, p.index)));
      const result: QueryResult = {
        id: q.id, class: q.class, query: typed, truePassages: truth.size,
        tp: 0, fp: 0, fn: 0, recall: 0, precision: 1, f1: 0, partial: false, terms: [],
        missed: [], falseHits: [], noHighlight: [], snippetNoHighlight: [],
      };
      const hit = new Set<Key>();
      try {
        const response = engine.search(typed, { limit: 500, snippetsPerItem: 100_000 });
        const prefix = analyzeQuery(typed).prefix;
        result.partial = response.partial;
        result.terms = response.terms;
        for (const r of response.results) {
          const story = pathToStory.get(r.path);
          if (story === undefined) continue;
          for (const h of r.hits) {
            const m = /^p(\d+)$/.exec(h.locator.anchor ?? '');
            if (!m) continue;
            const key = keyOf(story, Number(m[1]));
            if (hit.has(key)) continue;
            hit.add(key);
            if (matchRanges(textOf(key), response.terms, prefix).length === 0) result.noHighlight.push(key);
            if (h.snippet !== undefined && (h.highlights?.length ?? 0) === 0) result.snippetNoHighlight.push(key);
          }
        }
      } catch (e) {
        result.error = e instanceof Error ? e.message : String(e);
      }
      for (const k of hit) {
        if (truth.has(k)) result.tp++;
        else result.falseHits.push(k);
      }
      for (const k of truth) if (!hit.has(k)) result.missed.push(k);
      result.fp = result.falseHits.length;
      result.fn = result.missed.length;
      result.recall = ratio(result.tp, truth.size, 1);
      result.precision = ratio(result.tp, result.tp + result.fp, 1);
      result.f1 = f1Of(result.recall, result.precision);
      return result;
    });

  const t1 = performance.now();
  const typed = run('');
  const queryMs = performance.now() - t1;
  // The same queries with every word finished (a space typed after the last one): no prefix completion.
  const finished = run(' ');

  const classesOf = (rs: QueryResult[]) => {
    const names = [...CLASSES, ...new Set(rs.map((r) => r.class).filter((c) => !CLASSES.includes(c)))];
    return Object.fromEntries(names.map((c) => [c, summarise(rs.filter((r) => r.class === c))]).filter(([, s]) => (s as Summary).queries > 0)) as Record<string, Summary>;
  };
  const typedClasses = classesOf(typed);
  const finishedClasses = classesOf(finished);
  const typedAll = summarise(typed);
  const finishedAll = summarise(finished);

  // ---- Printing ---------------------------------------------------------------------------------
  const n2 = (x: number) => x.toFixed(2);
  const pad = (s: string | number, w: number) => String(s).padStart(w);
  const row = (name: string, s: Summary) =>
    `${name.padEnd(18)}${pad(s.queries, 8)}${pad(s.truePassages, 6)}${pad(s.hits, 6)}${pad(n2(s.recall), 8)}${pad(n2(s.precision), 10)}${pad(n2(s.f1), 6)}${pad(n2(s.pooledRecall), 10)}${pad(n2(s.pooledPrecision), 10)}${pad(s.noHighlight, 14)}`;
  const header = `${'class'.padEnd(18)}${pad('queries', 8)}${pad('true', 6)}${pad('hits', 6)}${pad('recall', 8)}${pad('precision', 10)}${pad('F1', 6)}${pad('pooled R', 10)}${pad('pooled P', 10)}${pad('no highlight', 14)}`;

  console.log(`Korean judged set: ${judged.queries.length} queries over ${totalPassages} passages of ${passages.size} stories (${path.relative(repo, judgedFile)}); indexed in ${indexMs.toFixed(0)} ms, queries in ${queryMs.toFixed(0)} ms.`);
  console.log('Recall, precision and F1 are means over the queries of a class; pooled R/P count every passage; "no highlight": hit passages where matchRanges marks no word.');
  console.log('');
  console.log('As typed (the last word is also completed as a prefix, as in the search box):');
  console.log(header);
  for (const [c, s] of Object.entries(typedClasses)) console.log(row(c, s));
  console.log(row('all', typedAll));
  console.log('');
  console.log('Every word finished (a space after the last word: no completion):');
  console.log(header);
  for (const [c, s] of Object.entries(finishedClasses)) console.log(row(c, s));
  console.log(row('all', finishedAll));

  const partials = typed.filter((r) => r.partial);
  if (partials.length > 0) console.log(`\nPartial answers (no passage had every word; their hits are counted): ${partials.map((r) => r.query).join(', ')}`);
  const errors = typed.filter((r) => r.error !== undefined);
  for (const r of errors) console.log(`\nQuery ${r.query} failed: ${r.error}`);
  const snippetMisses = typedAll.snippetNoHighlight;
  if (snippetMisses > 0) console.log(`\nSnippets with no highlight: ${snippetMisses} (${typed.filter((r) => r.snippetNoHighlight.length > 0).map((r) => r.query).join(', ')})`);

  // The worst queries of each class, so that no class hides another.
  const below = typed.filter((r) => r.f1 < 1 || r.noHighlight.length > 0);
  const worst = Object.keys(typedClasses).flatMap((c) =>
    below
      .filter((r) => r.class === c)
      .sort((a, b) => a.f1 - b.f1 || b.fn + b.fp - (a.fn + a.fp))
      .slice(0, WORST_PER_CLASS),
  );
  if (worst.length > 0) {
    console.log(`\nWorst queries as typed (up to ${WORST_PER_CLASS} a class; ${typed.filter((r) => r.f1 < 1).length} of ${typed.length} are below F1 1.00; all in the JSON):`);
    const list = (keys: Key[]) => keys.slice(0, PASSAGES_SHOWN).map(show).join('; ') + (keys.length > PASSAGES_SHOWN ? `; … ${keys.length - PASSAGES_SHOWN} more` : '');
    for (const r of worst) {
      console.log(`- [${r.class}] ${r.query}  R ${n2(r.recall)} P ${n2(r.precision)} F1 ${n2(r.f1)}  (terms: ${r.terms.join(' ') || '—'})`);
      if (r.missed.length > 0) console.log(`    missed ${r.missed.length}/${r.truePassages}: ${list(r.missed)}`);
      if (r.falseHits.length > 0) console.log(`    false ${r.falseHits.length}: ${list(r.falseHits)}`);
      if (r.noHighlight.length > 0) console.log(`    no highlight ${r.noHighlight.length}: ${list(r.noHighlight)}`);
    }
  }

  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        when: new Date().toISOString(),
        node: process.version,
        machine: { cpus: os.cpus().length, loadavg: os.loadavg() },
        corpus: path.relative(repo, corpusDir),
        judged: path.relative(repo, judgedFile),
        passages: totalPassages,
        judgedPassagesNotMatching: wrong,
        indexMs,
        queryMs,
        typed: { overall: typedAll, classes: typedClasses, queries: typed },
        finished: { overall: finishedAll, classes: finishedClasses, queries: finished },
      },
      null,
      1,
    ) + '\n',
  );
  console.log(`\nWrote ${path.relative(repo, outFile)}.`);
}

try {
  main();
} catch (e) {
  console.log(`bench:korean stopped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}
process.exitCode = 0;
