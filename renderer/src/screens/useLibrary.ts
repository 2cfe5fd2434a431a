// The library and, while the index is being built or loaded, its progress: polls
// getIndexStatus() and reads the library again once the index is complete.
import { useCallback, useEffect, useState } from 'react';
import type { ChangmunApi, IndexStatus, LibraryInfo } from '../../../main/api';

const POLL_MS = 700;

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
  }, [api, incomplete, library]);

  const reload = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  return { library, index, error, reload };
}
