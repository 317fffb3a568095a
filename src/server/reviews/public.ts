import { REVIEW_EDIT_DAYS, type OwnReview, type PublicReview } from '../../core/api/reviews';
import type { Review } from './store';

/** A review as anyone may read it: without the order it came from or its moderation status. */
export function publicReview(review: Review): PublicReview {
  return {
    id: review.id,
    productId: review.productId,
    variantId: review.variantId,
    rating: review.rating,
    text: review.text,
    name: review.name,
    language: review.language,
    createdAt: review.createdAt,
    updatedAt: review.updatedAt,
    verifiedBuyer: true,
  };
}

/**
 * A review as its author sees it: with its status and until when they may change it, which is
 * REVIEW_EDIT_DAYS after writing it, or sooner when their token ends sooner.
 */
export function ownReview(review: Review, tokenExpiresAt: Date): OwnReview {
  const until = Math.min(Date.parse(review.createdAt) + REVIEW_EDIT_DAYS * 86_400_000, tokenExpiresAt.getTime());
  return { ...publicReview(review), status: review.status, editableUntil: new Date(until).toISOString() };
}
