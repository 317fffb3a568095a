import { Hono, type Context } from 'hono';
import { MAX_CART_IDS, type CartRecommendationsResponse, type ProductRecommendationsResponse } from '../../core/api/recommendations';
import type { Catalog, Product } from '../../core/catalog/types';
import type { LoadedCatalog } from '../catalog/source';
import { apiError, errorResponse, type ApiError } from '../http/api-error';
import { etagMatches } from '../http/etag';
import { fixedWindowLimit } from '../http/rate-limit';
import { sha256Hex } from '../hash';
import { recommender, type RecommenderOptions } from './recommend';

export interface RecommendationsOptions extends RecommenderOptions {
  /** Reads per client address per minute. */
  readonly readLimitPerMinute: number;
  readonly clientAddress: (c: Context) => string;
}

/** Public like the catalog: any page may read it. */
const PUBLIC = { 'Access-Control-Allow-Origin': '*' };
const fail = (c: Context, error: ApiError) => errorResponse(c, error, { ...PUBLIC, 'Cache-Control': 'no-store' });
const MAX_ID_LENGTH = 100;

/**
 * - `GET /api/recommendations/:productId`: "Fans who liked this also liked" and "Often bought
 *   together" (core/api/recommendations.ts);
 * - `GET /api/recommendations?cart=a,b`: the cart's "You may also like".
 * Computed by recommend.ts from the store's rankings (cached per catalog version for a minute)
 * and live stock. Answers may be cached for 15 s and come with an ETag of their content.
 */
export function recommendationsRoutes(options: RecommendationsOptions & { readonly load: () => Promise<LoadedCatalog> }): Hono {
  const app = new Hono();
  const recommend = recommender(options);
  const limit = fixedWindowLimit(options.readLimitPerMinute, 60_000);
  const byId = new WeakMap<Catalog, Map<string, Product>>();
  const products = (catalog: Catalog) => {
    let map = byId.get(catalog);
    if (!map) byId.set(catalog, (map = new Map(catalog.products.map((p) => [p.id, p]))));
    return map;
  };

  /** The rate limit, then the parsed catalog; or the answer that says why not. */
  async function ready(c: Context): Promise<Catalog | Response> {
    if (!limit.take(options.clientAddress(c))) {
      c.header('Retry-After', '60');
      return fail(c, apiError('rate_limited', 'Too many requests for recommendations; try again in a minute.'));
    }
    try {
      const { result } = await options.load();
      if (result.ok) return result.catalog;
    } catch (error) {
      console.error('[fanshop] cannot read the catalog:', error);
    }
    return fail(c, apiError('catalog_unavailable', 'The shop’s catalog cannot be read.'));
  }

  async function answer(c: Context, body: ProductRecommendationsResponse | CartRecommendationsResponse): Promise<Response> {
    const text = JSON.stringify(body);
    const headers = { ...PUBLIC, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=15, must-revalidate', ETag: `"r${await sha256Hex(text, 12)}"` };
    if (etagMatches(c.req.header('If-None-Match'), headers.ETag)) return new Response(null, { status: 304, headers });
    return new Response(text, { headers });
  }

  const unavailable = (c: Context, what: string, error: unknown) => {
    console.error(`[fanshop] could not recommend ${what}:`, error);
    return fail(c, apiError('recommendations_unavailable', 'Recommendations cannot be read right now; try again.'));
  };

  app.get('/api/recommendations/:productId', async (c) => {
    const productId = c.req.param('productId');
    if (productId.length > MAX_ID_LENGTH) return fail(c, apiError('invalid_request', `A product id is at most ${MAX_ID_LENGTH} characters.`));
    const catalog = await ready(c);
    if (catalog instanceof Response) return catalog;
    const product = products(catalog).get(productId);
    if (!product) return fail(c, apiError('unknown_product', 'The shop has no product with this id.'));
    try {
      const rows = await recommend.forProduct(catalog, product);
      return await answer(c, { productId, ...rows } satisfies ProductRecommendationsResponse);
    } catch (error) {
      return unavailable(c, `for ${productId}`, error);
    }
  });

  app.get('/api/recommendations', async (c) => {
    const cart = c.req.query('cart');
    if (cart === undefined) return fail(c, apiError('invalid_request', 'Name the cart’s products: ?cart=a,b,c'));
    const ids = [...new Set(cart.split(',').map((id) => id.trim()).filter(Boolean))];
    if (!ids.length) return fail(c, apiError('invalid_request', 'Name at least one product: ?cart=a,b,c'));
    if (ids.length > MAX_CART_IDS) return fail(c, apiError('too_many_ids', `Name at most ${MAX_CART_IDS} products of the cart.`));
    if (ids.some((id) => id.length > MAX_ID_LENGTH)) return fail(c, apiError('invalid_request', `A product id is at most ${MAX_ID_LENGTH} characters.`));
    const catalog = await ready(c);
    if (catalog instanceof Response) return catalog;
    // A product the catalog no longer has (a cart saved before a change) is left out.
    const known = ids.flatMap((id) => products(catalog).get(id) ?? []);
    try {
      const refs = known.length ? await recommend.forCart(catalog, known) : [];
      return await answer(c, { products: refs } satisfies CartRecommendationsResponse);
    } catch (error) {
      return unavailable(c, 'for a cart', error);
    }
  });
  return app;
}
