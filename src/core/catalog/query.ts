import type { Product } from './types';
import { buildSearchIndex, filterByCategory, searchProducts, sortProducts, type ProductSort, type SearchIndex } from './search';

export interface ProductQuery {
  readonly q?: string;
  readonly categoryId?: string | null;
  readonly sort?: ProductSort;
  readonly likes?: Readonly<Record<string, number>>;
  readonly offset?: number;
  readonly limit?: number;
}

export interface ProductQueryResult {
  readonly total: number;
  readonly products: readonly Product[];
  readonly categories: Readonly<Record<string, number>>;
}

export interface ProductIndex {
  readonly search: SearchIndex;
}

export function buildProductIndex(products: readonly Product[]): ProductIndex {
  return { search: buildSearchIndex(products) };
}

export function queryProducts(index: ProductIndex, query: ProductQuery): ProductQueryResult {
  const found = searchProducts(index.search, query.q ?? '');
  const categories: Record<string, number> = {};
  for (const p of found) categories[p.categoryId ?? ''] = (categories[p.categoryId ?? ''] ?? 0) + 1;
  const matches = sortProducts(filterByCategory(found, query.categoryId ?? null), query.sort ?? 'featured', query.likes);
  const limit = Math.min(100, Math.max(1, Math.floor(query.limit ?? 48) || 48));
  const offset = Math.max(0, Math.floor(query.offset ?? 0) || 0);
  return { total: matches.length, products: matches.slice(offset, offset + limit), categories };
}
