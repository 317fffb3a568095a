import type { PublicReview, ReviewAggregate } from '../../core/api/reviews';
import { publicReview } from './public';
import type { ReviewStore } from './store';

/** How many of a product's newest reviews its page shows and marks up. */
export const PAGE_REVIEWS = 5;

/** What a product page shows of its reviews: the numbers, and the newest few. */
export interface ProductReviews {
  readonly aggregate: ReviewAggregate;
  readonly latest: readonly PublicReview[];
}

/**
 * A product's published reviews for its page (pages/product-page.ts), or undefined when it has
 * none, or the store cannot be read (the page is still served, without them: logged).
 */
export function productReviewsLoader(store: ReviewStore): (productId: string) => Promise<ProductReviews | undefined> {
  return async (productId) => {
    try {
      const [aggregates, list] = await Promise.all([store.reviewAggregates([productId]), store.listReviews(productId, { sort: 'newest', offset: 0, limit: PAGE_REVIEWS })]);
      const aggregate = aggregates[productId];
      if (!aggregate?.count) return undefined;
      return { aggregate, latest: list.reviews.map(publicReview) };
    } catch (error) {
      console.error(`[fanshop] could not read the reviews of ${productId} for its page:`, error);
      return undefined;
    }
  };
}
