// Which transport the UI's one client uses: the Electron preload's invoke (IPC) when the app runs in
// its window, else the preview server over HTTP. Both carry the same contract (main/api.ts), and a
// failure reaches the page as the same ApiError with its code, Korean and English.
import type { ApiAnswer } from '../../../main/contract/errors';
import { createApiClient, fileUrlsAt } from '../../../main/contract/client';
import type { Backend } from './context';
import { createHttpBackend, previewBase } from './http';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a browser. */
    changmun?: { invoke(method: string, args: unknown[]): Promise<ApiAnswer> };
  }
}

let backend: Backend | undefined;

export function getBackend(): Backend {
  backend ??= createBackend();
  return backend;
}

function createBackend(): Backend {
  const bridge = window.changmun;
  if (!bridge) return createHttpBackend(previewBase(window.location.pathname));
  // The window's page is app://changmun/index.html: the routes are beside it.
  return { api: createApiClient((method, args) => bridge.invoke(method, args)), urls: fileUrlsAt(new URL('./', window.location.href).href) };
}

export { createHttpBackend } from './http';
export { ApiError } from '../../../main/contract/errors';
export type { Backend } from './context';
