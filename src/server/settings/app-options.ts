import type { Context } from 'hono';
import Stripe from 'stripe';
import type { AppOptions } from '../app';
import type { CatalogSource } from '../catalog/source';
import { catalogFromUrl } from '../catalog/url';
import type { DataStores } from '../data/stores';
import { observedStock } from '../stock/observed-stock';
import type { Settings } from './schema';
import { LOCAL_TEST_MODE_REVIEW_SECRET, reviewTokens } from '../reviews/token';
import { unsubscribeTokens } from '../wishes/token';
import type { OrderNotice } from '../orders/order';
import type { RestockNotice } from '../wishes/restock';
import type { CatalogFileWriter } from '../studio/routes';

/**
 * The merchant's code the server calls: `onOrder` with each paid order (and its review link),
 * `onRestock` when a product with "Notify me" emails can be bought again (wishes/restock.ts).
 * A hook that throws is logged; the order stays saved, the wishes stay marked notified.
 * @example startNodeServer(process.env, { clientDir, hooks: { onRestock: ({ product, wishes }) => mailer.sendAll(product, wishes) } })
 */
export interface ShopHooks {
  readonly onOrder?: ((order: OrderNotice) => void | Promise<void>) | undefined;
  readonly onRestock?: ((notice: RestockNotice) => void | Promise<void>) | undefined;
}

/** The app's options with the merchant's hooks where the shop has what they hook into. */
export function withHooks(options: AppOptions, hooks: ShopHooks | undefined): AppOptions {
  if (!hooks) return options;
  return {
    ...options,
    ...(options.webhooks && hooks.onOrder ? { webhooks: { ...options.webhooks, onOrder: hooks.onOrder } } : {}),
    ...(options.wishes && hooks.onRestock ? { wishes: { ...options.wishes, onRestock: hooks.onRestock } } : {}),
  };
}

/**
 * What only a runtime can give the app: where its catalog file is, its stores, how it tells
 * clients apart, and its own origins (the default allowed origins).
 */
export interface RuntimeParts {
  /** The catalog when FANSHOP_CATALOG_URL is not set: a file on Node, the deployed asset on Workers. */
  readonly catalog: CatalogSource;
  /** Allowed origins when FANSHOP_ALLOWED_ORIGINS is not set. */
  readonly ownOrigins: readonly string[];
  readonly clientAddress: (c: Context) => string;
  /**
   * Where likes, orders and stock are kept (data/stores.ts). Without it the shop has no likes
   * route (the widget keeps likes on the shopper's device), and checkout and webhooks answer 503
   * with `noData`, the binding to add.
   */
  readonly data: DataStores | undefined;
  readonly noData?: string;
  /**
   * The local test-mode Stripe (Node without STRIPE_SECRET_KEY, outside production): the SDK
   * pointed at it, its webhook secret, and its stand-in Stripe.js for embedded mode.
   */
  readonly localStripe?: { readonly stripe: Stripe; readonly webhookSecret: string; readonly publishableKey: string; readonly stripeJs: string };
  /** Why there is no checkout (what to set) when there is no Stripe at all. */
  readonly noStripe?: string;
  /** Node with FANSHOP_CATALOG: the studio may save an imported catalog over that file. */
  readonly catalogFile?: CatalogFileWriter;
}

/**
 * The official SDK for STRIPE_SECRET_KEY: Stripe itself, or STRIPE_API_BASE (tests and the
 * bench: the local test-mode Stripe in a process of its own), its protocol taken from the URL.
 */
export function stripeClient(settings: Pick<Settings, 'STRIPE_SECRET_KEY' | 'STRIPE_API_BASE'>): Stripe | undefined {
  const key = settings.STRIPE_SECRET_KEY;
  if (!key) return undefined;
  const base = settings.STRIPE_API_BASE;
  if (!base) return new Stripe(key);
  const protocol = base.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(key, { host: base.hostname, port: Number(base.port || (protocol === 'http' ? 80 : 443)), protocol });
}

/**
 * The app's options from the settings and the runtime's parts: the same variables mean the
 * same options on Node and on Workers (settings.test.ts compares them).
 */
export function appOptions(settings: Settings, parts: RuntimeParts): AppOptions {
  const allowedOrigins = settings.FANSHOP_ALLOWED_ORIGINS?.length ? settings.FANSHOP_ALLOWED_ORIGINS : parts.ownOrigins;
  const catalog = settings.FANSHOP_CATALOG_URL ? catalogFromUrl(settings.FANSHOP_CATALOG_URL.href, fetch) : parts.catalog;
  const { clientAddress } = parts;
  const stripe = parts.localStripe?.stripe ?? stripeClient(settings);
  const webhookSecret = parts.localStripe?.webhookSecret ?? settings.STRIPE_WEBHOOK_SECRET;
  const metaConversions =
    settings.META_PIXEL_ID && settings.META_CAPI_TOKEN
      ? { pixelId: settings.META_PIXEL_ID, accessToken: settings.META_CAPI_TOKEN, testEventCode: settings.META_TEST_EVENT_CODE, graphApiBase: settings.META_GRAPH_API_BASE?.href.replace(/\/$/, '') }
      : undefined;
  // One stock store for checkout, the webhook and what shows live stock, so that what this
  // server holds or sells shows at once (stock/observed-stock.ts).
  const data = parts.data && { ...parts.data, stock: observedStock(parts.data.stock) };
  // The local test mode takes no real payment, so a secret anyone can read does no harm there
  // and spares the demo a setting; with a Stripe key the merchant's own secret is needed
  // (settings/schema.ts warns when it is missing).
  const reviewSecret = settings.FANSHOP_REVIEW_SECRET ?? (parts.localStripe ? LOCAL_TEST_MODE_REVIEW_SECRET : undefined);
  const tokens = reviewSecret ? reviewTokens(reviewSecret) : undefined;
  const options: AppOptions = {
    catalog,
    ...(data
      ? {
          likes: { store: data.likes, rateLimitPerMinute: settings.FANSHOP_LIKES_RATE_LIMIT, allowedOrigins, clientAddress },
          events: { store: settings.FANSHOP_ANALYTICS === 'off' ? null : data.events, rateLimitPerMinute: settings.FANSHOP_EVENTS_RATE_LIMIT, allowedOrigins, clientAddress },
          stock: data.stock,
          insights: { events: data.events, orders: data.orders, reviews: data.reviews },
          // Reads, loosely limited like likes' reads.
          recommendations: { store: data.recommendations, readLimitPerMinute: settings.FANSHOP_LIKES_RATE_LIMIT * 10, clientAddress },
          wishes: {
            store: data.wishes,
            tokens: reviewSecret ? unsubscribeTokens(reviewSecret) : undefined,
            notConfigured: 'FANSHOP_REVIEW_SECRET is not set: it signs the unsubscribe links (32 or more random characters: openssl rand -base64 32)',
            rateLimitPerMinute: settings.FANSHOP_WISHES_RATE_LIMIT,
            allowedOrigins,
            clientAddress,
          },
          reviews: {
            store: data.reviews,
            tokens,
            notConfigured: tokens ? undefined : 'FANSHOP_REVIEW_SECRET is not set (32 or more random characters: openssl rand -base64 32)',
            moderation: settings.FANSHOP_REVIEWS_MODERATION,
            rateLimitPerMinute: settings.FANSHOP_REVIEWS_RATE_LIMIT,
            allowedOrigins,
            clientAddress,
          },
        }
      : {}),
    facebook: { appSecret: settings.FB_APP_SECRET },
    ...studio(settings, parts),
  };
  if (!stripe) return { ...options, unavailable: { checkout: parts.noStripe ?? 'STRIPE_SECRET_KEY is not set', webhooks: parts.noStripe ?? 'STRIPE_SECRET_KEY is not set' } };
  const noData = parts.noData ?? 'no data store';
  if (!data) return { ...options, unavailable: { checkout: noData, webhooks: noData } };
  const checkout: NonNullable<AppOptions['checkout']> = {
    stripe,
    stock: data.stock,
    embedded: embedded(settings, parts),
    shippingCountries: settings.FANSHOP_SHIPPING_COUNTRIES,
    allowPromotionCodes: settings.FANSHOP_PROMOTION_CODES,
    allowedOrigins,
    maxQuantity: settings.FANSHOP_MAX_QUANTITY,
    maxLines: settings.FANSHOP_MAX_LINES,
    // In memory, per process (or per Workers isolate, where it is a floor, not a wall:
    // docs/deploy.md puts Cloudflare's rate limiting rules in front).
    rateLimitPerMinute: settings.FANSHOP_CHECKOUT_RATE_LIMIT,
    maxBodyBytes: 32 * 1024,
    clientAddress,
  };
  // Without STRIPE_WEBHOOK_SECRET the webhook route itself refuses everything and says why.
  return { ...options, checkout, webhooks: { stripe, webhookSecret, orders: data.orders, stock: data.stock, metaConversions } };
}

/** FANSHOP_CHECKOUT_UI=embedded: Stripe's form in a dialog, which needs the publishable key. */
function embedded(settings: Settings, parts: RuntimeParts) {
  if (settings.FANSHOP_CHECKOUT_UI !== 'embedded') return undefined;
  if (parts.localStripe) return { publishableKey: parts.localStripe.publishableKey, stripeJs: parts.localStripe.stripeJs };
  if (settings.STRIPE_PUBLISHABLE_KEY) return { publishableKey: settings.STRIPE_PUBLISHABLE_KEY };
  return undefined;
}

/** The studio (`/studio`), on when a password is set: its hash wins over the password itself. */
function studio(settings: Settings, parts: RuntimeParts): Pick<AppOptions, 'studio'> {
  const password = settings.FANSHOP_ADMIN_PASSWORD_HASH ? { hash: settings.FANSHOP_ADMIN_PASSWORD_HASH } : settings.FANSHOP_ADMIN_PASSWORD ? { plain: settings.FANSHOP_ADMIN_PASSWORD } : undefined;
  if (!password) return {};
  return { studio: { password, clientAddress: parts.clientAddress, catalogFile: settings.FANSHOP_CATALOG_URL ? undefined : parts.catalogFile } };
}
