import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';
import type { ProductPage } from '../../core/api/products';
import { isCatalogEnvelope } from '../../core/catalog/envelope';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import { generatedCatalog } from '../../../scripts/big-catalog.mjs';
import { WHOLE_CATALOG_MAX_PRODUCTS } from './products-route';

const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const big = generatedCatalog(demo, 1000);
let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
});
afterAll(() => data.close());

const appWith = (text: string) =>
  createApp({
    catalog: { read: async () => text },
    stock: data.stock,
    likes: { store: data.likes, rateLimitPerMinute: 1000, allowedOrigins: [], clientAddress: () => 'test' },
  });
const page = async (app: ReturnType<typeof appWith>, query: string) => {
  const res = await app.request(`/api/products${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ProductPage;
};

describe('a catalog too big to travel whole', () => {
  it('arrives parsed with its first page of cards, its size and the endpoint for the rest', async () => {
    const res = await appWith(big.text).request('/catalog.json?fanshop=1');
    const body = await res.json();
    expect(isCatalogEnvelope(body)).toBe(true);
    expect(body.catalog.products.map((p: { id: string }) => p.id)).toEqual(big.json.products.slice(0, 48).map((p) => p.id));
    expect(body.paged.total).toBe(1000);
    expect(body.paged.endpoint).toBe('/api/products');
    expect(Object.values(body.paged.categories as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(1000);
    // The whole catalog would be 20 times bigger.
    expect(JSON.stringify(body).length).toBeLessThan(big.text.length / 10);
  });

  it('while a small one still travels whole', async () => {
    const body = await (await appWith(demo).request('/catalog.json?fanshop=1')).json();
    expect(body.paged).toBeUndefined();
    expect(body.catalog.products.length).toBe(JSON.parse(demo).products.length);
    expect(JSON.parse(demo).products.length).toBeLessThanOrEqual(WHOLE_CATALOG_MAX_PRODUCTS);
  });
});

describe('GET /api/products', () => {
  let app: ReturnType<typeof appWith>;
  beforeAll(() => {
    app = appWith(big.text);
  });

  it('pages through the catalog in its order', async () => {
    const second = await page(app, '?offset=48&limit=48');
    expect(second.total).toBe(1000);
    expect(second.offset).toBe(48);
    expect(second.products.map((p) => p.id)).toEqual(big.json.products.slice(48, 96).map((p) => p.id));
  });

  it('searches, with the category counts of the search whatever category is chosen', async () => {
    const all = await page(app, '?q=muesli');
    expect(all.total).toBeGreaterThan(0);
    expect(all.products.every((p) => /muesli|müsli/i.test(JSON.stringify(p)))).toBe(true);
    const inPantry = await page(app, '?q=muesli&category=pantry');
    expect(inPantry.categories).toEqual(all.categories);
    expect(inPantry.total).toBe(all.categories.pantry);
    // The product's own word finds the product alone.
    const one = await page(app, '?q=batch517');
    expect(one.products.map((p) => p.id)).toEqual([big.json.products[517]!.id]);
  });

  it('sorts by price as the cards show it', async () => {
    const cheap = await page(app, '?sort=price-asc&limit=100');
    const prices = cheap.products.map((p) => p.variants.length ? Math.min(...p.variants.map((v) => v.price)) : p.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('sorts by likes over the whole catalog', async () => {
    const liked = big.json.products[900]!.id;
    await data.likes.setLike(liked, 'shopper-products-route-1', true);
    const res = await appWith(big.text).request('/api/products?sort=liked&limit=1');
    expect(((await res.json()) as ProductPage).products[0]!.id).toBe(liked);
    expect(res.headers.get('ETag')).toBeNull();
  });

  it('gives the products asked for by id, in that order, leaving out ids it does not have', async () => {
    const ids = [big.json.products[700]!.id, 'no-such-product', big.json.products[3]!.id];
    const res = await page(app, `?ids=${ids.join(',')}`);
    expect(res.products.map((p) => p.id)).toEqual([ids[0], ids[2]]);
  });

  it('answers a repeat query with 304 by its ETag', async () => {
    const first = await app.request('/api/products?q=tea');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"q/);
    expect((await app.request('/api/products?q=tea', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it.each([
    ['sort=constructor', '?sort=constructor', 'sort is one of'],
    ['limit=0', '?limit=0', 'limit is a whole number'],
    ['limit=101', '?limit=101', 'limit is a whole number'],
    ['offset=-1', '?offset=-1', 'offset is a whole number'],
    ['offset=1e3', '?offset=1e3', 'offset is a whole number'],
    ['a search of 101 characters', `?q=${'a'.repeat(101)}`, 'at most 100 characters'],
    ['101 ids', `?ids=${Array.from({ length: 101 }, (_, i) => `p${i}`).join(',')}`, 'at most 100 products'],
  ])('refuses %s with a 400 that says why', async (_name, query, why) => {
    const res = await app.request(`/api/products${query}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain(why);
  });

  it('answers 503 when the catalog has problems', async () => {
    const res = await appWith('{"products": 1}').request('/api/products');
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('catalog_unavailable');
  });

  it('shows live stock: a product sold out since the catalog was written is sold out in its page', async () => {
    const tracked = big.json.products.find((p) => (p.stock ?? 0) > 0) as { id: string; stock: number };
    const fresh = appWith(big.text);
    const reserved = await data.stock.reserve('products-route-test', [{ item: tracked.id, quantity: tracked.stock, stock: tracked.stock }], new Date(Date.now() + 60_000), new Date());
    expect(reserved.ok).toBe(true);
    const res = await page(fresh, `?ids=${tracked.id}`);
    expect(res.products[0]!.stock).toBe(0);
  });
});
