// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { inMemoryData, type InMemoryData } from '../../server/data/postgres/memory';
import type { Order } from '../../server/orders/order';
import { parseCatalog } from '../../core/catalog/parse';
import type { Catalog } from '../../core/catalog/types';
import { createCartStore } from '../cart/state';
import { resolveConfig } from '../config';
import type { Shop } from './context';
import { cartRow, productRows } from './recommendations';
import { catalogReadyState, createShopStore } from './store';

/**
 * The rows from the widget's side, against the real server (server/app.ts through
 * app.request(), likes and orders in PGlite in memory): the server's ids become the widget's
 * products, in the server's order, and what the widget cannot show is left out.
 */
const origin = 'https://shop.example';
const product = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: id.toUpperCase(), price: 1000, category: 'tees', ...extra });
const file = {
  shop: { id: 'fans', name: 'Fans', currency: 'EUR', defaultLocale: 'en', baseUrl: origin },
  categories: [{ id: 'tees', title: 'Tees' }],
  products: [product('t'), product('a'), product('b'), product('e'), product('g')],
};
let data: InMemoryData;
let app: ReturnType<typeof createApp>;
const asked: string[] = [];
const transport = { origin, fetch: async (url: string, init: RequestInit) => (asked.push(url), app.request(url, init)) };

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
  for (const id of ['t', 'a', 'e']) await data.likes.setLike(id, 's1', true);
  for (const id of ['t', 'a']) await data.likes.setLike(id, 's2', true);
  await data.orders.saveOrder(order('cs_1', ['t', 'b']));
  app = createApp({
    catalog: { read: async () => JSON.stringify(file) },
    stock: data.stock,
    likes: { store: data.likes, rateLimitPerMinute: 1000, allowedOrigins: [], clientAddress: () => 'test' },
    recommendations: { store: data.recommendations, readLimitPerMinute: 1000, clientAddress: () => 'test' },
  });
}, 60_000);
afterAll(async () => data?.close());
afterEach(() => {
  asked.length = 0;
  vi.unstubAllGlobals();
});

function parsed(products = file.products): Catalog {
  const result = parseCatalog({ ...file, products });
  if (!result.ok) throw new Error('test catalog is invalid');
  return result.catalog;
}

function shop(catalog: Catalog, paged?: { total: number }) {
  const store = createShopStore();
  const endpoint = `${origin}/api/products`;
  store.setState(catalogReadyState({ catalog, served: true, paged: paged && { total: paged.total, endpoint, categories: {} } as never }));
  return { config: resolveConfig({ catalog: `${origin}/catalog.json` }), store, cart: createCartStore() } as unknown as Shop;
}

const ids = (rows: readonly { product: { id: string }; source: string }[]) => rows.map((r) => `${r.product.id}:${r.source}`);

describe('productRows', () => {
  it('gives the product view the server’s rows as the widget’s own products', async () => {
    const catalog = parsed();
    const rows = await productRows(shop(catalog), 't', transport);
    expect(asked).toEqual([`${origin}/api/recommendations/t`]);
    expect(ids(rows.alsoLiked)).toEqual(['a:likes', 'e:likes', 'b:category', 'g:category']);
    expect(ids(rows.boughtTogether)).toEqual(['b:orders']);
    // The very objects of the store: a card shows what the grid shows.
    expect(rows.alsoLiked[0]!.product).toBe(catalog.products.find((p) => p.id === 'a'));
  });

  it('leaves out a product the widget’s catalog does not have (an older copy of the file)', async () => {
    const rows = await productRows(shop(parsed(file.products.filter((p) => p.id !== 'e'))), 't', transport);
    expect(ids(rows.alsoLiked)).toEqual(['a:likes', 'b:category', 'g:category']);
  });

  it('asks a big catalog’s server for the recommended products it has not been sent', async () => {
    // The first page had only the product itself; the rest comes from GET /api/products?ids=.
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => (asked.push(url), app.request(url, init)));
    const big = shop(parsed(file.products.filter((p) => p.id === 't')), { total: 5 });
    const rows = await productRows(big, 't', transport);
    expect(ids(rows.alsoLiked)).toEqual(['a:likes', 'e:likes', 'b:category', 'g:category']);
    expect(asked).toEqual([`${origin}/api/recommendations/t`, `${origin}/api/products?ids=a,e,b,g`]);
    expect(big.store.getState().catalog!.products.map((p) => p.id).sort()).toEqual(['a', 'b', 'e', 'g', 't']);
  });

  it('fails (and the view shows no rows) when the server refuses', async () => {
    await expect(productRows(shop(parsed()), 'no-such-product', transport)).rejects.toThrow('HTTP 409');
  });
});

describe('cartRow', () => {
  it('recommends from the cart’s products, none of them, and asks nothing for an empty cart', async () => {
    const row = await cartRow(shop(parsed()), ['t', 't'], transport);
    expect(asked).toEqual([`${origin}/api/recommendations?cart=t`]);
    expect(ids(row)).toEqual(['a:likes', 'b:orders', 'e:likes', 'g:category']);
    asked.length = 0;
    expect(await cartRow(shop(parsed()), [], transport)).toEqual([]);
    expect(asked).toEqual([]);
  });
});
