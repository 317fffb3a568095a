import { describe, expect, it } from 'vitest';
import type { Review } from '../reviews/store';
import type { DataStores } from './stores';

/**
 * The reviews cases of the conformance suite (conformance.ts), for every engine. `stores` is
 * read when a case runs (the suite opens the engine in its beforeAll); `id` makes ids no other
 * case uses.
 */
export function reviewCases(stores: () => DataStores, id: (what: string) => string): void {
  const t0 = Date.parse('2026-11-30T12:00:00Z');
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);
  const review = (extra: Partial<Review> & Pick<Review, 'productId' | 'orderId'>): Review => ({
    id: id('rev'),
    variantId: null,
    rating: 5,
    text: null,
    name: null,
    language: 'en',
    status: 'published',
    createdAt: at(0).toISOString(),
    updatedAt: at(0).toISOString(),
    ...extra,
  });

  describe('reviews', () => {
    it('keeps one review per product per order and reads back exactly what was written', async () => {
      const [p, q, order] = [id('p'), id('p'), id('cs_test')];
      const first = review({ productId: p, orderId: order, variantId: 'p-m', rating: 4, text: 'Soft & warm — “great” 😀', name: 'Jürgen', language: 'de' });
      expect(await stores().reviews.createReview(first)).toBe('created');
      expect(await stores().reviews.createReview({ ...first, id: id('rev'), rating: 1 })).toBe('exists');
      expect(await stores().reviews.getReview(order, p)).toEqual(first);
      // Another product of the same order, and the same product from another order, are new reviews.
      expect(await stores().reviews.createReview(review({ productId: q, orderId: order }))).toBe('created');
      expect(await stores().reviews.createReview(review({ productId: p, orderId: id('cs_test') }))).toBe('created');
      expect(await stores().reviews.getReview(id('cs_test'), p)).toBeUndefined();
    });

    it('creates exactly one of 10 concurrent reviews of one product from one order', async () => {
      const [p, order] = [id('p'), id('cs_test')];
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => stores().reviews.createReview(review({ productId: p, orderId: order, rating: ((i % 5) + 1) as Review['rating'] }))));
      expect(results.filter((r) => r === 'created')).toHaveLength(1);
      expect((await stores().reviews.getReview(order, p))?.rating).toBe((results.indexOf('created') % 5) + 1);
    });

    it('lets the author change a review written since the edit window opened, and says why not otherwise', async () => {
      const [p, order] = [id('p'), id('cs_test')];
      await stores().reviews.createReview(review({ productId: p, orderId: order, createdAt: at(0).toISOString(), updatedAt: at(0).toISOString() }));
      const changes = { rating: 2, text: 'Shrank in the wash', name: null, language: 'en' } as const;
      const updated = await stores().reviews.updateReview(order, p, changes, { now: at(60), editableSince: at(-10), hold: false });
      expect(updated).toEqual({ outcome: 'updated', review: expect.objectContaining({ rating: 2, text: 'Shrank in the wash', status: 'published', createdAt: at(0).toISOString(), updatedAt: at(60).toISOString() }) });
      const closed = await stores().reviews.updateReview(order, p, { ...changes, rating: 1 }, { now: at(120), editableSince: at(1), hold: false });
      expect(closed.outcome).toBe('closed');
      expect((await stores().reviews.getReview(order, p))?.rating).toBe(2);
      expect(await stores().reviews.updateReview(id('cs_test'), p, changes, { now: at(60), editableSince: at(-10), hold: false })).toEqual({ outcome: 'not_found' });
    });

    it('holds an edited published review for the merchant when asked, and keeps a hidden one hidden', async () => {
      const [p, q, order] = [id('p'), id('p'), id('cs_test')];
      await stores().reviews.createReview(review({ productId: p, orderId: order }));
      const hidden = review({ productId: q, orderId: order });
      await stores().reviews.createReview(hidden);
      await stores().reviews.setReviewStatus(hidden.id, 'hidden');
      const changes = { rating: 3, text: null, name: 'Ann', language: 'en' } as const;
      const held = await stores().reviews.updateReview(order, p, changes, { now: at(5), editableSince: at(-5), hold: true });
      expect(held.outcome === 'updated' && held.review.status).toBe('pending');
      const still = await stores().reviews.updateReview(order, q, changes, { now: at(5), editableSince: at(-5), hold: true });
      expect(still.outcome === 'updated' && still.review.status).toBe('hidden');
    });

    it('lists a product’s published reviews only, 10 a page, newest, highest or lowest first, filtered by stars', async () => {
      const p = id('p');
      const written: Review[] = [];
      for (let i = 0; i < 13; i += 1) {
        const r = review({ productId: p, orderId: id('cs_test'), rating: ((i % 5) + 1) as Review['rating'], createdAt: at(i).toISOString(), updatedAt: at(i).toISOString() });
        written.push(r);
        await stores().reviews.createReview(r);
      }
      const pending = review({ productId: p, orderId: id('cs_test'), status: 'pending', createdAt: at(100).toISOString() });
      const hidden = review({ productId: p, orderId: id('cs_test'), createdAt: at(101).toISOString() });
      await stores().reviews.createReview(pending);
      await stores().reviews.createReview(hidden);
      expect((await stores().reviews.setReviewStatus(hidden.id, 'hidden'))?.status).toBe('hidden');
      expect(await stores().reviews.setReviewStatus(id('nope'), 'hidden')).toBeUndefined();

      const newest = written.toReversed().map((r) => r.id);
      const first = await stores().reviews.listReviews(p, { sort: 'newest', offset: 0, limit: 10 });
      expect(first.total).toBe(13);
      expect(first.reviews.map((r) => r.id)).toEqual(newest.slice(0, 10));
      expect((await stores().reviews.listReviews(p, { sort: 'newest', offset: 10, limit: 10 })).reviews.map((r) => r.id)).toEqual(newest.slice(10));
      expect(await stores().reviews.listReviews(p, { sort: 'newest', offset: 20, limit: 10 })).toEqual({ total: 13, reviews: [] });

      const byStars = (dir: 1 | -1) => written.toSorted((a, b) => dir * (a.rating - b.rating) || b.createdAt.localeCompare(a.createdAt)).map((r) => r.id);
      expect((await stores().reviews.listReviews(p, { sort: 'highest', offset: 0, limit: 20 })).reviews.map((r) => r.id)).toEqual(byStars(-1));
      expect((await stores().reviews.listReviews(p, { sort: 'lowest', offset: 0, limit: 20 })).reviews.map((r) => r.id)).toEqual(byStars(1));
      const fives = await stores().reviews.listReviews(p, { sort: 'newest', rating: 5, offset: 0, limit: 10 });
      expect(fives.total).toBe(2);
      expect(fives.reviews.every((r) => r.rating === 5)).toBe(true);
    });

    it('sums up the published reviews of many products at once, zeros for those without', async () => {
      const [a, b, c] = [id('a'), id('b'), id('c')];
      for (const [product, rating, status] of [[a, 5, 'published'], [a, 4, 'published'], [a, 4, 'published'], [a, 1, 'hidden'], [b, 2, 'pending']] as const) {
        const r = review({ productId: product, orderId: id('cs_test'), rating });
        await stores().reviews.createReview(r);
        if (status !== 'published') await stores().reviews.setReviewStatus(r.id, status);
      }
      expect(await stores().reviews.reviewAggregates([a, b, c])).toEqual({
        [a]: { count: 3, average: 4.33, stars: [0, 0, 0, 2, 1] },
        [b]: { count: 0, average: 0, stars: [0, 0, 0, 0, 0] },
        [c]: { count: 0, average: 0, stars: [0, 0, 0, 0, 0] },
      });
      expect(await stores().reviews.reviewAggregates([])).toEqual({});
    });

    it('gives the average and count of every product with a published review, and leaves the others out', async () => {
      const [a, b, c] = [id('a'), id('b'), id('c')];
      const written: Record<string, string> = {};
      for (const [product, rating, status] of [[a, 5, 'published'], [a, 4, 'published'], [a, 4, 'published'], [a, 1, 'hidden'], [b, 2, 'pending'], [c, 3, 'published']] as const) {
        const r = review({ productId: product, orderId: id('cs_test'), rating });
        await stores().reviews.createReview(r);
        if (status !== 'published') await stores().reviews.setReviewStatus(r.id, status);
        written[`${product}:${rating}`] = r.id;
      }
      const ratings = await stores().reviews.publishedRatings();
      expect(ratings[a]).toEqual({ average: 4.33, count: 3 });
      expect(ratings[b]).toBeUndefined();
      expect(ratings[c]).toEqual({ average: 3, count: 1 });
      // Hidden by the merchant: no longer counted; approved: counted.
      await stores().reviews.setReviewStatus(written[`${c}:3`]!, 'hidden');
      await stores().reviews.setReviewStatus(written[`${b}:2`]!, 'published');
      const after = await stores().reviews.publishedRatings();
      expect(after[c]).toBeUndefined();
      expect(after[b]).toEqual({ average: 2, count: 1 });
    });

    it('gives every review newest first, or those of some statuses', async () => {
      const p = id('p');
      const old = review({ productId: p, orderId: id('cs_test'), createdAt: '2040-01-01T00:00:00.000Z' });
      const late = review({ productId: p, orderId: id('cs_test'), createdAt: '2040-01-02T00:00:00.000Z', status: 'pending' });
      await stores().reviews.createReview(old);
      await stores().reviews.createReview(late);
      const all = (await stores().reviews.allReviews()).map((r) => r.id);
      expect(all.indexOf(late.id)).toBeGreaterThanOrEqual(0);
      expect(all.indexOf(late.id)).toBeLessThan(all.indexOf(old.id));
      const pending = await stores().reviews.allReviews(['pending']);
      expect(pending.every((r) => r.status === 'pending')).toBe(true);
      expect(pending.map((r) => r.id)).toContain(late.id);
      expect((await stores().reviews.allReviews(['published', 'hidden'])).map((r) => r.id)).not.toContain(late.id);
    });
  });
}
