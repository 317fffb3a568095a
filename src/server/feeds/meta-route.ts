import type { Handler } from 'hono';
import type { LoadedCatalog } from '../catalog/source';
import type { Catalog } from '../../core/catalog/types';
import { sha256Hex } from '../hash';
import { etagMatches } from '../http/etag';
import { metaCatalogCsv } from './meta-csv';
import { metaReviewsCsv } from './meta-reviews-csv';
import type { ReviewStore } from '../reviews/store';

/**
 * `GET /feeds/meta.csv`: the catalog feed to give Meta Commerce Manager as a scheduled feed URL
 * (meta-csv.ts), in the catalog's default language or `?locale=de`. Meta asks that feeds not be
 * cached on the way (https://developers.facebook.com/docs/commerce-platform/best-practices/inventory),
 * so it is revalidated every time; an ETag of the CSV keeps that cheap.
 */
export function metaFeedRoute(load: () => Promise<LoadedCatalog>): Handler {
  return csvFeedRoute(load, async (catalog, locale) => metaCatalogCsv(catalog, { locale }));
}

/**
 * `GET /feeds/meta-reviews.csv`: the published reviews as Meta's product ratings and reviews
 * feed (meta-reviews-csv.ts), for a scheduled feed in Commerce Manager; the same caching rules.
 */
export function metaReviewsFeedRoute(load: () => Promise<LoadedCatalog>, store: ReviewStore): Handler {
  return csvFeedRoute(load, async (catalog, locale) => metaReviewsCsv(catalog, await store.allReviews(['published']), { locale }));
}

/** A CSV made from the parsed catalog, revalidated every time, with an ETag of its text. */
function csvFeedRoute(load: () => Promise<LoadedCatalog>, make: (catalog: Catalog, locale: string | undefined) => Promise<string>): Handler {
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
    let csv: string;
    try {
      csv = await make(loaded.result.catalog, locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : undefined);
    } catch (error) {
      console.error(`[fanshop] cannot make ${c.req.path}:`, error);
      return c.text('The feed cannot be made right now.\n', 503, { 'Retry-After': '60' });
    }
    const etag = `"${await sha256Hex(csv, 16)}"`;
    const headers = { 'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'no-cache', ETag: etag };
    if (etagMatches(c.req.header('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
    return new Response(csv, { headers });
  };
}
