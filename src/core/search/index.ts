export { matchRanges, queryWords } from './match';
export { buildSearchIndex, type SearchIndex, type SearchResult, searchDesign } from './search-design';
export { functionNameOf, hostOf, type SearchKind, searchKinds } from './search-entries';
