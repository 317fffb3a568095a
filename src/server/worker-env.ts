import type { Context } from 'hono';
import Stripe from 'stripe';
import type { AppOptions } from './app';
import type { CatalogSource } from './catalog-source';
import { kvOrderStore, type KvNamespace } from './orders/kv-store';
import { kvLikesStore, type KvLikesNamespace } from './likes/kv-store';
import { memoryLikesStore } from './likes/memory-store';
import { metaConversionsFromEnv } from './meta/conversions-api';

/** The static assets binding (wrangler.jsonc `assets.binding`): the files of dist/client. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** A var or secret. Secrets are strings; wrangler.jsonc `vars` may also hold numbers and booleans. */
type Var = string | number | boolean | undefined;

/**
 * What a Worker gets as `env`: the bindings and variables of wrangler.jsonc, and the secrets set
 * with `npx wrangler secret put`. Each is described in docs/deploy.md. Typed here, for the
 * parts Fanshop uses, so the repository needs no @cloudflare/workers-types.
 */
export interface WorkerEnv {
  readonly ASSETS: AssetsBinding;
  /** Where paid orders are kept (orders/kv-store.ts); without it webhooks are refused with 503. */
  readonly FANSHOP_ORDERS?: KvNamespace;
  readonly STRIPE_SECRET_KEY?: string;
  readonly STRIPE_WEBHOOK_SECRET?: string;
  readonly STRIPE_PUBLISHABLE_KEY?: string;
  /** Tests only: another Stripe API (the local test-mode Stripe), e.g. `http://127.0.0.1:12111`. */
  readonly STRIPE_API_BASE?: string;
  readonly FANSHOP_CATALOG_URL?: Var;
  readonly FANSHOP_ALLOWED_ORIGINS?: Var;
  readonly FANSHOP_SHIPPING_COUNTRIES?: Var;
  readonly FANSHOP_PROMOTION_CODES?: Var;
  readonly FANSHOP_MAX_QUANTITY?: Var;
  readonly FANSHOP_MAX_LINES?: Var;
  readonly FANSHOP_CHECKOUT_RATE_LIMIT?: Var;
  readonly FANSHOP_CHECKOUT_UI?: Var;
  /** Where like counts are kept (likes/kv-store.ts: approximate); without it, in each isolate's memory. */
  readonly FANSHOP_LIKES?: KvLikesNamespace;
  readonly FANSHOP_LIKES_RATE_LIMIT?: Var;
  /** The Facebook app's secret, for the Page tab's signed_request (facebook/tab-route.ts). */
  readonly FB_APP_SECRET?: string;
  /** Meta's Conversions API (meta/conversions-api.ts): both set, or no purchases are sent. */
  readonly META_PIXEL_ID?: Var;
  readonly META_CAPI_TOKEN?: string;
  readonly META_TEST_EVENT_CODE?: Var;
  /** Tests only: a stand-in for https://graph.facebook.com. */
  readonly META_GRAPH_API_BASE?: Var;
}

export interface WorkerConfig {
  readonly options: AppOptions;
  /** Why there is no checkout or no webhook route (what the merchant must set), if so. */
  readonly checkoutOff?: string;
  readonly webhooksOff?: string;
}

const text = (value: Var) => (value === undefined ? undefined : String(value).trim());
const list = (value: Var) => (text(value) ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** A whole number above zero, or the default with a log line naming the variable. */
function count(name: string, value: Var, fallback: number): number {
  if (text(value) === undefined || text(value) === '') return fallback;
  const n = Number(value);
  if (Number.isInteger(n) && n > 0) return n;
  console.error(`[fanshop] ${name} must be a whole number above 0, got ${JSON.stringify(value)}; using ${fallback}`);
  return fallback;
}

/**
 * The app's options from a Worker's env: the same variables and defaults as node.ts, except
 * that without FANSHOP_ALLOWED_ORIGINS the allowed origin is the Worker's own (`ownOrigin`).
 * Unlike node.ts there is no local test-mode Stripe: without STRIPE_SECRET_KEY the shop has no
 * checkout, and says so.
 */
export function workerConfig(env: WorkerEnv, ownOrigin: string): WorkerConfig {
  const catalog = catalogSource(env);
  const origins = list(env.FANSHOP_ALLOWED_ORIGINS).map((o) => (URL.canParse(o) ? new URL(o).origin : o));
  const allowedOrigins = origins.length ? origins : [ownOrigin];
  // Set by Cloudflare on every request: the visitor's address.
  const clientAddress = (c: Context) => c.req.header('CF-Connecting-IP') ?? 'unknown';
  const social: Pick<AppOptions, 'likes' | 'facebook'> = {
    likes: {
      store: env.FANSHOP_LIKES ? kvLikesStore(env.FANSHOP_LIKES) : likesInMemory(),
      // Per isolate, like the checkout limit below.
      rateLimitPerMinute: count('FANSHOP_LIKES_RATE_LIMIT', env.FANSHOP_LIKES_RATE_LIMIT, 60),
      allowedOrigins,
      clientAddress,
    },
    facebook: { appSecret: text(env.FB_APP_SECRET) || undefined },
  };
  const key = text(env.STRIPE_SECRET_KEY);
  if (!key) {
    const off = 'STRIPE_SECRET_KEY is not set (npx wrangler secret put STRIPE_SECRET_KEY)';
    return { options: { catalog, ...social }, checkoutOff: off, webhooksOff: off };
  }
  const stripe = stripeClient(key, text(env.STRIPE_API_BASE));
  const options: AppOptions = {
    catalog,
    ...social,
    checkout: {
      stripe,
      embedded: embeddedCheckout(env),
      shippingCountries: list(env.FANSHOP_SHIPPING_COUNTRIES ?? 'DE,AT,CH,NL,FR,GB,US'),
      allowPromotionCodes: text(env.FANSHOP_PROMOTION_CODES) !== 'false',
      allowedOrigins,
      maxQuantity: count('FANSHOP_MAX_QUANTITY', env.FANSHOP_MAX_QUANTITY, 99),
      maxLines: count('FANSHOP_MAX_LINES', env.FANSHOP_MAX_LINES, 50),
      // Per isolate, and a Worker runs in many: a floor, not a wall. Cloudflare's rate limiting
      // rules in front of /api/checkout are the real limit (docs/deploy.md).
      rateLimitPerMinute: count('FANSHOP_CHECKOUT_RATE_LIMIT', env.FANSHOP_CHECKOUT_RATE_LIMIT, 20),
      maxBodyBytes: 32 * 1024,
      clientAddress,
    },
  };
  if (!env.FANSHOP_ORDERS) return { options, webhooksOff: 'no KV namespace is bound as FANSHOP_ORDERS (wrangler.jsonc kv_namespaces)' };
  // Without STRIPE_WEBHOOK_SECRET the webhook route itself refuses everything and says why.
  return { options: { ...options, webhooks: { stripe, webhookSecret: text(env.STRIPE_WEBHOOK_SECRET) || undefined, orders: kvOrderStore(env.FANSHOP_ORDERS), metaConversions: metaConversionsFromEnv(env) } } };
}

/** Without a FANSHOP_LIKES namespace: counts that live and die with one isolate, and a log line that says so. */
function likesInMemory() {
  console.warn('[fanshop] no KV namespace is bound as FANSHOP_LIKES: like counts are kept in this isolate’s memory only (wrangler.jsonc kv_namespaces)');
  return memoryLikesStore();
}

/**
 * The catalog from the static assets (dist/client/catalog.json, deployed with the Worker), or
 * from FANSHOP_CATALOG_URL when the merchant keeps it elsewhere.
 */
function catalogSource(env: WorkerEnv): CatalogSource {
  const url = text(env.FANSHOP_CATALOG_URL);
  if (url) {
    // Read again at most once a minute per isolate: an edited catalog is live within a minute.
    return { read: () => fetchCatalog(url, fetch), version: async () => String(Math.floor(Date.now() / 60_000)) };
  }
  // Assets change only with a new deployment, which starts new isolates: read once.
  return { read: () => fetchCatalog('https://assets.local/catalog.json', (r) => env.ASSETS.fetch(r)), version: async () => 'deployed' };
}

async function fetchCatalog(url: string, fetcher: (request: Request) => Promise<Response>): Promise<string> {
  if (!URL.canParse(url)) throw new Error(`[fanshop] FANSHOP_CATALOG_URL must be an absolute URL (https://…/catalog.json), got "${url}"`);
  const response = await fetcher(new Request(url, { headers: { Accept: 'application/json' } }));
  if (!response.ok) {
    throw new Error(`[fanshop] the catalog at ${url} answered HTTP ${response.status}; check FANSHOP_CATALOG_URL or public/catalog.json`);
  }
  return response.text();
}

/**
 * The official SDK; its `workerd` build talks over fetch and verifies signatures with Web Crypto.
 * STRIPE_API_BASE points it elsewhere (tests: the local test-mode Stripe); unset, it is Stripe.
 */
function stripeClient(key: string, apiBase: string | undefined): Stripe {
  if (!apiBase) return new Stripe(key);
  const base = new URL(apiBase);
  const protocol = base.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(key, { host: base.hostname, port: Number(base.port || (protocol === 'http' ? 80 : 443)), protocol });
}

/** FANSHOP_CHECKOUT_UI=embedded: Stripe's form in a dialog, which needs the publishable key. */
function embeddedCheckout(env: WorkerEnv) {
  if (text(env.FANSHOP_CHECKOUT_UI) !== 'embedded') return undefined;
  const publishableKey = text(env.STRIPE_PUBLISHABLE_KEY);
  if (publishableKey?.startsWith('pk_')) return { publishableKey };
  console.warn('[fanshop] FANSHOP_CHECKOUT_UI=embedded needs STRIPE_PUBLISHABLE_KEY (pk_…); using Stripe’s hosted page');
  return undefined;
}
