import type { Catalog, CatalogProblem } from './types';
import type { ProductRatings } from '../api/reviews';

/**
 * A catalog parsed once at the edge. A Fanshop server answers `<catalog URL>?fanshop=1` with the
 * catalog it has already checked (or the problems it found), so the widget it serves does not
 * check it again (docs/architecture.md: parse once, at the edge). Static hosts ignore the query string and
 * send the merchant's file as written; the widget then checks it itself.
 */
export const ENVELOPE_FORMAT = 'fanshop/catalog@1';

/** The query parameter that asks a Fanshop server for the parsed catalog. */
export const PARSED_CATALOG_PARAM = 'fanshop';

/**
 * A catalog too big to travel whole (server/catalog/products-route.ts) arrives with only its
 * first page of products; the rest is asked of `endpoint` (core/api/products.ts), a path on the
 * catalog's server. On static hosting (core/catalog/static-site.ts) `endpoint` is the search
 * index file, `shards` the name of the files of the products (`{n}` for the number, relative
 * to `endpoint`), `shardSize` each, in catalog order, and `directory` the name of the files
 * that say where a product is by id (static-site.ts).
 */
export interface PagedCatalog {
  /** How many products the catalog has. */
  readonly total: number;
  /** Products in each category. */
  readonly categories: Readonly<Record<string, number>>;
  readonly endpoint: string;
  readonly shards?: string;
  readonly shardSize?: number;
  readonly directory?: string;
}

export type CatalogEnvelope =
  | {
      readonly format: typeof ENVELOPE_FORMAT;
      readonly catalog: Catalog;
      readonly warnings: readonly CatalogProblem[];
      readonly paged?: PagedCatalog;
      /**
       * The stars of the envelope's products that have published reviews (a server with
       * reviews); the first view's cards show them, so nothing arrives after it.
       */
      readonly ratings?: ProductRatings;
      /**
       * The path of the server's events endpoint (`/api/events`, core/api/events.ts) when it
       * keeps the widget's events; absent when the merchant turned them off
       * (FANSHOP_ANALYTICS=off) or on static hosting: the widget then sends none.
       */
      readonly events?: string;
    }
  | { readonly format: typeof ENVELOPE_FORMAT; readonly errors: readonly CatalogProblem[]; readonly warnings: readonly CatalogProblem[] };

export function isCatalogEnvelope(json: unknown): json is CatalogEnvelope {
  if (typeof json !== 'object' || json === null) return false;
  const e = json as Record<string, unknown>;
  return e.format === ENVELOPE_FORMAT && Array.isArray(e.warnings) && (Array.isArray(e.errors) || (typeof e.catalog === 'object' && e.catalog !== null));
}
