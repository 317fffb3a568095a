import type { Handler } from 'hono';
import { ENVELOPE_FORMAT, PARSED_CATALOG_PARAM, type CatalogEnvelope } from '../../core/catalog/envelope';
import type { LoadedCatalog } from './source';
import type { Catalog } from '../../core/catalog/types';
import type { LiveCatalog } from '../stock/live-catalog';
import { apiError, errorResponse } from '../http/api-error';
import { etagMatches } from '../http/etag';

/**
 * `GET /catalog.json`: the merchant's catalog as written (editors, `fanshop validate`), or with
 * `?fanshop=1` the catalog as this server parsed it (core/catalog/envelope.ts), which the widget
 * uses without parsing it again. An invalid catalog answers 422 with its problems, so the widget
 * shows its error state and the console names every JSON path. ETags make repeat visits a 304;
 * CORS is open because the catalog is public and embeds fetch it from other origins.
 *
 * With `live` (stock/live-catalog.ts) the parsed catalog carries the stock that can be bought
 * now, so a product sold out a minute ago shows Sold out: its ETag follows the stock too, and
 * it may be cached for 3 seconds (the live numbers are at most 2 s old on top). If the stock
 * cannot be read, the catalog's own numbers are served (checkout still holds the line) and the
 * log says why.
 */
export function catalogRoute(load: () => Promise<LoadedCatalog>, live?: (catalog: Catalog) => Promise<LiveCatalog>): Handler {
  return async (c) => {
    let loaded: LoadedCatalog;
    try {
      loaded = await load();
    } catch (error) {
      console.error('[fanshop] cannot read the catalog:', error);
      return errorResponse(c, apiError('catalog_unavailable', 'The catalog cannot be read.'), { 'Access-Control-Allow-Origin': '*' });
    }
    const parsed = c.req.query(PARSED_CATALOG_PARAM) !== undefined;
    const { result } = loaded;
    let catalog = result.ok ? result.catalog : undefined;
    let stockTag = '';
    if (parsed && catalog && live) {
      try {
        ({ catalog, stockTag } = await live(catalog));
      } catch (error) {
        console.error('[fanshop] cannot read live stock; the catalog’s own stock numbers are served:', error);
      }
    }
    const etag = parsed ? `"p${loaded.etag.slice(1, -1)}${stockTag ? `-${stockTag}` : ''}"` : loaded.etag;
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': parsed && live ? 'public, max-age=3, must-revalidate' : 'public, max-age=60, must-revalidate',
      'Access-Control-Allow-Origin': '*',
      ETag: etag,
    };
    // Weakly: a gzipped answer carries the tag as W/"…" (http/compress.ts), and comes back so.
    if (etagMatches(c.req.header('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
    if (!parsed) return new Response(loaded.text, { headers });
    const envelope: CatalogEnvelope = result.ok
      ? { format: ENVELOPE_FORMAT, catalog: catalog ?? result.catalog, warnings: result.warnings }
      : { format: ENVELOPE_FORMAT, errors: result.errors, warnings: result.warnings };
    return new Response(JSON.stringify(envelope), { status: result.ok ? 200 : 422, headers });
  };
}
