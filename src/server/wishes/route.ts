import { Hono, type Context } from 'hono';
import type { WishResponse } from '../../core/api/wishes';
import { wishable } from '../../core/catalog/availability';
import { findVariant } from '../../core/catalog/find-variant';
import { localize } from '../../core/catalog/localize';
import type { Catalog } from '../../core/catalog/types';
import { apiError, errorResponse, type ApiError } from '../http/api-error';
import { corsForOrigins } from '../http/cors';
import { jsonBody } from '../http/json-body';
import { fixedWindowLimit } from '../http/rate-limit';
import { strictCsp } from '../http/security';
import { choosePageLanguage } from '../pages/page-locale';
import { parseWishRequest } from './request';
import type { RestockNotice } from './restock';
import type { WishStore } from './store';
import type { UnsubscribeTokens } from './token';
import { unsubscribePage } from './unsubscribe-page';

export interface WishesOptions {
  readonly store: WishStore;
  /** Signs unsubscribe links (token.ts); without it no email is taken (503 wishes_not_configured). */
  readonly tokens: UnsubscribeTokens | undefined;
  /** Why there are no tokens (the setting to add), for the log. */
  readonly notConfigured?: string | undefined;
  /** Emails one client may leave per minute (FANSHOP_WISHES_RATE_LIMIT). */
  readonly rateLimitPerMinute: number;
  /** Origins whose pages may post wishes (CORS), as for checkout. */
  readonly allowedOrigins: readonly string[];
  readonly clientAddress: (c: Context) => string;
  /**
   * The merchant's hook: a product (or variant) with wishes can be bought again (restock.ts).
   * Without it nothing is marked notified: wishes wait for a hook, and the CLI lists them.
   */
  readonly onRestock?: ((notice: RestockNotice) => void | Promise<void>) | undefined;
  /** How often at most the restock check runs on its own, after a request (default a minute). */
  readonly restockCheckMs?: number;
  /** Milliseconds since the epoch; tests move it. */
  readonly now?: () => number;
}

const MAX_BODY_BYTES = 4 * 1024;
const fail = (c: Context, error: ApiError) => errorResponse(c, error, { 'Cache-Control': 'no-store' });

/**
 * "I want this":
 * - `POST /api/wishes` `{ productId, variantId?, email, language, consent: true }` keeps the
 *   email once per product (and variant), for one that is sold out now (live stock) or coming
 *   soon; it answers `{ received: true }` whether the email is new or was there, so nobody learns
 *   who is on a list. A product that can be bought is 409 `product_available`.
 * - `GET /api/wishes/unsubscribe?token=` shows a page with one button; `POST` to the same URL
 *   (the button, or a mail client's one-click, RFC 8058) deletes the wish.
 * Emails leave the server only through the `onRestock` hook and the CLI.
 */
export function wishesRoutes(options: WishesOptions & { readonly catalog: () => Promise<Catalog | null> }): Hono {
  const app = new Hono();
  const limit = fixedWindowLimit(options.rateLimitPerMinute, 60_000);
  const now = () => new Date(options.now?.() ?? Date.now());
  app.use('/api/wishes', corsForOrigins(options.allowedOrigins, { methods: 'POST', refuse: (c) => fail(c, apiError('origin_not_allowed', 'This site may not use the shop’s "Notify me".')) }));

  app.post('/api/wishes', jsonBody({ maxBytes: MAX_BODY_BYTES, what: 'the wish' }), async (c) => {
    const parsed = parseWishRequest(c.get('json'));
    if (!parsed.ok) {
      const reasons = parsed.issues.map((i) => `${i.path} ${i.message}`).join('; ');
      return fail(c, apiError('invalid_request', `The request is not a wish: ${reasons}.`, { issues: parsed.issues }));
    }
    if (!options.tokens) {
      console.error(`[fanshop] POST /api/wishes refused: ${options.notConfigured ?? 'no secret for unsubscribe links'}`);
      return fail(c, apiError('wishes_not_configured', '"Notify me" is not set up on this shop yet.'));
    }
    if (!limit.take(options.clientAddress(c))) {
      c.header('Retry-After', '60');
      return fail(c, apiError('rate_limited', 'Too many requests; try again in a minute.'));
    }
    const { request } = parsed;
    const catalog = await options.catalog();
    if (!catalog) return fail(c, apiError('catalog_unavailable', 'The shop’s catalog cannot be read.'));
    const product = catalog.products.find((p) => p.id === request.productId);
    if (!product) return fail(c, apiError('unknown_product', 'The shop has no product with this id.'));
    const variant = findVariant(product, request.variantId);
    if (request.variantId !== null && !variant) return fail(c, apiError('unknown_variant', 'This product has no such option.'));
    if (!wishable(product, variant)) return fail(c, apiError('product_available', 'This product can be bought now.'));
    try {
      await options.store.addWish({ id: crypto.randomUUID(), productId: product.id, variantId: variant?.id ?? null, email: request.email, language: request.language, createdAt: now().toISOString() });
    } catch (error) {
      console.error(`[fanshop] could not keep a wish for ${product.id}:`, error);
      return fail(c, apiError('wishes_unavailable', 'This could not be saved right now; try again.'));
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ received: true } satisfies WishResponse);
  });

  /** The page's language and the product's title, from the wish the token names (if it is still kept). */
  async function unsubscribe(c: Context, act: boolean): Promise<Response> {
    const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': strictCsp(), 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };
    const token = c.req.query('token') ?? '';
    const wishId = options.tokens ? await options.tokens.verify(token) : undefined;
    if (!wishId) return new Response(unsubscribePage('invalid', { lang: choosePageLanguage({ acceptLanguage: c.req.header('Accept-Language') }) }), { status: 400, headers });
    let wish;
    let catalog;
    try {
      [wish, catalog] = await Promise.all([options.store.getWish(wishId), options.catalog()]);
      if (act && wish) await options.store.removeWish(wishId);
    } catch (error) {
      console.error('[fanshop] could not unsubscribe a wish:', error);
      return new Response('Please try again in a minute.', { status: 503, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '60' } });
    }
    const lang = choosePageLanguage({ query: wish?.language, acceptLanguage: c.req.header('Accept-Language'), fallback: catalog?.shop.defaultLocale });
    const product = wish && catalog?.products.find((p) => p.id === wish.productId);
    const title = product ? localize(product.title, lang, catalog!.shop.defaultLocale) : undefined;
    // A wish no longer kept (unsubscribed before, or notified and forgotten) gets the same answer: done.
    if (act || !wish) return new Response(unsubscribePage('done', { lang, product: title }), { headers });
    return new Response(unsubscribePage('ask', { lang, product: title, action: `/api/wishes/unsubscribe?token=${encodeURIComponent(token)}` }), { headers });
  }
  app.get('/api/wishes/unsubscribe', (c) => unsubscribe(c, false));
  app.post('/api/wishes/unsubscribe', (c) => unsubscribe(c, true));
  return app;
}
