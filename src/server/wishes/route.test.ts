import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Stripe from 'stripe';
import { RESERVATION_KEY } from '../checkout/cart-metadata';
import { createApp } from '../app';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import type { ApiErrorBody } from '../../core/api/errors';
import type { RestockNotice } from './restock';
import { unsubscribeTokens } from './token';

/**
 * "I want this" through app.request(): wishes in the real SQL (PGlite in memory), the catalog
 * from a text the test changes as a merchant edits the file, live stock from real reservations.
 */
const origin = 'https://band.example';
const tokens = unsubscribeTokens('a-review-secret-of-at-least-32-characters');
const product = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: { en: `${id} tee`, de: `${id}-Shirt` }, price: 2500, category: 'tees', ...extra });
const tee = (stock: number) =>
  product('tee', { options: [{ id: 'size', name: 'Size', values: ['S', 'M'] }], variants: [{ id: 'tee-s', options: { size: 'S' }, stock }, { id: 'tee-m', options: { size: 'M' }, stock: 0 }] });
let catalog: Record<string, unknown>;
const reset = () => {
  catalog = {
    shop: { id: 'fans', name: 'Fans', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://shop.example' },
    categories: [{ id: 'tees', title: 'Tees' }],
    products: [tee(0), product('cap', { stock: 4 }), product('hoodie', { stock: 10, availability: 'coming_soon' }), product('last', { stock: 1 })],
  };
};
let data: InMemoryData;
let clock = Date.now();
const notices: RestockNotice[] = [];

const webhookSecret = 'whsec_test_wishes';
const stripe = new Stripe('sk_test_wishes_offline');

function app(overrides: { rateLimitPerMinute?: number; tokens?: typeof tokens | undefined; onRestock?: (n: RestockNotice) => void } = {}) {
  return createApp({
    webhooks: { stripe, webhookSecret, orders: data.orders, stock: data.stock },
    catalog: { read: async () => JSON.stringify(catalog) },
    stock: data.stock,
    wishes: {
      store: data.wishes,
      tokens: 'tokens' in overrides ? overrides.tokens : tokens,
      notConfigured: 'FANSHOP_REVIEW_SECRET is not set',
      rateLimitPerMinute: overrides.rateLimitPerMinute ?? 1000,
      allowedOrigins: [origin],
      clientAddress: (c) => c.req.header('X-Test-Client') ?? 'test',
      onRestock: overrides.onRestock ?? ((n) => void notices.push(n)),
      now: () => clock,
    },
    recommendations: { store: data.recommendations, readLimitPerMinute: 1000, clientAddress: () => 'test' },
  });
}

const wish = (a: ReturnType<typeof app>, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  a.request('/api/wishes', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin, ...headers }, body: JSON.stringify({ language: 'en', consent: true, ...body }) });

beforeAll(async () => {
  data = await inMemoryData();
}, 60_000);
afterAll(async () => data?.close());
beforeEach(async () => {
  reset();
  await data.empty();
  notices.length = 0;
  clock += 3_600_000;
});

describe('POST /api/wishes', () => {
  it('keeps an email once per product and variant, and answers the same whether it was there or not', async () => {
    const a = app();
    const first = await wish(a, { productId: 'tee', variantId: 'tee-m', email: ' Fan@Example.COM ' });
    expect(first.status).toBe(200);
    const body = await first.text();
    expect(JSON.parse(body)).toEqual({ received: true });
    const again = await wish(a, { productId: 'tee', variantId: 'tee-m', email: 'Fan@example.com', language: 'de' });
    expect([again.status, await again.text()]).toEqual([200, body]);
    expect(first.headers.get('Cache-Control')).toBe('no-store');
    clock += 1000;
    // The whole product (every size sold out) and a coming-soon one.
    expect((await wish(a, { productId: 'tee', email: 'fan@example.com' })).status).toBe(200);
    expect((await wish(a, { productId: 'hoodie', email: 'fan@example.com' })).status).toBe(200);
    expect((await data.wishes.listWishes('tee')).map((w) => [w.variantId, w.email, w.language])).toEqual([
      ['tee-m', 'Fan@example.com', 'en'],
      [null, 'fan@example.com', 'en'],
    ]);
    expect(await data.wishes.wishCounts()).toEqual([
      { productId: 'hoodie', variantId: null, pending: 1, notified: 0 },
      { productId: 'tee', variantId: null, pending: 1, notified: 0 },
      { productId: 'tee', variantId: 'tee-m', pending: 1, notified: 0 },
    ]);
  });

  it.each([
    ['a product that can be bought', { productId: 'cap', email: 'fan@example.com' }, 409, 'product_available'],
    ['a variant that can be bought', { productId: 'tee', variantId: 'tee-s', email: 'fan@example.com' }, 409, 'product_available'],
    ['an unknown product', { productId: 'nope', email: 'fan@example.com' }, 409, 'unknown_product'],
    ['an unknown variant', { productId: 'tee', variantId: 'tee-xl', email: 'fan@example.com' }, 409, 'unknown_variant'],
    ['an email that is not one', { productId: 'tee', variantId: 'tee-m', email: 'fan@example' }, 400, 'invalid_request'],
    ['no consent', { productId: 'tee', variantId: 'tee-m', email: 'fan@example.com', consent: false }, 400, 'invalid_request'],
  ])('refuses %s', async (_, body, status, code) => {
    reset();
    catalog.products = [tee(3), ...(catalog.products as unknown[]).slice(1)];
    const res = await wish(app(), body);
    expect([res.status, ((await res.json()) as ApiErrorBody).error.code]).toEqual([status, code]);
    expect(await data.wishes.wishCounts()).toEqual([]);
  });

  it('takes a product whose last unit a checkout holds: sold out now', async () => {
    const held = await data.stock.reserve('k', [{ item: 'last', stock: 1, quantity: 1 }], new Date(clock + 30 * 60_000), new Date(clock));
    expect(held.ok).toBe(true);
    expect((await wish(app(), { productId: 'last', email: 'fan@example.com' })).status).toBe(200);
  });

  it('needs the secret of unsubscribe links, limits each client, and takes no other site’s page', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const off = await wish(app({ tokens: undefined }), { productId: 'hoodie', email: 'fan@example.com' });
    expect([off.status, ((await off.json()) as ApiErrorBody).error.code]).toEqual([503, 'wishes_not_configured']);
    errors.mockRestore();
    const a = app({ rateLimitPerMinute: 1 });
    expect((await wish(a, { productId: 'hoodie', email: 'a@example.com' }, { 'X-Test-Client': 'x' })).status).toBe(200);
    const limited = await wish(a, { productId: 'hoodie', email: 'b@example.com' }, { 'X-Test-Client': 'x' });
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '60']);
    const foreign = await wish(a, { productId: 'hoodie', email: 'c@example.com' }, { Origin: 'https://evil.example', 'X-Test-Client': 'y' });
    expect([foreign.status, ((await foreign.json()) as ApiErrorBody).error.code]).toEqual([403, 'origin_not_allowed']);
  });

  it('never shows an email in a page or answer the public can read', async () => {
    const a = app();
    const email = 'secret.fan@private-mail.example';
    for (const body of [{ productId: 'tee', variantId: 'tee-m' }, { productId: 'tee' }, { productId: 'hoodie' }]) expect((await wish(a, { ...body, email })).status).toBe(200);
    const pages = ['/p/tee', '/p/hoodie', '/api/products?ids=tee,hoodie', '/api/products?q=tee', '/catalog.json', '/catalog.json?fanshop=1', '/feeds/meta.csv', '/api/recommendations/cap', '/api/recommendations?cart=tee,hoodie', '/shop'];
    for (const path of pages) {
      const res = await a.request(path);
      expect(res.status, path).toBeLessThan(400);
      const text = await res.text();
      expect(text, path).not.toMatch(/secret\.fan|private-mail/);
    }
  });
});

describe('unsubscribe links', () => {
  it('show a page with one button on GET, and unsubscribe on POST (RFC 8058 one-click), in the shopper’s language', async () => {
    const a = app();
    await wish(a, { productId: 'hoodie', email: 'fan@example.com', language: 'de' });
    const [kept] = await data.wishes.listWishes('hoodie');
    const url = `/api/wishes/unsubscribe?token=${encodeURIComponent(await tokens.sign(kept!.id))}`;
    const page = await a.request(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('Referrer-Policy')).toBe('no-referrer');
    const text = await page.text();
    expect(text).toContain('<html lang="de">');
    expect(text).toContain('hoodie-Shirt');
    expect(text).toContain(`<form method="post" action="${url.replace(/&/g, '&amp;')}">`);
    expect(await data.wishes.getWish(kept!.id)).toBeDefined();
    // What a mail client's one-click sends.
    const done = await a.request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Du bist abgemeldet');
    expect(await data.wishes.getWish(kept!.id)).toBeUndefined();
    // Again, or the page after: the same answer (the wish, and its language, are gone: the browser's then).
    expect((await a.request(url, { method: 'POST' })).status).toBe(200);
    expect(await (await a.request(url, { headers: { 'Accept-Language': 'de-DE,de;q=0.9' } })).text()).toContain('Du bist abgemeldet');
    expect(await (await a.request(url)).text()).toContain('You are unsubscribed');
  });

  it('refuse a token this shop did not sign', async () => {
    const a = app();
    await wish(a, { productId: 'hoodie', email: 'fan@example.com' });
    const [kept] = await data.wishes.listWishes('hoodie');
    const forged = await unsubscribeTokens('another-secret-of-at-least-32-characters').sign(kept!.id);
    for (const method of ['GET', 'POST']) {
      const res = await a.request(`/api/wishes/unsubscribe?token=${encodeURIComponent(forged)}`, { method });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('not valid');
    }
    expect((await a.request('/api/wishes/unsubscribe')).status).toBe(400);
    expect(await data.wishes.getWish(kept!.id)).toBeDefined();
  });
});

describe('the onRestock hook', () => {
  const settle = async (a: ReturnType<typeof app>) => {
    // Any request starts a due check after its answer; let it finish.
    await a.request('/catalog.json?fanshop=1');
    await new Promise((resolve) => setTimeout(resolve, 300));
  };

  it('gets each wish once when the catalog puts the product back in stock or on sale', async () => {
    const a = app();
    await settle(a);
    await wish(a, { productId: 'tee', variantId: 'tee-s', email: 's@example.com', language: 'de' });
    await wish(a, { productId: 'tee', variantId: 'tee-m', email: 'm@example.com' });
    await wish(a, { productId: 'hoodie', email: 'h@example.com' });
    await settle(a);
    expect(notices).toEqual([]);
    // The merchant counts 3 of size S on the shelf, and puts the hoodie on sale.
    catalog.products = [tee(3), product('cap', { stock: 4 }), product('hoodie', { stock: 10 }), product('last', { stock: 1 })];
    await vi.waitFor(async () => {
      await a.request('/catalog.json?fanshop=1');
      expect(notices).toHaveLength(2);
    });
    const byProduct = Object.fromEntries(notices.map((n) => [n.variant ? `${n.product.id}/${n.variant.id}` : n.product.id, n]));
    expect(Object.keys(byProduct).sort()).toEqual(['hoodie', 'tee/tee-s']);
    expect(byProduct['tee/tee-s']!.variant?.stock).toBe(3);
    expect(byProduct['tee/tee-s']!.wishes).toEqual([{ email: 's@example.com', language: 'de', unsubscribeUrl: expect.stringMatching(/^https:\/\/shop\.example\/api\/wishes\/unsubscribe\?token=u1\./) }]);
    expect(byProduct.hoodie!.product.availability).toBe('in_stock');
    // The link works; the size still sold out waits; nothing is passed twice.
    const url = new URL(byProduct['tee/tee-s']!.wishes[0]!.unsubscribeUrl);
    expect((await a.request(`${url.pathname}${url.search}`)).status).toBe(200);
    clock += 120_000;
    await settle(a);
    expect(notices).toHaveLength(2);
    expect(await data.wishes.wishCounts()).toEqual([
      { productId: 'hoodie', variantId: null, pending: 0, notified: 1 },
      { productId: 'tee', variantId: 'tee-m', pending: 1, notified: 0 },
      { productId: 'tee', variantId: 'tee-s', pending: 0, notified: 1 },
    ]);
  });

  it('gets them when a released reservation gives the last unit back', async () => {
    const a = app();
    const held = await data.stock.reserve('k', [{ item: 'last', stock: 1, quantity: 1 }], new Date(clock + 30 * 60_000), new Date(clock));
    if (!held.ok) throw new Error('should hold');
    await wish(a, { productId: 'last', email: 'l@example.com' });
    await settle(a);
    expect(notices).toEqual([]);
    expect(await data.stock.release(held.reservation.id)).toBe('released');
    clock += 61_000;
    await vi.waitFor(async () => {
      await a.request('/catalog.json?fanshop=1');
      expect(notices.map((n) => [n.product.id, n.product.stock, n.wishes.map((w) => w.email)])).toEqual([['last', 1, ['l@example.com']]]);
    });
  });

  it('gets them right after Stripe says the checkout that held the last unit expired', async () => {
    const a = app();
    const held = await data.stock.reserve('k2', [{ item: 'last', stock: 1, quantity: 1 }], new Date(clock + 30 * 60_000), new Date(clock));
    if (!held.ok) throw new Error('should hold');
    await wish(a, { productId: 'last', email: 'l@example.com' });
    await settle(a);
    expect(notices).toEqual([]);
    const session = { id: 'cs_test_wishes_expired', object: 'checkout.session', created: Math.floor(clock / 1000), livemode: false, payment_status: 'unpaid', status: 'expired', metadata: { [RESERVATION_KEY]: held.reservation.id } };
    const payload = JSON.stringify({ id: 'evt_test_wishes_expired', object: 'event', type: 'checkout.session.expired', created: Math.floor(Date.now() / 1000), livemode: false, data: { object: session } });
    const signature = await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret: webhookSecret });
    // No minute has passed: the webhook's release is what starts the check, after its answer.
    const delivered = await a.request('/api/webhooks/stripe', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body: payload });
    expect(delivered.status).toBe(200);
    await vi.waitFor(() => expect(notices.map((n) => [n.product.id, n.wishes.map((w) => w.email)])).toEqual([['last', ['l@example.com']]]));
  });

  it('keeps a failing hook’s wishes marked, so they are never passed twice', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const hook = vi.fn(() => {
      throw new Error('mail server down');
    });
    const a = app({ onRestock: hook });
    await wish(a, { productId: 'hoodie', email: 'h@example.com' });
    catalog.products = [tee(0), product('hoodie', { stock: 10 })];
    await vi.waitFor(async () => {
      await a.request('/catalog.json?fanshop=1');
      expect(hook).toHaveBeenCalledTimes(1);
    });
    clock += 120_000;
    await settle(a);
    expect(hook).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls.some((c) => String(c[0]).includes('onRestock hook failed for hoodie'))).toBe(true);
    errors.mockRestore();
  });
});
