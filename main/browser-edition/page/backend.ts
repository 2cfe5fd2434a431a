// The browser edition's back end: the contract's one client (main/contract/client.ts) over the one
// dispatcher (main/contract/dispatch.ts), as in the app and the preview, but with no transport in
// between: the implementation runs in this page (page-library.ts). Files are the drive's own,
// beside the page: library/<path> for films and pictures, the edition's folder for covers.
//
// This folder is a back end that runs in a browser page: it may import the contract, main/text, the
// edition's format and the few Node-free reading modules of main/core (eslint.config.js names them);
// only the page's entry (renderer/src/main-page.tsx) imports it.
import type { ChangmunApi, FileUrls } from '../../api.js';
import { createApiClient, encodeLibraryPath } from '../../contract/client.js';
import { dispatchApi } from '../../contract/dispatch.js';
import { EDITION_FOLDER } from '../format.js';
import type { BookTextSection } from './page-index.js';
import { PageLibrary } from './page-library.js';
import { DataScripts } from './scripts.js';

/** Where the library is, relative to Changmun.html at the drive's root. */
const LIBRARY_BASE = 'library/';

/** What the UI's Backend (renderer/src/api/context.tsx) asks for, with books read as text. */
export interface PageBackend {
  api: ChangmunApi;
  urls: FileUrls;
  bookText: {
    sections(path: string): Promise<BookTextSection[]>;
    section(path: string, href: string): Promise<string[]>;
  };
}

export function createPageBackend(): PageBackend {
  const library = new PageLibrary(new DataScripts(`${EDITION_FOLDER}/`));
  const urls: FileUrls = {
    file: (path) => `${LIBRARY_BASE}${encodeLibraryPath(path)}`,
    // A cover that was not taken out of its book: an empty picture, and the card shows its placeholder.
    cover: (path) => {
      const name = library.coverOf(path);
      return name ? `${EDITION_FOLDER}/covers/${encodeURIComponent(name)}` : 'data:,';
    },
    // Books are read as text here (bookText); nothing is ever asked of this address.
    book: () => 'data:,',
  };
  return {
    api: createApiClient((method, args) => dispatchApi(library, method, args)),
    urls,
    bookText: { sections: (path) => library.bookSections(path), section: (path, href) => library.bookSection(path, href) },
  };
}
