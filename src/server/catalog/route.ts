import type { Handler } from 'hono';
import { ENVELOPE_FORMAT, PARSED_CATALOG_PARAM, type CatalogEnvelope } from '../../core/catalog/envelope';
import type { LoadedCatalog } from './source';
import { apiError, errorResponse } from '../http/api-error';
import { etagMatches } from '../http/etag';
import { sha256Hex } from '../hash';
import { FIRST_PAGE_SIZE, WHOLE_CATALOG_MAX_PRODUCTS, type ProductQueries } from './products-route';
import { ratingsOf, type RatingsSnapshot } from '../reviews/ratings';

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
 *
 * With `ratings` (a server with reviews: reviews/ratings.ts), the envelope carries the stars of
 * its rated products, and its ETag (so the first views made from it: pages/first-view.ts)
 * follows them: a review published or hidden shows on the next load.
 *
 * With `view`, the loader's `?fanshop=1&view=…` (src/widget/embed.ts) gets the shop's first view
 * as HTML ahead of the envelope, in one answer (pages/first-view.ts `embedFirstView`); its ETag
 * follows the view's options and the visitor's languages too.
 *
 * With `events` (a server that keeps the widget's events: events/route.ts), the envelope names
 * their endpoint, and only then does the widget send any (widget/listening/).
 */
export function catalogRoute(
  load: () => Promise<LoadedCatalog>,
  shown?: () => Promise<LoadedCatalog>,
  queries?: ProductQueries,
  view?: EmbedView,
  ratings?: () => Promise<RatingsSnapshot>,
  events?: string,
): Handler {
  return async (c) => {
    const parsed = c.req.query(PARSED_CATALOG_PARAM) !== undefined;
    let answer: { loaded: LoadedCatalog; etag: string; envelope?: CatalogEnvelope };
    try {
      if (parsed) answer = await parsedEnvelope(load, shown, queries, ratings, events);
      else {
        const loaded = await load();
        answer = { loaded, etag: loaded.etag };
      }
    } catch (error) {
      console.error('[fanshop] cannot read the catalog:', error);
      return errorResponse(c, apiError('catalog_unavailable', 'The catalog cannot be read.'), { 'Access-Control-Allow-Origin': '*' });
    }
    const { loaded, etag, envelope } = answer;
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': parsed && shown ? 'public, max-age=3, must-revalidate' : 'public, max-age=60, must-revalidate',
      'Access-Control-Allow-Origin': '*',
      ETag: etag,
    };
    // Weakly: a gzipped answer carries the tag as W/"…" (http/compress.ts), and comes back so.
    if (etagMatches(c.req.header('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
    if (!envelope) return new Response(loaded.text, { headers });
    const asked = view && 'catalog' in envelope ? c.req.query('view') : undefined;
    if (asked !== undefined) {
      const acceptLanguage = c.req.header('Accept-Language');
      const key = await sha256Hex(`${asked}\n${acceptLanguage ?? ''}`, 8);
      const viewHeaders = { ...headers, ETag: `"v${key}-${etag.slice(1)}`, Vary: 'Accept-Language' };
      if (etagMatches(c.req.header('If-None-Match'), viewHeaders.ETag)) return new Response(null, { status: 304, headers: viewHeaders });
      const body = await view!(envelope as Extract<CatalogEnvelope, { catalog: unknown }>, { catalogUrl: new URL(c.req.path, c.req.url).href, view: asked, acceptLanguage });
      if (body !== undefined) return new Response(body, { headers: { ...viewHeaders, 'Content-Type': FIRST_VIEW_TYPE } });
    }
    return new Response(JSON.stringify(envelope), { status: loaded.result.ok ? 200 : 422, headers });
  };
}

/** The content type of a catalog answer that starts with the shop's first view (pages/first-view.ts). */
export const FIRST_VIEW_TYPE = 'text/vnd.fanshop.first-view; charset=utf-8';

/** Renders the loader's first view (pages/first-view.ts `embedFirstView`). */
export type EmbedView = (
  envelope: Extract<CatalogEnvelope, { catalog: unknown }>,
  options: { catalogUrl: string; view: string; acceptLanguage: string | undefined },
) => Promise<string | undefined>;

/**
 * The envelopes made, by the loaded catalog they were made from, with their ETag: the same
 * catalog and stock give back the same object, so what is worked out from it (the first view's
 * HTML: pages/first-view.ts) is worked out once, not on every visit.
 */
const envelopes = new WeakMap<LoadedCatalog, { etag: string; envelope: CatalogEnvelope }>();
const kept = (loaded: LoadedCatalog, etag: string, make: () => CatalogEnvelope): CatalogEnvelope => {
  const known = envelopes.get(loaded);
  if (known?.etag === etag) return known.envelope;
  const envelope = make();
  envelopes.set(loaded, { etag, envelope });
  return envelope;
};

/**
 * The parsed catalog as the widget gets it, with its ETag: whole (with live stock, from
 * `shown`), or a big catalog's first page, with the live stock of that page's products only;
 * with `ratings`, the stars of its rated products. The same catalog, stock and ratings give
 * the same envelope object. With `events`, the envelope names the events endpoint.
 */
export async function parsedEnvelope(
  load: () => Promise<LoadedCatalog>,
  shown?: () => Promise<LoadedCatalog>,
  queries?: ProductQueries,
  ratings?: () => Promise<RatingsSnapshot>,
  events?: string,
): Promise<{ loaded: LoadedCatalog; etag: string; envelope: CatalogEnvelope }> {
  const base = await load();
  if (!base.result.ok) return { loaded: base, etag: `"p${base.etag.slice(1)}`, envelope: { format: ENVELOPE_FORMAT, errors: base.result.errors, warnings: base.result.warnings } };
  const { catalog, warnings } = base.result;
  // An envelope that names the events endpoint has an ETag of its own: a browser's copy from
  // before FANSHOP_ANALYTICS changed is not taken as still good.
  const p = events ? 'pe' : 'p';
  if (queries && catalog.products.length > WHOLE_CATALOG_MAX_PRODUCTS) {
    // The first page carries its own products' stars (products-route.ts), read once with it.
    const first = await queries.page(catalog, { q: '', category: null, sort: 'featured', offset: 0, limit: FIRST_PAGE_SIZE });
    const etag = `"${p}${base.etag.slice(1, -1)}${first.stockTag ? `-${first.stockTag}` : ''}${first.ratingsTag ? `-r${first.ratingsTag}` : ''}"`;
    const paged = { total: first.total, categories: first.categories, endpoint: '/api/products' };
    return {
      loaded: base,
      etag,
      envelope: kept(base, etag, () => ({ format: ENVELOPE_FORMAT, catalog: { ...catalog, products: first.products }, warnings, paged, ...(first.ratings ? { ratings: first.ratings } : {}), ...(events ? { events } : {}) })),
    };
  }
  const [loaded, rated] = await Promise.all([shown ? shown() : base, ratings?.()]);
  const result = loaded.result.ok ? loaded.result : base.result;
  const etag = rated?.tag ? `"${p}${loaded.etag.slice(1, -1)}-r${rated.tag}"` : `"${p}${loaded.etag.slice(1)}`;
  return {
    loaded,
    etag,
    envelope: kept(loaded, etag, () => {
      // Reviews of products the catalog no longer has are left out; none at all: no field.
      const picked = rated?.tag ? ratingsOf(rated.ratings, result.catalog.products) : {};
      return { format: ENVELOPE_FORMAT, catalog: result.catalog, warnings: result.warnings, ...(Object.keys(picked).length ? { ratings: picked } : {}), ...(events ? { events } : {}) };
    }),
  };
}
