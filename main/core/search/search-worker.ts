// The search engine's own thread: indexing and queries never block the thread that serves the UI
// or streams a film. Messages in: open, search, catalog, close. Messages out: progress, ready,
// answers, and damaged/rebuilt when a saved index turned out damaged and was built again.
import { parentPort } from 'node:worker_threads';
import { LibraryIndex, type IndexOptions } from './library-index.js';
import type { LibraryLocation } from '../drive/locate.js';
import type { SearchOptions } from './types.js';

export type SearchWorkerRequest =
  | { kind: 'open'; location: LibraryLocation; options: Omit<IndexOptions, 'onProgress' | 'onDamaged' | 'onRebuilt'> }
  | { kind: 'search'; id: number; query: string; options: SearchOptions }
  | { kind: 'catalog'; id: number }
  | { kind: 'changes'; id: number; since: number }
  | { kind: 'close' };

if (!parentPort) throw new Error('changmun: search-worker must run in a worker thread');
const port = parentPort;
let index: LibraryIndex | undefined;

port.on('message', (msg: SearchWorkerRequest) => {
  switch (msg.kind) {
    case 'open': {
      index = new LibraryIndex(msg.location, {
        ...msg.options,
        onProgress: (p) => port.postMessage({ kind: 'progress', progress: p }),
        onDamaged: (e) => port.postMessage({ kind: 'damaged', message: e.message }),
        onRebuilt: (summary) => port.postMessage({ kind: 'rebuilt', summary, catalog: index!.catalog }),
      });
      index.start().then(
        (summary) => port.postMessage({ kind: 'ready', summary, catalog: index!.catalog }),
        (e: unknown) => port.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
      break;
    }
    case 'search': {
      try {
        if (!index) throw new Error('changmun: the library is not open yet');
        port.postMessage({ kind: 'answer', id: msg.id, response: index.search(msg.query, msg.options) });
      } catch (e) {
        port.postMessage({ kind: 'answer', id: msg.id, error: e instanceof Error ? e.message : String(e) });
      }
      break;
    }
    case 'catalog': {
      // Before the index is complete this is what has been read so far (or what the drive had saved).
      port.postMessage({ kind: 'catalog', id: msg.id, catalog: index?.snapshot(), complete: index?.engine.complete ?? false });
      break;
    }
    case 'changes': {
      // What the page does not have yet: the catalog's changes after the version it holds.
      port.postMessage({ kind: 'changes', id: msg.id, changes: index?.changesSince(msg.since), complete: index?.engine.complete ?? false });
      break;
    }
    case 'close':
      index?.close();
      port.close();
      break;
  }
});
