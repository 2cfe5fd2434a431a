// The preload as Electron's sandbox runs it: compiled as the build compiles it (CommonJS), run with a
// `require` that knows only 'electron', and what it exposes handed to the page the way contextBridge
// does: plain data is copied (a structured clone), functions are proxied, and an Error that crosses
// keeps only its message (Electron's docs: custom properties on an Error are lost). A test that
// passes through this bridge cannot lean on anything but plain data reaching the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { REPO_ROOT } from './paths.js';

export const PRELOAD_SOURCE = path.join(REPO_ROOT, 'main', 'electron', 'preload', 'index.ts');

export interface LoadedPreload {
  /** What the page sees under each key exposeInMainWorld was given, after the bridge. */
  exposed: Map<string, unknown>;
  /** Every ipcRenderer.invoke the preload made: [channel, ...args]. */
  invoked: unknown[][];
  /** Every module the preload asked `require` for. */
  required: string[];
  ipcRenderer: object;
}

/**
 * `invoke` answers the preload's ipcRenderer.invoke (the main process's handler, or a fixed answer).
 * `compiled`: a preload as some build compiled it (the legacy bundle); else the source, compiled here.
 */
export function loadPreload(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>, compiled?: string): LoadedPreload {
  const js =
    compiled ??
    ts.transpileModule(readFileSync(PRELOAD_SOURCE, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const ipcRenderer = {
    // Electron's IPC copies arguments and answers with the structured clone algorithm too.
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push([channel, ...args]);
      return structuredClone(await invoke(channel, ...structuredClone(args)));
    },
    send: () => {
      throw new Error('the preload must not send');
    },
    on: () => {
      throw new Error('the preload must not listen');
    },
  };
  const contextBridge = { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, acrossBridge(value)) };
  const electron = { contextBridge, ipcRenderer };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`the sandbox cannot require ${id}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(`(function (require, module, exports) {${js}\n})`, { Error, Promise, String, Array })(sandboxRequire, module, module.exports);
  return { exposed, invoked, required, ipcRenderer };
}

/** A value as the main world gets it from contextBridge. */
function acrossBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    return (...args: unknown[]) => {
      let result: unknown;
      try {
        result = (value as (...a: unknown[]) => unknown)(...args.map(acrossBridge));
      } catch (e) {
        throw bridgedError(e);
      }
      if (result instanceof Promise) return result.then(acrossBridge, (e: unknown) => Promise.reject(bridgedError(e)));
      return acrossBridge(result);
    };
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(acrossBridge);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = acrossBridge(v);
  return Object.freeze(out);
}

function bridgedError(e: unknown): Error {
  return new Error(e instanceof Error ? e.message : String(e));
}
