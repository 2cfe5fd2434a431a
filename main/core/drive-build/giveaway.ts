// Names that give away what a drive is: a heuristic over the words in giveaway-words.json (one data
// file a volunteer group can edit). It points at names to look at again; it proves nothing.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import data from './giveaway-words.json' with { type: 'json' };

export type GiveawayWhere = 'label' | 'folder-name' | 'path' | 'title' | 'author' | 'collection' | 'library-title' | 'app-name';

export interface GiveawayFinding {
  where: GiveawayWhere;
  /** The file or item the text belongs to (library-relative), when it belongs to one. */
  path?: string;
  text: string;
  words: { word: string; note: string }[];
}

interface Matcher {
  word: string;
  note: string;
  test: (text: string) => boolean;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

function matcherFor(word: string, note: string): Matcher {
  const w = word.normalize('NFC');
  if (HANGUL.test(w)) {
    // Korean words match inside longer words: 탈북자, 통일부, 자유롭게 all say what they say.
    return { word: w, note, test: (t) => t.includes(w) };
  }
  // Latin words match at the start of a word (not inside one: "ebs" is not in "webs").
  const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s_-]+/g, '[\\s_.-]*');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, 'iu');
  return { word: w, note, test: (t) => re.test(t) };
}

const MATCHERS: Matcher[] = (data.words as { word: string; note: string }[]).map((e) => matcherFor(e.word, e.note));

/** What the list is and is not, for the report. */
export const GIVEAWAY_ABOUT = { ko: data.aboutKo, en: data.about };

/** The listed words a text contains. */
export function giveawayWords(text: string): { word: string; note: string }[] {
  const t = text.normalize('NFC');
  return MATCHERS.filter((m) => m.test(t)).map(({ word, note }) => ({ word, note }));
}

export function checkName(where: GiveawayWhere, text: string, itemPath?: string): GiveawayFinding | undefined {
  const words = giveawayWords(text);
  return words.length > 0 ? { where, text, words, ...(itemPath !== undefined ? { path: itemPath } : {}) } : undefined;
}

/**
 * The volume label of the file system the folder is the root of, when the system says: findmnt on
 * Linux, `vol` on Windows, the mount point's name under /Volumes on a Mac. Undefined otherwise.
 */
export async function volumeLabel(folder: string): Promise<string | undefined> {
  const real = await fs.realpath(folder).catch(() => path.resolve(folder));
  if (process.platform === 'win32') {
    const drive = /^([A-Za-z]):\\?$/.exec(real)?.[1];
    if (!drive) return undefined;
    // Get-Volume answers the same in every Windows language (vol's sentence does not).
    const out = await run('powershell', ['-NoProfile', '-NonInteractive', '-Command', `(Get-Volume -DriveLetter ${drive}).FileSystemLabel`]);
    return out?.trim() || undefined;
  }
  if (process.platform === 'darwin') {
    return path.dirname(real) === '/Volumes' ? path.basename(real) : undefined;
  }
  const out = await run('findmnt', ['-n', '-P', '-o', 'TARGET,LABEL', '--target', real]);
  const target = /TARGET="([^"]*)"/.exec(out ?? '')?.[1];
  const label = /LABEL="([^"]*)"/.exec(out ?? '')?.[1];
  if (target === undefined || unescapeFindmnt(target) !== real) return undefined;
  if (label) return unescapeFindmnt(label);
  // Desktop Linux mounts a stick at /media/<user>/<label> or /run/media/<user>/<label>.
  return /^\/(?:run\/)?media\/[^/]+\/[^/]+$/.test(real) ? path.basename(real) : undefined;
}

/** findmnt writes bytes it will not print as \xNN: they are UTF-8, put back together here. */
function unescapeFindmnt(s: string): string {
  const bytes: Buffer[] = [];
  for (const part of s.split(/(\\x[0-9a-fA-F]{2})/)) {
    if (/^\\x[0-9a-fA-F]{2}$/.test(part)) bytes.push(Buffer.from([Number.parseInt(part.slice(2), 16)]));
    else bytes.push(Buffer.from(part, 'utf8'));
  }
  return Buffer.concat(bytes).toString('utf8');
}

function run(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 5000, windowsHide: true, encoding: 'utf8' }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}
