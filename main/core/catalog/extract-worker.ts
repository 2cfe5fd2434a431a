// Runs in a worker thread: extraction never blocks the thread that serves the UI.
import { parentPort } from 'node:worker_threads';
import { extractFile } from '../extract/index.js';
import { isExtractError } from '../errors.js';
import { attachTerms } from '../search/chunk-terms.js';
import type { ExtractRequest, ExtractResponse } from './pool.js';

if (!parentPort) throw new Error('changmun: extract-worker must run in a worker thread');
const port = parentPort;

port.on('message', (req: ExtractRequest) => {
  void (async () => {
    let res: ExtractResponse;
    try {
      const extract = await extractFile(req.absPath, req.relPath);
      // The indexer's text analysis, here, beside the extraction: it runs on another core.
      if (req.terms && 'chunks' in extract) attachTerms(extract.chunks);
      res = { id: req.id, ok: true, extract };
    } catch (e) {
      res = isExtractError(e)
        ? { id: req.id, ok: false, code: e.code, detail: e.detail }
        : { id: req.id, ok: false, code: 'unreadable', detail: String(e) };
    }
    port.postMessage(res);
  })();
});
