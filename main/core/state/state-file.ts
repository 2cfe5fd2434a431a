// The state file on a drive (`.changmun/state/state.json`): its format, and reading it without
// trusting it. A drive can be prepared by someone who wants to record what its reader reads, so a
// state file found there is only looked at here — never applied — and anything that is not exactly
// what this app writes is refused whole: a file we wrote is always clean, so a file that is not
// clean is not ours.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ReadingPosition, Settings } from '../../api.js';
import { cleanPosition, DEFAULT_VOLUME, FONT_SIZE_RANGE, isItemPath, isVolume } from './settings-rules.js';

export { cleanPosition, cleanSettings, DEFAULT_VOLUME, FONT_SIZE_RANGE, isItemPath } from './settings-rules.js';

export const STATE_FORMAT = 1;
/** More than a person reads on one drive; it only keeps a hostile state file from growing memory. */
export const MAX_POSITIONS = 10_000;
export const MAX_STATE_BYTES = 8 * 1024 * 1024;

export interface StateFile {
  format: number;
  settings: Settings;
  positions: Record<string, ReadingPosition>;
}

/** What was remembered, once it passed every check. */
export interface RememberedState {
  settings: Settings;
  positions: Map<string, ReadingPosition>;
}

/**
 * What a drive holds at `.changmun/state/`: nothing; a state file this app can use; or something
 * that is not one (a damaged or foreign file, a link, a folder where the file should be).
 */
export type StateOnDrive = { status: 'none' } | { status: 'found'; state: RememberedState } | { status: 'unreadable'; why: string };

export function stateDir(dataDir: string): string {
  return path.join(dataDir, 'state');
}

export function stateFile(dataDir: string): string {
  return path.join(stateDir(dataDir), 'state.json');
}

/**
 * Look at `<dataDir>/state/state.json`, following no link: `.changmun` and `state` must be plain
 * folders and the file a plain file within the size bound. Reads only; never throws.
 */
export async function readStateOnDrive(dataDir: string): Promise<StateOnDrive> {
  const root = await lstatOrUndefined(dataDir);
  // No data folder, or one that is not ours to look into (a link elsewhere): nothing remembered here.
  if (!root || root.isSymbolicLink() || !root.isDirectory()) return { status: 'none' };
  const dir = await lstatOrUndefined(stateDir(dataDir));
  if (!dir) return { status: 'none' };
  if (dir.isSymbolicLink() || !dir.isDirectory()) return { status: 'unreadable', why: 'state is not a plain folder' };
  const file = await lstatOrUndefined(stateFile(dataDir));
  if (!file) return { status: 'none' };
  if (file.isSymbolicLink() || !file.isFile()) return { status: 'unreadable', why: 'state.json is not a plain file' };
  if (file.size > MAX_STATE_BYTES) return { status: 'unreadable', why: 'state.json is too large' };
  let text: string;
  try {
    text = await fs.readFile(stateFile(dataDir), 'utf8');
  } catch {
    return { status: 'unreadable', why: 'state.json cannot be read' };
  }
  const state = parseStateFile(text);
  return state ? { status: 'found', state } : { status: 'unreadable', why: 'state.json is not a state file of this app' };
}

/** The state in `text`, or undefined unless every field is exactly what this app writes. */
export function parseStateFile(text: string): RememberedState | undefined {
  if (text.length > MAX_STATE_BYTES) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(doc) || !hasOnlyKeys(doc, ['format', 'settings', 'positions'])) return undefined;
  if (doc['format'] !== STATE_FORMAT) return undefined;
  const settings = strictSettings(doc['settings']);
  const raw = doc['positions'];
  if (!settings || !isPlainObject(raw)) return undefined;
  const entries = Object.entries(raw);
  if (entries.length > MAX_POSITIONS) return undefined;
  const positions = new Map<string, ReadingPosition>();
  for (const [itemPath, value] of entries) {
    const p = cleanPosition(value);
    if (!p || !isItemPath(itemPath) || !hasOnlyKeys(value as Record<string, unknown>, ['at', 'updatedAt'])) return undefined;
    positions.set(itemPath, p);
  }
  return { settings: { ...settings, remember: true }, positions };
}

/** The file's settings: every field present and of its type, the size within the page's bounds. */
function strictSettings(s: unknown): Settings | undefined {
  // rememberPlaces and volume came later: a file written before them is still this app's.
  if (!isPlainObject(s) || !hasOnlyKeys(s, ['language', 'fontSize', 'theme', 'remember', 'rememberPlaces', 'volume'])) return undefined;
  const { language, fontSize, theme, remember, rememberPlaces, volume } = s;
  if (language !== 'ko' && language !== 'en') return undefined;
  if (theme !== 'light' && theme !== 'dark' && theme !== 'sepia') return undefined;
  if (typeof fontSize !== 'number' || !Number.isFinite(fontSize) || fontSize < FONT_SIZE_RANGE[0] || fontSize > FONT_SIZE_RANGE[1]) return undefined;
  // The file exists only while "remember" is on: a file saying otherwise was not written by us.
  if (remember !== true) return undefined;
  if (rememberPlaces !== undefined && typeof rememberPlaces !== 'boolean') return undefined;
  if (volume !== undefined && !isVolume(volume)) return undefined;
  return { language, fontSize, theme, remember, rememberPlaces: rememberPlaces ?? true, volume: volume ?? DEFAULT_VOLUME };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasOnlyKeys(o: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}

async function lstatOrUndefined(p: string) {
  try {
    return await fs.lstat(p);
  } catch {
    return undefined;
  }
}
