import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import type { Order } from '../orders/order';
import type { ApiErrorBody } from '../../core/api/errors';
import type { CartRecommendationsResponse, ProductRecommendationsResponse } from '../../core/api/recommendations';

/**
 * The recommendations API through app.request(), on a seeded shop whose answers are known:
 * likes, paid orders and live stock in the real SQL (PGlite in memory).
 */
const product = (id: string, category: string, extra: Record<string, unknown> = {}) => ({ id, title: id.toUpperCase(), price: 1000, category, ...extra });
const catalog = {
  shop: { id: 'fans', name: 'Fans', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://shop.example' },
  categories: [
    { id: 'tees', title: 'Tees' },
    { id: 'mugs', title: 'Mugs' },
  ],
  products: [
    product('t', 'tees'),
    product('a', 'tees'),
    product('b', 'tees'),
    product('c', 'tees', { stock: 1 }),
    product('d', 'tees', { availability: 'out_of_stock' }),
    product('e', 'mugs'),
    product('f', 'mugs', { availability: 'coming_soon' }),
    product('g', 'tees'),
    product('lonely', 'mugs'),
  ],
};
let data: InMemoryData;
let clock = Date.now();

const app = (rateLimit = 1000) =>
  createApp({
    catalog: { read: async () => JSON.stringify(catalog) },
    stock: data.stock,
    likes: { store: data.likes, rateLimitPerMinute: 1000, allowedOrigins: [], clientAddress: () => 'test' },
    recommendations: { store: data.recommendations, readLimitPerMinute: rateLimit, clientAddress: (c) => c.req.header('X-Test-Client') ?? 'test', now: () => clock },
  });

const order = (id: string, products: string[]): Order => ({
  id,
  createdAt: '2026-11-30T10:00:00.000Z',
  livemode: false,
  currency: 'EUR',
  amountSubtotal: 1000,
  amountTotal: 1000,
  customerEmail: 'fan@example.com',
  shippingAddress: null,
  lines: products.map((productId) => ({ productId, variantId: null, title: productId, quantity: 1, amountTotal: 1000 })),
  paymentIntent: null,
  oversold: false,
});

beforeAll(async () => {
  data = await inMemoryData();
  const likes: [string, string[]][] = [
    ['s1', ['t', 'a', 'c', 'e']],
    ['s2', ['t', 'a', 'd', 'f']],
    ['s3', ['t', 'e']],
  ];
  for (const [shopper, ids] of likes) for (const id of ids) await data.likes.setLike(id, shopper, true);
  await data.orders.saveOrder(order('cs_1', ['t', 'b']));
  await data.orders.saveOrder(order('cs_2', ['t', 'b', 'e']));
  await data.orders.saveOrder(order('cs_3', ['t', 'd']));
  // c's only unit is held by a checkout: sold out now, as the live catalog says.
  const held = await data.stock.reserve('someone', [{ item: 'c', stock: 1, quantity: 1 }], new Date(Date.now() + 30 * 60_000), new Date());
  expect(held.ok).toBe(true);
}, 60_000);
afterAll(async () => data?.close());

const get = async <T>(a: ReturnType<typeof app>, path: string, headers: Record<string, string> = {}) => {
  const res = await a.request(path, { headers });
  return { res, body: (res.status === 200 ? await res.json() : res.status === 304 ? undefined : await res.json()) as T };
};

describe('GET /api/recommendations/:productId', () => {
  it('ranks what the same fans like, then the category’s most liked; what was bought together; never sold out, coming soon or the product itself', async () => {
    const { res, body } = await get<ProductRecommendationsResponse>(app(), '/api/recommendations/t');
    expect(res.status).toBe(200);
    expect(body).toEqual({
      productId: 't',
      // a and e are liked by two of t's fans; c (held: sold out now), d (out of stock) and f (coming soon) are left out.
      alsoLiked: [
        { id: 'a', source: 'likes' },
        { id: 'e', source: 'likes' },
        { id: 'b', source: 'category' },
        { id: 'g', source: 'category' },
      ],
      boughtTogether: [
        { id: 'b', source: 'orders' },
        { id: 'e', source: 'orders' },
      ],
    });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=15, must-revalidate');
  });

  it('falls back to the category in catalog order for a product nobody has liked or bought', async () => {
    const { body } = await get<ProductRecommendationsResponse>(app(), '/api/recommendations/lonely');
    // The mugs: e is liked by two, f is coming soon.
    expect(body).toEqual({ productId: 'lonely', alsoLiked: [{ id: 'e', source: 'category' }], boughtTogether: [] });
  });

  it('answers 304 to the ETag it gave, and keeps its rankings a minute per catalog version', async () => {
    const a = app();
    const first = await get<ProductRecommendationsResponse>(a, '/api/recommendations/g');
    const etag = first.res.headers.get('ETag')!;
    expect(etag).toMatch(/^"r[0-9a-f]{24}"$/);
    expect((await a.request('/api/recommendations/g', { headers: { 'If-None-Match': `W/${etag}` } })).status).toBe(304);
    // Two fans of g now like b as well: seen once the minute is over.
    await data.likes.setLike('g', 's9', true);
    await data.likes.setLike('b', 's9', true);
    await data.likes.setLike('g', 's8', true);
    await data.likes.setLike('b', 's8', true);
    expect((await get<ProductRecommendationsResponse>(a, '/api/recommendations/g')).body).toEqual(first.body);
    clock += 61_000;
    const later = await get<ProductRecommendationsResponse>(a, '/api/recommendations/g');
    expect(later.body.alsoLiked[0]).toEqual({ id: 'b', source: 'likes' });
    expect(later.res.headers.get('ETag')).not.toBe(etag);
    for (const shopper of ['s8', 's9']) for (const id of ['g', 'b']) await data.likes.setLike(id, shopper, false);
  });

  it('refuses an unknown product and an overlong id, and limits each client', async () => {
    const a = app(2);
    const unknown = await get<ApiErrorBody>(a, '/api/recommendations/nope', { 'X-Test-Client': 'x' });
    expect([unknown.res.status, unknown.body.error.code]).toEqual([409, 'unknown_product']);
    const long = await get<ApiErrorBody>(a, `/api/recommendations/${'x'.repeat(101)}`, { 'X-Test-Client': 'x' });
    expect([long.res.status, long.body.error.code]).toEqual([400, 'invalid_request']);
    await get(a, '/api/recommendations/t', { 'X-Test-Client': 'x' });
    const limited = await get<ApiErrorBody>(a, '/api/recommendations/t', { 'X-Test-Client': 'x' });
    expect([limited.res.status, limited.body.error.code, limited.res.headers.get('Retry-After')]).toEqual([429, 'rate_limited', '60']);
    expect((await a.request('/api/recommendations/t', { headers: { 'X-Test-Client': 'y' } })).status).toBe(200);
  });
});

describe('GET /api/recommendations?cart=', () => {
  it('adds up the cart’s rankings, leaves out the cart’s own products and what cannot be bought, then fills from their categories', async () => {
    const { res, body } = await get<CartRecommendationsResponse>(app(), '/api/recommendations?cart=t,b,gone');
    expect(res.status).toBe(200);
    // e: liked with t by two, bought with t and with b once each; a: liked with t by two.
    expect(body.products).toEqual([
      { id: 'e', source: 'orders' },
      { id: 'a', source: 'likes' },
      // The tees left: c is held, d is out of stock, b and t are in the cart.
      { id: 'g', source: 'category' },
    ]);
  });

  it('answers an empty row for a cart of products the catalog no longer has', async () => {
    expect((await get<CartRecommendationsResponse>(app(), '/api/recommendations?cart=gone,also-gone')).body).toEqual({ products: [] });
  });

  it.each([
    ['no cart', '/api/recommendations', 400, 'invalid_request'],
    ['an empty cart', '/api/recommendations?cart=,,', 400, 'invalid_request'],
    ['too many products', `/api/recommendations?cart=${Array.from({ length: 21 }, (_, i) => `p${i}`).join(',')}`, 400, 'too_many_ids'],
    ['an overlong id', `/api/recommendations?cart=${'x'.repeat(101)}`, 400, 'invalid_request'],
  ])('refuses %s with 400 and the reason', async (_, path, status, code) => {
    const { res, body } = await get<ApiErrorBody>(app(), path);
    expect([res.status, body.error.code]).toEqual([status, code]);
    expect(body.error.message).not.toBe('');
  });
});
