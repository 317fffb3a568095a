// @vitest-environment happy-dom

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generatedCatalog } from '../../../scripts/big-catalog.mjs';
import demo from '../../../public/catalog.json';
import { idBucket } from '../../core/catalog/static-site';
import { staticSiteFiles } from '../../core/catalog/static-files';
import type { Shop } from './context';
import { ensureProducts, showMore, showResults } from './remote';
import { catalogReadyState, createShopStore } from './store';
import { untrustedCatalog } from './untrusted-catalog';

/**
 * The widget on a static site: the files `fanshop build` writes for 1,000 generated products
 * (scripts/big-catalog.mjs), served by a stand-in fetch at https://cdn.example/site/, which counts what is asked.
 */
const SITE = 'https://cdn.example/site/';
let files: Map<string, string>;
let asked: string[] = [];
let broken: (name: string, text: string) => string = (_, text) => text;
const big = generatedCatalog(JSON.stringify(demo), 1000).json as { products: { id: string }[] };
/** The files' names carry a hash of their content: any will do here, of 12 letters. */
const hash = (text: string) => String(idBucket(text, 1e12)).padStart(12, '0');

beforeAll(() => {
  files = staticSiteFiles(big, { image: (src) => src, hash });
  vi.stubGlobal('fetch', async (url: string) => {
    const name = new URL(url).pathname.replace('/site/', '');
    asked.push(name.replace(/\.\w{12}\.json$/, '').replace(/^catalog-ids-\d+$/, 'catalog-ids'));
    const text = files.get(name);
    return text === undefined ? new Response('', { status: 404 }) : new Response(broken(name, text), { headers: { 'Content-Type': 'application/json' } });
  });
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  asked = [];
  broken = (_, text) => text;
});

const firstPage = () => JSON.parse(files.get('catalog.json')!) as Record<string, unknown>;

function staticShop(): Shop {
  const loaded = untrustedCatalog(firstPage(), `${SITE}catalog.json`);
  if (!loaded.ok) throw new Error('the first page did not load');
  const store = createShopStore();
  store.setState(catalogReadyState(loaded));
  return { store, config: { catalog: `${SITE}catalog.json` }, events: { emit() {} } } as unknown as Shop;
}

/** The grid's results once the source has answered. */
async function settled(shop: Shop) {
  await vi.waitFor(() => expect(shop.store.getState().results?.pending).toBeFalsy());
  return shop.store.getState().results!;
}

describe('a static first page', () => {
  it('loads as the first 48 products with the files of the rest as absolute URLs', () => {
    const loaded = untrustedCatalog(firstPage(), `${SITE}catalog.json`);
    expect(loaded).toMatchObject({ ok: true, paged: { total: 1000, shardSize: 25, shards: expect.stringMatching(/^catalog-products-\{n\}\.\w{12}\.json$/), endpoint: expect.stringMatching(/^https:\/\/cdn\.example\/site\/catalog-index\.\w{12}\.json$/) } });
    if (!loaded.ok) return;
    expect(loaded.catalog.products).toHaveLength(48);
  });

  it.each([
    ['a paging of another format', { format: 'other' }],
    ['shards in another folder', { shards: '../../secret-{n}.json' }],
    ['shards without {n}', { shards: 'catalog-products.json' }],
    ['a directory without {n}', { directory: 'catalog-ids.json' }],
    ['a total below the products it has', { total: 10 }],
  ])('is refused with %s', (_, change) => {
    const page = firstPage();
    expect(untrustedCatalog({ ...page, paged: { ...(page.paged as object), ...change } }, `${SITE}catalog.json`)).toEqual({ ok: false, kind: 'invalid' });
  });
});

describe('browsing a static site', () => {
  it('searches the index, fetched once, and brings the cards of the page from their shards', async () => {
    const shop = staticShop();
    shop.store.setState({ query: 'batch' });
    showResults(shop);
    const results = await settled(shop);
    expect(results.failed).toBeFalsy();
    expect(asked.filter((name) => name === 'catalog-index')).toHaveLength(1);
    shop.store.setState({ query: 'espresso', sort: 'price-asc' });
    showResults(shop);
    await vi.waitFor(() => expect(shop.store.getState().results?.key).toContain('espresso'));
    const sorted = (await settled(shop)).products;
    expect(sorted.length).toBeGreaterThan(1);
    expect(asked.filter((name) => name === 'catalog-index')).toHaveLength(1);
    // Each shard once, however many pages need it.
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('shows more in catalog order from the next shard, with image URLs from the site', async () => {
    const shop = staticShop();
    showMore(shop);
    const results = await settled(shop);
    expect(results.products.map((p) => p.id)).toEqual(big.products.slice(0, 96).map((p) => p.id));
    expect(asked).toEqual(['catalog-index', 'catalog-products-1', 'catalog-products-2', 'catalog-products-3']);
    expect(results.products[60]!.images[0]!.src).toMatch(/^https:\/\/cdn\.example\/site\/images\//);
  });

  it('finds a product on a late shard by its id through its directory file, without the index, and says which ids the catalog does not have', async () => {
    const shop = staticShop();
    expect(await ensureProducts(shop, ['espresso-blend-930', 'no-such-product'])).toEqual(['no-such-product']);
    expect(asked.sort()).toEqual(['catalog-ids', 'catalog-ids', 'catalog-products-37']);
    expect(shop.store.getState().catalog!.products.find((p) => p.id === 'espresso-blend-930')).toMatchObject({ position: 930 });
  });

  it('finds products by id in the index once it is there', async () => {
    const shop = staticShop();
    showMore(shop);
    await settled(shop);
    asked = [];
    expect(await ensureProducts(shop, ['espresso-blend-930'])).toEqual([]);
    expect(asked).toEqual(['catalog-products-37']);
  });

  it('orders "Most liked" by the shopper\'s own likes first, then in catalog order, without a server', async () => {
    localStorage.setItem('fanshop:likes:nordlicht', JSON.stringify(['espresso-blend-930']));
    const shop = staticShop();
    shop.store.setState({ sort: 'liked' });
    showResults(shop);
    await vi.waitFor(() => expect(shop.store.getState().results?.key).toContain('liked'));
    const results = await settled(shop);
    expect(results.products.slice(0, 3).map((p) => p.id)).toEqual(['espresso-blend-930', big.products[0]!.id, big.products[1]!.id]);
    localStorage.clear();
  });

  it('refuses a directory file that says a product is past the catalog', async () => {
    const shop = staticShop();
    broken = (name, text) => (name.startsWith('catalog-ids-') ? text.replace(/:(\d+)/g, ':100000') : text);
    await expect(ensureProducts(shop, ['espresso-blend-930'])).rejects.toThrow(/does not say where products are/);
  });

  it('refuses a shard that is not a valid list of products, and asks for it again next time', async () => {
    const shop = staticShop();
    broken = (name, text) => (name.startsWith('catalog-products-37.') ? text.replace(/"price":(\d+)/, '"price":"$1"') : text);
    await expect(ensureProducts(shop, ['espresso-blend-930'])).rejects.toThrow(/has problems/);
    broken = (_, text) => text;
    expect(await ensureProducts(shop, ['espresso-blend-930'])).toEqual([]);
  });

  it('says a search failed when the index is not one, keeping the results on screen', async () => {
    const shop = staticShop();
    broken = (name, text) => (name.startsWith('catalog-index') ? text.replace('"words":[', '"words":[1,') : text);
    shop.store.setState({ query: 'espresso' });
    showResults(shop);
    await vi.waitFor(() => expect(shop.store.getState().results?.failed).toBe(true));
    expect(shop.store.getState().results!.products).toHaveLength(48);
  });
});

