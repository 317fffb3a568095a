import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStripe, type StartedLocalStripe } from './index';
import { sdkFor, webhookReceiver } from './testing';

/**
 * Sessions that end unpaid, as a shop holding stock for them sees it: the signed
 * `checkout.session.expired` at its webhook, a pay page that no longer takes the card.
 */

const WEBHOOK_SECRET = 'whsec_expiry_test';
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let local: StartedLocalStripe;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await webhookReceiver(() => 200);
  local = await startLocalStripe({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET, log: () => {} });
  stripe = sdkFor(local);
});
afterAll(async () => {
  await local.close();
  await receiver.close();
});
afterEach(async () => {
  await local.webhooks.flush();
  receiver.received.length = 0;
});

const hosted = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price_data: { currency: 'eur', unit_amount: 2490, product_data: { name: 'Tour Shirt' } }, quantity: 1 }],
    success_url: 'https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://shop.example/cart',
    ...extra,
  });
const pay = (url: string) =>
  fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ email: 'fan@example.com', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' }), headers: { 'Accept-Language': 'en' } });
/** The events the shop received so far, each verified as the shop verifies it. */
const events = () => Promise.all(receiver.received.map((delivery) => stripe.webhooks.constructEventAsync(delivery.body, delivery.signature, WEBHOOK_SECRET)));

describe('expiring through the API', () => {
  it('sends a signed checkout.session.expired naming the request and its idempotency key', async () => {
    const session = await hosted();
    const expired = await stripe.checkout.sessions.expire(session.id, {}, { idempotencyKey: 'release-cart-42' });
    await local.webhooks.flush();
    const [event, ...rest] = await events();
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'checkout.session.expired', api_version: Stripe.API_VERSION, livemode: false, request: { id: expired.lastResponse.requestId, idempotency_key: 'release-cart-42' } });
    expect(event!.data.object as Stripe.Checkout.Session).toMatchObject({ id: session.id, status: 'expired', url: null });
  });

  it('turns the shopper away from the pay page, and takes no payment', async () => {
    const session = await hosted();
    await stripe.checkout.sessions.expire(session.id);
    const res = await pay(session.url!);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('This checkout has expired.');
    await local.webhooks.flush();
    expect((await events()).map((event) => event.type)).toEqual(['checkout.session.expired']);
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('unpaid');
  });
});
