import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import { observedStock } from './observed-stock';
import { READ_AHEAD_DELAY_MS } from '../data/recent-read';

/** What shoppers, crawlers and Meta see of stock: what can be bought now, not the number in the file. */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
});
afterAll(() => data.close());

const later = () => new Promise((resolve) => setTimeout(resolve, 2100));
const stockOf = async (app: ReturnType<typeof createApp>, id: string) => {
  const res = await app.request('/catalog.json?fanshop=1');
  const envelope = (await res.json()) as { catalog: { products: { id: string; stock?: number; variants: { id: string; stock?: number }[] }[] } };
  return { res, product: envelope.catalog.products.find((p) => p.id === id)! };
};

describe('live stock', () => {
  it('reaches the widget’s catalog, the product page and the feed, and the merchant’s file stays as written', async () => {
    const stock = observedStock(data.stock);
    const app = createApp({ catalog: { read: async () => demo }, stock });
    const before = await stockOf(app, 'ceramic-pour-over-dripper');
    expect(before.product.stock).toBe(1);
    expect(before.res.headers.get('Cache-Control')).toBe('public, max-age=3, must-revalidate');
    const page = async () => (await app.request('/p/ceramic-pour-over-dripper', { headers: { 'Accept-Language': 'en' } })).text();
    expect(await page()).not.toContain('availability sold-out');
    const soldOutInFeed = async () => (await (await app.request('/feeds/meta.csv')).text()).split('out of stock').length - 1;
    const soldOutBefore = await soldOutInFeed();
    // `/shop`'s card, from the page kept beside its first view (app.ts): a new page with new stock.
    const shopCard = async () => {
      const shop = await (await app.request('/shop', { headers: { 'Accept-Language': 'en' } })).text();
      return shop.slice(shop.indexOf('data-product-id="ceramic-pour-over-dripper"'), shop.indexOf('</article>', shop.indexOf('data-product-id="ceramic-pour-over-dripper"')));
    };
    expect(await shopCard()).not.toContain('sold-out');

    // Held through this server's store (as checkout holds): shown on the next answer.
    const held = await stock.reserve('a-shopper', [{ item: 'ceramic-pour-over-dripper', stock: 1, quantity: 1 }, { item: 'stoneware-mug/mug-sage', stock: 3, quantity: 2 }], new Date(Date.now() + 60_000), new Date());
    expect(held.ok).toBe(true);
    const after = await stockOf(app, 'ceramic-pour-over-dripper');
    expect(after.product.stock).toBe(0);
    expect(await shopCard()).toContain('sold-out');
    expect(after.res.headers.get('ETag')).not.toBe(before.res.headers.get('ETag'));
    expect((await stockOf(app, 'stoneware-mug')).product.variants.find((v) => v.id === 'mug-sage')?.stock).toBe(1);
    expect(await page()).toContain('availability sold-out');
    // The dripper, and nothing else (one sage mug is left).
    expect(await soldOutInFeed()).toBe(soldOutBefore + 1);
    // A client holding the old ETag gets the new stock, not a 304.
    expect((await app.request('/catalog.json?fanshop=1', { headers: { 'If-None-Match': before.res.headers.get('ETag')! } })).status).toBe(200);
    // The file as the merchant wrote it.
    expect(await (await app.request('/catalog.json')).text()).toBe(demo);

    // Held elsewhere (another instance on the same database): after a quiet spell of over 2 s,
    // the first answer is the last one read, and the read it starts is the next answer's.
    const mug = async () => (await stockOf(app, 'stoneware-mug')).product.variants.find((v) => v.id === 'mug-sage')?.stock;
    expect((await data.stock.reserve('elsewhere', [{ item: 'stoneware-mug/mug-sage', stock: 3, quantity: 1 }], new Date(Date.now() + 60_000), new Date())).ok).toBe(true);
    await later();
    expect(await mug()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, READ_AHEAD_DELAY_MS + 200));
    expect(await mug()).toBe(0);
  }, 30_000);

  it('serves the catalog’s own numbers, and says why in the log, when the stock cannot be read', async () => {
    const broken = { ...data.stock, available: async () => Promise.reject(new Error('database is gone')) };
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const app = createApp({ catalog: { read: async () => demo }, stock: broken });
      const { res, product } = await stockOf(app, 'ceramic-pour-over-dripper');
      expect(res.status).toBe(200);
      expect(product.stock).toBe(1);
    } finally {
      console.error = original;
    }
    expect(errors.flat().join(' ')).toContain('cannot read live stock');
  });
});
