import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type Stripe from 'stripe';
import { createApp } from '../app';
import { startLocalStripe } from '../../../tools/stripe-local';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import { GRAPH_API_VERSION, type MetaConversionsOptions } from './conversions-api';
import { sdkFor } from '../../../tools/stripe-local/testing';

/**
 * The Purchase event, end to end: a cart checked out through the app on the local test-mode
 * Stripe, paid there, its `checkout.session.completed` signed like Stripe signs it and delivered
 * to the webhook, and the event received by a stand-in for the Graph API on a local port.
 */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const catalog = JSON.parse(demo) as { products: { id: string; price: number; variants?: { id: string; price?: number }[] }[] };
const origin = 'http://localhost:8787';
const secret = 'whsec_test_capi';
const token = 'capi-test-token-do-not-log';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let local: Awaited<ReturnType<typeof startLocalStripe>>;
let stripe: Stripe;
let graph: { url: string; close: () => Promise<void> };
const received: { path: string; query: Record<string, string>; body: unknown }[] = [];
let graphStatus = 200;

let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
  local = await startLocalStripe({ webhookSecret: secret, log: () => {} });
  stripe = sdkFor(local, { maxNetworkRetries: 0 });
  // The Graph API's /<version>/<pixel id>/events, answering what Meta answers.
  const standIn = new Hono();
  standIn.post('/:version/:pixel/events', async (c) => {
    received.push({ path: c.req.path, query: c.req.query(), body: await c.req.json() });
    if (graphStatus === 200) return c.json({ events_received: 1, messages: [], fbtrace_id: 'AbCdEf' });
    return c.json({ error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1 } }, graphStatus as 400 | 500);
  });
  graph = await new Promise((resolve) => {
    const server = serve({ fetch: standIn.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((done) => server.close(() => done())) }),
    );
  });
});
afterAll(async () => {
  await data.close();
  await graph?.close();
  await local?.close();
});
afterEach(() => {
  graphStatus = 200;
  vi.restoreAllMocks();
});

const meta = (): MetaConversionsOptions => ({ pixelId: '1234567890', accessToken: token, testEventCode: 'TEST12345', graphApiBase: graph.url });

function app(metaConversions: MetaConversionsOptions | undefined, orders = data.orders) {
  const a = createApp({
    catalog: { read: async () => demo },
    checkout: {
      stripe,
      stock: data.stock,
      shippingCountries: ['DE', 'US'],
      allowPromotionCodes: false,
      allowedOrigins: [origin],
      maxQuantity: 99,
      maxLines: 50,
      rateLimitPerMinute: 1000,
      maxBodyBytes: 32 * 1024,
      clientAddress: () => 'test',
    },
    webhooks: { stripe, webhookSecret: secret, orders, stock: data.stock, metaConversions },
  });
  return { a, orders };
}

let attempt = 0;
/** A two-line cart checked out through the app and paid on the local Stripe's page; its completed event, signed. */
async function paidSession(a: ReturnType<typeof app>['a'], shopper: Record<string, string> = {}) {
  const lines = [{ productId: 'bircher-muesli-mix', quantity: 2 }, { productId: 'espresso-blend', variantId: 'espresso-1kg-whole', quantity: 1 }];
  const res = await a.request('/api/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ lines, locale: 'de', returnUrl: `${origin}/shop?x=1`, attempt: `capi-test-${++attempt}` }),
  });
  const { id } = (await res.json()) as { id: string };
  const form = new URLSearchParams({ email: 'Erika.Mustermann@Example.COM', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123', name: 'Erika Mustermann', line1: 'Römerberg 1', postal_code: '60311', city: 'Frankfurt am Main', country: 'DE', ...shopper });
  await fetch(`${local.url}/c/pay/${id}`, { method: 'POST', body: form, redirect: 'manual' });
  const session = await stripe.checkout.sessions.retrieve(id);
  const created = Math.floor(Date.now() / 1000) - 5;
  const payload = JSON.stringify({ id: `evt_test_${id.slice(-14)}`, object: 'event', type: 'checkout.session.completed', api_version: '2026-10-28.endive', created, livemode: false, data: { object: session } });
  return { session, created, payload, signature: await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret }) };
}
const deliver = (a: ReturnType<typeof app>['a'], payload: string, signature: string) =>
  a.request('/api/webhooks/stripe', { method: 'POST', headers: { 'Stripe-Signature': signature, 'Content-Type': 'application/json' }, body: payload });
const sentFor = (sessionId: string) => received.filter((r) => JSON.stringify(r.body).includes(sessionId));

describe('the Purchase event sent to the Conversions API for a paid order', () => {
  it('is sent once, with the session id as event id, the order’s value and the shopper’s details hashed as Meta specifies', async () => {
    const { a, orders } = app(meta());
    const { session, created, payload, signature } = await paidSession(a);
    expect((await deliver(a, payload, signature)).status).toBe(200);
    expect(await orders.getOrder(session.id)).toBeDefined();

    const sent = sentFor(session.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe(`/${GRAPH_API_VERSION}/1234567890/events`);
    expect(sent[0]!.query).toEqual({ access_token: token });
    const muesli = catalog.products.find((p) => p.id === 'bircher-muesli-mix')!;
    const espresso = catalog.products.find((p) => p.id === 'espresso-blend')!;
    const kilo = espresso.variants!.find((v) => v.id === 'espresso-1kg-whole')!;
    const total = muesli.price * 2 + (kilo.price ?? espresso.price);
    expect(session.amount_total).toBe(total);
    expect(sent[0]!.body).toEqual({
      data: [
        {
          event_name: 'Purchase',
          event_time: created,
          event_id: session.id,
          action_source: 'website',
          event_source_url: `${origin}/shop?x=1&checkout=success&session_id=${session.id}`,
          user_data: {
            em: [sha256('erika.mustermann@example.com')],
            ct: [sha256('frankfurtammain')],
            zp: [sha256('60311')],
            country: [sha256('de')],
          },
          custom_data: {
            currency: 'EUR',
            value: total / 100,
            content_type: 'product',
            content_ids: ['bircher-muesli-mix', 'espresso-1kg-whole'],
            contents: [{ id: 'bircher-muesli-mix', quantity: 2 }, { id: 'espresso-1kg-whole', quantity: 1 }],
            order_id: session.id,
          },
        },
      ],
      test_event_code: 'TEST12345',
    });
  });

  it('is not sent again for a replayed webhook, nor for another event of the same order', async () => {
    const { a } = app(meta());
    const { session, payload, signature } = await paidSession(a);
    await deliver(a, payload, signature);
    expect(await (await deliver(a, payload, signature)).json()).toEqual({ received: true, duplicate: true });
    const other = payload.replace(/"id":"evt_test_\w+"/, '"id":"evt_test_another_one"').replace('checkout.session.completed', 'checkout.session.async_payment_succeeded');
    expect((await deliver(a, other, await stripe.webhooks.generateTestHeaderStringAsync({ payload: other, secret }))).status).toBe(200);
    expect(sentFor(session.id)).toHaveLength(1);
  });

  it('is not sent when META_PIXEL_ID and META_CAPI_TOKEN are not set', async () => {
    const { a, orders } = app(undefined);
    const { session, payload, signature } = await paidSession(a);
    expect((await deliver(a, payload, signature)).status).toBe(200);
    expect(await orders.getOrder(session.id)).toBeDefined();
    expect(sentFor(session.id)).toHaveLength(0);
  });

  it('fails without failing the webhook or losing the order when the Graph API answers 500, after one more try', async () => {
    graphStatus = 500;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { a, orders } = app(meta());
    const { session, payload, signature } = await paidSession(a);
    const res = await deliver(a, payload, signature);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
    expect(await orders.getOrder(session.id)).toMatchObject({ id: session.id });
    expect(sentFor(session.id)).toHaveLength(2);
    expect(error).toHaveBeenCalledWith(expect.stringContaining(`Purchase of order ${session.id} with HTTP 500; trying once more`));
    expect(JSON.stringify(error.mock.calls)).not.toContain(token);
  });

  it('does not try again after a 4xx, which would fail the same way', async () => {
    graphStatus = 400;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { a, orders } = app(meta());
    const { session, payload, signature } = await paidSession(a);
    expect((await deliver(a, payload, signature)).status).toBe(200);
    expect(await orders.getOrder(session.id)).toBeDefined();
    expect(sentFor(session.id)).toHaveLength(1);
  });

  it('keeps the order when the Graph API cannot be reached at all', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { a, orders } = app({ ...meta(), graphApiBase: 'http://127.0.0.1:9' });
    const { session, payload, signature } = await paidSession(a);
    expect((await deliver(a, payload, signature)).status).toBe(200);
    expect(await orders.getOrder(session.id)).toBeDefined();
    expect(error).toHaveBeenCalledWith(expect.stringContaining(`could not be reached for order ${session.id}`));
    expect(JSON.stringify(error.mock.calls)).not.toContain(token);
  });
});
