// The back end as the UI sees it: the one contract (main/api.ts) and where files are.
import { createContext, useContext } from 'react';
import type { ChangmunApi, FileUrls } from '../../../main/api';

export interface Backend {
  api: ChangmunApi;
  urls: FileUrls;
  /**
   * Books as text, chapter by chapter, where the page cannot open a book's zip (the browser
   * edition, on file://): then the book reader shows this instead of paginating with epub.js.
   */
  bookText?: BookText;
}

/** A book's text as the search index holds it. */
export interface BookText {
  /** The spine sections that hold text, in reading order, with their number of chunks. */
  sections(path: string): Promise<{ href: string; chunks: number }[]>;
  /** One section's text, chunk by chunk: chunk i is what a search hit's locator calls ordinal i. */
  section(path: string, href: string): Promise<string[]>;
}

export const BackendContext = createContext<Backend | null>(null);

export function useBackend(): Backend {
  const b = useContext(BackendContext);
  if (!b) throw new Error('changmun: BackendContext is missing');
  return b;
}
