import type { CheckoutResponse } from '../../core/api/checkout';
import { Hono, type Context } from 'hono';
import { jsonBody } from '../http/json-body';
import { corsForOrigins } from '../http/cors';
import type Stripe from 'stripe';
import type { Catalog } from '../../core/catalog/types';
import { apiError, errorResponse } from '../http/api-error';
import { parseCheckoutRequest, type CheckoutLimits } from './request';
import { priceCart } from './price-cart';
import { idempotencyKey, sessionParams, type SessionOptions } from './session-params';
import { fixedWindowLimit } from '../http/rate-limit';
import { sessionSummary } from './session-summary';
import { stripeFailureResponse } from './stripe-failure';

export interface CheckoutOptions extends Omit<SessionOptions, 'uiMode'>, CheckoutLimits {
  readonly stripe: Stripe;
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
      try {
        const key = await idempotencyKey(params, `${client}/${request.attempt}`);
        const started = performance.now();
        const session = await options.stripe.checkout.sessions.create(params, { idempotencyKey: key });
        // How long Stripe took, so what the server itself adds can be measured (npm run bench).
        c.header('Server-Timing', `stripe;dur=${(performance.now() - started).toFixed(1)}`);
        const answer: CheckoutResponse | undefined =
          uiMode === 'hosted_page' || !options.embedded
            ? session.url ? { id: session.id, url: session.url } : undefined
            : session.client_secret ? { id: session.id, clientSecret: session.client_secret, publishableKey: options.embedded.publishableKey, ...(options.embedded.stripeJs ? { stripeJs: options.embedded.stripeJs } : {}) } : undefined;
        // Stripe always gives a hosted session its url and an embedded one its secret.
        if (!answer) throw new Error(`Stripe answered session ${session.id} without its ${uiMode === 'hosted_page' ? 'url' : 'client_secret'}`);
        return c.json(answer);
      } catch (error) {
        // Logged for the merchant; the shopper gets a sentence, never Stripe's internals.
        return stripeFailureResponse(c, 'a Checkout Session', error);
      }
    },
  );

  app.get('/api/checkout/sessions/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^cs_(test|live)_\w{1,200}$/.test(id)) return errorResponse(c, apiError('session_not_found', 'No such checkout.'));
    try {
      return c.json(await sessionSummary(options.stripe, id));
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return errorResponse(c, apiError('session_not_found', 'No such checkout.'));
      return stripeFailureResponse(c, `reading Checkout Session ${id}`, error);
    }
  });
  return app;
}
