import type { Product } from '../catalog/types';
import type { ProductRatings } from './reviews';

/**
 * The product query API (`GET /api/products`) as the widget and the server both see it
 * (server/catalog/products-route.ts). A catalog too big to travel whole is browsed through it:
 * the widget gets the cards it shows and the products it opens, never the whole catalog.
 *
 * - `?q=&category=&sort=&offset=&limit=`: one page of the products matching a search (prefix
 *   and typo tolerant: core/catalog/query.ts), in one category, in an order.
 * - `?ids=a,b,c`: those products (a cart's lines, a product opened by its link), in that order;
 *   ids the catalog does not have are left out.
 */
export interface ProductPage {
  /** How many products match (not only this page's). */
  readonly total: number;
  readonly offset: number;
  readonly products: readonly Product[];
  /** How many products match the search in each category, whatever category is chosen. */
  readonly categories: Readonly<Record<string, number>>;
  /** The stars of this page's products that have published reviews (a server with reviews). */
  readonly ratings?: ProductRatings;
}

/** The most products one request may ask for, by page or by ids. */
export const MAX_PAGE_SIZE = 100;

