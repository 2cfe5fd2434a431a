// The contract over IPC: one channel, a method name and its arguments, as the preview's
// POST api/<method> carries them over HTTP. The answer is always a plain object, never a rejected
// invoke: Electron would wrap the message ("Error invoking remote method…"), and the UI shows it.
import { API_METHODS, type ChangmunApi } from '../api.js';

/** The one IPC channel of the contract (the preload uses the same string). */
export const API_CHANNEL = 'changmun:api';

export type ApiAnswer = { ok: true; value: unknown } | { ok: false; error: string };

const METHODS: ReadonlySet<string> = new Set(API_METHODS);

/** Anything that implements the contract, and can take absolute paths out of a message. */
export interface ApiTarget extends ChangmunApi {
  scrub(message: string): string;
}

/** Call one contract method as the renderer asked; unknown names and non-array arguments refused. */
export async function callApi(target: ApiTarget, method: unknown, args: unknown): Promise<ApiAnswer> {
  if (typeof method !== 'string' || !METHODS.has(method)) return { ok: false, error: 'changmun: unknown method' };
  if (!Array.isArray(args)) return { ok: false, error: 'changmun: the arguments must be an array' };
  try {
    const fn = target[method as keyof ChangmunApi] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(target, args);
    return { ok: true, value: value ?? null };
  } catch (e) {
    return { ok: false, error: target.scrub(e instanceof Error ? e.message : String(e)) };
  }
}
