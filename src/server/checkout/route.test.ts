import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type Stripe from 'stripe';
import { createApp } from '../app';
import { startLocalStripe } from '../../../tools/stripe-local';
import type { Order, OrderStore } from '../orders/order';
import type { DataStores } from '../data/stores';
import { inMemoryData } from '../data/postgres/memory';
import { sdkFor } from '../../../tools/stripe-local/testing';

/**
 * POST /api/checkout and the Stripe webhook through app.request(), with the official SDK talking
 * to the local test-mode Stripe over HTTP (Stripe itself cannot be reached from here).
 */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const origin = 'http://localhost:8787';
const secret = 'whsec_test_route';
let local: Awaited<ReturnType<typeof startLocalStripe>>;
let stripe: Stripe;
let data: DataStores;
let orders: OrderStore;
const hooked: Order[] = [];

function app(overrides: { rateLimitPerMinute?: number; maxQuantity?: number; onOrder?: (o: Order) => void; embedded?: { publishableKey: string; stripeJs?: string } } = {}) {
  return createApp({
    catalog: { read: async () => demo },
    checkout: {
      stripe,
      stock: data.stock,
      embedded: overrides.embedded,
      shippingCountries: ['DE'],
      allowPromotionCodes: true,
      allowedOrigins: [origin],
      maxQuantity: overrides.maxQuantity ?? 99,
      maxLines: 50,
      rateLimitPerMinute: overrides.rateLimitPerMinute ?? 1000,
      maxBodyBytes: 32 * 1024,
      clientAddress: (c) => c.req.header('X-Test-Client') ?? 'test',
    },
    webhooks: { stripe, webhookSecret: secret, orders, stock: data.stock, onOrder: overrides.onOrder ?? ((o) => void hooked.push(o)) },
  });
}

const post = (a: ReturnType<typeof app>, body: unknown, headers: Record<string, string> = {}) =>
  a.request('/api/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const cart = (lines: unknown[]) => ({ lines, locale: 'de', returnUrl: `${origin}/shop?x=1` });

beforeAll(async () => {
  [local, data] = await Promise.all([startLocalStripe({ webhookSecret: secret, log: () => {} }), inMemoryData()]);
  ({ orders } = data);
  stripe = sdkFor(local, { maxNetworkRetries: 0 });
});
afterAll(() => Promise.all([local.close(), data.close()]));

describe('POST /api/checkout', () => {
  it('creates a Checkout Session priced from the catalog, ignoring prices in the request', async () => {
    const res = await post(app(), cart([{ productId: 'bircher-muesli-mix', quantity: 2, price: 1, unitAmount: 1 }, { productId: 'espresso-blend', variantId: 'espresso-1kg-whole', quantity: 1 }]));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.url).toMatch(/\/c\/pay\/cs_test_/);
    const catalog = JSON.parse(demo);
    const muesli = catalog.products.find((p: { id: string }) => p.id === 'bircher-muesli-mix');
    const espresso = catalog.products.find((p: { id: string }) => p.id === 'espresso-blend');
    const variant = espresso.variants.find((v: { id: string }) => v.id === 'espresso-1kg-whole');
    const session = await stripe.checkout.sessions.retrieve(body.id);
    expect(session.amount_total).toBe(muesli.price * 2 + (variant.price ?? espresso.price));
    expect(session.currency).toBe('eur');
    expect(session.locale).toBe('de');
    expect(session.success_url).toBe(`${origin}/shop?x=1&checkout=success&session_id={CHECKOUT_SESSION_ID}`);
    expect(session.cancel_url).toBe(`${origin}/shop?x=1&checkout=cancel`);
    expect(session.metadata).toMatchObject({ fanshop_cart_0: 'bircher-muesli-mix,espresso-blend/espresso-1kg-whole' });
  });

  it('creates one session, not two, for a double click', async () => {
    const a = app();
    const body = { ...cart([{ productId: 'bircher-muesli-mix', quantity: 3 }]), attempt: 'page-view-1' };
    const [first, second] = await Promise.all([post(a, body), post(a, body)]);
    expect((await first.json()).id).toBe((await second.json()).id);
  });

  it('keeps the shopper’s user agent and Meta browser ids in the session for the Conversions API, and refuses malformed ones', async () => {
    const a = app();
    const lines = [{ productId: 'bircher-muesli-mix', quantity: 5 }];
    const body = { ...cart(lines), fbp: 'fb.1.1790000000000.987654321', fbc: 'fb.1.1790000000000.IwAR2xyz' };
    const { id } = await (await post(a, body, { 'User-Agent': 'Mozilla/5.0 Test FBAV/450' })).json();
    expect(local.sessions.get(id)!.session.metadata).toMatchObject({ fanshop_ua: 'Mozilla/5.0 Test FBAV/450', fanshop_fbp: body.fbp, fanshop_fbc: body.fbc });
    const bad = await post(a, { ...cart(lines), fbp: 'not-a-cookie' });
    expect(bad.status).toBe(400);
  });

  it('gives two shoppers behind one address buying the same thing a session each', async () => {
    const a = app();
    const lines = [{ productId: 'bircher-muesli-mix', quantity: 4 }];
    const first = await (await post(a, { ...cart(lines), attempt: 'page-view-a' })).json();
    const second = await (await post(a, { ...cart(lines), attempt: 'page-view-b' })).json();
    expect(first.id).not.toBe(second.id);
  });

  it('creates an embedded session, with the key Stripe.js needs, only for a widget that can embed it', async () => {
    const a = app({ embedded: { publishableKey: 'pk_test_local', stripeJs: '/_stripe/js/stripe.js' } });
    const lines = [{ productId: 'bircher-muesli-mix', quantity: 1 }];
    const embedded = await (await post(a, { ...cart(lines), embeddable: true })).json();
    expect(embedded).toEqual({ id: expect.stringMatching(/^cs_test_/), clientSecret: expect.stringMatching(/^cs_test_\w+_secret_/), publishableKey: 'pk_test_local', stripeJs: '/_stripe/js/stripe.js' });
    const session = local.sessions.get(embedded.id)!.session;
    expect(session).toMatchObject({ ui_mode: 'embedded_page', success_url: null, cancel_url: null });
    expect(session.return_url).toBe(`${origin}/shop?x=1&checkout=success&session_id={CHECKOUT_SESSION_ID}`);

    // A framed shop cannot embed it: Stripe's own page instead, in a new tab.
    const framed = await (await post(a, cart([{ productId: 'bircher-muesli-mix', quantity: 2 }]))).json();
    expect(framed.url).toMatch(/\/c\/pay\/cs_test_/);
    expect(framed.clientSecret).toBeUndefined();
    // A server without embedded checkout ignores the wish.
    const hosted = await (await post(app(), { ...cart([{ productId: 'bircher-muesli-mix', quantity: 3 }]), embeddable: true })).json();
    expect(hosted.url).toMatch(/\/c\/pay\/cs_test_/);
  });

  it.each([
    ['a body that is not JSON', '{"lines": [', {}, 400, 'malformed_json'],
    ['a form post', 'lines=1', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
    ['a body over 32 KB', JSON.stringify({ ...cart([]), pad: 'x'.repeat(33 * 1024) }), {}, 413, 'body_too_large'],
    ['an empty cart', cart([]), {}, 422, 'empty_cart'],
    ['an unknown product', cart([{ productId: 'nope', quantity: 1 }]), {}, 409, 'unknown_product'],
    ['a sold-out product', cart([{ productId: 'enamel-mug-limited', quantity: 1 }]), {}, 409, 'sold_out'],
    ['a return URL on another site', { ...cart([{ productId: 'bircher-muesli-mix', quantity: 1 }]), returnUrl: 'https://evil.example/' }, {}, 403, 'origin_not_allowed'],
    ['a page of another origin', cart([{ productId: 'bircher-muesli-mix', quantity: 1 }]), { Origin: 'https://evil.example' }, 403, 'origin_not_allowed'],
  ])('refuses %s with a clear error and no stack trace', async (_, body, headers, status, code) => {
    const res = await post(app(), body, headers as Record<string, string>);
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(JSON.stringify(json)).not.toMatch(/\n\s+at /);
  });

  it('refuses one product in several lines whose quantities add up to more than the limit, and creates no session', async () => {
    const before = local.sessions.list().length;
    const line = { productId: 'bircher-muesli-mix', quantity: 99 };
    const res = await post(app(), cart([line, line, line]));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_quantity', lineIndex: 0 } });
    expect(local.sessions.list()).toHaveLength(before);
  });

  it('points at the line it refuses', async () => {
    const res = await post(app(), cart([{ productId: 'bircher-muesli-mix', quantity: 1 }, { productId: 'bircher-muesli-mix', quantity: 1.5 }]));
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_quantity', lineIndex: 1 } });
  });

  // FANSHOP_MAX_QUANTITY may differ from the widget's own maxQuantity: the shop's message names
  // the number the server applied.
  it('says which quantity limit it applied when it refuses a quantity', async () => {
    const res = await post(app({ maxQuantity: 5 }), cart([{ productId: 'bircher-muesli-mix', quantity: 6 }]));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { code: 'invalid_quantity', message: 'The quantity must be a whole number from 1 to 5.', lineIndex: 0, maxQuantity: 5 } });
  });

  it('opens the pages’ CSP to Stripe.js only for embedded checkout with real Stripe', async () => {
    const csp = async (a: ReturnType<typeof app>) => (await a.request('/shop')).headers.get('Content-Security-Policy') ?? '';
    expect(await csp(app({ embedded: { publishableKey: 'pk_test_123' } }))).toMatch(/script-src 'self' https:\/\/js\.stripe\.com .*frame-src 'self' https:\/\/js\.stripe\.com/);
    expect(await csp(app({ embedded: { publishableKey: 'pk_test_local', stripeJs: '/_stripe/js/stripe.js' } }))).not.toContain('stripe.com');
    expect(await csp(app())).not.toContain('stripe.com');
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const a = app();
    const ok = await a.request('/api/checkout', { method: 'OPTIONS', headers: { Origin: origin } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    const no = await a.request('/api/checkout', { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(no.status).toBe(403);
    expect(no.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('limits how many checkouts one client starts per minute', async () => {
    const a = app({ rateLimitPerMinute: 2 });
    const body = (n: number) => cart([{ productId: 'bircher-muesli-mix', quantity: n }]);
    const statuses = [];
    for (const n of [1, 2, 3]) statuses.push((await post(a, body(n), { 'X-Test-Client': 'busy' })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await post(a, body(4), { 'X-Test-Client': 'other' })).status).toBe(200);
  });

  it('refuses every checkout with a rate limit of 0 (FANSHOP_CHECKOUT_RATE_LIMIT=0)', async () => {
    const res = await post(app({ rateLimitPerMinute: 0 }), cart([{ productId: 'bircher-muesli-mix', quantity: 1 }]), { 'X-Test-Client': 'first-ever' });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });
});

describe('GET /api/checkout/sessions/:id', () => {
  it('tells only status, total, currency and the lines (catalog ids, title, quantity)', async () => {
    const a = app();
    const { id } = await (await post(a, cart([{ productId: 'bircher-muesli-mix', quantity: 1 }]))).json();
    const summary = await (await a.request(`/api/checkout/sessions/${id}`)).json();
    expect(Object.keys(summary).sort()).toEqual(['currency', 'lines', 'paid', 'status', 'total']);
    expect(summary).toMatchObject({ status: 'open', paid: false, currency: 'EUR' });
    expect(summary.lines).toEqual([{ productId: 'bircher-muesli-mix', variantId: null, title: expect.stringMatching(/Müsli/), quantity: 1 }]);
  });

  it('answers 404 for a session that does not exist or an id that is not one', async () => {
    expect((await app().request('/api/checkout/sessions/cs_test_doesnotexist')).status).toBe(404);
    expect((await app().request('/api/checkout/sessions/..%2F..%2Fetc')).status).toBe(404);
  });
});

describe('POST /api/webhooks/stripe', () => {
  let shopper = 0;
  async function paidSession(a: ReturnType<typeof app>) {
    // A client of its own each time: the same cart from the same client within a minute is the
    // same session (the double-click rule), already paid by an earlier test.
    const client = { 'X-Test-Client': `shopper-${++shopper}` };
    const { id } = await (await post(a, cart([{ productId: 'bircher-muesli-mix', quantity: 2 }]), client)).json();
    // Pay on the local Stripe page with the test card; it signs and sends the webhook to its
    // configured URL, which here is nowhere, so the test delivers the event itself below.
    const form = new URLSearchParams({ email: 'shopper@example.com', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123', name: 'Erika Mustermann', line1: 'Hauptstraße 1', postal_code: '10115', city: 'Berlin', country: 'DE' });
    await fetch(`${local.url}/c/pay/${id}`, { method: 'POST', body: form, redirect: 'manual' });
    const session = await stripe.checkout.sessions.retrieve(id);
    const event = { id: `evt_test_${id.slice(-12)}`, object: 'event', type: 'checkout.session.completed', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), livemode: false, data: { object: session } };
    return { session, payload: JSON.stringify(event) };
  }
  const deliver = async (a: ReturnType<typeof app>, payload: string, header: string) =>
    a.request('/api/webhooks/stripe', { method: 'POST', headers: { 'Stripe-Signature': header, 'Content-Type': 'application/json' }, body: payload });

  it('turns a paid session into an order once, and calls the hook once', async () => {
    const a = app();
    const { session, payload } = await paidSession(a);
    expect(session.payment_status).toBe('paid');
    const header = await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret });
    expect((await deliver(a, payload, header)).status).toBe(200);
    const replay = await deliver(a, payload, header);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    const order = await orders.getOrder(session.id);
    expect(order).toMatchObject({ amountTotal: session.amount_total, currency: 'EUR', customerEmail: 'shopper@example.com' });
    expect(order!.lines[0]).toMatchObject({ productId: 'bircher-muesli-mix', quantity: 2 });
    expect(hooked.filter((o) => o.id === session.id)).toHaveLength(1);
  });

  it('keeps the order when the merchant’s hook throws', async () => {
    const a = app({ onOrder: () => { throw new Error('mail server down'); } });
    const { session, payload } = await paidSession(a);
    const res = await deliver(a, payload, await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret }));
    expect(res.status).toBe(200);
    expect(await orders.getOrder(session.id)).toBeDefined();
  });

  it.each([
    ['a wrong secret', async (p: string) => stripe.webhooks.generateTestHeaderStringAsync({ payload: p, secret: 'whsec_wrong' }), (p: string) => p],
    ['a tampered body', async (p: string) => stripe.webhooks.generateTestHeaderStringAsync({ payload: p, secret }), (p: string) => p.replace('"paid"', '"unpaid"')],
    ['a stale timestamp', async (p: string) => stripe.webhooks.generateTestHeaderStringAsync({ payload: p, secret, timestamp: Math.floor(Date.now() / 1000) - 301 }), (p: string) => p],
    ['no signature at all', async () => '', (p: string) => p],
  ])('refuses %s with 400 and stores nothing', async (_, makeHeader, body) => {
    const a = app();
    const { session, payload } = await paidSession(a);
    const res = await deliver(a, body(payload), await makeHeader(payload));
    expect(res.status).toBe(400);
    expect(await orders.getOrder(session.id)).toBeUndefined();
  });
});
