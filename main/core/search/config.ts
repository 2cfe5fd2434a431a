// The one FlexSearch configuration, for titles and authors: a few thousand short strings held in
// memory, found while they are typed (forward tokenisation). Chunk text is not in FlexSearch: it is
// in the segments of store/, read in place from the drive (see the README: FlexSearch keeps every
// posting on the JavaScript heap, which a 2 GB PC cannot give a whole drive's library).
import FlexSearch, { type Document } from 'flexsearch';
import { analyze } from './analyze.js';

/**
 * Terms prefixed with this character are already analysed and are looked up as they are. Text
 * never starts with it (analyze drops control characters), so it cannot collide with content.
 */
export const RAW_TERM = '\u0001';

export function encode(text: string): string[] {
  if (text.startsWith(RAW_TERM)) return [text.slice(RAW_TERM.length)];
  return analyze(text);
}

export type TitleDoc = {
  id: number;
  title: string;
  authors: string;
};

/** Titles and authors of every item; forward tokenisation so a title is found while it is typed. */
export function createTitleIndex(): Document<TitleDoc> {
  return new FlexSearch.Document<TitleDoc>({
    document: {
      id: 'id',
      index: [
        { field: 'title', tokenize: 'forward', encode },
        { field: 'authors', tokenize: 'forward', encode },
      ],
    },
  });
}
