// Libraries for the load test and the load benchmark (issue 7 §5): many items, deterministic.
// - writeTinyLibrary: N short Korean articles (a few hundred bytes each), for the test suite;
// - writeLoadLibrary: bench/generate.ts's Korean-heavy files up to a number of bytes of text, then
//   short articles up to a number of items (the benchmark: 10,000 items, 200 MB).
// Both put one needle (a word in exactly one item) where a search must find it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateFile, hash32, inflect, koreanRank, nounOf, prng } from '../../bench/generate.js';

export const NEEDLE = 'LOADNEEDLE';

export interface LoadLibrary {
  dir: string;
  items: number;
  textBytes: number;
  /** The one item holding NEEDLE, and its title. */
  needle: { path: string; title: string };
  /** Titles of some items, for searches a person would type. */
  sampleTitles: string[];
}

function tinyArticle(seed: number, n: number, needle: boolean): { title: string; text: string } {
  const r = prng(hash32(seed, n, 0x7e57));
  const words = (k: number) => Array.from({ length: k }, () => inflect(nounOf(koreanRank(r)).south, r)).join(' ');
  const title = `${nounOf(2000 + (hash32(seed, n) % 500_000)).south} ${words(1)} ${n}`;
  const body = `${words(8)} 있다. ${words(6)} 했다.${needle ? ` ${NEEDLE} 바늘 같은 낱말.` : ''}`;
  return { title, text: `# ${title}\n\n${body}\n` };
}

function folderOf(n: number): string {
  return `items/${String(Math.floor(n / 100)).padStart(4, '0')}`;
}

/** `items` short articles, 100 to a folder. */
export function writeTinyLibrary(dir: string, items: number, seed = 7): LoadLibrary {
  const needleAt = Math.floor(items * 0.777);
  let textBytes = 0;
  let needle = { path: '', title: '' };
  const sampleTitles: string[] = [];
  for (let n = 0; n < items; n++) {
    const folder = path.join(dir, folderOf(n));
    if (n % 100 === 0) mkdirSync(folder, { recursive: true });
    const { title, text } = tinyArticle(seed, n, n === needleAt);
    const rel = `${folderOf(n)}/글-${String(n).padStart(5, '0')}.md`;
    writeFileSync(path.join(dir, rel), text);
    textBytes += Buffer.byteLength(text);
    if (n === needleAt) needle = { path: rel, title };
    if (n % Math.max(1, Math.floor(items / 8)) === 3) sampleTitles.push(title);
  }
  return { dir, items, textBytes, needle, sampleTitles };
}

const STAMP = '.ui-load-stamp.json';

/**
 * bench/generate.ts's files until `textBytes` of text, then short articles until `items` items.
 * Reused when a library of the same parameters is already in `dir` (its derived .changmun/ too,
 * unless the caller removes it).
 */
export function writeLoadLibrary(dir: string, items: number, textBytes: number, seed: number, log: (s: string) => void): LoadLibrary & { reused: boolean } {
  const stampFile = path.join(dir, STAMP);
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as LoadLibrary & { seed: number; wanted: number };
    if (stamp.seed === seed && stamp.items === items && stamp.wanted === textBytes) return { ...stamp, dir, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let n = 0;
  const sampleTitles: string[] = [];
  for (; bytes < textBytes && n < items; n++) {
    const f = generateFile(seed, n);
    const abs = path.join(dir, 'generated', f.rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, f.content);
    bytes += Buffer.byteLength(f.content);
    if (n % 997 === 5 && f.kind !== 'srt') sampleTitles.push(f.title);
    if (n % 1000 === 0) log(`  generated ${n} files, ${(bytes / 1e6).toFixed(0)} MB`);
  }
  const generated = n;
  let needle = { path: '', title: '' };
  for (let k = 0; n < items || needle.path === ''; n++, k++) {
    const { title, text } = tinyArticle(seed, k, k === 0);
    const rel = `short/${folderOf(k)}/글-${String(k).padStart(5, '0')}.md`;
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
    bytes += Buffer.byteLength(text);
    if (k === 0) needle = { path: rel, title };
  }
  log(`  generated ${generated} files of bench/generate.ts and ${n - generated} short articles: ${n} files, ${(bytes / 1e6).toFixed(1)} MB`);
  const library: LoadLibrary = { dir, items: n, textBytes: bytes, needle, sampleTitles };
  writeFileSync(stampFile, JSON.stringify({ ...library, seed, wanted: textBytes }));
  return { ...library, reused: false };
}
