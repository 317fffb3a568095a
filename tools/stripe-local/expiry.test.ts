import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalStripe, type StartedLocalStripe } from './index';
import { rejection, sdkFor, webhookReceiver } from './testing';

/**
 * Sessions that end unpaid, and webhooks that come late, as a shop holding stock for them sees
 * it: the signed `checkout.session.expired` at its webhook, a pay page that no longer takes the
 * card, events in the order they happened however late they arrive.
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

const cart = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  line_items: [{ price_data: { currency: 'eur', unit_amount: 2490, product_data: { name: 'Tour Shirt' } }, quantity: 1 }],
  success_url: 'https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}',
  cancel_url: 'https://shop.example/cart',
  ...extra,
});
const hosted = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) => stripe.checkout.sessions.create(cart(extra));
const pay = (url: string) =>
  fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ email: 'fan@example.com', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' }), headers: { 'Accept-Language': 'en' } });
/** The events the shop received so far, each verified as the shop verifies it (against the real time). */
const events = () => Promise.all(receiver.received.map((delivery) => stripe.webhooks.constructEventAsync(delivery.body, delivery.signature, WEBHOOK_SECRET)));
/** What the shop heard about these sessions, in order: `[type, session id]`. */
const heard = async (...ids: string[]) =>
  (await events()).map((event) => [event.type, (event.data.object as Stripe.Checkout.Session).id]).filter(([, id]) => ids.includes(id!));
const seconds = () => Math.floor(local.clock.now() / 1000);

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

describe('the clock', () => {
  it('expires an open session once it passes expires_at, and the shop has the event when advance resolves', async () => {
    const session = await hosted({ expires_at: seconds() + 30 * 60 });
    expect(session.created).toBe(seconds());
    await local.clock.advance(30 * 60 - 1);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    expect(await heard(session.id)).toEqual([]);
    await local.clock.advance(1);
    const delivery = receiver.received.find((d) => d.body.includes(session.id))!;
    const event = await stripe.webhooks.constructEventAsync(delivery.body, delivery.signature, WEBHOOK_SECRET);
    expect(event).toMatchObject({ type: 'checkout.session.expired', created: session.expires_at, request: { id: null, idempotency_key: null } });
    // Signed at the real time, which the shop checks against its own clock, not 30 minutes ahead.
    expect(Math.abs(Number(/t=(\d+)/.exec(delivery.signature)![1]) - Date.now() / 1000)).toBeLessThan(60);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'expired', url: null });
  });

  it('shows the pay page as expired when the time is up, and takes no card there', async () => {
    const session = await hosted();
    expect((await fetch(session.url!)).status).toBe(200);
    await local.clock.advance(24 * 60 * 60);
    expect((await fetch(session.url!)).status).toBe(410);
    const res = await pay(session.url!);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('This checkout has expired.');
    expect(await heard(session.id)).toEqual([['checkout.session.expired', session.id]]);
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('unpaid');
  });

  it('expires sessions in the order they ran out', async () => {
    const later = await hosted({ expires_at: seconds() + 2 * 60 * 60 });
    const sooner = await hosted({ expires_at: seconds() + 60 * 60 });
    await local.clock.advance(3 * 60 * 60);
    expect(await heard(later.id, sooner.id)).toEqual([
      ['checkout.session.expired', sooner.id],
      ['checkout.session.expired', later.id],
    ]);
  });

  it('replays a create by its Idempotency-Key later on, without checking expires_at against the new time', async () => {
    const params = cart({ expires_at: seconds() + 30 * 60 });
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: 'hold-stock-7' });
    await local.clock.advance(10 * 60);
    const again = await stripe.checkout.sessions.create(params, { idempotencyKey: 'hold-stock-7' });
    expect(again.id).toBe(first.id);
    expect((again.lastResponse.headers as Record<string, string>)['idempotent-replayed']).toBe('true');
    // The same parameters as a new request: 20 minutes from now is too soon.
    expect((await rejection(stripe.checkout.sessions.create(params))).message).toMatch(/^The `expires_at` timestamp must be at least 30 minutes/);
  });

  it('refuses to go back in time', async () => {
    await expect(local.clock.advance(-1)).rejects.toThrow(RangeError);
  });
});

describe('webhooks held back', () => {
  it('delivers a payment after the session’s time ran out, when Stripe is late', async () => {
    const session = await hosted({ expires_at: seconds() + 30 * 60 });
    local.webhooks.hold();
    expect((await pay(session.url!)).status).toBe(303);
    await local.clock.advance(60 * 60);
    expect(await heard(session.id)).toEqual([]);
    await local.webhooks.flush();
    expect(await heard(session.id)).toEqual([['checkout.session.completed', session.id]]);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');
  });

  it('sends what it held in the order it happened', async () => {
    const paid = await hosted();
    const released = await hosted();
    const timedOut = await hosted({ expires_at: seconds() + 30 * 60 });
    local.webhooks.hold();
    await pay(paid.url!);
    await stripe.checkout.sessions.expire(released.id);
    await local.clock.advance(30 * 60);
    await local.webhooks.flush();
    expect(await heard(paid.id, released.id, timedOut.id)).toEqual([
      ['checkout.session.completed', paid.id],
      ['checkout.session.expired', released.id],
      ['checkout.session.expired', timedOut.id],
    ]);
  });
});

describe('a served local Stripe', () => {
  it('expires sessions past expires_at by itself, every 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = Date.now();
    const own = await startLocalStripe({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET, now: () => now, log: () => {} });
    try {
      const session = await sdkFor(own).checkout.sessions.create(cart());
      now += 24 * 60 * 60 * 1000;
      await vi.advanceTimersByTimeAsync(30_000);
      await own.webhooks.flush();
      expect(await heard(session.id)).toEqual([['checkout.session.expired', session.id]]);
    } finally {
      vi.useRealTimers();
      await own.close();
    }
  });
});
