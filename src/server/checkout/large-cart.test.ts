import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type Stripe from 'stripe';
import { createApp } from '../app';
import { startLocalStripe } from '../../../tools/stripe-local';
import { sdkFor } from '../../../tools/stripe-local/testing';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';

/**
 * The largest carts the server takes, with the longest ids the catalog allows (100 characters,
 * core/catalog/schema.ts), end to end: checked out through the app, paid on the local test-mode
 * Stripe's page, the signed checkout.session.completed delivered to the webhook. The order, the
 * shopper's confirmation and Meta's Purchase must name every product and variant, in order.
 */
const origin = 'http://localhost:8787';
const secret = 'whsec_test_large_cart';
const longId = (prefix: string) => `${prefix}-`.padEnd(100, 'x');
const products = Array.from({ length: 100 }, (_, i) => ({
  id: longId(`product-${i}`),
  title: `Product ${i}`,
  price: 100 + i,
  options: [{ id: 'size', name: 'Size', values: ['S', 'M'] }],
  variants: ['S', 'M'].map((size) => ({ id: longId(`variant-${i}-${size}`), options: { size } })),
}));
const catalog = JSON.stringify({ shop: { id: 'long', name: 'Long ids', currency: 'EUR', defaultLocale: 'en', baseUrl: origin }, products });

let local: Awaited<ReturnType<typeof startLocalStripe>>;
let stripe: Stripe;
let graph: { url: string; close: () => Promise<void> };
const purchases: { data: { event_id: string; custom_data: { content_ids: string[]; contents: { id: string; quantity: number }[] } }[] }[] = [];

let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
  local = await startLocalStripe({ webhookSecret: secret, log: () => {} });
  stripe = sdkFor(local, { maxNetworkRetries: 0 });
  const standIn = new Hono().post('/:version/:pixel/events', async (c) => {
    purchases.push(await c.req.json());
    return c.json({ events_received: 1 });
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

describe.each([50, 100])('a cart of %i lines with the longest ids', (count) => {
  it('keeps every product and variant id, in order, in the order, the confirmation and the Purchase sent to Meta', async () => {
    const { orders, stock } = data;
    const app = createApp({
      catalog: { read: async () => catalog },
      checkout: { stripe, stock, shippingCountries: [], allowPromotionCodes: false, allowedOrigins: [origin], maxQuantity: 99, maxLines: 100, rateLimitPerMinute: 1000, maxBodyBytes: 32 * 1024, clientAddress: () => `large-${count}` },
      webhooks: { stripe, webhookSecret: secret, orders, stock, metaConversions: { pixelId: '1234567890', accessToken: 'token', graphApiBase: graph.url } },
    });
    // Every product once, the second variant of every third one; quantities 1 to 3.
    const lines = products.slice(0, count).map((p, i) => ({ productId: p.id, variantId: p.variants[i % 3 === 0 ? 1 : 0]!.id, quantity: (i % 3) + 1 }));
    const ids = lines.map((l) => [l.productId, l.variantId]);

    const res = await app.request('/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ lines, returnUrl: `${origin}/shop` }) });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };

    const form = new URLSearchParams({ email: 'fan@example.com', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123', name: 'Erika Mustermann', line1: 'Hauptstraße 1', postal_code: '10115', city: 'Berlin', country: 'DE' });
    await fetch(`${local.url}/c/pay/${id}`, { method: 'POST', body: form, redirect: 'manual' });
    const session = await stripe.checkout.sessions.retrieve(id);
    expect(session.payment_status).toBe('paid');
    const payload = JSON.stringify({ id: `evt_test_large_${count}`, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), livemode: false, data: { object: session } });
    const delivered = await app.request('/api/webhooks/stripe', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret }) }, body: payload });
    expect(delivered.status).toBe(200);

    const order = await orders.getOrder(id);
    expect(order!.lines.map((l) => [l.productId, l.variantId])).toEqual(ids);
    expect(order!.lines.map((l) => l.quantity)).toEqual(lines.map((l) => l.quantity));

    const summary = (await (await app.request(`/api/checkout/sessions/${id}`)).json()) as { lines: { productId: string; variantId: string }[] };
    expect(summary.lines.map((l) => [l.productId, l.variantId])).toEqual(ids);

    // Meta's content ids are the catalog feed's item ids: the variant's where there is one.
    const purchase = purchases.flatMap((p) => p.data).find((event) => event.event_id === id)!;
    expect(purchase.custom_data.contents).toEqual(lines.map((l) => ({ id: l.variantId, quantity: l.quantity })));
    expect(purchase.custom_data.content_ids).toEqual(lines.map((l) => l.variantId));
  });
});
