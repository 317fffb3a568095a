import { Hono, type Context } from 'hono';
import {
  MAX_REVIEW_IDS,
  REVIEW_EDIT_DAYS,
  REVIEW_SORTS,
  REVIEWS_PAGE_SIZE,
  type ReviewAggregatesResponse,
  type ReviewRating,
  type ReviewSort,
  type ReviewsPageResponse,
  type ReviewWriteResponse,
  type OwnReviewsResponse,
} from '../../core/api/reviews';
import type { Catalog } from '../../core/catalog/types';
import { apiError, errorResponse, type ApiError } from '../http/api-error';
import { corsForOrigins } from '../http/cors';
import { jsonBody } from '../http/json-body';
import { fixedWindowLimit } from '../http/rate-limit';
import { ownReview, publicReview } from './public';
import { parseReviewRequest, type ReviewRequest } from './request';
import type { ReviewStore } from './store';
import { MAX_TOKEN_LENGTH, type ReviewClaims, type ReviewTokens } from './token';

export interface ReviewsOptions {
  readonly store: ReviewStore;
  /** Signs and checks review tokens (token.ts); without it no review can be written. */
  readonly tokens: ReviewTokens | undefined;
  /** Why there are no tokens (the setting to add), for the log and the 503. */
  readonly notConfigured?: string | undefined;
  /** `publish`: a review is public at once; `hold`: it waits for the merchant (FANSHOP_REVIEWS_MODERATION). */
  readonly moderation: 'publish' | 'hold';
  /** Review writes per client address per minute. */
  readonly rateLimitPerMinute: number;
  /** Reads per client address per minute; default fifty times the writes. */
  readonly readLimitPerMinute?: number;
  /** Origins whose pages may read and write reviews (CORS), as for checkout. */
  readonly allowedOrigins: readonly string[];
  readonly clientAddress: (c: Context) => string;
  /** The time, in milliseconds since the epoch; tests move it. Default `Date.now`. */
  readonly now?: () => number;
  /** Told after a review is written or changed (the cards' stars are read again: reviews/ratings.ts). */
  readonly onWritten?: (() => void) | undefined;
}

const fail = (c: Context, error: ApiError) => errorResponse(c, error, { 'Cache-Control': 'no-store' });
const DAY_MS = 86_400_000;
/** A token (up to 32 KB), a text of 2,000 characters of up to four bytes each, and the rest. */
const MAX_BODY_BYTES = MAX_TOKEN_LENGTH + 16 * 1024;

/** The catalog's product ids, worked out once per parsed catalog. */
const productIds = new WeakMap<Catalog, Set<string>>();
function knownIds(catalog: Catalog): Set<string> {
  let ids = productIds.get(catalog);
  if (!ids) productIds.set(catalog, (ids = new Set(catalog.products.map((p) => p.id))));
  return ids;
}

/**
 * The reviews API. Public reads see published reviews only:
 * - `GET /api/reviews?ids=a,b`: each product's count, average and stars;
 * - `GET /api/reviews/:productId?page=&sort=&rating=`: a page of a product's reviews.
 * Writes carry the order's review token (token.ts), which names the products it bought:
 * - `POST /api/reviews`: a new review (201), once per product per order (else 409);
 * - `PUT /api/reviews`: its author's change, for REVIEW_EDIT_DAYS after it was written;
 * - `POST /api/reviews/own` `{ token }`: what the order may review and has reviewed.
 * A forged, tampered or expired token, or a product the order did not buy, is a 403.
 */
export function reviewsRoutes(options: ReviewsOptions & { readonly catalog: () => Promise<Catalog | null> }): Hono {
  const app = new Hono();
  const now = () => new Date(options.now?.() ?? Date.now());
  const writeLimit = fixedWindowLimit(options.rateLimitPerMinute, 60_000);
  const readLimit = fixedWindowLimit(options.readLimitPerMinute ?? options.rateLimitPerMinute * 50, 60_000);
  const cors = corsForOrigins(options.allowedOrigins, { methods: 'GET, POST, PUT', refuse: (c) => fail(c, apiError('origin_not_allowed', 'This site may not use the shop’s reviews.')) });
  app.use('/api/reviews', cors);
  app.use('/api/reviews/*', cors);

  const limited = (c: Context, limit: typeof readLimit) => {
    if (limit.take(options.clientAddress(c))) return undefined;
    c.header('Retry-After', '60');
    return fail(c, apiError('rate_limited', 'Too many requests for reviews; try again in a minute.'));
  };
  const unavailable = (c: Context, what: string, error: unknown) => {
    console.error(`[fanshop] could not ${what}:`, error);
    return fail(c, apiError('reviews_unavailable', 'Reviews cannot be reached right now; try again.'));
  };

  app.get('/api/reviews', async (c) => {
    const idsParam = c.req.query('ids');
    if (idsParam === undefined) return fail(c, apiError('invalid_request', 'Name the products: ?ids=a,b,c'));
    const ids = [...new Set(idsParam.split(',').map((id) => id.trim()).filter(Boolean))];
    if (ids.length > MAX_REVIEW_IDS) return fail(c, apiError('too_many_ids', `Ask for at most ${MAX_REVIEW_IDS} products at a time.`));
    const refused = limited(c, readLimit);
    if (refused) return refused;
    const catalog = await options.catalog();
    if (!catalog) return fail(c, apiError('catalog_unavailable', 'The shop’s catalog cannot be read.'));
    try {
      const aggregates = await options.store.reviewAggregates(ids.filter((id) => knownIds(catalog).has(id)));
      // A hidden review leaves every answer at once: nothing of it is kept in a cache.
      c.header('Cache-Control', 'no-store');
      return c.json({ aggregates } satisfies ReviewAggregatesResponse);
    } catch (error) {
      return unavailable(c, 'read review aggregates', error);
    }
  });

  app.get('/api/reviews/:productId', async (c) => {
    const productId = c.req.param('productId');
    const query = pageQuery(c.req.query('page'), c.req.query('sort'), c.req.query('rating'));
    if (!query.ok) return fail(c, apiError('invalid_request', query.message));
    const refused = limited(c, readLimit);
    if (refused) return refused;
    const catalog = await options.catalog();
    if (!catalog) return fail(c, apiError('catalog_unavailable', 'The shop’s catalog cannot be read.'));
    if (!knownIds(catalog).has(productId)) return fail(c, apiError('unknown_product', 'The shop has no product with this id.'));
    const { page, sort, rating } = query;
    try {
      const [list, aggregates] = await Promise.all([
        options.store.listReviews(productId, { sort, rating: rating ?? undefined, offset: (page - 1) * REVIEWS_PAGE_SIZE, limit: REVIEWS_PAGE_SIZE }),
        options.store.reviewAggregates([productId]),
      ]);
      c.header('Cache-Control', 'no-store');
      return c.json({
        productId,
        sort,
        rating,
        page,
        pageSize: REVIEWS_PAGE_SIZE,
        total: list.total,
        reviews: list.reviews.map(publicReview),
        aggregate: aggregates[productId]!,
      } satisfies ReviewsPageResponse);
    } catch (error) {
      return unavailable(c, `read the reviews of ${productId}`, error);
    }
  });

  /** The checks every write makes, in order; the request and the token's claims, or the answer. */
  async function authorize(c: Context, json: unknown): Promise<{ request: ReviewRequest; claims: ReviewClaims; variantId: string | null } | Response> {
    const parsed = parseReviewRequest(json);
    if (!parsed.ok) {
      const reasons = parsed.issues.map((i) => `${i.path} ${i.message}`).join('; ');
      return fail(c, apiError('invalid_request', `The request is not a review: ${reasons}.`, { issues: parsed.issues }));
    }
    if (!options.tokens) {
      console.error(`[fanshop] ${c.req.method} /api/reviews refused: ${options.notConfigured ?? 'no review secret'}`);
      return fail(c, apiError('reviews_not_configured', 'Reviews are not set up on this shop yet.'));
    }
    const refused = limited(c, writeLimit);
    if (refused) return refused;
    const { request } = parsed;
    const checked = await options.tokens.verify(request.token, now());
    if (!checked.ok) {
      return fail(c, checked.reason === 'expired' ? apiError('review_token_expired', 'This review link has expired.') : apiError('review_token_invalid', 'This review link is not valid.'));
    }
    const bought = checked.claims.products.find((p) => p.productId === request.productId);
    if (!bought) return fail(c, apiError('product_not_in_order', 'This order did not buy that product.'));
    return { request, claims: checked.claims, variantId: bought.variantId };
  }

  const body = jsonBody({ maxBytes: MAX_BODY_BYTES, what: 'the review' });

  // The token in a body, not the URL: URLs end up in logs.
  app.post('/api/reviews/own', body, async (c) => {
    const json = c.get('json');
    const token = typeof json === 'object' && json !== null ? (json as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || !token || token.length > MAX_TOKEN_LENGTH) {
      return fail(c, apiError('invalid_request', 'The request is not { "token": "<review token>" }.', { issues: [{ path: 'token', message: 'must be the review token' }] }));
    }
    if (!options.tokens) return fail(c, apiError('reviews_not_configured', 'Reviews are not set up on this shop yet.'));
    const refused = limited(c, readLimit);
    if (refused) return refused;
    const checked = await options.tokens.verify(token, now());
    if (!checked.ok) return fail(c, checked.reason === 'expired' ? apiError('review_token_expired', 'This review link has expired.') : apiError('review_token_invalid', 'This review link is not valid.'));
    const { claims } = checked;
    try {
      const found = await Promise.all(claims.products.map((p) => options.store.getReview(claims.orderId, p.productId)));
      c.header('Cache-Control', 'no-store');
      return c.json({
        expiresAt: claims.expiresAt.toISOString(),
        products: claims.products,
        reviews: found.flatMap((r) => (r ? [ownReview(r, claims.expiresAt)] : [])),
      } satisfies OwnReviewsResponse);
    } catch (error) {
      return unavailable(c, `read the reviews of order ${claims.orderId}`, error);
    }
  });

  app.post('/api/reviews', body, async (c) => {
    const allowed = await authorize(c, c.get('json'));
    if (allowed instanceof Response) return allowed;
    const { request, claims, variantId } = allowed;
    const at = now().toISOString();
    const review = {
      id: crypto.randomUUID(),
      productId: request.productId,
      variantId,
      orderId: claims.orderId,
      rating: request.rating,
      text: request.text,
      name: request.name,
      language: request.language,
      status: options.moderation === 'hold' ? ('pending' as const) : ('published' as const),
      createdAt: at,
      updatedAt: at,
    };
    try {
      if ((await options.store.createReview(review)) === 'exists') {
        return fail(c, apiError('review_exists', 'This order has reviewed this product already; change that review instead (PUT /api/reviews).'));
      }
    } catch (error) {
      return unavailable(c, `save a review of ${request.productId}`, error);
    }
    options.onWritten?.();
    c.header('Cache-Control', 'no-store');
    return c.json({ review: ownReview(review, claims.expiresAt) } satisfies ReviewWriteResponse, 201);
  });

  app.put('/api/reviews', body, async (c) => {
    const allowed = await authorize(c, c.get('json'));
    if (allowed instanceof Response) return allowed;
    const { request, claims } = allowed;
    const at = now();
    try {
      const changes = { rating: request.rating, text: request.text, name: request.name, language: request.language };
      const updated = await options.store.updateReview(claims.orderId, request.productId, changes, {
        now: at,
        editableSince: new Date(at.getTime() - REVIEW_EDIT_DAYS * DAY_MS),
        hold: options.moderation === 'hold',
      });
      if (updated.outcome === 'not_found') return fail(c, apiError('review_not_found', 'This order has not reviewed this product yet (POST /api/reviews).'));
      if (updated.outcome === 'closed') return fail(c, apiError('review_edit_closed', `A review can be changed for ${REVIEW_EDIT_DAYS} days after it was written.`));
      options.onWritten?.();
      c.header('Cache-Control', 'no-store');
      return c.json({ review: ownReview(updated.review, claims.expiresAt) } satisfies ReviewWriteResponse);
    } catch (error) {
      return unavailable(c, `change a review of ${request.productId}`, error);
    }
  });
  return app;
}

/** `?page=&sort=&rating=` of a review list, or what is wrong with them. */
function pageQuery(page = '1', sort = 'newest', rating?: string): { ok: true; page: number; sort: ReviewSort; rating: ReviewRating | null } | { ok: false; message: string } {
  if (!/^[1-9]\d{0,5}$/.test(page)) return { ok: false, message: '?page must be a whole number from 1.' };
  if (!(REVIEW_SORTS as readonly string[]).includes(sort)) return { ok: false, message: `?sort must be one of ${REVIEW_SORTS.join(', ')}.` };
  if (rating !== undefined && !/^[1-5]$/.test(rating)) return { ok: false, message: '?rating must be a number of stars from 1 to 5.' };
  return { ok: true, page: Number(page), sort: sort as ReviewSort, rating: rating === undefined ? null : (Number(rating) as ReviewRating) };
}
