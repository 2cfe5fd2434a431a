// Settings and reading positions. Drives pass from hand to hand, so by default nothing is
// remembered: everything lives in memory and is gone when the app closes. Only when the person turns
// on "remember on this drive" is it kept in <dataDir>/state/state.json, written atomically so a
// pulled drive keeps the previous file. On a read-only drive saving says so and memory still works.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ReadingPosition, SaveResult, Settings } from '../../api.js';
import { sweepTemporaryFiles, writeFileAtomic } from '../drive/atomic.js';

const STATE_FORMAT = 1;
/** More than a person reads on one drive; it only keeps a hostile state file from growing memory. */
const MAX_POSITIONS = 10_000;
const MAX_STATE_BYTES = 8 * 1024 * 1024;

interface StateFile {
  format: number;
  settings: Settings;
  positions: Record<string, ReadingPosition>;
}

export function stateDir(dataDir: string): string {
  return path.join(dataDir, 'state');
}

export function stateFile(dataDir: string): string {
  return path.join(stateDir(dataDir), 'state.json');
}

export function defaultSettings(language: 'ko' | 'en' = 'ko'): Settings {
  return { language, fontSize: 18, theme: 'light', remember: false };
}

export class StateStore {
  private settings: Settings;
  private positions = new Map<string, ReadingPosition>();
  /** Writes one after another: two at once would race for the same temporary name. */
  private queue: Promise<unknown> = Promise.resolve();
  private swept = false;

  private constructor(
    readonly dataDir: string,
    private readonly defaults: Settings,
  ) {
    this.settings = { ...defaults };
  }

  /**
   * Open the state of a drive. What was remembered is loaded only if the state file exists (that is
   * what "remember" means across sessions); opening never writes.
   */
  static async open(dataDir: string, options: { language?: 'ko' | 'en' } = {}): Promise<StateStore> {
    const store = new StateStore(dataDir, defaultSettings(options.language));
    await store.load();
    return store;
  }

  getSettings(): Settings {
    return { ...this.settings };
  }

  getPositions(): Record<string, ReadingPosition> {
    return Object.fromEntries([...this.positions].map(([k, v]) => [k, { ...v }]));
  }

  get remembering(): boolean {
    return this.settings.remember;
  }

  async saveSettings(input: Settings): Promise<SaveResult> {
    const wasRemembering = this.settings.remember;
    this.settings = cleanSettings(input, this.settings);
    if (this.settings.remember) return this.persist();
    // Turning "remember" off takes what the drive held off it, or the next start would load it.
    if (wasRemembering) await this.serialised(() => fs.rm(stateDir(this.dataDir), { recursive: true, force: true })).catch(() => {});
    return { saved: false, reason: 'not-remembering' };
  }

  async savePosition(itemPath: string, position: ReadingPosition): Promise<SaveResult> {
    if (typeof itemPath !== 'string' || itemPath === '' || itemPath.length > 4096) throw new TypeError('changmun: savePosition needs an item path');
    const clean = cleanPosition(position);
    if (!clean) throw new TypeError('changmun: savePosition needs { at: string | number, updatedAt: string }');
    this.positions.delete(itemPath);
    this.positions.set(itemPath, clean);
    // The oldest go first when the map is full (a Map keeps insertion order).
    while (this.positions.size > MAX_POSITIONS) this.positions.delete(this.positions.keys().next().value!);
    return this.settings.remember ? this.persist() : { saved: false, reason: 'not-remembering' };
  }

  /**
   * Delete the state folder on the drive and everything in memory. `saved: true` means the drive
   * holds nothing remembered any more; `read-only` that the folder is there and could not be removed.
   */
  async forgetEverything(): Promise<SaveResult> {
    this.clearMemory();
    try {
      await this.serialised(() => fs.rm(stateDir(this.dataDir), { recursive: true, force: true }));
    } catch {
      if (await exists(stateDir(this.dataDir))) return { saved: false, reason: 'read-only' };
    }
    return { saved: true };
  }

  /** Forget what this session holds, leaving the drive as it is (the preview's quit). */
  clearMemory(): void {
    this.settings = { ...this.defaults };
    this.positions.clear();
  }

  private persist(): Promise<SaveResult> {
    const doc: StateFile = { format: STATE_FORMAT, settings: { ...this.settings }, positions: this.getPositions() };
    return this.serialised(async () => {
      try {
        if (!this.swept) {
          await sweepTemporaryFiles(stateDir(this.dataDir));
          this.swept = true;
        }
        await writeFileAtomic(stateFile(this.dataDir), JSON.stringify(doc));
        return { saved: true } as SaveResult;
      } catch {
        // EROFS, EACCES, EPERM, ENOTDIR, ENOSPC: in every case nothing is on the drive and memory is
        // still right, which is what the person needs to know.
        return { saved: false, reason: 'read-only' } as SaveResult;
      }
    });
  }

  private serialised<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => {});
    return next;
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      const file = stateFile(this.dataDir);
      const st = await fs.stat(file);
      if (!st.isFile() || st.size > MAX_STATE_BYTES) return;
      text = await fs.readFile(file, 'utf8');
    } catch {
      return;
    }
    let doc: Partial<StateFile>;
    try {
      doc = JSON.parse(text) as Partial<StateFile>;
    } catch {
      return; // A damaged file is ignored (and replaced at the next save), never fatal.
    }
    if (typeof doc !== 'object' || doc === null) return;
    // The file exists only because "remember" was on.
    this.settings = { ...cleanSettings(doc.settings ?? this.defaults, this.defaults), remember: true };
    if (typeof doc.positions === 'object' && doc.positions !== null) {
      for (const [k, v] of Object.entries(doc.positions).slice(0, MAX_POSITIONS)) {
        const p = cleanPosition(v);
        if (p && k !== '') this.positions.set(k, p);
      }
    }
  }
}

/** Settings come from a page or a file: keep each field only when it is what it claims to be. */
function cleanSettings(input: Partial<Settings> | undefined, fallback: Settings): Settings {
  const s = typeof input === 'object' && input !== null ? input : {};
  const fontSize = typeof s.fontSize === 'number' && Number.isFinite(s.fontSize) ? Math.min(48, Math.max(8, s.fontSize)) : fallback.fontSize;
  return {
    language: s.language === 'ko' || s.language === 'en' ? s.language : fallback.language,
    fontSize,
    theme: s.theme === 'light' || s.theme === 'dark' ? s.theme : fallback.theme,
    remember: typeof s.remember === 'boolean' ? s.remember : fallback.remember,
  };
}

function cleanPosition(p: unknown): ReadingPosition | undefined {
  if (typeof p !== 'object' || p === null) return undefined;
  const { at, updatedAt } = p as Partial<ReadingPosition>;
  const okAt = (typeof at === 'string' && at.length <= 4096) || (typeof at === 'number' && Number.isFinite(at));
  if (!okAt || typeof updatedAt !== 'string' || updatedAt.length > 64) return undefined;
  return { at: at!, updatedAt };
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}
