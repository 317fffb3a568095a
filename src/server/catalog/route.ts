import type { Handler } from 'hono';
import { ENVELOPE_FORMAT, PARSED_CATALOG_PARAM, type CatalogEnvelope } from '../../core/catalog/envelope';
import type { LoadedCatalog } from './source';
import { apiError, errorResponse } from '../http/api-error';
import { etagMatches } from '../http/etag';
import { FIRST_PAGE_SIZE, WHOLE_CATALOG_MAX_PRODUCTS, type ProductQueries } from './products-route';

/**
 * `GET /catalog.json`: the merchant's catalog as written (editors, `fanshop validate`), or with
 * `?fanshop=1` the catalog as this server parsed it (core/catalog/envelope.ts), which the widget
 * uses without parsing it again. An invalid catalog answers 422 with its problems, so the widget
 * shows its error state and the console names every JSON path. ETags make repeat visits a 304;
 * CORS is open because the catalog is public and embeds fetch it from other origins.
 *
 * With `shown` (the loader with live stock: stock/live-catalog.ts) the parsed catalog carries
 * the stock that can be bought now, so a product sold out a minute ago shows Sold out: its ETag
 * follows the stock too, and it may be cached for 3 seconds (the live numbers are at most 2 s
 * old on top).
 *
 * With `queries`, a catalog of more than WHOLE_CATALOG_MAX_PRODUCTS products is parsed into its
 * first page only, and the widget asks `GET /api/products` for the rest (products-route.ts).
 */
export function catalogRoute(load: () => Promise<LoadedCatalog>, shown?: () => Promise<LoadedCatalog>, queries?: ProductQueries): Handler {
  return async (c) => {
    const parsed = c.req.query(PARSED_CATALOG_PARAM) !== undefined;
    let loaded: LoadedCatalog;
    try {
      loaded = await (parsed && shown ? shown() : load());
    } catch (error) {
      console.error('[fanshop] cannot read the catalog:', error);
      return errorResponse(c, apiError('catalog_unavailable', 'The catalog cannot be read.'), { 'Access-Control-Allow-Origin': '*' });
    }
    const { result } = loaded;
    const etag = parsed ? `"p${loaded.etag.slice(1)}` : loaded.etag;
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': parsed && shown ? 'public, max-age=3, must-revalidate' : 'public, max-age=60, must-revalidate',
      'Access-Control-Allow-Origin': '*',
      ETag: etag,
    };
    // Weakly: a gzipped answer carries the tag as W/"…" (http/compress.ts), and comes back so.
    if (etagMatches(c.req.header('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
    if (!parsed) return new Response(loaded.text, { headers });
    const envelope = await parsedEnvelope(loaded, queries);
    return new Response(JSON.stringify(envelope), { status: result.ok ? 200 : 422, headers });
  };
}

/**
 * The parsed catalog as the widget gets it: whole, or the first page of a big one with `paged`.
 * Also embedded in the pages whose first view the server renders (pages/first-view.ts).
 */
export async function parsedEnvelope({ result }: LoadedCatalog, queries?: ProductQueries): Promise<CatalogEnvelope> {
  if (!result.ok) return { format: ENVELOPE_FORMAT, errors: result.errors, warnings: result.warnings };
  if (queries && result.catalog.products.length > WHOLE_CATALOG_MAX_PRODUCTS) {
    const base = await queries.load();
    const catalog = base.result.ok ? base.result.catalog : result.catalog;
    const first = await queries.page(catalog, result.catalog, { q: '', category: null, sort: 'featured', offset: 0, limit: FIRST_PAGE_SIZE });
    return {
      format: ENVELOPE_FORMAT,
      catalog: { ...result.catalog, products: first.products },
      warnings: result.warnings,
      paged: { total: first.total, categories: first.categories, endpoint: '/api/products' },
    };
  }
  return { format: ENVELOPE_FORMAT, catalog: result.catalog, warnings: result.warnings };
}
