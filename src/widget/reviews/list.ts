import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PublicReview, ReviewAggregate, ReviewRating, ReviewSort } from '../../core/api/reviews';
import { reviewsPage } from './api';

export interface ReviewListState {
  /** `failed`: the first page of this sort and filter could not be read. */
  readonly status: 'loading' | 'ready' | 'failed';
  readonly sort: ReviewSort;
  /** Only reviews with these stars, or null for all. */
  readonly rating: ReviewRating | null;
  /** The pages read so far, in order. */
  readonly reviews: readonly PublicReview[];
  /** Reviews matching the filter, on all pages. */
  readonly total: number;
  readonly page: number;
  /** The product's aggregate, whatever the filter (null until the first answer). */
  readonly aggregate: ReviewAggregate | null;
  /** "Show more": on its way, or failed (the reviews shown stay). */
  readonly more: 'idle' | 'loading' | 'failed';
}

export interface ReviewList {
  readonly store: StoreApi<ReviewListState>;
  /** The first page of a sort and filter (the list starts newest first, all ratings). */
  show(sort: ReviewSort, rating: ReviewRating | null): Promise<void>;
  /** The next page, appended. */
  more(): Promise<void>;
}

/**
 * A product's published reviews, 10 at a time (`GET /api/reviews/:productId`), newest first
 * unless the shopper sorts or filters. An answer to a sort or filter the shopper has since
 * changed is dropped.
 */
export function createReviewList(endpoint: string, productId: string, api = { reviewsPage }): ReviewList {
  const store = createStore<ReviewListState>()(() => ({ status: 'loading', sort: 'newest', rating: null, reviews: [], total: 0, page: 0, aggregate: null, more: 'idle' }));
  let asked = 0;
  return {
    store,
    async show(sort, rating) {
      const mine = ++asked;
      store.setState({ status: 'loading', sort, rating, more: 'idle' });
      const answer = await api.reviewsPage(endpoint, productId, { page: 1, sort, rating });
      if (mine !== asked) return;
      if (!answer.ok) return store.setState({ status: 'failed' });
      const { reviews, total, aggregate } = answer.value;
      store.setState({ status: 'ready', reviews, total, aggregate, page: 1 });
    },
    async more() {
      const { status, sort, rating, page, more } = store.getState();
      if (status !== 'ready' || more === 'loading') return;
      const mine = asked;
      store.setState({ more: 'loading' });
      const answer = await api.reviewsPage(endpoint, productId, { page: page + 1, sort, rating });
      if (mine !== asked) return;
      if (!answer.ok) return store.setState({ more: 'failed' });
      const known = new Set(store.getState().reviews.map((r) => r.id));
      store.setState((s) => ({
        // A review written meanwhile shifts the pages: one seen already is not shown twice.
        reviews: [...s.reviews, ...answer.value.reviews.filter((r) => !known.has(r.id))],
        total: answer.value.total,
        aggregate: answer.value.aggregate,
        page: page + 1,
        more: 'idle',
      }));
    },
  };
}
