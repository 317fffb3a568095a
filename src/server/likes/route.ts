import type { LikeResponse, LikesResponse } from '../../core/api/likes';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { Catalog } from '../../core/catalog/types';
import { fixedWindowLimit } from '../http/rate-limit';
import { corsForOrigins } from '../http/cors';
import { apiError, errorResponse, type ApiErrorCode } from '../http/api-error';
import { jsonBody } from '../http/json-body';
import type { LikesStore } from './store';

export interface LikesOptions {
  readonly store: LikesStore;
  /** Like changes per client address per minute. */
  readonly rateLimitPerMinute: number;
  /**
   * Count reads (`GET /api/likes`) per client address per minute; default ten times the
   * changes (a page of cards is one read; "Most liked" of 1,000 products is ten).
   */
  readonly readLimitPerMinute?: number;
  /** Origins whose pages may read and change likes (CORS), as for checkout. */
  readonly allowedOrigins: readonly string[];
  /** Who is asking, for the rate limit: the connecting address. */
  readonly clientAddress: (c: Context) => string;
}

const fail = (c: Context, code: ApiErrorCode, message: string) => errorResponse(c, apiError(code, message), { 'Cache-Control': 'no-store' });

/** The random id the widget keeps for an anonymous shopper (likes.ts in the widget makes 24 characters). */
const Shopper = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,64}$/));
const SetLikeBody = v.object({ shopper: Shopper, liked: v.boolean() });
const MAX_BODY_BYTES = 1024;
const MAX_IDS = 100;

/** The catalog's product ids, worked out once per parsed catalog. */
const productIds = new WeakMap<Catalog, Set<string>>();
function knownIds(catalog: Catalog): Set<string> {
  let ids = productIds.get(catalog);
  if (!ids) productIds.set(catalog, (ids = new Set(catalog.products.map((p) => p.id))));
  return ids;
}

/**
 * `POST /api/likes/:productId` sets one anonymous shopper's like of a product;
 * `GET /api/likes?ids=a,b&shopper=…` reads counts, and which of them the shopper likes.
 * Only products of the catalog are counted, so the store cannot be filled with made-up ids.
 */
export function likesRoutes(options: LikesOptions & { readonly catalog: () => Promise<Catalog | null> }): Hono {
  const app = new Hono();
  const limit = fixedWindowLimit(options.rateLimitPerMinute, 60_000);
  // Reads are cheap but still reach the store: limited too, more loosely.
  const readLimit = fixedWindowLimit(options.readLimitPerMinute ?? options.rateLimitPerMinute * 10, 60_000);
  const cors = corsForOrigins(options.allowedOrigins, { methods: 'GET, POST', refuse: (c) => fail(c, 'origin_not_allowed', 'This site may not use the shop’s likes.') });
  app.use('/api/likes', cors);
  app.use('/api/likes/*', cors);

  app.get('/api/likes', async (c) => {
    const idsParam = c.req.query('ids');
    if (idsParam === undefined) return fail(c, 'invalid_request', 'Name the products: ?ids=a,b,c');
    const ids = [...new Set(idsParam.split(',').map((id) => id.trim()).filter(Boolean))];
    if (ids.length > MAX_IDS) return fail(c, 'too_many_ids', `Ask for at most ${MAX_IDS} products at a time.`);
    const shopperParam = c.req.query('shopper');
    const shopper = shopperParam === undefined ? undefined : v.safeParse(Shopper, shopperParam);
    if (shopper && !shopper.success) return fail(c, 'invalid_request', 'The shopper id is not one the widget makes.');
    if (!readLimit.take(options.clientAddress(c))) {
      c.header('Retry-After', '60');
      return fail(c, 'rate_limited', 'Too many requests for likes; try again in a minute.');
    }
    const catalog = await options.catalog();
    if (!catalog) return fail(c, 'catalog_unavailable', 'The shop’s catalog cannot be read.');
    const known = ids.filter((id) => knownIds(catalog).has(id));
    try {
      const counts = await options.store.counts(known);
      const liked = shopper ? await options.store.likedBy(shopper.output, known) : undefined;
      // Counts change with every like, and `liked` is one shopper's: never from a cache.
      c.header('Cache-Control', 'no-store');
      return c.json((liked ? { counts, liked } : { counts }) satisfies LikesResponse);
    } catch (error) {
      console.error('[fanshop] could not read likes:', error);
      return fail(c, 'likes_unavailable', 'Likes cannot be read right now; try again.');
    }
  });

  app.post(
    '/api/likes/:productId',
    jsonBody({ maxBytes: MAX_BODY_BYTES, what: 'the like' }),
    async (c) => {
      const body = v.safeParse(SetLikeBody, c.get('json'));
      if (!body.success) {
        const where = body.issues[0]?.path?.map((p) => p.key).join('.') || 'body';
        return fail(c, 'invalid_request', `The request is not a like: { "shopper": "<id>", "liked": true|false } (${where}).`);
      }
      const productId = c.req.param('productId');
      const catalog = await options.catalog();
      if (!catalog) return fail(c, 'catalog_unavailable', 'The shop’s catalog cannot be read.');
      if (!knownIds(catalog).has(productId)) return fail(c, 'unknown_product', 'The shop has no product with this id.');
      if (!limit.take(options.clientAddress(c))) {
        c.header('Retry-After', '60');
        return fail(c, 'rate_limited', 'Too many likes; try again in a minute.');
      }
      try {
        const { count, liked } = await options.store.setLike(productId, body.output.shopper, body.output.liked);
        c.header('Cache-Control', 'no-store');
        return c.json({ productId, count, liked } satisfies LikeResponse);
      } catch (error) {
        console.error(`[fanshop] could not store a like of ${productId}:`, error);
        return fail(c, 'likes_unavailable', 'The like could not be saved; try again.');
      }
    },
  );
  return app;
}
