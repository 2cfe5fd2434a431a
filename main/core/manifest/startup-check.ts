// The quick drive check the app runs at start, off the main thread, and what the UI is told of it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { DriveCheck } from '../../api.js';
import { startWorker } from '../workers.js';
import type { DriveCheckResult, FileFinding } from './check.js';
import { MANIFEST_FILE } from './drive-files.js';
import { looksBuilt } from './built-drive.js';

const MAX_LISTED = 200;

export interface StartupCheckOptions {
  /** Start once this settles (the index has loaded: both read the stick), or after `delayMs`. */
  after?: Promise<unknown>;
  delayMs?: number;
}

export class StartupDriveCheck {
  private state: DriveCheck = emptyCheck('checking');
  private worker: Worker | undefined;
  private closed = false;
  /** Resolves with the final answer (never rejects). */
  readonly done: Promise<DriveCheck>;

  constructor(readonly driveRoot: string, options: StartupCheckOptions = {}) {
    this.done = this.run(options);
  }

  current(): DriveCheck {
    return this.state;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
  }

  private async run(options: StartupCheckOptions): Promise<DriveCheck> {
    try {
      await fs.access(path.join(this.driveRoot, MANIFEST_FILE));
    } catch {
      // No manifest: a plain folder of content, or a built drive that lost it (nobody vouches for it).
      return (this.state = (await looksBuilt(this.driveRoot)) ? unknownDrive('no-manifest') : emptyCheck('none'));
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      (options.after ?? new Promise<never>(() => {})).catch(() => {}),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.delayMs ?? 3000);
        // Waiting for the check must not keep a process alive that is done with everything else.
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    if (this.closed) return this.state;
    const answer = await new Promise<DriveCheck>((resolve) => {
      const worker = startWorker(import.meta.url, 'check-worker', {
        workerData: { driveRoot: this.driveRoot },
        resourceLimits: { maxOldGenerationSizeMb: 256 },
      });
      this.worker = worker;
      worker.once('message', (msg: { kind: 'done'; result: DriveCheckResult } | { kind: 'failed'; message: string }) => {
        resolve(msg.kind === 'done' ? summariseForApp(msg.result) : emptyCheck('failed'));
        void worker.terminate();
      });
      worker.once('error', () => resolve(emptyCheck('failed')));
      worker.once('exit', () => resolve(emptyCheck('failed')));
    });
    this.state = answer;
    return answer;
  }
}

export function emptyCheck(state: DriveCheck['state']): DriveCheck {
  return { state, signature: 'unsigned', changed: [], missing: [], added: [], damaged: [], counts: { changed: 0, missing: 0, added: 0, damaged: 0 }, unverified: 0 };
}

function unknownDrive(because: NonNullable<DriveCheck['unknownBecause']>): DriveCheck {
  return { ...emptyCheck('unknown'), unknownBecause: because };
}

/**
 * The check as the recipient's screen needs it. The drive's derived data is left out: the app
 * rebuilds its own index when the library changed, and that is not news to anyone.
 */
export function summariseForApp(r: DriveCheckResult): DriveCheck {
  if (r.manifest === 'missing') return emptyCheck('none');
  if (r.manifest === 'damaged') return { ...emptyCheck('manifest-damaged'), signature: 'invalid' };
  const seen = (list: FileFinding[]) => list.filter((f) => f.area !== 'data');
  const changed = seen(r.modified);
  const missing = seen(r.missing);
  const added = seen(r.added);
  const damaged = seen(r.damaged);
  const any = changed.length + missing.length + added.length + damaged.length > 0;
  const names = (list: FileFinding[]) => list.slice(0, MAX_LISTED).map((f) => f.path);
  // A list nobody signed proves nothing: anyone who changed the files could have written it. What
  // it still tells (files that differ from it, files that cannot be read) is kept for the details.
  const unsigned = r.signature.status === 'unsigned';
  return {
    state: unsigned ? 'unknown' : any ? 'changed' : 'intact',
    ...(unsigned ? { unknownBecause: 'unsigned' as const } : {}),
    signature: r.signature.status,
    ...(r.signature.fingerprint ? { signer: { fingerprint: r.signature.fingerprint, display: r.signature.display ?? '' } } : {}),
    ...(r.signedAt ? { signedAt: r.signedAt } : {}),
    changed: names(changed),
    missing: names(missing),
    added: names(added),
    damaged: names(damaged),
    counts: { changed: changed.length, missing: missing.length, added: added.length, damaged: damaged.length },
    unverified: r.unverified.filter((f) => f.area !== 'data').length,
  };
}
