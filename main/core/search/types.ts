// What a search returns, shared by the engine, the command line and the UI.
import type { ItemType, Locator } from '../types.js';

export interface SearchOptions {
  type?: ItemType;
  language?: string;
  collection?: string;
  /** Items per page. */
  limit?: number;
  offset?: number;
  /** Snippets are cut for this many hits of each item shown (the rest carry only locators). */
  snippetsPerItem?: number;
}

export interface SearchHit {
  locator: Locator;
  /** Present for the hits a snippet was cut for. */
  snippet?: string;
  /** [start, end) ranges of `snippet` to highlight. */
  highlights?: [number, number][];
  language?: string;
}

export interface SearchResultItem {
  path: string;
  type: ItemType;
  title: string;
  language?: string;
  collections: string[];
  authors?: string[];
  /** How the title matched the query, if it did. */
  titleMatch?: 'exact' | 'prefix' | 'words';
  /** Number of chunks that hit. */
  hitCount: number;
  /** Every hit, in document order. */
  hits: SearchHit[];
}

export interface SearchResponse {
  query: string;
  /** False while parts of the index are still loading or being built: more answers may come. */
  complete: boolean;
  /** True when no item matched every word and these are the best partial matches. */
  partial: boolean;
  /** Number of items that matched (all pages). */
  total: number;
  results: SearchResultItem[];
  /** The analysed words the highlights are for. */
  terms: string[];
}
