import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { Hono } from 'hono';
import { startLocalStripe } from './index';

/**
 * What the Node server needs to run on the local test-mode Stripe (no STRIPE_SECRET_KEY, not in
 * production): the SDK pointed at the stand-in's API on the loopback address with its own random
 * key and webhook secret, and the pages to mount at `/_stripe` on the shop's origin. The server
 * imports this module only then (node-server.ts), so a production server never loads it.
 */
export interface AttachedLocalStripe {
  readonly stripe: Stripe;
  readonly webhookSecret: string;
  readonly pages: Hono;
  /** Embedded mode's publishable key and the stand-in for js.stripe.com, served from `pages`. */
  readonly publishableKey: string;
  readonly stripeJs: string;
  close(): Promise<void>;
}

export async function attachLocalStripe(options: { shopPort: number; publicOrigin: string }): Promise<AttachedLocalStripe> {
  const webhookSecret = `whsec_local_${randomBytes(24).toString('hex')}`;
  const local = await startLocalStripe({
    webhookSecret,
    webhookUrl: `http://127.0.0.1:${options.shopPort}/api/webhooks/stripe`,
    publicUrl: `${options.publicOrigin}/_stripe`,
  });
  return {
    stripe: new Stripe(local.secretKey, { host: '127.0.0.1', port: local.port, protocol: 'http' }),
    webhookSecret,
    pages: local.pages,
    publishableKey: 'pk_test_local',
    stripeJs: '/_stripe/js/stripe.js',
    close: local.close,
  };
}
