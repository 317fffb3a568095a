import type { Handler } from 'hono';
import type { LoadedCatalog } from '../catalog/source';
import { sha256Hex } from '../hash';
import { etagMatches } from '../http/etag';
import { metaCatalogCsv } from './meta-csv';

/**
 * `GET /feeds/meta.csv`: the catalog feed to give Meta Commerce Manager as a scheduled feed URL
 * (meta-csv.ts), in the catalog's default language or `?locale=de`. Meta asks that feeds not be
 * cached on the way (https://developers.facebook.com/docs/commerce-platform/best-practices/inventory),
 * so it is revalidated every time; an ETag of the CSV keeps that cheap.
 */
export function metaFeedRoute(load: () => Promise<LoadedCatalog>): Handler {
  return async (c) => {
    let loaded: LoadedCatalog;
    try {
      loaded = await load();
    } catch (error) {
      console.error('[fanshop] cannot read the catalog:', error);
      return c.text('The catalog cannot be read.\n', 503, { 'Retry-After': '60' });
    }
    if (!loaded.result.ok) return c.text('The catalog has problems; run: npx fanshop validate <file>\n', 503, { 'Retry-After': '60' });
    const locale = c.req.query('locale');
    const csv = metaCatalogCsv(loaded.result.catalog, { locale: locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : undefined });
    const etag = `"${await sha256Hex(csv, 16)}"`;
    const headers = { 'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'no-cache', ETag: etag };
    if (etagMatches(c.req.header('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
    return new Response(csv, { headers });
  };
}
