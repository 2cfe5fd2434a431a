// The library as the page holds it: sent whole once (getLibrary), then kept up to date with what
// changed (getLibraryChanges, which also carries the index status): while the first index of a
// drive is built the home screen fills as files are read, and a library of 10,000 items is never
// sent again whole. Asked often while indexing, now and then once complete (a damaged index found
// later is rebuilt, and the page shows it).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangmunApi, IndexStatus, LibraryInfo } from '../../../main/api';
import { applyLibraryChanges } from './library-changes';

/** How often to ask while the index is being built or loaded, and once it is complete. */
const POLL_BUSY_MS = 700;
const POLL_IDLE_MS = 4000;

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
  const current = useRef<LibraryInfo | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const lib = current.current;
      if (!lib) return;
      try {
        const changes = await api.getLibraryChanges(lib.version);
        if (!live || current.current !== lib) return;
        const next = applyLibraryChanges(lib, changes);
        current.current = next;
        setIndex(changes.index);
        // Only a new object when something the screen shows changed: the grid is not redrawn for nothing.
        const same = next.items === lib.items && next.problems === lib.problems && lib.index.complete === changes.index.complete && lib.index.phase === changes.index.phase && lib.writable === changes.writable;
        if (!same) setLibrary(next);
      } catch {
        // A failed poll is not the end: try again at the next tick.
      }
      if (!live) return;
      const idle = current.current?.index.complete === true || current.current?.index.phase === 'done';
      timer = setTimeout(() => void tick(), idle ? POLL_IDLE_MS : POLL_BUSY_MS);
    };
    api.getLibrary().then(
      (lib) => {
        if (!live) return;
        current.current = lib;
        setLibrary(lib);
        setIndex(lib.index);
        setError(null);
        timer = setTimeout(() => void tick(), lib.index.complete ? POLL_IDLE_MS : POLL_BUSY_MS);
      },
      (e: unknown) => {
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, attempt]);

  const reload = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  return { library, index, error, reload };
}
