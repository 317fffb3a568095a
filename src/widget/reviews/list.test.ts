import { describe, expect, it, vi } from 'vitest';
import type { PublicReview, ReviewsPageResponse } from '../../core/api/reviews';
import type { ApiResult } from './api';
import { createReviewList } from './list';

const review = (id: string, rating: PublicReview['rating'] = 5): PublicReview => ({
  id,
  productId: 'mug',
  variantId: null,
  rating,
  text: null,
  name: null,
  language: 'en',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  verifiedBuyer: true,
});
const page = (reviews: PublicReview[], total: number, p = 1): ApiResult<ReviewsPageResponse> => ({
  ok: true,
  value: { productId: 'mug', sort: 'newest', rating: null, page: p, pageSize: 10, total, reviews, aggregate: { count: total, average: 4.5, stars: [0, 0, 0, 1, 1] } },
});

describe('createReviewList', () => {
  it('reads the first page newest first, then appends the next on "Show more"', async () => {
    const reviewsPage = vi.fn().mockResolvedValueOnce(page([review('a'), review('b')], 3)).mockResolvedValueOnce(page([review('c')], 3, 2));
    const list = createReviewList('/api/reviews', 'mug', { reviewsPage });
    await list.show('newest', null);
    expect(reviewsPage).toHaveBeenLastCalledWith('/api/reviews', 'mug', { page: 1, sort: 'newest', rating: null });
    await list.more();
    expect(reviewsPage).toHaveBeenLastCalledWith('/api/reviews', 'mug', { page: 2, sort: 'newest', rating: null });
    expect(list.store.getState()).toMatchObject({ status: 'ready', total: 3, page: 2, more: 'idle' });
    expect(list.store.getState().reviews.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('does not show a review twice when a new one shifted the pages', async () => {
    const reviewsPage = vi.fn().mockResolvedValueOnce(page([review('a'), review('b')], 3)).mockResolvedValueOnce(page([review('b'), review('c')], 4, 2));
    const list = createReviewList('/api/reviews', 'mug', { reviewsPage });
    await list.show('newest', null);
    await list.more();
    expect(list.store.getState().reviews.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('starts again from page 1 for a new sort or filter, dropping an older answer that arrives late', async () => {
    let release!: (v: ApiResult<ReviewsPageResponse>) => void;
    const reviewsPage = vi
      .fn()
      .mockReturnValueOnce(new Promise((resolve) => (release = resolve)))
      .mockResolvedValueOnce(page([review('low', 1)], 1));
    const list = createReviewList('/api/reviews', 'mug', { reviewsPage });
    const first = list.show('newest', null);
    await list.show('lowest', 1);
    release(page([review('old')], 1));
    await first;
    expect(reviewsPage).toHaveBeenLastCalledWith('/api/reviews', 'mug', { page: 1, sort: 'lowest', rating: 1 });
    expect(list.store.getState()).toMatchObject({ sort: 'lowest', rating: 1 });
    expect(list.store.getState().reviews.map((r) => r.id)).toEqual(['low']);
  });

  it('keeps the reviews shown when "Show more" fails, and can try again', async () => {
    const reviewsPage = vi.fn().mockResolvedValueOnce(page([review('a')], 2)).mockResolvedValueOnce({ ok: false, error: 'network' }).mockResolvedValueOnce(page([review('b')], 2, 2));
    const list = createReviewList('/api/reviews', 'mug', { reviewsPage });
    await list.show('newest', null);
    await list.more();
    expect(list.store.getState()).toMatchObject({ more: 'failed', page: 1 });
    expect(list.store.getState().reviews).toHaveLength(1);
    await list.more();
    expect(list.store.getState().reviews.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('fails the list when the first page cannot be read', async () => {
    const list = createReviewList('/api/reviews', 'mug', { reviewsPage: vi.fn().mockResolvedValue({ ok: false, error: 'network' }) });
    await list.show('newest', null);
    expect(list.store.getState().status).toBe('failed');
  });
});
