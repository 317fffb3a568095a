import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import type { Order } from '../orders/order';
import type { Review } from '../reviews/store';
import type { StoredEvent } from '../events/store';
import { parseCatalog } from '../../core/catalog/parse';
import { studioInsightsRoutes } from './route';
import { parsePeriod } from './period';

/** The studio's numbers through the route factory (no session here: app.ts guards /api/studio/), on PGlite. */
const demo = parseCatalog(JSON.parse(readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8')));
if (!demo.ok) throw new Error('the demo catalog is invalid');
const catalog = demo.catalog;
const now = Date.parse('2026-11-30T15:00:00Z');
let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
});
beforeEach(() => data.empty());
afterAll(() => data.close());

const routes = () => studioInsightsRoutes({ stores: data, catalog: async () => catalog, now: () => now });
const shopper = 'shopper-aaaaaaaaaaaa';
const event = (at: string, type: StoredEvent['type'], productId: string | null, extra: Partial<StoredEvent> = {}): StoredEvent => ({ at: new Date(at), type, productId, query: null, results: null, shopper, ...extra });
const order = (id: string, createdAt: string, lines: { productId: string; quantity: number; amountTotal: number }[]): Order => ({
  id,
  createdAt,
  livemode: false,
  currency: 'EUR',
  amountSubtotal: lines.reduce((n, l) => n + l.amountTotal, 0),
  amountTotal: lines.reduce((n, l) => n + l.amountTotal, 0),
  customerEmail: 'fan@example.com',
  shippingAddress: null,
  lines: lines.map((l) => ({ ...l, variantId: null, title: l.productId })),
  paymentIntent: null,
  oversold: false,
});
const review = (id: string, productId: string, rating: 1 | 2 | 3 | 4 | 5, status: Review['status']): Review => ({
  id,
  productId,
  variantId: null,
  orderId: `cs_${id}`,
  rating,
  text: 'Secret words',
  name: 'Ann',
  language: 'en',
  status,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
});

async function seed() {
  await data.events.recordEvents([
    event('2026-11-29T10:00:00Z', 'view', 'stoneware-mug'),
    event('2026-11-29T10:01:00Z', 'view', 'stoneware-mug'),
    event('2026-11-29T10:02:00Z', 'view', 'linen-apron'),
    event('2026-11-29T10:03:00Z', 'add_to_cart', 'stoneware-mug'),
    event('2026-11-29T10:04:00Z', 'begin_checkout', 'stoneware-mug'),
    event('2026-11-29T10:05:00Z', 'like', 'linen-apron'),
    event('2026-11-29T10:06:00Z', 'like', 'linen-apron', { shopper: 'shopper-bbbbbbbbbbbb' }),
    event('2026-11-29T10:06:00Z', 'like', 'stoneware-mug'),
    event('2026-11-29T10:07:00Z', 'share', 'stoneware-mug'),
    event('2026-11-29T10:08:00Z', 'wish', 'linen-apron'),
    event('2026-11-29T10:09:00Z', 'search', null, { query: 'unicorn', results: 0 }),
    event('2026-11-29T10:10:00Z', 'search', null, { query: 'unicorn', results: 0 }),
    event('2026-11-29T10:11:00Z', 'search', null, { query: 'mug', results: 2 }),
    // Before the period: not counted.
    event('2026-10-01T10:00:00Z', 'view', 'stoneware-mug'),
  ]);
  await data.orders.saveOrder(order('cs_1', '2026-11-29T10:20:00.000Z', [{ productId: 'stoneware-mug', quantity: 2, amountTotal: 3600 }]));
  await data.orders.saveOrder(order('cs_2', '2026-11-30T09:00:00.000Z', [{ productId: 'stoneware-mug', quantity: 1, amountTotal: 1800 }, { productId: 'linen-apron', quantity: 1, amountTotal: 2400 }]));
  await data.orders.saveOrder(order('cs_old', '2026-10-01T10:00:00.000Z', [{ productId: 'linen-apron', quantity: 1, amountTotal: 2400 }]));
  await data.reviews.createReview(review('r1', 'stoneware-mug', 5, 'published'));
  await data.reviews.createReview(review('r2', 'stoneware-mug', 4, 'published'));
  await data.reviews.createReview(review('r3', 'linen-apron', 2, 'pending'));
}

describe('GET /api/studio/insights', () => {
  it('gives the period’s funnel overall and per product, the rankings, the searches that found nothing, the orders and the reviews', async () => {
    await seed();
    const res = await routes().request('/api/studio/insights?from=2026-11-01&to=2026-11-30');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
      currency: 'EUR',
      funnel: { views: 3, addsToCart: 1, checkouts: 1, purchases: 2 },
      mostLiked: [
        { productId: 'linen-apron', title: 'Linen apron', count: 2 },
        { productId: 'stoneware-mug', title: 'Mug', count: 1 },
      ],
      mostShared: [{ productId: 'stoneware-mug', count: 1 }],
      mostWished: [{ productId: 'linen-apron', count: 1 }],
      zeroResultSearches: [{ query: 'unicorn', count: 2 }],
      orders: {
        count: 2,
        total: 7800,
        list: [
          { id: 'cs_2', createdAt: '2026-11-30T09:00:00.000Z', total: 4200, currency: 'EUR', items: 2 },
          { id: 'cs_1', createdAt: '2026-11-29T10:20:00.000Z', total: 3600, currency: 'EUR', items: 2 },
        ],
      },
      pendingReviews: 1,
    });
    expect(body.products).toEqual([
      { productId: 'stoneware-mug', title: 'Mug', views: 2, addsToCart: 1, checkouts: 1, purchases: 2, units: 3, likes: 1, shares: 1, wishes: 0, rating: 4.5, ratingCount: 2 },
      { productId: 'linen-apron', title: 'Linen apron', views: 1, addsToCart: 0, checkouts: 0, purchases: 1, units: 1, likes: 2, shares: 0, wishes: 1, rating: null, ratingCount: 0 },
    ]);
    // Nothing personal reaches the studio's numbers: no email, no name, no review text.
    expect(JSON.stringify(body)).not.toMatch(/fan@example\.com|Ann|Secret words/);
  });

  it('counts the last 30 days to today when no period is given', async () => {
    await seed();
    const body = await (await routes().request('/api/studio/insights')).json();
    expect(body).toMatchObject({ from: '2026-11-01', to: '2026-11-30', funnel: { views: 3, purchases: 2 } });
    const october = await (await routes().request('/api/studio/insights?from=2026-10-01&to=2026-10-01')).json();
    expect(october).toMatchObject({ funnel: { views: 1, addsToCart: 0, checkouts: 0, purchases: 1 }, orders: { count: 1, total: 2400 } });
  });

  it.each([
    ['?from=2026-11-31&to=2026-12-01', 'from must be a day of the calendar (2026-11-31).'],
    ['?from=yesterday', 'from must be a day written YYYY-MM-DD (yesterday).'],
    ['?from=2026-11-30&to=2026-11-01', 'from (2026-11-30) must not be after to (2026-11-01).'],
    ['?from=2020-01-01&to=2026-11-30', 'A period may be at most 366 days long.'],
  ])('refuses %s with a clear 400', async (query, message) => {
    const res = await routes().request(`/api/studio/insights${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid_request', message } });
  });
});

describe('GET /api/studio/insights.csv', () => {
  it('writes each table as a CSV download', async () => {
    await seed();
    const get = (table: string) => routes().request(`/api/studio/insights.csv?from=2026-11-01&to=2026-11-30&table=${table}`);
    const funnel = await get('funnel');
    expect(funnel.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(funnel.headers.get('Content-Disposition')).toBe('attachment; filename="fanshop-funnel-2026-11-01-2026-11-30.csv"');
    expect(await funnel.text()).toBe('step,count\r\nviews,3\r\nadds_to_cart,1\r\ncheckouts,1\r\npurchases,2\r\n');
    expect(await (await get('searches')).text()).toBe('query,count\r\nunicorn,2\r\n');
    expect(await (await get('orders')).text()).toBe('order_id,created_at,items,total,currency\r\ncs_2,2026-11-30T09:00:00.000Z,2,42.00,EUR\r\ncs_1,2026-11-29T10:20:00.000Z,2,36.00,EUR\r\n');
    expect((await (await get('products')).text()).split('\r\n')[1]).toBe('stoneware-mug,Mug,2,1,1,2,3,1,1,0,4.50,2');
  });

  it('asks for a table it knows', async () => {
    const res = await routes().request('/api/studio/insights.csv?table=secrets');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('Name the table: ?table=funnel|products|searches|orders.');
  });
});

describe('parsePeriod', () => {
  it('counts whole UTC days, the last one included', () => {
    expect(parsePeriod({ from: '2026-11-30', to: '2026-11-30' }, new Date(now))).toEqual({
      from: new Date('2026-11-30T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
      firstDay: '2026-11-30',
      lastDay: '2026-11-30',
    });
  });
});
