import type { CheckoutResponse } from '../../core/api/checkout';
import { Hono, type Context } from 'hono';
import { jsonBody } from '../http/json-body';
import { corsForOrigins } from '../http/cors';
import type Stripe from 'stripe';
import type { Catalog } from '../../core/catalog/types';
import { apiError, errorResponse } from '../http/api-error';
import { parseCheckoutRequest, type CheckoutLimits } from './request';
import { priceCart } from './price-cart';
import { RESERVATION_KEY } from './cart-metadata';
import { checkoutKey, sessionParams, type SessionOptions } from './session-params';
import { fixedWindowLimit } from '../http/rate-limit';
import { sessionSummary } from './session-summary';
import { stripeFailure, stripeFailureResponse } from './stripe-failure';
import { stockItemId, type Reservation, type StockLine, type StockStore } from '../stock/store';
import type { PricedCart } from './price-cart';
import type { CheckoutLineRequest } from './request';
import type { ReviewTokens } from '../reviews/token';

export interface CheckoutOptions extends Omit<SessionOptions, 'uiMode'>, CheckoutLimits {
  readonly stripe: Stripe;
  /** Holds the cart's tracked units for the session's lifetime (stock/store.ts). */
  readonly stock: StockStore;
  /** The time, in milliseconds since the epoch; tests move it. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * Stripe's embedded form in a dialog on the shop's page, instead of Stripe's own page. Used
   * when the widget says it can embed (top level, not in a frame); otherwise hosted as usual.
   * `publishableKey` goes to Stripe.js in the browser; `stripeJs` (a path on this server) is
   * only set by the local test mode, whose stand-in replaces js.stripe.com.
   */
  readonly embedded?: { readonly publishableKey: string; readonly stripeJs?: string } | undefined;
  /** The catalog as the server parsed it, or null when it cannot be read or is invalid. */
  readonly catalog: () => Promise<Catalog | null>;
  /** Origins whose pages may start a checkout and be returned to (CORS and return URLs). */
  readonly allowedOrigins: readonly string[];
  /** Checkout creations per client per minute. */
  readonly rateLimitPerMinute: number;
  /** Who is asking, for the rate limit: the connecting address. */
  readonly clientAddress: (c: Context) => string;
  /** Largest request body in bytes (default 32 KB). */
  readonly maxBodyBytes: number;
  /** Signs the review token a paid session's confirmation gets (reviews/token.ts). */
  readonly reviewTokens?: ReviewTokens | undefined;
}

/**
 * `POST /api/checkout` prices the cart again from the catalog and creates a Stripe Checkout
 * Session; `GET /api/checkout/sessions/:id` tells the returning shopper what they bought.
 */
export function checkoutRoutes(options: CheckoutOptions): Hono {
  const app = new Hono();
  const allowed = new Set(options.allowedOrigins);
  const limit = fixedWindowLimit(options.rateLimitPerMinute, 60_000);

  // An allowed Origin gets itself back; other sites' pages are refused (server/cors.ts).
  const cors = corsForOrigins(options.allowedOrigins, {
    methods: 'POST, GET',
    refuse: (c) => errorResponse(c, apiError('origin_not_allowed', 'This site may not start a checkout.')),
  });
  app.use('/api/checkout', cors);
  app.use('/api/checkout/*', cors);

  app.post(
    '/api/checkout',
    jsonBody({ maxBytes: options.maxBodyBytes, what: 'the cart' }),
    async (c) => {
      const parsed = parseCheckoutRequest(c.get('json'), options);
      if (!parsed.ok) return errorResponse(c, parsed.error);
      const { request } = parsed;
      if (!allowed.has(new URL(request.returnUrl).origin)) {
        return errorResponse(c, apiError('origin_not_allowed', 'The shop cannot send shoppers back to that page.'));
      }
      const client = options.clientAddress(c);
      if (!limit.take(client)) {
        c.header('Retry-After', '60');
        return errorResponse(c, apiError('rate_limited', 'Too many checkouts started; try again in a minute.'));
      }
      const catalog = await options.catalog();
      if (!catalog) return errorResponse(c, apiError('catalog_unavailable', 'The shop’s catalog cannot be read.'));
      const locale = request.locale ?? catalog.shop.defaultLocale;
      const priced = priceCart(catalog, request.lines, locale);
      if (!priced.ok) return errorResponse(c, priced.error);
      const uiMode = options.embedded && request.embeddable ? 'embedded_page' : 'hosted_page';
      const browser = { userAgent: c.req.header('User-Agent'), fbp: request.fbp, fbc: request.fbc };
      const params = sessionParams(priced.cart, { ...options, uiMode, returnUrl: request.returnUrl, locale, browser });
      const now = new Date(options.now?.() ?? Date.now());
      const tracked = trackedLines(priced.cart, request.lines);
      const key = await checkoutKey(params, `${client}/${request.attempt}`);
      // The Stripe idempotency key: the reservation's id when units are held (the same
      // reservation, the same session); with nothing to hold, the checkout key and the minute,
      // so a double click makes one session and a deliberate second purchase a new one.
      let idempotencyKey = `${key}.${Math.floor(now.getTime() / 60_000)}`;
      let reservation: Reservation | undefined;
      let stockMs: number | undefined;
      if (tracked.length) {
        // All or nothing, before Stripe is asked: the last unit goes to one checkout only.
        const reserving = performance.now();
        const held = await options.stock.reserve(key, tracked.map((t) => t.line), new Date(now.getTime() + SESSION_LIFETIME_MS), now);
        stockMs = performance.now() - reserving;
        if (!held.ok) {
          const { lineIndex } = tracked[held.lineIndex]!;
          return errorResponse(
            c,
            held.available > 0
              ? apiError('quantity_above_stock', `Only ${held.available} of this product are left.`, { lineIndex })
              : apiError('sold_out', 'This product is sold out.', { lineIndex }),
          );
        }
        ({ reservation } = held);
        idempotencyKey = reservation.id;
        params.expires_at = Math.floor(reservation.expiresAt.getTime() / 1000);
        params.metadata = { ...params.metadata, [RESERVATION_KEY]: reservation.id };
      }
      try {
        const started = performance.now();
        const session = await options.stripe.checkout.sessions.create(params, { idempotencyKey });
        // How long Stripe took, so what the server itself adds can be measured (npm run bench).
        c.header('Server-Timing', `stripe;dur=${(performance.now() - started).toFixed(1)}${stockMs === undefined ? '' : `, stock;dur=${stockMs.toFixed(1)}`}`);
        const answer: CheckoutResponse | undefined =
          uiMode === 'hosted_page' || !options.embedded
            ? session.url ? { id: session.id, url: session.url } : undefined
            : session.client_secret ? { id: session.id, clientSecret: session.client_secret, publishableKey: options.embedded.publishableKey, ...(options.embedded.stripeJs ? { stripeJs: options.embedded.stripeJs } : {}) } : undefined;
        // Stripe always gives a hosted session its url and an embedded one its secret.
        if (!answer) throw new Error(`Stripe answered session ${session.id} without its ${uiMode === 'hosted_page' ? 'url' : 'client_secret'}`);
        return c.json(answer);
      } catch (error) {
        // Stripe said no: no session holds the units, so they go back at once. After a network
        // failure a session may exist; its reservation then ends when the session does.
        if (reservation && stripeFailure(error) === 'refused') await options.stock.release(reservation.id);
        // Logged for the merchant; the shopper gets a sentence, never Stripe's internals.
        return stripeFailureResponse(c, 'a Checkout Session', error);
      }
    },
  );

  app.get('/api/checkout/sessions/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^cs_(test|live)_\w{1,200}$/.test(id)) return errorResponse(c, apiError('session_not_found', 'No such checkout.'));
    try {
      return c.json(await sessionSummary(options.stripe, id, options.reviewTokens));
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return errorResponse(c, apiError('session_not_found', 'No such checkout.'));
      return stripeFailureResponse(c, `reading Checkout Session ${id}`, error);
    }
  });
  return app;
}

/**
 * How long a Checkout Session, and so its reservation, lasts: Stripe's shortest (30 minutes
 * after creation, https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at),
 * and 30 seconds for the request to reach Stripe, whose clock is not ours.
 */
export const SESSION_LIFETIME_MS = 30 * 60_000 + 30_000;

/**
 * The cart's lines whose stock the catalog tracks, one per item, with the catalog's stock now,
 * and the index of the request line each came from (for the shopper's error).
 */
function trackedLines(cart: PricedCart, requested: readonly CheckoutLineRequest[]): { line: StockLine; lineIndex: number }[] {
  return cart.lines.flatMap((line, i) =>
    Number.isFinite(line.stock) ? [{ line: { item: stockItemId(line.productId, line.variantId), quantity: line.quantity, stock: line.stock }, lineIndex: requested[i]?.index ?? i }] : [],
  );
}
