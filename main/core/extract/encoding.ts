// Bytes to text for every text format on a drive: BOM, then strict UTF-8, then CP949.
// Node's own 'euc-kr' TextDecoder garbles the UHC syllables only CP949 has (똠, 뷁…:
// nodejs/node#61041), so legacy Korean goes through iconv-lite's cp949 table instead.
import iconv from 'iconv-lite';
import { ExtractError } from '../errors.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp949';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode the bytes of a text file. The result is NFC. Throws ExtractError('encoding') when the bytes
 * are none of the supported encodings (for example a binary file with a text name).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: finish(strictOrThrow(b.subarray(3), 'utf-8-bom')), encoding: 'utf-8-bom' };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: finish(utf16(b.subarray(2), 'utf-16le')), encoding: 'utf-16le' };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: finish(utf16(b.subarray(2), 'utf-16be')), encoding: 'utf-16be' };
  }
  try {
    const text = strictUtf8.decode(b);
    if (looksBinary(text)) throw new ExtractError('encoding', 'binary data, not text');
    return { text: finish(text), encoding: 'utf-8' };
  } catch (e) {
    if (e instanceof ExtractError) throw e;
  }
  if (isValidCp949(b)) {
    const text = iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), 'cp949');
    if (!looksBinary(text)) return { text: finish(text), encoding: 'cp949' };
  }
  throw new ExtractError('encoding', 'neither UTF-8, UTF-16 nor CP949 (EUC-KR)');
}

function strictOrThrow(b: Uint8Array, label: string): string {
  try {
    return strictUtf8.decode(b);
  } catch {
    throw new ExtractError('encoding', `${label} file with invalid UTF-8 bytes`);
  }
}

function utf16(b: Uint8Array, label: 'utf-16le' | 'utf-16be'): string {
  if (b.length % 2 !== 0) throw new ExtractError('encoding', `${label} file with an odd number of bytes`);
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    throw new ExtractError('encoding', `${label} file with invalid code units`);
  }
}

/**
 * CP949 structure check: ASCII, or a lead byte 0x81–0xFE followed by a trail byte in
 * 0x41–0x5A, 0x61–0x7A or 0x81–0xFE. Random bytes (and most other legacy encodings) fail it quickly,
 * which keeps iconv-lite from turning garbage into plausible-looking Hangul.
 */
export function isValidCp949(b: Uint8Array): boolean {
  let i = 0;
  let pairs = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c < 0x81 || c > 0xfe) return false;
    const t = b[i + 1];
    if (t === undefined) return false;
    const trailOk = (t >= 0x41 && t <= 0x5a) || (t >= 0x61 && t <= 0x7a) || (t >= 0x81 && t <= 0xfe);
    if (!trailOk) return false;
    pairs++;
    i += 2;
  }
  return pairs > 0 || b.length > 0;
}

/** Text with many control characters is a binary file that happened to decode. */
function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) control++;
    if (c === 0xfffd) control++;
  }
  return control > 0 && control / sample.length > 0.01;
}

function finish(text: string): string {
  return text.normalize('NFC');
}
