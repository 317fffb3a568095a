import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type Stripe from 'stripe';
import { createApp, type AppOptions } from '../app';
import { startLocalStripe } from '../../../tools/stripe-local';
import { sdkFor } from '../../../tools/stripe-local/testing';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import { apiError } from './api-error';

/**
 * The API's error answers across routes: one code, one status, whichever route answers it, and
 * always `{ error: { code, message } }`.
 */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const origin = 'http://localhost:8787';
let local: Awaited<ReturnType<typeof startLocalStripe>>;
let stripe: Stripe;
let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
  local = await startLocalStripe({ webhookSecret: 'whsec_errors', log: () => {} });
  stripe = sdkFor(local, { maxNetworkRetries: 0 });
});
afterAll(() => Promise.all([local.close(), data.close()]));

function app(catalog: AppOptions['catalog'], extra: Partial<AppOptions> = {}) {
  const shared = { allowedOrigins: [origin], clientAddress: () => 'client' };
  return createApp({
    catalog,
    checkout: { stripe, stock: data.stock, shippingCountries: [], allowPromotionCodes: false, maxQuantity: 99, maxLines: 50, rateLimitPerMinute: 100, maxBodyBytes: 32 * 1024, ...shared },
    likes: { store: data.likes, rateLimitPerMinute: 100, ...shared },
    webhooks: { stripe, webhookSecret: 'whsec_errors', orders: data.orders, stock: data.stock },
    ...extra,
  });
}
const json = { 'Content-Type': 'application/json', Origin: origin };
const checkout = (lines: unknown[]) => ({ method: 'POST', headers: json, body: JSON.stringify({ lines, returnUrl: `${origin}/shop` }) });
const like = { method: 'POST', headers: json, body: JSON.stringify({ shopper: 'shopper-aaaaaaaaaaaa', liked: true }) };

describe('API errors', () => {
  it('answers catalog_unavailable with 503 on every route when the catalog cannot be read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const a = app({ read: async () => Promise.reject(new Error('EACCES /secret/path')) });
    const answers = await Promise.all([
      a.request('/catalog.json'),
      a.request('/api/checkout', checkout([{ productId: 'bircher-muesli-mix', quantity: 1 }])),
      a.request('/api/likes/bircher-muesli-mix', like),
      a.request('/api/likes?ids=bircher-muesli-mix', { headers: { Origin: origin } }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'catalog_unavailable', message: expect.any(String) } });
    }
    vi.restoreAllMocks();
  });

  it('answers unknown_product with the same status on checkout and likes', async () => {
    const a = app({ read: async () => demo });
    const [bought, liked] = await Promise.all([a.request('/api/checkout', checkout([{ productId: 'no-such-product', quantity: 1 }])), a.request('/api/likes/no-such-product', like)]);
    expect(await bought.json()).toMatchObject({ error: { code: 'unknown_product' } });
    expect(await liked.json()).toMatchObject({ error: { code: 'unknown_product' } });
    expect(liked.status).toBe(bought.status);
  });

  it('answers a checkout that is not set up with its own code, not the one for Stripe being unreachable', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const a = createApp({ catalog: { read: async () => demo }, unavailable: { checkout: 'STRIPE_SECRET_KEY is not set', webhooks: 'STRIPE_SECRET_KEY is not set' } });
    const res = await a.request('/api/checkout', checkout([{ productId: 'bircher-muesli-mix', quantity: 1 }]));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'checkout_not_configured', message: 'Checkout is not set up on this shop yet.' } });
    vi.restoreAllMocks();
  });

  it('answers anything a route did not expect with a JSON 500 internal_error, no stack, and logs it with the route', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const a = app({ read: async () => demo }, {});
    const broken = createApp({
      catalog: { read: async () => demo },
      likes: { store: data.likes, rateLimitPerMinute: 100, allowedOrigins: [origin], clientAddress: () => { throw new TypeError('socket is gone'); } },
    });
    const res = await broken.request('/api/likes/bircher-muesli-mix', like);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(text).not.toMatch(/socket is gone|\bat /);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('POST /api/likes/:productId'), expect.any(TypeError));
    expect((await a.request('/api/likes/bircher-muesli-mix', like)).status).toBe(200);
    vi.restoreAllMocks();
  });

  it('carries fields besides code, message and lineIndex', async () => {
    const res = await app({ read: async () => demo }).request('/api/checkout', checkout([{ productId: 'bircher-muesli-mix', quantity: 100 }]));
    expect(await res.json()).toEqual({ error: { code: 'invalid_quantity', message: expect.any(String), lineIndex: 0, maxQuantity: 99 } });
    expect(apiError('invalid_quantity', 'Too many.', { lineIndex: 2, maxQuantity: 99 })).toEqual({ code: 'invalid_quantity', message: 'Too many.', lineIndex: 2, maxQuantity: 99 });
  });
});
