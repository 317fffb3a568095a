import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type Stripe from 'stripe';
import { createApp } from '../app';
import { observedStock } from './observed-stock';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import type { Order } from '../orders/order';
import { startLocalStripe } from '../../../tools/stripe-local';
import { sdkFor } from '../../../tools/stripe-local/testing';

/**
 * The last unit, end to end: the shop served over HTTP, its checkout and webhooks talking to the
 * local test-mode Stripe (which pays, expires and delivers signed events to the shop as Stripe
 * does), stock in PGlite. One clock for both, moved forward by the test.
 */
const demo = JSON.parse(readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8')) as { products: { id: string; stock?: number }[] };
const origin = 'http://localhost:8787';
const secret = 'whsec_test_reservations';
const product = 'ceramic-pour-over-dripper';

let catalogText = '';
/** The merchant edits the catalog's stock of the dripper. */
function setStock(stock: number, extra: Record<string, unknown> = {}) {
  catalogText = JSON.stringify({ ...demo, products: demo.products.map((p) => (p.id === product ? { ...p, stock, ...extra } : p)) });
}

let data: InMemoryData;
let local: Awaited<ReturnType<typeof startLocalStripe>>;
let stripe: Stripe;
let shopUrl: string;
let closeShop: () => void;
const onOrder = vi.fn<(order: Order) => void>();

beforeAll(async () => {
  setStock(1);
  data = await inMemoryData();
  let app: Hono | undefined;
  const server = serve({ fetch: (request) => app!.fetch(request), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  shopUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeShop = () => server.close();
  local = await startLocalStripe({ webhookSecret: secret, webhookUrl: `${shopUrl}/api/webhooks/stripe`, log: () => {} });
  stripe = sdkFor(local, { maxNetworkRetries: 0 });
  const now = () => local.clock.now();
  // One observed store for all three, as settings/app-options.ts gives the app.
  const stock = observedStock(data.stock);
  app = createApp({
    catalog: { read: async () => catalogText },
    stock,
    checkout: { stripe, stock, now, shippingCountries: [], allowPromotionCodes: false, allowedOrigins: [origin], maxQuantity: 99, maxLines: 50, rateLimitPerMinute: 1000, maxBodyBytes: 32 * 1024, clientAddress: () => 'shopper' },
    webhooks: { stripe, webhookSecret: secret, orders: data.orders, stock, now, onOrder },
  });
}, 60_000);
afterAll(async () => {
  closeShop();
  await Promise.all([local.close(), data.close()]);
});

let attempts = 0;
/** A shopper's checkout of one dripper (a page view of its own each time). */
const checkout = async (quantity = 1) => {
  const res = await fetch(`${shopUrl}/api/checkout`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ lines: [{ productId: 'bircher-muesli-mix', quantity: 1 }, { productId: product, quantity }], locale: 'en', returnUrl: `${origin}/shop`, attempt: `page-view-${++attempts}` }),
  });
  const body = (await res.json()) as { id?: string; url?: string; error?: { code: string; lineIndex?: number } };
  return { status: res.status, body };
};
const pay = async (id: string) => {
  const res = await fetch(`${local.url}/c/pay/${id}`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ email: 'fan@example.com', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' }) });
  expect(res.status).toBe(303);
};
/** What the shop's served catalog says can be bought of the dripper now. */
const served = async () => {
  // No wait: what this server holds, gives back or sells shows on the next answer (stock/observed-stock.ts).
  const envelope = (await (await fetch(`${shopUrl}/catalog.json?fanshop=1`)).json()) as { catalog: { products: { id: string; stock?: number }[] } };
  return envelope.catalog.products.find((p) => p.id === product)?.stock;
};

describe('the last unit', () => {
  it('is held by one checkout, released when Stripe expires its session, sold to the next, and a late payment after that is an oversold order', async () => {
    const first = await checkout();
    expect(first.status).toBe(200);
    expect(await served()).toBe(0);
    // Nobody else can have it while the first session is open.
    expect(await checkout()).toEqual({ status: 409, body: { error: expect.objectContaining({ code: 'sold_out', lineIndex: 1 }) } });

    // The shopper walked away; Stripe expires the session and says so: the unit is back.
    await stripe.checkout.sessions.expire(first.body.id!);
    await local.webhooks.flush();
    expect(await served()).toBe(1);

    const second = await checkout();
    expect(second.status).toBe(200);
    await pay(second.body.id!);
    await vi.waitFor(async () => expect((await data.orders.getOrder(second.body.id!))?.oversold).toBe(false));
    expect(await served()).toBe(0);
    expect((await checkout()).status).toBe(409);

    // The merchant gets two more: 2 is the truth from now on.
    setStock(2);
    expect(await served()).toBe(2);
    const late = await checkout(2);
    expect(late.status).toBe(200);
    // Paid just in time, but Stripe's event is late: meanwhile the reservation's half hour is over
    // and someone else gets the unit and pays.
    local.webhooks.hold();
    await pay(late.body.id!);
    await local.clock.advance(31 * 60);
    const other = await checkout(2);
    expect(other.status).toBe(200);
    await pay(other.body.id!);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await local.webhooks.flush();
    const lateOrder = await data.orders.getOrder(late.body.id!);
    expect(lateOrder?.oversold).toBe(true);
    expect((await data.orders.getOrder(other.body.id!))?.oversold).toBe(false);
    expect(onOrder).toHaveBeenCalledWith(expect.objectContaining({ id: late.body.id, oversold: true }));
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`order ${late.body.id} is OVERSOLD`));
    errors.mockRestore();
    // Both sales count; what can be bought never goes below 0.
    expect(await served()).toBe(0);
  }, 60_000);

  it('is held once for a double click or the shopper coming back from Stripe, who gets the same session', async () => {
    setStock(5);
    const body = JSON.stringify({ lines: [{ productId: product, quantity: 2 }], locale: 'en', returnUrl: `${origin}/shop`, attempt: 'one-page-view' });
    const post = () => fetch(`${shopUrl}/api/checkout`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body }).then((r) => r.json() as Promise<{ id: string }>);
    const [a, b] = await Promise.all([post(), post()]);
    const c = await post();
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await served()).toBe(3);
    await stripe.checkout.sessions.expire(a.id);
    await local.webhooks.flush();
    expect(await served()).toBe(5);
  }, 30_000);

  it('goes back at once when Stripe refuses the session', async () => {
    // A Stripe Price the account does not have: Stripe refuses the session after the units were held.
    setStock(2, { stripePriceId: 'price_not_in_this_account' });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await fetch(`${shopUrl}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ lines: [{ productId: product, quantity: 1 }], locale: 'en', returnUrl: `${origin}/shop` }),
    });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('price_not_in_this_account'));
    errors.mockRestore();
    expect(await res.json()).toMatchObject({ error: { code: 'internal_error' } });
    expect(await served()).toBe(2);
  }, 30_000);
});
