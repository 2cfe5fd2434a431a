// The library and, while the index is being built or loaded, its progress: polls
// getIndexStatus(), reads the library again now and then while files are being read (so the home
// screen fills as the first index of a drive is built, not only at its end), and once more when the
// index is complete.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangmunApi, IndexStatus, LibraryInfo } from '../../../main/api';

const POLL_MS = 700;
/** While indexing, the library is read again at most this often… */
const GROW_EVERY_MS = 2000;
/** …and never more than a fifth of the time (listing 10,000 items is not free on an old PC). */
const GROW_SHARE = 5;

export interface LibraryState {
  library: LibraryInfo | null;
  /** The latest index status (the library's own until the first poll). */
  index: IndexStatus | null;
  error: unknown;
  reload: () => void;
}

export function useLibrary(api: ChangmunApi): LibraryState {
  const [library, setLibrary] = useState<LibraryInfo | null>(null);
  const [index, setIndex] = useState<IndexStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  /** When the library was last read while indexing, how long that took, and how far indexing was. */
  const grown = useRef({ at: 0, ms: 0, done: -1 });

  useEffect(() => {
    let live = true;
    api.getLibrary().then(
      (lib) => {
        if (!live) return;
        setLibrary(lib);
        setIndex(lib.index);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  // phase 'done' without complete: indexing failed (the problems list says why); nothing to wait for.
  const incomplete = library !== null && !library.index.complete && library.index.phase !== 'done';
  useEffect(() => {
    if (!incomplete) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const status = await api.getIndexStatus();
        if (!live) return;
        setIndex(status);
        if (status.complete || status.phase === 'done') {
          const lib = await api.getLibrary();
          if (!live) return;
          setLibrary(lib);
          setIndex(lib.index);
          return;
        }
        const g = grown.current;
        const now = performance.now();
        if (status.phase === 'indexing' && status.done > g.done && now - g.at >= Math.max(GROW_EVERY_MS, GROW_SHARE * g.ms)) {
          const lib = await api.getLibrary();
          grown.current = { at: performance.now(), ms: performance.now() - now, done: status.done };
          if (!live) return;
          // Only a library that grew: an answer from before a finished index is never put back.
          if (!lib.index.complete) setLibrary((old) => (old && old.index.complete ? old : lib));
        }
      } catch {
        // A failed poll is not the end of indexing: try again at the next tick.
      }
      if (live) timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, incomplete]);

  const reload = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  return { library, index, error, reload };
}
