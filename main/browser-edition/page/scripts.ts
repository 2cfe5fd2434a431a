// Loading the browser edition's data from the drive. A page opened from file:// cannot fetch or
// read files, and module scripts are refused there (origin null); a classic <script src> is not.
// So every piece of data is a script that hands a string to DATA_CALLBACK (main/browser-edition/
// format.ts), and loading one is adding a <script> tag and waiting for it. Each payload is checked
// against the SHA-256 the library script names before anything reads it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { DATA_CALLBACK } from '../format.js';

declare global {
  interface Window {
    [DATA_CALLBACK]?: (id: string, payload: string) => void;
  }
}

/** A data script that could not be loaded (missing on the drive), or did not deliver what it should. */
export class DataScriptError extends Error {
  override readonly name = 'DataScriptError';
  constructor(
    /** The script, relative to the edition's folder. */
    readonly script: string,
    readonly reason: 'missing' | 'damaged',
  ) {
    super(`changmun: ${script} ${reason === 'missing' ? 'could not be loaded' : 'is not what the library names'}`);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

const UTF8 = new TextEncoder();

/** The payload's bytes as written at build time (a string's UTF-8). */
export function utf8Bytes(payload: string): Uint8Array {
  return UTF8.encode(payload);
}

export class DataScripts {
  /** Payloads delivered by scripts that ran, by id, until their load event takes them. */
  private readonly delivered = new Map<string, string>();
  private readonly loading = new Map<string, Promise<string>>();

  /** `base`: the edition's folder, relative to the page (ends in '/'). */
  constructor(private readonly base: string) {
    window[DATA_CALLBACK] = (id, payload) => {
      if (typeof id === 'string' && typeof payload === 'string') this.delivered.set(id, payload);
    };
  }

  /**
   * The payload of the script `rel` (relative to the edition's folder), which must call back with
   * `id`. With `sha256`, the payload's UTF-8 bytes must have that hash. Rejects with DataScriptError.
   */
  load(rel: string, id: string, sha256?: string): Promise<string> {
    const key = `${id}\u0000${rel}`;
    let p = this.loading.get(key);
    if (!p) {
      p = this.inject(rel, id).then((payload) => {
        if (sha256 !== undefined && sha256Hex(utf8Bytes(payload)) !== sha256) throw new DataScriptError(rel, 'damaged');
        return payload;
      });
      p.finally(() => this.loading.delete(key)).catch(() => undefined);
      this.loading.set(key, p);
    }
    return p;
  }

  private inject(rel: string, id: string): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const script = document.createElement('script');
      const done = () => {
        script.remove();
        const payload = this.delivered.get(id);
        this.delivered.delete(id);
        if (payload === undefined) reject(new DataScriptError(rel, 'damaged'));
        else resolve(payload);
      };
      script.onload = done;
      script.onerror = () => {
        script.remove();
        reject(new DataScriptError(rel, 'missing'));
      };
      script.src = this.base + rel;
      document.head.appendChild(script);
    });
  }
}
