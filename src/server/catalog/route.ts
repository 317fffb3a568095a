import type { Handler } from 'hono';
import { ENVELOPE_FORMAT, PARSED_CATALOG_PARAM, type CatalogEnvelope } from '../../core/catalog/envelope';
import type { LoadedCatalog } from './source';
import { apiError, errorResponse } from '../http/api-error';

/**
 * `GET /catalog.json`: the merchant's catalog as written (editors, `fanshop validate`), or with
 * `?fanshop=1` the catalog as this server parsed it (core/catalog/envelope.ts), which the widget
 * uses without parsing it again. An invalid catalog answers 422 with its problems, so the widget
 * shows its error state and the console names every JSON path. ETags make repeat visits a 304;
 * CORS is open because the catalog is public and embeds fetch it from other origins.
 */
export function catalogRoute(load: () => Promise<LoadedCatalog>): Handler {
  return async (c) => {
    let loaded: LoadedCatalog;
    try {
      loaded = await load();
    } catch (error) {
      console.error('[fanshop] cannot read the catalog:', error);
      return errorResponse(c, apiError('catalog_unavailable', 'The catalog cannot be read.'), { 'Access-Control-Allow-Origin': '*' });
    }
    const parsed = c.req.query(PARSED_CATALOG_PARAM) !== undefined;
    const etag = parsed ? `"p${loaded.etag.slice(1)}` : loaded.etag;
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=60, must-revalidate',
      'Access-Control-Allow-Origin': '*',
      ETag: etag,
    };
    if (c.req.header('If-None-Match') === etag) return new Response(null, { status: 304, headers });
    if (!parsed) return new Response(loaded.text, { headers });
    const { result } = loaded;
    const envelope: CatalogEnvelope = result.ok
      ? { format: ENVELOPE_FORMAT, catalog: result.catalog, warnings: result.warnings }
      : { format: ENVELOPE_FORMAT, errors: result.errors, warnings: result.warnings };
    return new Response(JSON.stringify(envelope), { status: result.ok ? 200 : 422, headers });
  };
}
