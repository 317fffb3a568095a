import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createApp } from '../app';
import { startLocalStripe } from '../../../tools/stripe-local';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import { sdkFor } from '../../../tools/stripe-local/testing';

/**
 * Generated carts, hostile and ordinary, against the real route and the local test-mode Stripe:
 * none may produce a 5xx, and every session created must charge exactly the catalog's amounts.
 */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const catalog = JSON.parse(demo) as { products: { id: string; price: number; variants?: { id: string; price?: number }[] }[] };
const origin = 'http://localhost:8787';
let local: Awaited<ReturnType<typeof startLocalStripe>>;
let app: ReturnType<typeof createApp>;

let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
  local = await startLocalStripe({ webhookSecret: 'whsec_prop', log: () => {} });
  const stripe = sdkFor(local, { maxNetworkRetries: 0 });
  app = createApp({
    catalog: { read: async () => demo },
    checkout: { stripe, stock: data.stock, shippingCountries: [], allowPromotionCodes: false, allowedOrigins: [origin], maxQuantity: 99, maxLines: 50, rateLimitPerMinute: 1_000_000, maxBodyBytes: 32 * 1024, clientAddress: () => 'prop' },
    webhooks: { stripe, webhookSecret: 'whsec_prop', orders: data.orders, stock: data.stock },
  });
});
afterAll(() => Promise.all([local.close(), data.close()]));

const productIds = catalog.products.map((p) => p.id);
const variantIds = catalog.products.flatMap((p) => (p.variants ?? []).map((v) => v.id));
const priceOf = (productId: string, variantId: string | null | undefined) => {
  const product = catalog.products.find((p) => p.id === productId)!;
  const variant = product.variants?.find((v) => v.id === variantId);
  return variant?.price ?? product.price;
};

const weirdKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', ' ', '../../etc/passwd', 'a'.repeat(300));
const quantity = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.constantFrom(0, -1, -99, 1.5, 0.1, 100, 1e9, Number.MAX_SAFE_INTEGER, '2', '1e3', null, true, [], {}),
  fc.double(),
);
const line = fc.record(
  {
    productId: fc.oneof(fc.constantFrom(...productIds), weirdKey, fc.string()),
    variantId: fc.oneof(fc.constantFrom(...variantIds), fc.constant(null), weirdKey),
    quantity,
    // What a tampering browser adds: none of it may reach Stripe.
    price: fc.integer(),
    unitAmount: fc.integer(),
    unit_amount: fc.integer(),
    total: fc.integer(),
  },
  { requiredKeys: ['productId', 'quantity'] },
);
// Ordinary lines too (a real product, its real variant, a small quantity), so that many carts
// get through and the amount check has sessions to check.
const buyable = catalog.products.filter((p) => p.id !== 'enamel-mug-limited');
const validLine = fc.constantFrom(...buyable).chain((p) =>
  fc.record({
    productId: fc.constant(p.id),
    variantId: p.variants?.length ? fc.constantFrom(...p.variants.map((v) => v.id)) : fc.constant(null),
    quantity: fc.integer({ min: 1, max: 2 }),
    price: fc.integer(),
  }),
);
const body = fc.record({
  lines: fc.array(fc.oneof({ arbitrary: validLine, weight: 6 }, { arbitrary: line, weight: 1 }), { maxLength: 5 }),
  locale: fc.constantFrom('en', 'de', 'xx', undefined),
  returnUrl: fc.oneof({ arbitrary: fc.constant(`${origin}/shop`), weight: 8 }, { arbitrary: fc.constantFrom('javascript:alert(1)', 'https://evil.example/'), weight: 1 }),
});

describe('POST /api/checkout with 1,000 generated carts', () => {
  it('never answers 5xx and never charges other than the catalog', async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(body, async (cart) => {
        // A duplicated line stays a duplicate: the same product twice in one cart.
        const lines = cart.lines.length > 1 && cart.lines[0] ? [...cart.lines, cart.lines[0]] : cart.lines;
        const raw = JSON.stringify({ ...cart, lines }).replace('"productId":"__proto__"', '"__proto__":{"polluted":true},"productId":"__proto__"');
        const res = await app.request('/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: raw });
        expect(res.status).toBeLessThan(500);
        const json = await res.json();
        if (res.status !== 200) {
          expect(typeof json.error.code).toBe('string');
          return;
        }
        created++;
        const session = local.sessions.get(json.id)!.session;
        const expected = new Map<string, number>();
        for (const l of lines) {
          const key = `${l.productId}/${l.variantId ?? ''}`;
          expected.set(key, (expected.get(key) ?? 0) + (l.quantity as number));
        }
        const total = [...expected].reduce((sum, [key, q]) => {
          const [productId, variantId] = key.split('/');
          return sum + priceOf(productId!, variantId || null) * q;
        }, 0);
        expect(session.amount_total).toBe(total);
      }),
      { numRuns: 1000 },
    );
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    // The generator must also reach the success path, or the amount check proves nothing.
    expect(created).toBeGreaterThan(20);
  }, 120_000);
});
