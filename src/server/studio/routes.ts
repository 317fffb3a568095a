import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { StudioCatalogSaved, StudioReview, StudioReviewsResponse, StudioSession } from '../../core/api/studio';
import { parseCatalog } from '../../core/catalog/parse';
import { localize } from '../../core/catalog/localize';
import type { Catalog } from '../../core/catalog/types';
import { apiError, errorResponse } from '../http/api-error';
import { jsonBody, type JsonBodyEnv } from '../http/json-body';
import { REVIEW_STATUSES, type Review, type ReviewStatus, type ReviewStore } from '../reviews/store';
import type { StudioAccess } from './access';
import { studioHtml, pageLanguage, type StudioEnv } from './guard';
import { studioShell } from './page';
import { loginThrottle } from './throttle';

/** Saves a catalog over the server's catalog file (Node: studio/catalog-file.ts). */
export interface CatalogFileWriter {
  /** Writes `text` as the catalog, the old file first copied to a backup; returns the backup's path (null: there was no old file). */
  save(text: string): Promise<{ backup: string | null }>;
}

export interface StudioRoutesOptions {
  readonly access: () => Promise<StudioAccess>;
  readonly clientAddress: (c: Context) => string;
  readonly csp: string;
  /** Moderation; without it the reviews routes answer 503 as the shop's own do. */
  readonly reviews?: ReviewStore | undefined;
  /** The catalog, for the products' titles beside their reviews. */
  readonly catalog: () => Promise<Catalog | null>;
  /** Only where the catalog is a file (Node with FANSHOP_CATALOG); elsewhere saving answers 409. */
  readonly catalogFile?: CatalogFileWriter | undefined;
  /** A review was approved, hidden or shown again: the cards' stars are read again at once (reviews/ratings.ts). */
  readonly onModerated?: (() => void) | undefined;
}

const loginSchema = v.object({ password: v.pipe(v.string(), v.maxLength(1024)) });
const statusSchema = v.object({ status: v.picklist(REVIEW_STATUSES) });
/** A catalog of 10,000 products is about 10 MB of JSON. */
const MAX_CATALOG_BYTES = 20 * 1024 * 1024;

/**
 * The studio's routes, all behind `studioGuard` (app.ts): its page, the login and logout, the
 * session, moderation and saving the catalog. The other studio APIs (insights, the embed
 * builder) are mounted beside these under `/api/studio/`, behind the same guard.
 */
export function studioRoutes(options: StudioRoutesOptions): Hono<StudioEnv & JsonBodyEnv> {
  const app = new Hono<StudioEnv & JsonBodyEnv>();
  const throttle = loginThrottle();
  const sessionOf = (expiresAt: Date): StudioSession => ({ signedIn: true, expiresAt: expiresAt.toISOString(), catalogFile: !!options.catalogFile });

  app.get('/studio', (c) => studioHtml(c, studioShell(pageLanguage(c)), 200, options.csp));

  app.post('/api/studio/login', jsonBody({ maxBytes: 4096, what: 'the password' }), async (c) => {
    const client = options.clientAddress(c);
    const wait = throttle.wait(client);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      return errorResponse(c, apiError('rate_limited', `Too many wrong passwords: try again in ${seconds} s.`), { 'Retry-After': String(seconds) });
    }
    const body = v.safeParse(loginSchema, c.get('json'));
    if (!body.success) return errorResponse(c, apiError('invalid_request', 'Send { "password": "…" }.'));
    const access = await options.access();
    if (!(await access.check(body.output.password))) {
      throttle.failed(client);
      return errorResponse(c, apiError('studio_password_wrong', 'That is not the studio’s password.'));
    }
    throttle.succeeded(client);
    return c.json(sessionOf(await access.sessions.start(c)));
  });

  app.post('/api/studio/logout', async (c) => {
    await (await options.access()).sessions.end(c);
    return c.body(null, 204);
  });

  app.get('/api/studio/session', (c) => c.json(sessionOf(c.get('studioSession').expiresAt)));

  app.get('/api/studio/reviews', async (c) => {
    const store = options.reviews;
    if (!store) return errorResponse(c, apiError('reviews_unavailable', 'This shop keeps no reviews (no data store).'));
    const status = c.req.query('status') ?? 'pending';
    if (!REVIEW_STATUSES.includes(status as ReviewStatus)) return errorResponse(c, apiError('invalid_request', `status must be one of ${REVIEW_STATUSES.join(', ')}.`));
    const [all, catalog] = await Promise.all([store.allReviews(), options.catalog()]);
    const titles = productTitles(catalog);
    const productIds = [...new Set(all.map((r) => r.productId))];
    const aggregates = await store.reviewAggregates(productIds);
    const counts = { pending: 0, published: 0, hidden: 0 };
    for (const review of all) counts[review.status] += 1;
    const answer: StudioReviewsResponse = {
      reviews: all.filter((r) => r.status === status).map((r) => studioReview(r, titles.get(r.productId) ?? null)),
      counts,
      products: productIds.map((productId) => ({ productId, title: titles.get(productId) ?? null, average: aggregates[productId]?.average ?? 0, count: aggregates[productId]?.count ?? 0 })),
    };
    return c.json(answer);
  });

  app.post('/api/studio/reviews/:id', jsonBody({ maxBytes: 1024, what: 'the status' }), async (c) => {
    const store = options.reviews;
    if (!store) return errorResponse(c, apiError('reviews_unavailable', 'This shop keeps no reviews (no data store).'));
    const body = v.safeParse(statusSchema, c.get('json'));
    if (!body.success) return errorResponse(c, apiError('invalid_request', `Send { "status": "${REVIEW_STATUSES.join('" | "')}" }.`));
    const review = await store.setReviewStatus(c.req.param('id'), body.output.status);
    if (!review) return errorResponse(c, apiError('review_not_found', 'No review has this id.'));
    options.onModerated?.();
    const catalog = await options.catalog();
    return c.json(studioReview(review, productTitles(catalog).get(review.productId) ?? null));
  });

  app.put('/api/studio/catalog', jsonBody({ maxBytes: MAX_CATALOG_BYTES, what: 'the catalog' }), async (c) => {
    if (!options.catalogFile) {
      return errorResponse(c, apiError('studio_catalog_not_a_file', 'This server does not read its catalog from a file (FANSHOP_CATALOG): download the catalog and deploy it instead.'));
    }
    const result = parseCatalog(c.get('json'));
    if (!result.ok) {
      const issues = result.errors.slice(0, 50).map((e) => ({ path: e.path, message: e.message }));
      return errorResponse(c, apiError('studio_catalog_invalid', `The catalog has ${result.errors.length} problem(s); it was not saved.`, { issues }));
    }
    const { backup } = await options.catalogFile.save(`${JSON.stringify(c.get('json'), null, 2)}\n`);
    return c.json({ saved: true, backup, products: result.catalog.products.length } satisfies StudioCatalogSaved);
  });

  return app;
}

/** A review without its order id, which stays private even from the studio's page. */
function studioReview(review: Review, productTitle: string | null): StudioReview {
  const { orderId: _orderId, ...rest } = review;
  return { ...rest, productTitle };
}

/** Each product's title in the catalog's own language. */
function productTitles(catalog: Catalog | null): Map<string, string> {
  const locale = catalog?.shop.defaultLocale ?? 'en';
  return new Map(catalog?.products.map((p) => [p.id, localize(p.title, locale, locale)]) ?? []);
}
