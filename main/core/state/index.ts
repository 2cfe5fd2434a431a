// Settings and reading places. Drives pass from hand to hand, so by default places are remembered
// for this session only, in memory, and are gone when the app closes. Keeping them on the drive
// (`.changmun/state/state.json`) is on only when the person using the app now turns it on: a state
// file found on the drive at start is never loaded or written silently. The app tells the person it
// is there (getRememberStatus().found) and uses it only when they choose to continue; otherwise it
// reads nothing from it and writes nothing. Writes are atomic (a pulled drive keeps the previous
// file) and go only into this drive's own `.changmun/state/` (state-write.ts). On a read-only drive
// saving says so and memory still works.
import { promises as fs } from 'node:fs';
import type { ReadingPosition, RememberStatus, SaveResult, Settings } from '../../api.js';
import { ApiError } from '../../contract/errors.js';
import {
  cleanPosition, cleanSettings, DEFAULT_VOLUME, isItemPath, MAX_POSITIONS, readStateOnDrive, STATE_FORMAT, stateDir, type RememberedState, type StateFile,
} from './state-file.js';
import { removeStateFolder, StateFolderRefused, writeStateFile } from './state-write.js';

export { stateDir, stateFile } from './state-file.js';

/** Where I was is remembered for the session by default; nothing is kept on the drive by default. */
export function defaultSettings(language: 'ko' | 'en' = 'ko'): Settings {
  return { language, fontSize: 18, theme: 'light', remember: false, rememberPlaces: true, volume: DEFAULT_VOLUME };
}

/** What was found on the drive at start and not yet chosen: kept aside, never applied. */
type Found = { state: RememberedState } | { unreadable: true };

export class StateStore {
  private settings: Settings;
  private positions = new Map<string, ReadingPosition>();
  private found: Found | undefined;
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
   * Open the state of a drive: starts with nothing remembered. A state file on the drive is looked
   * at (and checked) but not used until `resumeRemembering()`; opening never writes.
   */
  static async open(dataDir: string, options: { language?: 'ko' | 'en' } = {}): Promise<StateStore> {
    const store = new StateStore(dataDir, defaultSettings(options.language));
    await store.lookAtDrive();
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

  rememberStatus(): RememberStatus {
    const f = this.found;
    return {
      onDrive: this.settings.remember,
      ...(f ? { found: 'state' in f ? { places: f.state.positions.size } : { unreadable: true as const } } : {}),
      sessionPlaces: this.positions.size,
    };
  }

  /**
   * The person chose to go on remembering on this drive: what the drive held is loaded (this
   * session's places stay on top, being newer) and from now on every change is written. Where the
   * drive held something unusable it is replaced.
   */
  async resumeRemembering(): Promise<SaveResult> {
    this.takeFound();
    this.settings = { ...this.settings, remember: true };
    return this.persist();
  }

  async saveSettings(input: Settings): Promise<SaveResult> {
    const wasRemembering = this.settings.remember;
    const next = cleanSettings(input, this.settings);
    // Turned on while the drive holds places nobody chose yet: on means "on this drive", so they are
    // continued, not overwritten; the settings are the ones just chosen.
    if (next.remember && !wasRemembering) this.takeFound();
    this.settings = next;
    // "Remember where I was" turned off: the places kept so far go too (from the drive with the next write).
    if (next.rememberPlaces === false) this.positions.clear();
    if (this.settings.remember) return this.persist();
    // Turning "remember" off takes what the drive held off it, or the next start would offer it again.
    if (wasRemembering) return this.removeFromDrive().then((r) => (r.saved ? { saved: false, reason: 'not-remembering' } : r));
    return { saved: false, reason: 'not-remembering' };
  }

  async savePosition(itemPath: string, position: ReadingPosition): Promise<SaveResult> {
    if (!isItemPath(itemPath)) throw new ApiError('bad-argument', '읽던 곳을 둘 항목의 경로가 아닙니다.', 'That is not the path of an item to keep a place for.');
    const clean = cleanPosition(position);
    if (!clean) throw new ApiError('bad-argument', '읽던 곳은 { at: 글자나 숫자, updatedAt: 글자 } 여야 합니다.', 'A place must be { at: string | number, updatedAt: string }.');
    if (this.settings.rememberPlaces === false) return { saved: false, reason: 'not-remembering' };
    this.positions.delete(itemPath);
    this.positions.set(itemPath, clean);
    this.trimPositions();
    return this.settings.remember ? this.persist() : { saved: false, reason: 'not-remembering' };
  }

  /**
   * Delete the state folder on the drive (whatever it held, found at start or written since) and
   * everything in memory. `saved: true` means the drive holds nothing remembered any more.
   */
  async forgetEverything(): Promise<SaveResult> {
    this.settings = { ...this.defaults };
    this.positions.clear();
    const r = await this.removeFromDrive();
    if (r.saved) this.found = undefined;
    return r;
  }

  /**
   * Forget what this session holds, leaving the drive as it is (the preview's quit). What the drive
   * holds is then offered again, as at a start.
   */
  async clearMemory(): Promise<void> {
    this.settings = { ...this.defaults };
    this.positions.clear();
    await this.serialised(() => this.lookAtDrive());
  }

  private async lookAtDrive(): Promise<void> {
    const onDrive = await readStateOnDrive(this.dataDir);
    this.found = onDrive.status === 'found' ? { state: onDrive.state } : onDrive.status === 'unreadable' ? { unreadable: true } : undefined;
  }

  private takeFound(): void {
    const f = this.found;
    this.found = undefined;
    if (!f || !('state' in f)) return;
    this.settings = { ...f.state.settings };
    const mine = this.positions;
    this.positions = new Map([...f.state.positions].filter(([k]) => !mine.has(k)));
    for (const [k, v] of mine) this.positions.set(k, v);
    this.trimPositions();
  }

  private trimPositions(): void {
    // The oldest go first when the map is full (a Map keeps insertion order).
    while (this.positions.size > MAX_POSITIONS) this.positions.delete(this.positions.keys().next().value!);
  }

  private persist(): Promise<SaveResult> {
    const doc: StateFile = { format: STATE_FORMAT, settings: { ...this.settings }, positions: this.getPositions() };
    return this.serialised(async () => {
      try {
        await writeStateFile(this.dataDir, JSON.stringify(doc), { sweep: !this.swept });
        this.swept = true;
        return { saved: true } as SaveResult;
      } catch (e) {
        if (e instanceof StateFolderRefused) return { saved: false, reason: 'refused' } as SaveResult;
        // EROFS, EACCES, EPERM, ENOTDIR, ENOSPC: in every case nothing is on the drive and memory is
        // still right, which is what the person needs to know.
        return { saved: false, reason: 'read-only' } as SaveResult;
      }
    });
  }

  private removeFromDrive(): Promise<SaveResult> {
    return this.serialised(async () => {
      try {
        await removeStateFolder(this.dataDir);
        return { saved: true } as SaveResult;
      } catch (e) {
        // Nothing to remove (a file where .changmun should be): the drive holds nothing remembered.
        if (!(await existsNoFollow(stateDir(this.dataDir)))) return { saved: true } as SaveResult;
        return { saved: false, reason: e instanceof StateFolderRefused ? 'refused' : 'read-only' } as SaveResult;
      }
    });
  }

  private serialised<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => {});
    return next;
  }
}

/** Whether something is at `p` (a link counts; the folders above it are followed as the OS does). */
async function existsNoFollow(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}
