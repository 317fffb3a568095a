import { Hono } from 'hono';
import { apiRoutes } from './api';
import type { LocalPrice } from './params';
import { payRoutes } from './pay-routes';
import { IdempotencyStore, SessionStore } from './store';
import { WebhookQueue } from './webhook';

/**
 * A local, test-mode Stripe for Fanshop: a development tool, like stripe-mock, kept outside the
 * production source tree. The Node server loads it (attach.ts) only when it runs without
 * STRIPE_SECRET_KEY outside production, and points the official `stripe` SDK at it. The SDK
 * works unchanged: the same endpoints (`POST /v1/checkout/sessions`, `GET
 * /v1/checkout/sessions/:id`, `…/line_items`, `POST …/expire`), the same form encoding, errors,
 * idempotency and signed `checkout.session.completed` and `checkout.session.expired` webhooks.
 * Shoppers pay on a plain test page (card 4242 4242 4242 4242) instead of checkout.stripe.com.
 * With real keys none of this runs.
 *
 * It is two apps:
 * - `api`, the `/v1` API, answers only `secretKey` (made at start unless given), and is served
 *   on the loopback address alone (`startLocalStripe`): only the shop's own server can create a
 *   session or read one, never a browser, so nobody can make a cheap session for an expensive
 *   product or read another shopper's address;
 * - `pages`, the shopper's side (pay pages, the stand-in Stripe.js), which the shop mounts on
 *   its own origin under `/_stripe` (their CSP has `form-action 'self'`).
 *
 * Everything is in memory and forgotten on restart.
 */

export interface LocalStripeOptions {
  /** The shop's webhook endpoint; without it events are logged, not sent. */
  webhookUrl?: string;
  /** Signing secret for `Stripe-Signature`, `whsec_…`; the shop verifies with the same one. */
  webhookSecret: string;
  /** Where the shopper's browser reaches `pages`, e.g. `http://localhost:8787/_stripe`. */
  publicUrl: string;
  /** The API key the API accepts; default a random `sk_test_local_…`. */
  secretKey?: string;
  /** Milliseconds since the epoch; injectable so tests can expire sessions. Default `Date.now`; `clock.advance` moves on from it. */
  now?: () => number;
  /** Prices for `line_items[][price]=price_…`, by id (there is no Prices API here). */
  prices?: Record<string, LocalPrice>;
  /** Where delivery failures are reported; default `console.warn`. */
  log?: (message: string) => void;
}

export interface LocalStripe {
  /** The `/v1` API, for the shop's server only. */
  api: ReturnType<typeof apiRoutes>;
  /** The shopper's pages, to mount where `publicUrl` says (`shop.route('/_stripe', local.pages)`). */
  pages: Hono;
  /** The key `api` accepts. */
  secretKey: string;
  /** The sessions created so far (read-only use: `get(id)`, `list()`). */
  sessions: SessionStore;
  /** This Stripe's time, which tests move forward to let sessions run out. */
  clock: LocalClock;
  /** Webhook delivery, for tests: events are sent one at a time, in the order they happened. */
  webhooks: LocalWebhooks;
}

export interface LocalClock {
  /** Milliseconds since the epoch as this Stripe sees them: `now` (default `Date.now`) plus every advance. */
  now(): number;
  /**
   * Moves time forward. Every open session whose `expires_at` is then past expires, and its
   * `checkout.session.expired` is delivered before this resolves (unless webhooks are held).
   * `advance(0)` expires only what is already due.
   */
  advance(seconds: number): Promise<void>;
}

export interface LocalWebhooks {
  /** Keeps every event from now on from being sent, to play Stripe delivering late. */
  hold(): void;
  /** Ends the hold: sends the kept events in order, and resolves once all are delivered (or given up on). */
  flush(): Promise<void>;
}

/** A random test-mode key: `sk_test_local_` and 32 hex digits. */
export function newSecretKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `sk_test_local_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Creates the stand-in: two standard `Request -> Response` apps, so they run anywhere Hono runs.
 * @example
 * const local = createLocalStripe({ webhookSecret: 'whsec_test', publicUrl: 'http://localhost:8787/_stripe' });
 * shopApp.route('/_stripe', local.pages);
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
  const secretKey = options.secretKey ?? newSecretKey();
  if (!/^sk_test_\w+$/.test(secretKey)) throw new Error('[fanshop:stripe-local] secretKey must be a test-mode key (sk_test_…)');
  const base = options.now ?? Date.now;
  let advancedMs = 0;
  const now = () => base() + advancedMs;
  const webhooks = new WebhookQueue({ secret: options.webhookSecret, ...(options.webhookUrl ? { url: options.webhookUrl } : {}) }, options.log ? { log: options.log } : {});
  const sessions = new SessionStore(now, (event) => webhooks.send(event));
  const pages = payRoutes({ sessions, webhooks, now });
  pages.notFound((c) => c.text('Not found', 404));
  const api = apiRoutes({ secretKey, sessions, idempotency: new IdempotencyStore(now), prices: new Map(Object.entries(options.prices ?? {})), publicUrl: options.publicUrl, now });
  api.get('/', (c) => c.text('Local test-mode Stripe for Fanshop: POST /v1/checkout/sessions, pay pages under /c/pay/\n'));
  api.notFound((c) => c.text('Not found', 404));
  const clock: LocalClock = {
    now,
    async advance(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`[fanshop:stripe-local] clock.advance takes seconds >= 0, got ${seconds}`);
      advancedMs += seconds * 1000;
      sessions.expireDue();
      await webhooks.settled();
    },
  };
  return { api, pages, secretKey, sessions, clock, webhooks: { hold: () => webhooks.hold(), flush: () => webhooks.flush() } };
}

/** How often a served local Stripe looks for sessions past `expires_at`. */
const SWEEP_MS = 30_000;

export interface StartedLocalStripe extends LocalStripe {
  port: number;
  /** `http://127.0.0.1:<port>`: the API, and the pages too when no `publicUrl` was given. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the stand-in on 127.0.0.1 and a free port (Node only). The API is served there alone;
 * without `publicUrl` the pay pages are served there too (tests, the bench's own process).
 * While it serves, sessions past `expires_at` expire every 30 seconds, read or not.
 * @example
 * const local = await startLocalStripe({ webhookSecret: 'whsec_test' });
 * const stripe = new Stripe(local.secretKey, { host: '127.0.0.1', port: local.port, protocol: 'http' });
 * await local.close();
 */
export async function startLocalStripe(
  options: Omit<LocalStripeOptions, 'publicUrl'> & { publicUrl?: string; port?: number },
): Promise<StartedLocalStripe> {
  const { serve } = await import('@hono/node-server');
  let app: Hono | undefined;
  const fetchHandler = (request: Request) => (app ? app.fetch(request) : new Response('Starting', { status: 503 }));
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const server = serve({ fetch: fetchHandler, port: options.port ?? 0, hostname: '127.0.0.1' }, (info) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
  const url = `http://127.0.0.1:${port}`;
  const local = createLocalStripe({ ...options, publicUrl: options.publicUrl ?? url });
  const routes = new Hono();
  if (!options.publicUrl) routes.route('/', local.pages);
  routes.route('/', local.api);
  app = routes;
  // Stripe expires sessions without being asked; a shop holding stock for one waits for the event.
  const sweep = setInterval(() => void local.clock.advance(0), SWEEP_MS);
  sweep.unref();
  return {
    ...local,
    port,
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(sweep);
        // The SDK keeps connections alive; close them so `close()` does not wait for its timeout.
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type { LocalPrice } from './params';
export type { WireSession, WireLineItem, WireEvent } from './objects';
