// A bounded, read-only view of a zip archive. Books come from untrusted hands, so every read is
// capped (entries, bytes per entry, bytes in total, compression ratio) before anything is inflated,
// and every yauzl or file-system failure becomes an ExtractError.
import { isUtf8 } from 'node:buffer';
import { stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { ExtractError, type ExtractErrorCode } from '../../errors.js';
import { isValidCp949 } from '../encoding.js';

export interface ZipLimits {
  maxEntries: number;
  /** Inflated bytes one entry may have. */
  maxEntryBytes: number;
  /** Inflated bytes all reads together may have. */
  maxTotalBytes: number;
  /** Inflated:compressed ratio above which an entry larger than `ratioFloorBytes` is a bomb. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

// Deflate tops out near 1032:1 (runs of one byte); real XHTML rarely passes 20:1, and even machine-
// made markup that repeats itself stays well below 500:1. A tiny entry may
// compress absurdly (a page of spaces) without harming anyone, hence the floor.
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 64 * MiB,
  maxTotalBytes: 512 * MiB,
  maxRatio: 500,
  ratioFloorBytes: 1 * MiB,
};

export interface ZipReader {
  /** File entries (no folders), names NFC, in archive order. */
  readonly names: readonly string[];
  /** The entry `name` refers to: the exact name, else the only case-insensitive match. */
  find(name: string): string | undefined;
  /** The inflated bytes of an entry, refused with 'too-large' when over the limits. */
  read(name: string, maxBytes?: number): Promise<Uint8Array>;
  /** What an entry declares (without reading it): inflated and compressed bytes. */
  sizeOf(name: string): { inflated: number; compressed: number } | undefined;
  /** Releases the file handle; safe to call more than once. */
  close(): void;
}

export type ZipInput = { path: string } | { bytes: Uint8Array };

export async function openZip(input: ZipInput, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipReader> {
  // Names are decoded here rather than by yauzl: with decodeStrings on, one entry named `../x` makes
  // yauzl fail the whole listing, and names without the UTF-8 flag come out as CP437 mojibake even
  // when they are UTF-8 or CP949 (Korean Windows zip tools write CP949).
  const options: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
  let zip: yauzl.ZipFile;
  if ('path' in input) {
    let size: number;
    try {
      size = (await stat(input.path)).size;
    } catch (e) {
      throw new ExtractError('unreadable', `cannot read the file: ${messageOf(e)}`, { cause: e });
    }
    if (size === 0) throw new ExtractError('empty', 'zero bytes');
    zip = await wrap(() => yauzl.openPromise(input.path, options), 'corrupt', 'not a zip archive');
  } else {
    const b = input.bytes;
    if (b.length === 0) throw new ExtractError('empty', 'zero bytes');
    const buffer = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    zip = await wrap(() => yauzl.fromBufferPromise(buffer, options), 'corrupt', 'not a zip archive');
  }

  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ExtractError('too-large', `${zip.entryCount} entries in the archive (limit ${limits.maxEntries})`);
    }
    const entries = new Map<string, yauzl.Entry>();
    await wrap(async () => {
      for await (const entry of zip.eachEntry()) {
        const name = entryName(entry);
        if (name === undefined || name.endsWith('/') || entries.has(name)) continue;
        entries.set(name, entry);
      }
    }, 'corrupt', 'damaged zip directory');
    return new BoundedZip(zip, entries, limits);
  } catch (e) {
    zip.close();
    throw e;
  }
}

class BoundedZip implements ZipReader {
  readonly names: readonly string[];
  private totalBytes = 0;
  private folded: Map<string, string | null> | undefined;

  constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly limits: ZipLimits,
  ) {
    this.names = [...entries.keys()];
  }

  find(name: string): string | undefined {
    const nfc = name.normalize('NFC');
    if (this.entries.has(nfc)) return nfc;
    if (this.folded === undefined) {
      // Books made on Windows or macOS often get the case of a file name wrong in the OPF.
      this.folded = new Map();
      for (const n of this.names) {
        const key = n.toLowerCase();
        this.folded.set(key, this.folded.has(key) ? null : n);
      }
    }
    return this.folded.get(nfc.toLowerCase()) ?? undefined;
  }

  sizeOf(name: string): { inflated: number; compressed: number } | undefined {
    const e = this.entries.get(name);
    return e ? { inflated: e.uncompressedSize, compressed: e.compressedSize } : undefined;
  }

  async read(name: string, maxBytes = this.limits.maxEntryBytes): Promise<Uint8Array> {
    const entry = this.entries.get(name);
    if (entry === undefined) throw new ExtractError('corrupt', `no entry ${name} in the archive`);
    const declared = entry.uncompressedSize;
    const limit = Math.min(maxBytes, this.limits.maxEntryBytes);
    if (declared > limit) {
      throw new ExtractError('too-large', `${name} would inflate to ${declared} bytes (limit ${limit})`);
    }
    const ratio = declared / Math.max(1, entry.compressedSize);
    if (declared > this.limits.ratioFloorBytes && ratio > this.limits.maxRatio) {
      throw new ExtractError('too-large', `${name} inflates ${Math.round(ratio)}:1, a zip bomb`);
    }
    if (this.totalBytes + declared > this.limits.maxTotalBytes) {
      throw new ExtractError('too-large', `more than ${this.limits.maxTotalBytes} inflated bytes in total`);
    }
    if (entry.isEncrypted()) throw new ExtractError('unsupported', `${name} is password-protected`);
    if (!entry.canDecodeFileData()) {
      throw new ExtractError('unsupported', `${name} uses zip compression method ${entry.compressionMethod}`);
    }
    this.totalBytes += declared;
    const stream = await wrap(() => this.zip.openReadStreamPromise(entry), 'corrupt', `cannot open ${name}`);

    return new Promise<Uint8Array>((resolve, reject) => {
      const parts: Buffer[] = [];
      let received = 0;
      let settled = false;
      const fail = (e: ExtractError) => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(e);
      };
      stream.on('data', (b: Buffer) => {
        received += b.length;
        // yauzl checks this too, but only after handing us the bytes; stop before buffering them.
        if (received > declared) {
          fail(new ExtractError('corrupt', `${name} inflates past its declared ${declared} bytes`));
          return;
        }
        parts.push(b);
      });
      stream.on('error', (e: unknown) => fail(toExtractError(e, 'corrupt', `${name} is damaged`)));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        resolve(Buffer.concat(parts, received));
      });
    });
  }

  close(): void {
    this.zip.close();
  }
}

function entryName(entry: yauzl.Entry): string | undefined {
  const raw = entry.fileNameRaw;
  const flagged = (entry.generalPurposeBitFlag & 0x800) !== 0 || entry.extraFields.some((f) => f.id === 0x7075);
  let name: string;
  if (flagged || isUtf8(raw)) {
    name = flagged ? yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false) : raw.toString('utf8');
  } else if (isValidCp949(raw)) {
    name = iconv.decode(raw, 'cp949');
  } else {
    name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
  }
  name = name.replace(/\\/g, '/').normalize('NFC');
  // Absolute paths, drive letters and `..` segments are left out, so no href can ever match them.
  return yauzl.validateFileName(name) === null ? name : undefined;
}

async function wrap<T>(run: () => Promise<T>, code: ExtractErrorCode, detail: string): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toExtractError(e, code, detail);
  }
}

function toExtractError(e: unknown, code: ExtractErrorCode, detail: string): ExtractError {
  if (e instanceof ExtractError) return e;
  const errno = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) {
    return new ExtractError('unreadable', `cannot read the file: ${messageOf(e)}`, { cause: e });
  }
  return new ExtractError(code, `${detail}: ${messageOf(e)}`, { cause: e });
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
