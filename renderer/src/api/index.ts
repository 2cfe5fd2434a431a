// Which back end the UI talks to: the Electron preload's (window.changmun) when the app runs in its
// window, else the preview server over HTTP. Both implement the same contract (main/api.ts).
import type { ChangmunApi, FileUrls } from '../../../main/api';
import type { Backend } from './context';
import { createHttpBackend } from './http';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a browser. */
    changmun?: { api: ChangmunApi; urls: FileUrls };
  }
}

let backend: Backend | undefined;

export function getBackend(): Backend {
  backend ??= window.changmun ?? createHttpBackend();
  return backend;
}

export { createHttpBackend } from './http';
export type { Backend } from './context';
