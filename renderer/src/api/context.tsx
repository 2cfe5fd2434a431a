// The back end as the UI sees it: the one contract (main/api.ts) and where files are.
import { createContext, useContext } from 'react';
import type { ChangmunApi, FileUrls } from '../../../main/api';

export interface Backend {
  api: ChangmunApi;
  urls: FileUrls;
}

export const BackendContext = createContext<Backend | null>(null);

export function useBackend(): Backend {
  const b = useContext(BackendContext);
  if (!b) throw new Error('changmun: BackendContext is missing');
  return b;
}
