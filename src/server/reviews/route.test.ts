import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type Stripe from 'stripe';
import { createApp, type AppOptions } from '../app';
import { startLocalStripe } from '../../../tools/stripe-local';
import { sdkFor } from '../../../tools/stripe-local/testing';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import type { OrderNotice } from '../orders/order';
import type { CheckoutSessionSummary } from '../../core/api/checkout';
import type { ApiErrorBody } from '../../core/api/errors';
import type { ReviewAggregatesResponse, ReviewsPageResponse, ReviewWriteResponse } from '../../core/api/reviews';
import { reviewTokens, type ReviewTokens } from './token';

/**
 * The reviews API through app.request(): a real paid session on the local test-mode Stripe
 * (through the official SDK), its signed webhook, the confirmation's token, and reviews in the
 * real SQL (PGlite in memory). Time is moved through the app's `now`.
 */
const demo = JSON.parse(readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8'));
demo.shop.baseUrl = 'https://shop.example';
const catalogText = JSON.stringify(demo);
const origin = 'http://localhost:8787';
const webhookSecret = 'whsec_test_reviews';
const secret = 'a-review-secret-of-at-least-32-characters';
const DAY = 86_400_000;
let local: Awaited<ReturnType<typeof startLocalStripe>>;
let stripe: Stripe;
let data: InMemoryData;
let clock = Date.now();
const hooked: OrderNotice[] = [];
const tokens: ReviewTokens = reviewTokens(secret);

function app(overrides: { moderation?: 'publish' | 'hold'; tokens?: ReviewTokens | undefined; rateLimitPerMinute?: number } = {}) {
  const options: AppOptions = {
    catalog: { read: async () => catalogText },
    checkout: {
      stripe,
      stock: data.stock,
      shippingCountries: ['DE'],
      allowPromotionCodes: false,
      allowedOrigins: [origin],
      maxQuantity: 99,
      maxLines: 50,
      rateLimitPerMinute: 1000,
      maxBodyBytes: 32 * 1024,
      clientAddress: (c) => c.req.header('X-Test-Client') ?? 'test',
    },
    webhooks: { stripe, webhookSecret, orders: data.orders, stock: data.stock, onOrder: (o) => void hooked.push(o) },
    reviews: {
      store: data.reviews,
      tokens: 'tokens' in overrides ? overrides.tokens : tokens,
      notConfigured: 'FANSHOP_REVIEW_SECRET is not set',
      moderation: overrides.moderation ?? 'publish',
      rateLimitPerMinute: overrides.rateLimitPerMinute ?? 1000,
      allowedOrigins: [origin],
      clientAddress: (c) => c.req.header('X-Test-Client') ?? 'test',
      now: () => clock,
    },
  };
  return createApp(options);
}

let shopper = 0;
/** Buys the lines on the local Stripe with the test card and delivers its signed webhook. */
async function paidOrder(a: ReturnType<typeof app>, lines: { productId: string; variantId?: string; quantity: number }[]) {
  const client = { 'X-Test-Client': `shopper-${++shopper}` };
  const res = await a.request('/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin, ...client }, body: JSON.stringify({ lines, locale: 'en', returnUrl: `${origin}/shop` }) });
  const { id } = (await res.json()) as { id: string };
  const form = new URLSearchParams({ email: 'fan@example.com', number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123', name: 'Erika Mustermann', line1: 'Hauptstraße 1', postal_code: '10115', city: 'Berlin', country: 'DE' });
  await fetch(`${local.url}/c/pay/${id}`, { method: 'POST', body: form, redirect: 'manual' });
  const session = await stripe.checkout.sessions.retrieve(id);
  const payload = JSON.stringify({ id: `evt_test_${id.slice(-12)}`, object: 'event', type: 'checkout.session.completed', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), livemode: false, data: { object: session } });
  const header = await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret: webhookSecret });
  expect((await a.request('/api/webhooks/stripe', { method: 'POST', headers: { 'Stripe-Signature': header, 'Content-Type': 'application/json' }, body: payload })).status).toBe(200);
  const summary = (await (await a.request(`/api/checkout/sessions/${id}`)).json()) as CheckoutSessionSummary;
  return { id, session, summary };
}

const write = (a: ReturnType<typeof app>, method: 'POST' | 'PUT', body: unknown) =>
  a.request('/api/reviews', { method, headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify(body) });
const code = async (res: Response) => ((await res.json()) as ApiErrorBody).error.code;
const page = async (a: ReturnType<typeof app>, productId: string, query = '') => (await (await a.request(`/api/reviews/${productId}${query}`)).json()) as ReviewsPageResponse;

beforeAll(async () => {
  [local, data] = await Promise.all([startLocalStripe({ webhookSecret, log: () => {} }), inMemoryData()]);
  stripe = sdkFor(local, { maxNetworkRetries: 0 });
}, 60_000);
afterAll(() => Promise.all([local.close(), data.close()]));
beforeEach(async () => {
  await data.empty();
  clock = Date.now();
});

describe('review tokens of a paid order', () => {
  it('come with the paid confirmation and the onOrder hook, the same token, naming what was bought', async () => {
    const a = app();
    const { id, summary } = await paidOrder(a, [{ productId: 'espresso-blend', variantId: 'espresso-1kg-whole', quantity: 1 }, { productId: 'bircher-muesli-mix', quantity: 2 }]);
    expect(summary.paid).toBe(true);
    expect(summary.review?.products).toEqual([
      { productId: 'espresso-blend', variantId: 'espresso-1kg-whole' },
      { productId: 'bircher-muesli-mix', variantId: null },
    ]);
    const notice = hooked.find((o) => o.id === id);
    expect(notice?.review?.token).toBe(summary.review?.token);
    expect(notice?.review?.url).toBe(`https://shop.example/shop#/review/${summary.review?.token}`);
    // Valid for REVIEW_TOKEN_DAYS after payment, whenever it is asked for.
    expect(Date.parse(summary.review!.expiresAt)).toBeGreaterThan(Date.now() + 100 * DAY);
  });

  it('are not given for an unpaid session, nor when the shop has no review secret', async () => {
    const a = app();
    const res = await a.request('/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin, 'X-Test-Client': 'unpaid' }, body: JSON.stringify({ lines: [{ productId: 'bircher-muesli-mix', quantity: 1 }], returnUrl: `${origin}/shop` }) });
    const { id } = (await res.json()) as { id: string };
    const unpaid = (await (await a.request(`/api/checkout/sessions/${id}`)).json()) as CheckoutSessionSummary;
    expect(unpaid.paid).toBe(false);
    expect(unpaid).not.toHaveProperty('review');
    const { summary } = await paidOrder(app({ tokens: undefined }), [{ productId: 'bircher-muesli-mix', quantity: 1 }]);
    expect(summary.paid).toBe(true);
    expect(summary).not.toHaveProperty('review');
  });
});

describe('POST /api/reviews', () => {
  it('puts the stars on the card at once, whatever the cache of ratings, and a change of them too', async () => {
    const a = app();
    const envelope = async () => ((await (await a.request('/catalog.json?fanshop=1')).json()) as { ratings?: Record<string, unknown> }).ratings;
    const { summary } = await paidOrder(a, [{ productId: 'bircher-muesli-mix', quantity: 1 }]);
    // Read now, and kept for 2 s (reviews/ratings.ts): the write below must not wait for that.
    expect(await envelope()).toBeUndefined();
    const body = { token: summary.review!.token, productId: 'bircher-muesli-mix', rating: 5, language: 'en' };
    expect((await write(a, 'POST', body)).status).toBe(201);
    expect(await envelope()).toEqual({ 'bircher-muesli-mix': { average: 5, count: 1 } });
    expect((await write(a, 'PUT', { ...body, rating: 3 })).status).toBe(200);
    expect(await envelope()).toEqual({ 'bircher-muesli-mix': { average: 3, count: 1 } });
    expect(await (await a.request('/shop')).text()).toContain('★ 3.0 (1)');
  });

  it('publishes a buyer’s review at once, which the product’s page and aggregates then count', async () => {
    const a = app();
    const { summary } = await paidOrder(a, [{ productId: 'espresso-blend', variantId: 'espresso-1kg-whole', quantity: 1 }]);
    const res = await write(a, 'POST', { token: summary.review!.token, productId: 'espresso-blend', rating: 4, text: '  Rich <b>crema</b>\r\n\r\n\r\n\r\nevery morning\u0007 ', language: 'EN-gb' });
    expect(res.status).toBe(201);
    const { review } = (await res.json()) as ReviewWriteResponse;
    expect(review).toMatchObject({ productId: 'espresso-blend', variantId: 'espresso-1kg-whole', rating: 4, text: 'Rich <b>crema</b>\n\nevery morning', name: null, language: 'en-GB', status: 'published', verifiedBuyer: true });
    expect(Date.parse(review.editableUntil) - Date.parse(review.createdAt)).toBe(30 * DAY);
    expect(review).not.toHaveProperty('orderId');
    const list = await page(a, 'espresso-blend');
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 10, sort: 'newest', rating: null, aggregate: { count: 1, average: 4, stars: [0, 0, 0, 1, 0] } });
    // The public copy: the author's without its status and edit window (toEqual ignores undefined keys).
    expect(list.reviews).toEqual([{ ...review, status: undefined, editableUntil: undefined }]);
    expect(Object.keys(list.reviews[0]!)).not.toContain('status');
    expect(JSON.stringify(list)).not.toContain('cs_test_');
    const aggregates = (await (await a.request('/api/reviews?ids=espresso-blend,bircher-muesli-mix,no-such-product')).json()) as ReviewAggregatesResponse;
    expect(aggregates.aggregates).toEqual({ 'espresso-blend': { count: 1, average: 4, stars: [0, 0, 0, 1, 0] }, 'bircher-muesli-mix': { count: 0, average: 0, stars: [0, 0, 0, 0, 0] } });
  });

  it('refuses a second review of the same product from the same order with 409', async () => {
    const a = app();
    const { summary } = await paidOrder(a, [{ productId: 'bircher-muesli-mix', quantity: 1 }]);
    const body = { token: summary.review!.token, productId: 'bircher-muesli-mix', rating: 5, language: 'en' };
    expect((await write(a, 'POST', body)).status).toBe(201);
    const again = await write(a, 'POST', { ...body, rating: 1 });
    expect(again.status).toBe(409);
    expect(await code(again)).toBe('review_exists');
    expect((await page(a, 'bircher-muesli-mix')).aggregate).toMatchObject({ count: 1, average: 5 });
  });

  it('refuses a forged, tampered or expired token, and a product the order did not buy, with 403', async () => {
    const a = app();
    const { summary } = await paidOrder(a, [{ productId: 'bircher-muesli-mix', quantity: 1 }]);
    const token = summary.review!.token;
    const [version, claims, signature] = token.split('.') as [string, string, string];
    const body = { productId: 'bircher-muesli-mix', rating: 5, language: 'en' };
    // Signed with another secret: the same claims, another shop's signature.
    const forged = await reviewTokens('another-secret-of-at-least-32-characters').sign({ orderId: 'cs_test_forged', products: [{ productId: 'bircher-muesli-mix', variantId: null }], expiresAt: new Date(clock + DAY) });
    // The claims changed to name another product, the signature kept.
    const wire = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { p: [string, string | null][] };
    wire.p.push(['espresso-blend', null]);
    const tampered = `${version}.${Buffer.from(JSON.stringify(wire)).toString('base64url')}.${signature}`;
    for (const [bad, expected] of [
      [forged, 'review_token_invalid'],
      [tampered, 'review_token_invalid'],
      [`${token}x`, 'review_token_invalid'],
      ['r1.e30.AAAA', 'review_token_invalid'],
      ['not a token', 'review_token_invalid'],
    ] as const) {
      const res = await write(a, 'POST', { ...body, token: bad, productId: bad === tampered ? 'espresso-blend' : body.productId });
      expect(res.status, bad).toBe(403);
      expect(await code(res)).toBe(expected);
    }
    const notBought = await write(a, 'POST', { ...body, token, productId: 'espresso-blend' });
    expect(notBought.status).toBe(403);
    expect(await code(notBought)).toBe('product_not_in_order');
    clock = Date.parse(summary.review!.expiresAt);
    const expired = await write(a, 'POST', { ...body, token });
    expect(expired.status).toBe(403);
    expect(await code(expired)).toBe('review_token_expired');
    expect((await page(a, 'bircher-muesli-mix')).total).toBe(0);
  });

  it('answers a bad body with 400 and every reason', async () => {
    const a = app();
    const res = await write(a, 'POST', { token: '', productId: 'bircher-muesli-mix', rating: 6, text: 'x'.repeat(2001), language: 'english' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ApiErrorBody;
    expect(error.code).toBe('invalid_request');
    expect(error.issues?.map((i) => i.path)).toEqual(['token', 'rating', 'text', 'language']);
    expect(error.message).toContain('rating must be at most 5 stars');
    const notJson = await a.request('/api/reviews', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(await code(notJson)).toBe('malformed_json');
    const tooBig = await a.request('/api/reviews', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(64 * 1024) });
    expect(tooBig.status).toBe(413);
  });

  it('holds reviews for the merchant when moderation says so: the author sees pending, the public nothing', async () => {
    const a = app({ moderation: 'hold' });
    const { summary } = await paidOrder(a, [{ productId: 'bircher-muesli-mix', quantity: 1 }]);
    const res = await write(a, 'POST', { token: summary.review!.token, productId: 'bircher-muesli-mix', rating: 2, text: 'Too sweet', language: 'en' });
    expect(((await res.json()) as ReviewWriteResponse).review.status).toBe('pending');
    expect((await page(a, 'bircher-muesli-mix')).total).toBe(0);
  });

  it('says reviews are not set up (503) without a review secret, and limits writes per client', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const off = await write(app({ tokens: undefined }), 'POST', { token: 'r1.a.b', productId: 'bircher-muesli-mix', rating: 5, language: 'en' });
    expect(off.status).toBe(503);
    expect(await code(off)).toBe('reviews_not_configured');
    const a = app({ rateLimitPerMinute: 1 });
    const body = { token: 'r1.a.b', productId: 'bircher-muesli-mix', rating: 5, language: 'en' };
    expect((await write(a, 'POST', body)).status).toBe(403);
    expect((await write(a, 'POST', body)).status).toBe(429);
    vi.restoreAllMocks();
  });
});

describe('PUT /api/reviews', () => {
  it('lets the author change the review with the same token for 30 days, not after', async () => {
    const a = app();
    const { summary } = await paidOrder(a, [{ productId: 'bircher-muesli-mix', quantity: 1 }]);
    const body = { token: summary.review!.token, productId: 'bircher-muesli-mix', language: 'en' };
    expect(await code(await write(a, 'PUT', { ...body, rating: 3 }))).toBe('review_not_found');
    const created = ((await (await write(a, 'POST', { ...body, rating: 5, text: 'Lovely' })).json()) as ReviewWriteResponse).review;
    clock += 29 * DAY;
    const res = await write(a, 'PUT', { ...body, rating: 3, text: 'Good, a bit dry', name: 'Erika' });
    expect(res.status).toBe(200);
    const { review } = (await res.json()) as ReviewWriteResponse;
    expect(review).toMatchObject({ id: created.id, rating: 3, text: 'Good, a bit dry', name: 'Erika', createdAt: created.createdAt, status: 'published' });
    expect(Date.parse(review.updatedAt)).toBe(clock);
    clock += 2 * DAY;
    const late = await write(a, 'PUT', { ...body, rating: 1 });
    expect(late.status).toBe(403);
    expect(await code(late)).toBe('review_edit_closed');
    expect((await page(a, 'bircher-muesli-mix')).reviews[0]?.rating).toBe(3);
  });
});

describe('the edit window', () => {
  it('ends with the token when that ends sooner than 30 days after writing', async () => {
    const a = app();
    const { summary } = await paidOrder(a, [{ productId: 'bircher-muesli-mix', quantity: 1 }]);
    clock = Date.parse(summary.review!.expiresAt) - 5 * DAY;
    const res = await write(a, 'POST', { token: summary.review!.token, productId: 'bircher-muesli-mix', rating: 5, language: 'en' });
    expect(((await res.json()) as ReviewWriteResponse).review.editableUntil).toBe(summary.review!.expiresAt);
  });
});

describe('POST /api/reviews/own', () => {
  it('tells the author what the order may review and what it has reviewed, in any status', async () => {
    const a = app({ moderation: 'hold' });
    const { summary } = await paidOrder(a, [{ productId: 'bircher-muesli-mix', quantity: 1 }, { productId: 'espresso-blend', variantId: 'espresso-1kg-whole', quantity: 1 }]);
    const token = summary.review!.token;
    await write(a, 'POST', { token, productId: 'espresso-blend', rating: 4, language: 'de' });
    const own = (token: unknown) => a.request('/api/reviews/own', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ token }) });
    const res = await own(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      expiresAt: summary.review!.expiresAt,
      products: summary.review!.products,
      reviews: [expect.objectContaining({ productId: 'espresso-blend', rating: 4, status: 'pending' })],
    });
    expect(await code(await own(`${token}x`))).toBe('review_token_invalid');
    expect((await own(42)).status).toBe(400);
  });
});

describe('GET /api/reviews/:productId', () => {
  it('pages 10 at a time, sorts and filters by stars, and refuses what it cannot read', async () => {
    const a = app();
    for (let i = 0; i < 12; i += 1) {
      await data.reviews.createReview({ id: `rev-${i}`, productId: 'bircher-muesli-mix', variantId: null, orderId: `cs_test_${i}`, rating: ((i % 5) + 1) as 1, text: null, name: null, language: 'en', status: 'published', createdAt: new Date(clock + i * 1000).toISOString(), updatedAt: new Date(clock + i * 1000).toISOString() });
    }
    const first = await page(a, 'bircher-muesli-mix');
    expect(first.reviews.map((r) => r.id)).toEqual(['rev-11', 'rev-10', 'rev-9', 'rev-8', 'rev-7', 'rev-6', 'rev-5', 'rev-4', 'rev-3', 'rev-2']);
    expect((await page(a, 'bircher-muesli-mix', '?page=2')).reviews.map((r) => r.id)).toEqual(['rev-1', 'rev-0']);
    expect((await page(a, 'bircher-muesli-mix', '?sort=lowest')).reviews[0]?.rating).toBe(1);
    expect((await page(a, 'bircher-muesli-mix', '?sort=highest')).reviews.slice(0, 2).map((r) => r.id)).toEqual(['rev-9', 'rev-4']);
    const fives = await page(a, 'bircher-muesli-mix', '?rating=5');
    expect([fives.total, fives.rating, fives.aggregate.count]).toEqual([2, 5, 12]);
    for (const bad of ['?page=0', '?sort=best', '?rating=6']) expect((await a.request(`/api/reviews/bircher-muesli-mix${bad}`)).status).toBe(400);
    expect(await code(await a.request('/api/reviews/no-such-product'))).toBe('unknown_product');
    expect((await a.request('/api/reviews/bircher-muesli-mix', { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
  });
});

describe('a hidden review', () => {
  it('reaches no public answer: the list, the aggregates, the product page and the feed', async () => {
    const a = app();
    const { summary } = await paidOrder(a, [{ productId: 'bircher-muesli-mix', quantity: 1 }]);
    const text = 'A secret <script>alert(1)</script> “text”';
    const { review } = (await (await write(a, 'POST', { token: summary.review!.token, productId: 'bircher-muesli-mix', rating: 1, text, language: 'en' })).json()) as ReviewWriteResponse;
    const everywhere = async () => [
      JSON.stringify(await page(a, 'bircher-muesli-mix')),
      await (await a.request('/api/reviews?ids=bircher-muesli-mix')).text(),
      await (await a.request('/p/bircher-muesli-mix')).text(),
      await (await a.request('/feeds/meta-reviews.csv')).text(),
    ];
    const shown = await everywhere();
    expect(shown[0]).toContain(review.id);
    expect(shown[1]).toContain('"count":1');
    expect(shown[2]).toContain('"aggregateRating"');
    expect(shown[2]).not.toContain('<script>alert(1)');
    expect(shown[3]).toContain(review.id);
    await data.reviews.setReviewStatus(review.id, 'hidden');
    const hidden = await everywhere();
    for (const answer of hidden) {
      expect(answer).not.toContain(review.id);
      expect(answer).not.toContain('A secret');
    }
    expect(hidden[1]).toContain('"count":0');
    expect(hidden[2]).not.toContain('aggregateRating');
  });
});
