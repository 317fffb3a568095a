/** The catalog's public API: domain types, parsing, localisation and search. */
export type * from './types';
export { parseCatalog, formatProblems } from './parse';
export { localize } from './localize';
export {
  buildSearchIndex,
  filterByCategory,
  normalizeForSearch,
  productPriceRange,
  searchProducts,
  sortProducts,
} from './search';
export type { ProductSort, SearchIndex } from './search';
