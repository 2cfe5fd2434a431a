// Small checks for JSON read from the drive: each returns the value when it is what it claims to be
// and throws Malformed otherwise, so a reader states the shape it expects in a few lines and nothing
// of another shape gets through (a forged index is a drive made by someone else).

export class Malformed extends Error {
  override readonly name = 'Malformed';
}

export type Json = unknown;

export function obj(v: Json, what: string): Record<string, Json> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Malformed(`${what} is not an object`);
  return v as Record<string, Json>;
}

export function arr(v: Json, what: string, max: number): Json[] {
  if (!Array.isArray(v)) throw new Malformed(`${what} is not a list`);
  if (v.length > max) throw new Malformed(`${what} has more than ${max} entries`);
  return v;
}

export function str(v: Json, what: string, max = 4096): string {
  if (typeof v !== 'string' || v.length > max) throw new Malformed(`${what} is not a string of at most ${max} characters`);
  return v;
}

export function optStr(v: Json, what: string, max = 4096): string | undefined {
  return v === undefined ? undefined : str(v, what, max);
}

export function int(v: Json, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Malformed(`${what} is not a whole number from ${min} to ${max}`);
  return v;
}

export function num(v: Json, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Malformed(`${what} is not a number`);
  return v;
}

export function bool(v: Json, what: string): boolean {
  if (typeof v !== 'boolean') throw new Malformed(`${what} is not true or false`);
  return v;
}

export function oneOf<T extends string>(v: Json, what: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new Malformed(`${what} is not one of ${values.join(', ')}`);
  return v as T;
}

export function strings(v: Json, what: string, maxItems: number, maxLength = 4096): string[] {
  const list = arr(v, what, maxItems) as unknown[];
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (typeof s !== 'string' || s.length > maxLength) throw new Malformed(`${what}[${i}] is not a string of at most ${maxLength} characters`);
  }
  return list as string[];
}

/** A library-relative path: '/'-separated, no empty, `.` or `..` segment, no NUL or backslash. */
export function relPath(v: Json, what: string): string {
  const s = str(v, what, 4096);
  if (!isRelPath(s)) throw new Malformed(`${what} is not a path inside the library`);
  return s;
}

/** One pass over the characters (a catalog holds tens of thousands of paths). */
function isRelPath(s: string): boolean {
  if (s === '' || (s.length >= 2 && s.charCodeAt(1) === 0x3a && /^[A-Za-z]/.test(s))) return false;
  let segStart = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0x2f;
    if (c === 0x5c || c === 0) return false;
    if (c === 0x2f) {
      const len = i - segStart;
      if (len === 0) return false;
      if (len <= 2 && s.charCodeAt(segStart) === 0x2e && (len === 1 || s.charCodeAt(segStart + 1) === 0x2e)) return false;
      segStart = i + 1;
    }
  }
  return true;
}

/** A SHA-256 in hex. */
export function sha256Hex(v: Json, what: string): string {
  const s = str(v, what, 64);
  if (!/^[0-9a-f]{64}$/.test(s)) throw new Malformed(`${what} is not a SHA-256`);
  return s;
}

/** Base64 (standard alphabet, padded). */
export function base64(v: Json, what: string, maxLength: number): string {
  const s = str(v, what, maxLength);
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) throw new Malformed(`${what} is not base64`);
  return s;
}
