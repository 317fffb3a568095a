import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import Stripe from 'stripe';
import { createApp } from './app';
import { clientAddress as clientAddressOf } from './client-address';
import { staticHeaders } from './static-headers';
import { catalogFile } from './catalog-file';
import { fileOrderStore } from './orders/file-store';
import { fileLikesStore } from './likes/file-store';
import { metaConversionsFromEnv } from './meta/conversions-api';
import { startLocalStripe } from './stripe-local';

/**
 * `npm start`: the demo shop on http://localhost:8787 (PORT overrides). With STRIPE_SECRET_KEY
 * checkout goes to Stripe; without it, to the local test-mode Stripe (src/server/stripe-local),
 * started inside this process.
 *
 * STRIPE_API_BASE=http://127.0.0.1:<port> sends the SDK to another Stripe API instead: the local
 * test-mode Stripe in its own process (`node dist/server/stripe-local.mjs`), as `npm run bench`
 * runs it so that its work and garbage are not counted as the shop's, the way the real Stripe's
 * never are. The key is STRIPE_SECRET_KEY or `sk_test_local`; webhooks need STRIPE_WEBHOOK_SECRET.
 */
const clientDir = fileURLToPath(new URL('../client/', import.meta.url));
const catalogPath = process.env.FANSHOP_CATALOG ?? `${clientDir}catalog.json`;
/** A whole-number setting; a typo is reported and the default used (not NaN, which refuses everything). */
function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= 0) return value;
  console.warn(`[fanshop] ${name}=${JSON.stringify(raw)} is not a whole number; using ${fallback}`);
  return fallback;
}
const port = wholeNumber('PORT', 8787);
const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const secretKey = process.env.STRIPE_SECRET_KEY;
const apiBase = process.env.STRIPE_API_BASE;
let stripe: Stripe;
let webhookSecret = process.env.STRIPE_WEBHOOK_SECRET;
let localStripe: Awaited<ReturnType<typeof startLocalStripe>> | undefined;
if (apiBase) {
  const base = new URL(apiBase);
  const protocol = base.protocol === 'https:' ? 'https' : 'http';
  stripe = new Stripe(secretKey ?? 'sk_test_local', { host: base.hostname, port: Number(base.port || (protocol === 'https' ? 443 : 80)), protocol });
} else if (secretKey) {
  stripe = new Stripe(secretKey);
} else {
  if (process.env.NODE_ENV === 'production') {
    // A live shop must not quietly take test payments: say so at the top of the log.
    console.error('[fanshop] NODE_ENV=production but STRIPE_SECRET_KEY is not set: checkout runs the LOCAL TEST-MODE Stripe and no real payment is taken. Set STRIPE_SECRET_KEY.');
  }
  webhookSecret = `whsec_local_${randomBytes(24).toString('hex')}`;
  localStripe = await startLocalStripe({
    webhookSecret,
    webhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    publicUrl: `http://localhost:${port}/_stripe`,
  });
  stripe = new Stripe('sk_test_local', { host: '127.0.0.1', port: localStripe.port, protocol: 'http' });
}

/**
 * FANSHOP_CHECKOUT_UI=embedded: Stripe's form in a dialog on the shop's page. Stripe.js needs the
 * publishable key; the local test mode has its own key and a stand-in for js.stripe.com.
 */
function embeddedCheckout() {
  if (process.env.FANSHOP_CHECKOUT_UI !== 'embedded') return undefined;
  if (localStripe) return { publishableKey: 'pk_test_local', stripeJs: '/_stripe/js/stripe.js' };
  const publishableKey = process.env.STRIPE_PUBLISHABLE_KEY;
  if (publishableKey?.startsWith('pk_')) return { publishableKey };
  console.warn('[fanshop] FANSHOP_CHECKOUT_UI=embedded needs STRIPE_PUBLISHABLE_KEY (pk_…); using Stripe’s hosted page');
  return undefined;
}

const dataDir = process.env.FANSHOP_DATA_DIR ?? '.data';
const allowedOrigins = list(process.env.FANSHOP_ALLOWED_ORIGINS).length ? list(process.env.FANSHOP_ALLOWED_ORIGINS) : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
// FANSHOP_TRUSTED_PROXIES: how many reverse proxies stand in front (1 behind Caddy or nginx).
const trustedProxies = wholeNumber('FANSHOP_TRUSTED_PROXIES', 0);
const clientAddress = (c: Context) =>
  clientAddressOf(c.req.header('X-Forwarded-For'), (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress, trustedProxies);

const app = createApp({
  catalog: catalogFile(catalogPath),
  checkout: {
    stripe,
    embedded: embeddedCheckout(),
    shippingCountries: list(process.env.FANSHOP_SHIPPING_COUNTRIES ?? 'DE,AT,CH,NL,FR,GB,US'),
    allowPromotionCodes: process.env.FANSHOP_PROMOTION_CODES !== 'false',
    allowedOrigins,
    maxQuantity: wholeNumber('FANSHOP_MAX_QUANTITY', 99),
    maxLines: wholeNumber('FANSHOP_MAX_LINES', 50),
    rateLimitPerMinute: wholeNumber('FANSHOP_CHECKOUT_RATE_LIMIT', 20),
    maxBodyBytes: 32 * 1024,
    clientAddress,
  },
  webhooks: { stripe, webhookSecret, orders: fileOrderStore(dataDir), metaConversions: metaConversionsFromEnv(process.env) },
  // One process per data directory: likes.log is this process's (likes/file-store.ts).
  likes: { store: fileLikesStore(dataDir), rateLimitPerMinute: wholeNumber('FANSHOP_LIKES_RATE_LIMIT', 60), allowedOrigins, clientAddress },
  facebook: { appSecret: process.env.FB_APP_SECRET || undefined },
});
if (localStripe) app.route('/_stripe', localStripe.app);
app.use(
  '*',
  serveStatic({
    root: clientDir,
    // The same headers as on Workers (static-headers.ts).
    onFound: (path, c) => {
      for (const [name, value] of Object.entries(staticHeaders(path))) c.header(name, value);
    },
  }),
);
app.notFound((c) => c.text('Not found', 404));

serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => {
  console.log(`[fanshop] demo shop on http://localhost:${info.port}  (/ inline, /shop full page, /frame 520px iframe)`);
  if (localStripe) console.log('[fanshop] no STRIPE_SECRET_KEY: checkout uses the local test-mode Stripe (card 4242 4242 4242 4242)');
});
