import type { ProductRatings, ReviewAggregate, ReviewRating, ReviewSort } from '../../core/api/reviews';

/** Whether the public sees a review: `published`, `pending` (held for the merchant) or `hidden`. */
export type ReviewStatus = 'published' | 'pending' | 'hidden';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['published', 'pending', 'hidden'];

/** A review as the shop keeps it. One per product per order. */
export interface Review {
  /** A random id (the feed's reviewID, the CLI's handle); never the order's. */
  readonly id: string;
  readonly productId: string;
  /** The variant bought, as the order names it. */
  readonly variantId: string | null;
  /** The Checkout Session id of the paid order: private, never in a public answer. */
  readonly orderId: string;
  readonly rating: ReviewRating;
  /** Plain text, cleaned (reviews/text.ts), or null. */
  readonly text: string | null;
  /** The name the author signed with, or null. */
  readonly name: string | null;
  /** BCP 47. */
  readonly language: string;
  readonly status: ReviewStatus;
  /** ISO 8601, milliseconds. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What an author may change. */
export interface ReviewChanges {
  readonly rating: ReviewRating;
  readonly text: string | null;
  readonly name: string | null;
  readonly language: string;
}

export type ReviewUpdate =
  | { readonly outcome: 'updated'; readonly review: Review }
  | { readonly outcome: 'not_found' }
  /** Written before `editableSince`: too old to change. */
  | { readonly outcome: 'closed'; readonly review: Review };

export interface ReviewListQuery {
  readonly sort: ReviewSort;
  /** Only reviews of this many stars. */
  readonly rating?: ReviewRating | undefined;
  readonly offset: number;
  readonly limit: number;
}

/**
 * Where reviews are kept: one of the engines of data/stores.ts. Every public read (lists,
 * aggregates) sees `published` reviews only; pending and hidden ones are for the author's own
 * answers and the merchant's CLI.
 */
export interface ReviewStore {
  /** Saves a new review unless its order has reviewed its product already; says which happened. */
  createReview(review: Review): Promise<'created' | 'exists'>;
  getReview(orderId: string, productId: string): Promise<Review | undefined>;
  /**
   * The author's change, at `now`, of a review written at or after `editableSince`. With
   * `hold`, a published review goes back to pending (the merchant has not seen the new text);
   * a hidden one stays hidden either way.
   */
  updateReview(orderId: string, productId: string, changes: ReviewChanges, options: { readonly now: Date; readonly editableSince: Date; readonly hold: boolean }): Promise<ReviewUpdate>;
  /** The merchant's decision; the review after it, or undefined for an unknown id. */
  setReviewStatus(id: string, status: ReviewStatus): Promise<Review | undefined>;
  /** One page of a product's published reviews, and how many match the query on all pages. */
  listReviews(productId: string, query: ReviewListQuery): Promise<{ total: number; reviews: Review[] }>;
  /** The published reviews of these products in numbers; zeros for a product without any. */
  reviewAggregates(productIds: readonly string[]): Promise<Record<string, ReviewAggregate>>;
  /**
   * The average and count of the published reviews of every product that has any, in one
   * aggregate read: the cards' stars (reviews/ratings.ts). Products without one are left out.
   */
  publishedRatings(): Promise<ProductRatings>;
  /** Every review, newest first, of these statuses (all when not given): the feed, the CLI. */
  allReviews(statuses?: readonly ReviewStatus[]): Promise<Review[]>;
}

/** The aggregate of per-star counts (index 0 is 1 star), as every engine reports it. */
export function aggregateOf(stars: readonly [number, number, number, number, number]): ReviewAggregate {
  const count = stars.reduce((a, b) => a + b, 0);
  const sum = stars.reduce((a, n, i) => a + n * (i + 1), 0);
  return { count, average: count ? Math.round((sum / count) * 100) / 100 : 0, stars: [...stars] as [number, number, number, number, number] };
}

/** A product's rating from the sum and count of its published stars, rounded as `aggregateOf` rounds. */
export function ratingOf(sum: number, count: number): { average: number; count: number } {
  return { average: Math.round((sum / count) * 100) / 100, count };
}

/** Zeros: a product without published reviews. */
export const NO_REVIEWS: ReviewAggregate = { count: 0, average: 0, stars: [0, 0, 0, 0, 0] };

/** The SQL order of each sort, the same on every engine; each ends on the id, so pages never overlap. */
export const REVIEW_ORDER: Record<ReviewSort, string> = {
  newest: 'created_at desc, id desc',
  highest: 'rating desc, created_at desc, id desc',
  lowest: 'rating asc, created_at desc, id desc',
};

/** A review as both SQL engines store it (data/postgres, data/durable-object): times as a Date, text or epoch milliseconds. */
export type ReviewRow = {
  id: string;
  product_id: string;
  variant_id: string | null;
  order_id: string;
  rating: number;
  text: string | null;
  name: string | null;
  language: string;
  status: Review['status'];
  created_at: Date | string | number;
  updated_at: Date | string | number;
};

/** A stored row as the store's Review. */
export function reviewFromRow(row: ReviewRow): Review {
  return {
    id: row.id,
    productId: row.product_id,
    variantId: row.variant_id,
    orderId: row.order_id,
    rating: row.rating as Review['rating'],
    text: row.text,
    name: row.name,
    language: row.language,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
