import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type Stripe from 'stripe';
import { createApp } from '../app';
import { startLocalStripe } from '../../../tools/stripe-local';
import { sdkFor } from '../../../tools/stripe-local/testing';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';

/**
 * POST /api/webhooks/stripe through app.request(), with events signed the way Stripe signs them
 * (the SDK's generateTestHeaderStringAsync); the order-making path itself is in
 * checkout/route.test.ts and meta/conversions-api.test.ts.
 */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const secret = 'whsec_test_webhook';
let local: Awaited<ReturnType<typeof startLocalStripe>>;
let stripe: Stripe;
let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
  local = await startLocalStripe({ webhookSecret: secret, log: () => {} });
  stripe = sdkFor(local, { maxNetworkRetries: 0 });
});
afterAll(() => Promise.all([local.close(), data.close()]));

const app = (orders = data.orders) => createApp({ catalog: { read: async () => demo }, webhooks: { stripe, webhookSecret: secret, orders, stock: data.stock } });

/** A body of `total` bytes in 16 KB chunks that counts what the server pulled from it. */
function countedBody(total: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const chunk = new Uint8Array(Math.min(16 * 1024, total - pulled)).fill(0x20);
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}
const deliver = (a: ReturnType<typeof app>, body: BodyInit, headers: Record<string, string>) =>
  a.request('/api/webhooks/stripe', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': 't=1,v1=00', ...headers }, body, duplex: 'half' } as RequestInit);

describe('POST /api/webhooks/stripe, the body', () => {
  const eightMegabytes = 8 * 1024 * 1024;

  it('refuses a body whose Content-Length is over 256 KB with 413, without reading it', async () => {
    const body = countedBody(eightMegabytes);
    const res = await deliver(app(), body.stream, { 'Content-Length': String(eightMegabytes) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'body_too_large', message: expect.any(String) } });
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses a body sent without a length once it passes 256 KB, without reading the rest', async () => {
    const body = countedBody(eightMegabytes);
    const res = await deliver(app(), body.stream, {});
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(512 * 1024);
  });

  it('takes an event of 256 KB', async () => {
    const payload = JSON.stringify({ id: 'evt_test_big', object: 'event', type: 'customer.created', created: Math.floor(Date.now() / 1000), livemode: false, data: { object: { id: 'cus_1', object: 'customer', metadata: {} } }, pad: '' });
    const padded = payload.replace('"pad":""', `"pad":"${'x'.repeat(256 * 1024 - payload.length)}"`);
    expect(new TextEncoder().encode(padded).length).toBe(256 * 1024);
    const signature = await stripe.webhooks.generateTestHeaderStringAsync({ payload: padded, secret });
    const res = await deliver(app(), padded, { 'Stripe-Signature': signature });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/webhooks/stripe, when Stripe does not give the line items', () => {
  const completed = (sessionId: string) =>
    JSON.stringify({
      id: `evt_test_${sessionId.slice(-8)}`,
      object: 'event',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object: { id: sessionId, object: 'checkout.session', created: Math.floor(Date.now() / 1000), livemode: false, payment_status: 'paid', currency: 'eur', amount_total: 100, amount_subtotal: 100, metadata: {} } },
    });

  it('answers 500 internal_error and logs a bug when Stripe refuses (a session this account does not have), so Stripe retries', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { orders } = data;
    const payload = completed('cs_test_not_in_this_account');
    const res = await deliver(app(orders), payload, { 'Stripe-Signature': await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret }) });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: { code: 'internal_error' } });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/BUG[^]*cs_test_not_in_this_account/));
    expect(await orders.hasProcessedEvent(JSON.parse(payload).id)).toBe(false);
    error.mockRestore();
  });
});

describe('POST /api/webhooks/stripe, a signed event of the wrong shape', () => {
  const now = Math.floor(Date.now() / 1000);
  const session = { id: 'cs_test_shape', object: 'checkout.session', created: now, livemode: false, payment_status: 'paid', currency: 'eur', amount_total: 100, amount_subtotal: 100, metadata: {} };
  const event = { id: 'evt_test_shape', object: 'event', type: 'checkout.session.completed', created: now, livemode: false, data: { object: session } };

  it.each([
    ['without an id', { ...event, id: undefined }],
    ['with data null', { ...event, data: null }],
    ['with a created time that is not a number', { ...event, created: 'yesterday' }],
    ['with a checkout session without an id', { ...event, data: { object: { ...session, id: undefined } } }],
    ['with a checkout session whose created time is not a number', { ...event, data: { object: { ...session, created: '2026-11-23' } } }],
  ])('answers an event %s with 400 invalid_event, logs it and stores nothing', async (_, shape) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { orders } = data;
    const payload = JSON.stringify(shape);
    const res = await deliver(app(orders), payload, { 'Stripe-Signature': await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid_event', message: expect.any(String) } });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('invalid_event'));
    expect(await orders.getOrder('cs_test_shape')).toBeUndefined();
    expect(await orders.hasProcessedEvent('evt_test_shape')).toBe(false);
    error.mockRestore();
  });

  it('answers a signed body that is not JSON with 400 invalid_event', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const payload = '{"id": "evt_test_cut", "type": "checkout.session.compl';
    const res = await deliver(app(), payload, { 'Stripe-Signature': await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_event' } });
    error.mockRestore();
  });
});

describe('POST /api/webhooks/stripe, the signature’s time', () => {
  const now = Math.floor(Date.now() / 1000);
  const payload = JSON.stringify({ id: 'evt_test_clock', object: 'event', type: 'customer.created', created: now, livemode: false, data: { object: { id: 'cus_1', object: 'customer' } } });
  const at = async (timestamp: number) => (await deliver(app(), payload, { 'Stripe-Signature': await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret, timestamp }) })).status;

  it('refuses a signature dated more than 300 seconds in the future, as one more than 300 seconds old', async () => {
    expect(await at(now + 360)).toBe(400);
    expect(await at(now - 360)).toBe(400);
  });

  it('accepts a signature dated a little ahead of this server’s clock', async () => {
    expect(await at(now + 60)).toBe(200);
  });
});

describe('POST /api/webhooks/stripe and the stock a session holds', () => {
  const at = new Date();
  const hold = async (item: string, stock: number) => {
    const held = await data.stock.reserve(`key-${item}`, [{ item, stock, quantity: 1 }], new Date(at.getTime() + 30 * 60_000), at);
    if (!held.ok) throw new Error('should hold');
    return held.reservation.id;
  };
  const available = async (item: string, stock: number) => (await data.stock.available([{ item, stock }], new Date()))[item];
  const send = async (type: string, reservation: string, paymentStatus: string, sessionId = `cs_test_${type.replace(/\W/g, '')}`) => {
    const now = Math.floor(Date.now() / 1000);
    const payload = JSON.stringify({
      id: `evt_test_${type.replace(/\W/g, '_')}_${reservation.replace(/\W/g, '_')}`,
      object: 'event',
      type,
      created: now,
      livemode: false,
      data: { object: { id: sessionId, object: 'checkout.session', created: now, livemode: false, payment_status: paymentStatus, currency: 'eur', amount_total: 100, amount_subtotal: 100, metadata: { fanshop_reservation: reservation } } },
    });
    return deliver(app(), payload, { 'Stripe-Signature': await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret }) });
  };

  it.each(['checkout.session.expired', 'checkout.session.async_payment_failed'])('gives the units back on %s', async (type) => {
    const item = `item-${type}`;
    const reservation = await hold(item, 1);
    expect(await available(item, 1)).toBe(0);
    expect((await send(type, reservation, 'unpaid')).status).toBe(200);
    expect(await available(item, 1)).toBe(1);
  });

  it('keeps holding the units of a session completed but not yet paid (a bank transfer on its way)', async () => {
    const item = 'item-unpaid';
    const reservation = await hold(item, 1);
    expect((await send('checkout.session.completed', reservation, 'unpaid')).status).toBe(200);
    expect(await available(item, 1)).toBe(0);
    expect(await data.stock.release(reservation)).toBe('released');
  });

  it('sells them when a payment that confirms later succeeds', async () => {
    const item = 'item-async';
    const reservation = await hold(item, 2);
    // Stripe does not know this session: the order cannot be made and the event is retried, but the sale stands, once.
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await send('checkout.session.async_payment_succeeded', reservation, 'paid', 'cs_test_not_in_this_account_async');
    error.mockRestore();
    expect(await data.stock.sell(reservation, new Date())).toEqual({ outcome: 'sold_before', oversold: false });
    expect(await available(item, 2)).toBe(1);
  });
});
