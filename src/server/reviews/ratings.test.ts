import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import type { CatalogEnvelope } from '../../core/catalog/envelope';
import type { ProductPage } from '../../core/api/products';
import type { ProductRatings } from '../../core/api/reviews';
import { generatedCatalog } from '../../../scripts/big-catalog.mjs';
import { recentRatings } from './ratings';
import type { Review, ReviewStatus } from './store';
import { READ_AHEAD_DELAY_MS } from '../data/recent-read';

/**
 * The cards' stars travel with the products: the envelope, its first views (the loader's and
 * the pages'), and `GET /api/products` pages carry the ratings of their rated products, and
 * their ETags and cached first views follow the ratings. Real SQL (PGlite in memory); time is
 * moved through the reviews' `now`.
 */
const demoText = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const MUESLI = 'bircher-muesli-mix';
const MUG = 'stoneware-mug';
let data: InMemoryData;
let clock = Date.parse('2026-11-30T10:00:00Z');

beforeAll(async () => {
  data = await inMemoryData();
});
afterAll(async () => {
  await data.close();
});

function app(catalogText = demoText) {
  return createApp({
    catalog: { read: async () => catalogText },
    stock: data.stock,
    reviews: {
      store: data.reviews,
      tokens: undefined,
      moderation: 'publish',
      rateLimitPerMinute: 1000,
      allowedOrigins: [],
      clientAddress: () => 'test',
      now: () => clock,
    },
  });
}

let orders = 0;
/** A review saved as a paid order's review is (the route's own path is reviews/route.test.ts). */
async function review(productId: string, rating: Review['rating'], status: ReviewStatus = 'published'): Promise<string> {
  const at = new Date(clock).toISOString();
  const id = crypto.randomUUID();
  await data.reviews.createReview({ id, productId, variantId: null, orderId: `cs_test_ratings_${++orders}`, rating, text: null, name: null, language: 'en', status, createdAt: at, updatedAt: at });
  return id;
}

async function envelopeOf(shop: ReturnType<typeof app>) {
  const response = await shop.request('/catalog.json?fanshop=1');
  return { etag: response.headers.get('ETag'), envelope: (await response.json()) as Extract<CatalogEnvelope, { catalog: unknown }> };
}

/**
 * Past the 2 s a read is kept and the minute an old one may still be given after a pause
 * (data/recent-read.ts): a change made in another process shows on the next answer.
 */
const later = () => (clock += 62_001);

describe('ratings with the products', () => {
  it('sends no ratings, and the same bytes as before, while no product has a published review', async () => {
    const shop = app();
    const { envelope } = await envelopeOf(shop);
    expect(envelope).not.toHaveProperty('ratings');
    const page = await (await shop.request('/shop')).text();
    expect(page).not.toContain('part="rating"');
  });

  it('puts a published review’s stars in the envelope and on the card of every first view, and a new ETag', async () => {
    const shop = app();
    const before = await envelopeOf(shop);
    await review(MUESLI, 5);
    await review(MUESLI, 4);
    await review(MUG, 1, 'pending');
    // Read at most every 2 s: the next read after that has them.
    later();
    const after = await envelopeOf(shop);
    expect(after.envelope.ratings).toEqual({ [MUESLI]: { average: 4.5, count: 2 } } satisfies ProductRatings);
    expect(after.etag).not.toBe(before.etag);
    expect((await shop.request('/catalog.json?fanshop=1', { headers: { 'If-None-Match': before.etag! } })).status).toBe(200);
    expect((await shop.request('/catalog.json?fanshop=1', { headers: { 'If-None-Match': after.etag! } })).status).toBe(304);

    const card = /<article class="card" part="card" data-product-id="bircher-muesli-mix">[\s\S]*?<\/article>/;
    const shopPage = await (await shop.request('/shop')).text();
    expect(card.exec(shopPage)?.[0]).toContain('<p class="rating" part="rating" role="img" aria-label="Rated 4.5 out of 5 by 2 buyers">★ 4.5 (2)</p>');
    // Only the rated card has the line.
    expect(shopPage.match(/part="rating"/g)).toHaveLength(1);
    const german = await (await shop.request('/shop?locale=de')).text();
    expect(card.exec(german)?.[0]).toContain('aria-label="4,5 von 5 Sternen, 2 Bewertungen von Käufern">★ 4,5 (2)</p>');
    // The loader's answer (src/widget/embed.ts) and the Page tab render the same card.
    const view = JSON.stringify([null, { catalog: '/catalog.json' }, {}, 'en']);
    const loader = await (await shop.request(`/catalog.json?fanshop=1&view=${encodeURIComponent(view)}`)).text();
    expect(card.exec(loader)?.[0]).toContain('★ 4.5 (2)');
    expect(loader.slice(loader.indexOf('{"format":"fanshop/catalog@1"'))).toContain('"ratings":{"bircher-muesli-mix":{"average":4.5,"count":2}}');
    expect(await (await shop.request('/facebook/tab')).text()).toContain('★ 4.5 (2)');
  });

  it('takes a hidden review off the cards and gives the envelope a new ETag; an approved one counts', async () => {
    const shop = app();
    const hidden = await review(MUG, 2);
    const held = await review(MUG, 4, 'pending');
    later();
    const shown = await envelopeOf(shop);
    expect(shown.envelope.ratings?.[MUG]).toEqual({ average: 2, count: 1 });
    const view = JSON.stringify([null, { catalog: '/catalog.json' }, {}, 'en']);
    const loaderShown = await shop.request(`/catalog.json?fanshop=1&view=${encodeURIComponent(view)}`);
    expect(await loaderShown.text()).toContain('★ 2.0 (1)');

    // The merchant hides it (`fanshop reviews hide`: another process, the same database).
    await data.reviews.setReviewStatus(hidden, 'hidden');
    later();
    const gone = await envelopeOf(shop);
    expect(gone.envelope.ratings?.[MUG]).toBeUndefined();
    expect(gone.etag).not.toBe(shown.etag);
    const loaderGone = await shop.request(`/catalog.json?fanshop=1&view=${encodeURIComponent(view)}`, { headers: { 'If-None-Match': loaderShown.headers.get('ETag')! } });
    expect(loaderGone.status).toBe(200);
    expect(await loaderGone.text()).not.toContain('★ 2.0 (1)');
    expect(await (await shop.request('/shop')).text()).not.toMatch(/data-product-id="stoneware-mug">(?:(?!<\/article>)[\s\S])*part="rating"/);

    await data.reviews.setReviewStatus(held, 'published');
    later();
    expect((await envelopeOf(shop)).envelope.ratings?.[MUG]).toEqual({ average: 4, count: 1 });
  });

  it('gives each page of GET /api/products the stars of its products, in its ETag too', async () => {
    const big = generatedCatalog(demoText, 150);
    const shop = app(big.text);
    const first = (await envelopeOf(shop)).envelope;
    const ids = first.catalog.products.map((p) => p.id);
    expect(first.paged).toBeDefined();
    const before = await shop.request(`/api/products?ids=${ids[3]}`);
    expect(((await before.json()) as ProductPage).ratings).toBeUndefined();
    await review(ids[3]!, 3);
    const farAway = (big.json.products as { id: string }[])[140]!.id;
    await review(farAway, 5);
    later();
    // The envelope's first page carries its own products' stars only.
    expect((await envelopeOf(shop)).envelope.ratings).toEqual({ [ids[3]!]: { average: 3, count: 1 } });
    const after = await shop.request(`/api/products?ids=${ids[3]},${ids[5]},${farAway}`);
    expect(((await after.json()) as ProductPage).ratings).toEqual({ [ids[3]!]: { average: 3, count: 1 }, [farAway]: { average: 5, count: 1 } });
    expect(after.headers.get('ETag')).toMatch(/-r[0-9a-f]+"$/);
    const search = (await (await shop.request('/api/products?q=batch140')).json()) as ProductPage;
    expect(search.ratings).toEqual({ [farAway]: { average: 5, count: 1 } });
  });
});

describe('recentRatings', () => {
  it('reads the store at most every 2 s (ahead in the second, the old stars once after a pause), at once after a review written here, and not a failed read again', async () => {
    let time = 0;
    let answer: ProductRatings = { a: { average: 4, count: 1 } };
    const publishedRatings = vi.fn(async () => answer);
    const ratings = recentRatings({ publishedRatings }, { now: () => time });
    const first = await ratings.read();
    expect(first.tag).toMatch(/^[0-9a-f]{16}$/);
    time = 999;
    expect(await ratings.read()).toBe(first);
    expect(publishedRatings).toHaveBeenCalledTimes(1);
    // Read ahead: the same numbers give back the same snapshot.
    time = 1999;
    expect(await ratings.read()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, READ_AHEAD_DELAY_MS + 50));
    expect(publishedRatings).toHaveBeenCalledTimes(2);
    expect(await ratings.read()).toBe(first);
    answer = { a: { average: 4.5, count: 2 } };
    ratings.changed();
    const second = await ratings.read();
    expect(second.ratings).toEqual(answer);
    expect(second.tag).not.toBe(first.tag);
    // After a pause of 3 s: the old stars at once, the new read for the next request.
    time = 5000;
    answer = {};
    expect(await ratings.read()).toBe(second);
    await new Promise((resolve) => setTimeout(resolve, READ_AHEAD_DELAY_MS + 50));
    expect(await ratings.read()).toEqual({ ratings: {}, tag: '' });

    // After a pause of over a minute, a read that is waited for.
    publishedRatings.mockRejectedValueOnce(new Error('the database is down'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    time = 100_000;
    expect(await ratings.read()).toEqual({ ratings: {}, tag: '' });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('shown without stars'), expect.any(Error));
    error.mockRestore();
    answer = { b: { average: 5, count: 1 } };
    expect((await ratings.read()).ratings).toEqual(answer);
  });
});
