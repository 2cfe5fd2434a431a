// What a search returns, shared by the engine, the command line and the UI: part of the contract.
export type { SearchHit, SearchOptions, SearchResponse, SearchResultItem } from '../../contract/types.js';
