// The contract over IPC: one channel, a method name and its arguments, answered by the contract's
// one dispatcher (main/contract/dispatch.ts), as the preview answers POST api/<method> over HTTP.
// The answer is always a plain ApiAnswer, never a rejected invoke: Electron would wrap the message
// ("Error invoking remote method…") and drop the code; the page's client throws it as an ApiError.
import type { ApiAnswer, ChangmunApi } from '../api.js';
import { dispatchApi } from '../contract/dispatch.js';
import { isTrustedSender } from './policy.js';

/** The one IPC channel of the contract (the preload uses the same string). */
export const API_CHANNEL = 'changmun:api';

/** Anything that implements the contract, and can take absolute paths out of a message. */
export interface ApiTarget extends ChangmunApi {
  scrub(message: string): string;
}

/** Call one contract method as the renderer asked; unknown names and arguments the table refuses never reach the target. */
export function callApi(target: ApiTarget, method: unknown, args: unknown): Promise<ApiAnswer> {
  return dispatchApi(target, method, args, { scrub: (m) => target.scrub(m) });
}

/** ipcMain.handle's handler: only the app's own page may ask. */
export async function answerIpc(target: ApiTarget, senderUrl: string | undefined, method: unknown, args: unknown): Promise<ApiAnswer> {
  if (!isTrustedSender(senderUrl)) {
    return { ok: false, error: { code: 'refused', ko: '앱의 화면만 요청할 수 있습니다.', en: 'Only the app’s own page may ask.' } };
  }
  return callApi(target, method, args);
}
