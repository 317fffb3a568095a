import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './testing';
import { openNodeData } from '../server/data/node';
import { createApp } from '../server/app';
import type { Review } from '../server/reviews/store';

/**
 * `fanshop reviews` and `fanshop feed reviews` against the embedded database, as a merchant runs
 * them with the server stopped, then the server started on the same directory showing the result.
 */
const dir = mkdtempSync(join(tmpdir(), 'fanshop-cli-reviews-'));
const out = mkdtempSync(join(tmpdir(), 'fanshop-cli-reviews-out-'));
const demoPath = new URL('../../public/catalog.json', import.meta.url).pathname;
const env = { FANSHOP_DATA_DIR: dir };

const run = (...argv: string[]) => runCli(argv, { env });

const review = (id: string, extra: Partial<Review>): Review => ({
  id,
  productId: 'bircher-muesli-mix',
  variantId: null,
  orderId: `cs_test_${id}`,
  rating: 5,
  text: null,
  name: null,
  language: 'en',
  status: 'published',
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-11-30T09:00:00.000Z',
  ...extra,
});

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const data = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
  await data.reviews.createReview(review('rev-a', { rating: 4, text: 'Crunchy, "not" too sweet', name: 'Erika' }));
  await data.reviews.createReview(review('rev-b', { productId: 'espresso-blend', variantId: 'espresso-1kg-whole', rating: 2, text: 'Too bitter', status: 'pending', createdAt: '2026-11-30T10:00:00.000Z', updatedAt: '2026-11-30T10:00:00.000Z' }));
  await data.close();
}, 60_000);
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('fanshop reviews', () => {
  it('lists the reviews newest first, with what is pending, and by status or product', async () => {
    const all = await run('reviews', 'list');
    expect(all).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '2026-11-30 10:00  ★★☆☆☆  pending    espresso-blend/espresso-1kg-whole  -  "Too bitter"  rev-b\n' +
        '2026-11-30 09:00  ★★★★☆  published  bircher-muesli-mix  Erika  "Crunchy, \\"not\\" too sweet"  rev-a\n' +
        '2 reviews, 1 pending (approve with: fanshop reviews approve <id>)\n',
    });
    expect((await run('reviews', 'list', '--status', 'pending', '--json')).stdout).toContain('"orderId": "cs_test_rev-b"');
    expect((await run('reviews', 'list', '--product', 'bircher-muesli-mix')).stdout).not.toContain('rev-b');
    expect((await run('reviews', 'list', '--status', 'gone')).code).toBe(2);
    expect((await run('reviews', 'delete', 'rev-a')).stderr).toContain('Usage: fanshop reviews list');
  });

  it('approves a held review and hides another, which the server then shows and leaves out, in its feed too', async () => {
    expect(await run('reviews', 'approve', 'rev-b')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Published: .* rev-b\n$/) });
    expect(await run('reviews', 'hide', 'rev-a')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Hidden: .* rev-a\n$/) });
    expect(await run('reviews', 'hide', 'rev-nope')).toMatchObject({ code: 1, stderr: expect.stringContaining('no review has the id "rev-nope"') });

    const feed = await run('feed', 'reviews', '--catalog', demoPath, '--base-url', 'https://shop.example');
    expect(feed.code).toBe(0);
    expect(feed.stdout).toContain('rev-b');
    expect(feed.stdout).not.toContain('rev-a');
    const written = await run('feed', 'reviews', '--catalog', demoPath, '--out', join(out, 'reviews.csv'));
    expect(written.stdout).toBe(`Wrote 1 review to ${join(out, 'reviews.csv')}\n`);

    // The server on the same database serves the same feed.
    const data = await openNodeData({ FANSHOP_DATA_DIR: dir, DATABASE_URL: undefined });
    try {
      const catalog = JSON.parse(readFileSync(demoPath, 'utf8'));
      catalog.shop.baseUrl = 'https://shop.example';
      const app = createApp({
        catalog: { read: async () => JSON.stringify(catalog) },
        reviews: { store: data.reviews, tokens: undefined, moderation: 'publish', rateLimitPerMinute: 10, allowedOrigins: [], clientAddress: () => 'cli-test' },
      });
      expect(await (await app.request('/feeds/meta-reviews.csv')).text()).toBe(feed.stdout);
      expect(await (await app.request('/p/bircher-muesli-mix')).text()).not.toContain('aggregateRating');
      expect(await (await app.request('/p/espresso-blend')).text()).toContain('"ratingCount":1');
    } finally {
      await data.close();
    }
  }, 60_000);
});
