import { randomBytes } from 'node:crypto';
import { startLocalStripe } from './index';

/**
 * The local test-mode Stripe in a process of its own (`node dist/server/stripe-local.mjs`), for
 * a shop started with STRIPE_API_BASE=http://127.0.0.1:<port> and the same STRIPE_SECRET_KEY.
 * The real Stripe is another machine; `npm run bench` runs this one apart so that the time the
 * shop adds is not mixed with the stand-in's own work. PORT (default: a free one),
 * STRIPE_SECRET_KEY (the one key the API accepts; an `sk_test_` key), STRIPE_WEBHOOK_SECRET and
 * STRIPE_WEBHOOK_URL (the shop's `/api/webhooks/stripe`; without it events are only logged).
 * Prints `[fanshop] local test-mode Stripe on http://127.0.0.1:<port>` once it listens.
 */
const webhookUrl = process.env.STRIPE_WEBHOOK_URL;
const secretKey = process.env.STRIPE_SECRET_KEY;
const local = await startLocalStripe({
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? `whsec_local_${randomBytes(24).toString('hex')}`,
  ...(webhookUrl ? { webhookUrl } : {}),
  ...(secretKey ? { secretKey } : {}),
  port: Number(process.env.PORT ?? 0),
});
console.log(`[fanshop] local test-mode Stripe on ${local.url}`);
if (!secretKey) console.log(`[fanshop] its API key: ${local.secretKey}`);
