// The one dispatcher from the contract's table (main/api.ts) to an implementation: the Electron
// shell calls it for every IPC message, the preview server for every POST api/<method>. A name not
// in the table, or arguments the table does not allow, never reach the implementation; whatever it
// throws comes back as { code, ko, en }, with absolute paths taken out. It never rejects.
import { API, isApiMethod, type ArgCheck, type ChangmunApi } from '../api.js';
import { ApiError, type ApiAnswer, type ApiErrorBody } from './errors.js';

export interface DispatchOptions {
  /** Takes absolute paths of the drive out of a message before it leaves the process. */
  scrub?: (message: string) => string;
}

/** Longest stranger's string quoted back in an error. */
const QUOTE_MAX = 60;

/** Calls one method as asked: `method` and `args` straight from the other side, unchecked. */
export async function dispatchApi(target: ChangmunApi, method: unknown, args: unknown, options: DispatchOptions = {}): Promise<ApiAnswer> {
  const scrub = options.scrub ?? ((m: string) => m);
  if (!isApiMethod(method)) {
    const name = quote(method);
    return refuse({ code: 'unknown-method', ko: `없는 요청입니다: ${name}`, en: `No such request: ${name}` });
  }
  if (!Array.isArray(args)) return refuse(badArgument(method, '인자는 목록(JSON 배열)이어야 합니다', 'the arguments must be a JSON array'));
  const checked = checkArguments(method, API[method].args, args);
  if (!Array.isArray(checked)) return refuse(checked);
  try {
    const fn = target[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(target, checked);
    // `undefined` has no JSON: a method with nothing to answer (quit) answers null.
    return { ok: true, value: value ?? null };
  } catch (e) {
    return refuse(errorBodyOf(e, scrub));
  }
}

/**
 * The arguments to call with, or why they are refused. JSON has no `undefined`: a left-out optional
 * argument arrives as null, and trailing ones as nothing at all; both become undefined.
 */
export function checkArguments(method: string, checks: readonly ArgCheck[], args: readonly unknown[]): unknown[] | ApiErrorBody {
  let given = args.length;
  while (given > 0 && (args[given - 1] === null || args[given - 1] === undefined)) given--;
  const required = checks.filter((c) => !c.endsWith('?')).length;
  if (given < required || given > checks.length) {
    const expected = required === checks.length ? `${required}` : `${required}–${checks.length}`;
    return badArgument(method, `인자가 ${expected}개 필요한데 ${given}개를 받았습니다`, `it takes ${expected} argument(s), not ${given}`);
  }
  const out: unknown[] = [];
  for (let i = 0; i < given; i++) {
    const check = checks[i]!;
    const value = args[i];
    const optional = check.endsWith('?');
    const kind = optional ? check.slice(0, -1) : check;
    if ((value === null || value === undefined) && optional) {
      out.push(undefined);
      continue;
    }
    if (!isKind(value, kind)) {
      return badArgument(method, `${i + 1}번째 인자는 ${KIND_KO[kind] ?? kind} 합니다`, `argument ${i + 1} must be ${KIND_EN[kind] ?? kind}`);
    }
    out.push(value);
  }
  return out;
}

/** The error as it crosses the contract: an ApiError as thrown; anything else is 'failed', with its message. */
export function errorBodyOf(e: unknown, scrub: (message: string) => string = (m) => m): ApiErrorBody {
  if (e instanceof ApiError) return { code: e.code, ko: scrub(e.ko), en: scrub(e.en) };
  const detail = scrub(e instanceof Error ? e.message : String(e)).slice(0, 500);
  return { code: 'failed', ko: `뜻밖의 문제가 생겼습니다: ${detail}`, en: `Something unexpected went wrong: ${detail}` };
}

function refuse(error: ApiErrorBody): ApiAnswer {
  return { ok: false, error };
}

function badArgument(method: string, ko: string, en: string): ApiErrorBody {
  return { code: 'bad-argument', ko: `잘못된 요청입니다(${method}): ${ko}.`, en: `Bad request (${method}): ${en}.` };
}

function isKind(value: unknown, kind: string): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

const KIND_KO: Record<string, string> = { string: '글자여야', number: '숫자여야', boolean: '참이나 거짓이어야', object: '객체여야' };
const KIND_EN: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'true or false', object: 'an object' };

function quote(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v;
  return JSON.stringify(s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX)}…` : s);
}
