import { Hono } from 'hono';
import { apiRoutes } from './api';
import type { LocalPrice } from './params';
import { payRoutes } from './pay-routes';
import { IdempotencyStore, SessionStore } from './store';

/**
 * A local, test-mode Stripe for Fanshop: when the server has no STRIPE_SECRET_KEY, it starts
 * this stand-in and points the official `stripe` SDK at it. The SDK works unchanged: the same
 * endpoints (`POST /v1/checkout/sessions`, `GET /v1/checkout/sessions/:id`, `…/line_items`),
 * the same form encoding, errors, idempotency and signed `checkout.session.completed` webhooks.
 * Shoppers pay on a plain test page (card 4242 4242 4242 4242) instead of checkout.stripe.com.
 * With real keys none of this runs.
 *
 * How the main server uses it (Node):
 *
 * ```ts
 * import Stripe from 'stripe';
 * import { startLocalStripe } from './stripe-local';
 *
 * const key = process.env.STRIPE_SECRET_KEY;
 * let stripe: Stripe;
 * if (key) {
 *   stripe = new Stripe(key);
 * } else {
 *   const local = await startLocalStripe({
 *     webhookUrl: `http://127.0.0.1:${port}/api/stripe/webhook`, // the shop's own webhook route
 *     webhookSecret: 'whsec_local_test',                          // the same secret the route verifies with
 *     publicUrl: `http://localhost:${port}/_stripe`,              // where browsers reach the pay page
 *   });
 *   app.route('/_stripe', local.app); // pay page on the shop's origin (its CSP: form-action 'self')
 *   stripe = new Stripe('sk_test_local', { host: '127.0.0.1', port: local.port, protocol: 'http' });
 *   console.log(`[fanshop] no STRIPE_SECRET_KEY: using the local test-mode Stripe at ${local.url}`);
 * }
 * ```
 *
 * Without `publicUrl`, the pay page is served by the stand-in's own port (`local.url`), which
 * is enough for tests. Everything is in memory and forgotten on restart.
 */

export interface LocalStripeOptions {
  /** The shop's webhook endpoint; without it events are logged, not sent. */
  webhookUrl?: string;
  /** Signing secret for `Stripe-Signature`, `whsec_…`; the shop verifies with the same one. */
  webhookSecret: string;
  /** Where the shopper's browser reaches this app, e.g. `http://localhost:8787/_stripe`. */
  publicUrl: string;
  /** Milliseconds since the epoch; injectable so tests can expire sessions. Default `Date.now`. */
  now?: () => number;
  /** Prices for `line_items[][price]=price_…`, by id (there is no Prices API here). */
  prices?: Record<string, LocalPrice>;
  /** Where delivery failures are reported; default `console.warn`. */
  log?: (message: string) => void;
}

export interface LocalStripe {
  /** A Hono app: serve it on its own port or mount it under a prefix (`app.route('/_stripe', …)`). */
  app: Hono;
  /** The sessions created so far (read-only use: `get(id)`, `list()`). */
  sessions: SessionStore;
}

/**
 * Creates the stand-in. It is a standard `Request -> Response` app, so it runs anywhere Hono
 * runs; `startLocalStripe` serves it on Node.
 * @example
 * const local = createLocalStripe({ webhookSecret: 'whsec_test', publicUrl: 'http://localhost:8787/_stripe' });
 * shopApp.route('/_stripe', local.app);
 */
export function createLocalStripe(options: LocalStripeOptions): LocalStripe {
  if (!options.webhookSecret.startsWith('whsec_')) {
    throw new Error(`[fanshop:stripe-local] webhookSecret must be a signing secret starting with "whsec_", got "${options.webhookSecret.slice(0, 6)}…"`);
  }
  for (const [name, value] of [['publicUrl', options.publicUrl], ['webhookUrl', options.webhookUrl]] as const) {
    if (value !== undefined && (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))) {
      throw new Error(`[fanshop:stripe-local] ${name} must be an absolute http(s) URL, got "${value}"`);
    }
  }
  const now = options.now ?? Date.now;
  const sessions = new SessionStore(now);
  const app = new Hono();
  app.route(
    '/',
    payRoutes({
      sessions,
      now,
      webhook: { secret: options.webhookSecret, ...(options.webhookUrl ? { url: options.webhookUrl } : {}) },
      ...(options.log ? { log: options.log } : {}),
    }),
  );
  app.route(
    '/',
    apiRoutes({ sessions, idempotency: new IdempotencyStore(now), prices: new Map(Object.entries(options.prices ?? {})), publicUrl: options.publicUrl, now }),
  );
  app.get('/', (c) => c.text('Local test-mode Stripe for Fanshop: POST /v1/checkout/sessions, pay pages under /c/pay/\n'));
  app.notFound((c) => c.text('Not found', 404));
  return { app, sessions };
}

export interface StartedLocalStripe extends LocalStripe {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the stand-in on 127.0.0.1 and a free port (Node only; the server module is loaded on
 * demand so Workers bundles never see it). Without `publicUrl`, pay pages use this server's URL.
 * @example
 * const local = await startLocalStripe({ webhookSecret: 'whsec_test' });
 * const stripe = new Stripe('sk_test_local', { host: '127.0.0.1', port: local.port, protocol: 'http' });
 * await local.close();
 */
export async function startLocalStripe(
  options: Omit<LocalStripeOptions, 'publicUrl'> & { publicUrl?: string; port?: number },
): Promise<StartedLocalStripe> {
  const { serve } = await import('@hono/node-server');
  let local: LocalStripe | undefined = options.publicUrl ? createLocalStripe({ ...options, publicUrl: options.publicUrl }) : undefined;
  const fetchHandler = (request: Request) => (local ? local.app.fetch(request) : new Response('Starting', { status: 503 }));
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const server = serve({ fetch: fetchHandler, port: options.port ?? 0, hostname: '127.0.0.1' }, (info) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
  const url = `http://127.0.0.1:${port}`;
  local ??= createLocalStripe({ ...options, publicUrl: url });
  return {
    ...local,
    port,
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The SDK keeps connections alive; close them so `close()` does not wait for its timeout.
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type { LocalPrice } from './params';
export type { WireSession, WireLineItem, WireEvent } from './objects';
export { signatureHeader } from './webhook';
export { TEST_CARDS } from './cards';
