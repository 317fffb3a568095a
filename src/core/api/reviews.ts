/**
 * The reviews API (`/api/reviews`) as the widget and the server both see it
 * (server/reviews/route.ts). Only a shopper who bought a product can review it: the server
 * signs a review token for a paid Checkout Session (its confirmation answer and the `onOrder`
 * hook carry it), and each write sends it back.
 */

/** Stars: a whole number from 1 to 5. */
export type ReviewRating = 1 | 2 | 3 | 4 | 5;

/** The orders of a product's review list: newest first (the default), best or worst first. */
export const REVIEW_SORTS = ['newest', 'highest', 'lowest'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** Reviews per page of `GET /api/reviews/:productId`. */
export const REVIEWS_PAGE_SIZE = 10;
/** The longest review text, in characters (after trimming). */
export const REVIEW_TEXT_MAX = 2000;
/** The longest name a reviewer may sign with. */
export const REVIEW_NAME_MAX = 50;
/** How long after writing it the author may still change a review. */
export const REVIEW_EDIT_DAYS = 30;
/** The most product ids `GET /api/reviews?ids=` answers at once. */
export const MAX_REVIEW_IDS = 100;

/**
 * The body of `POST /api/reviews` (write a review) and `PUT /api/reviews` (change it, within
 * REVIEW_EDIT_DAYS of writing it, with the same token).
 */
export interface ReviewRequestBody {
  /** The review token of the order (from the confirmation or the merchant's email). */
  readonly token: string;
  /** A product of that order. */
  readonly productId: string;
  readonly rating: ReviewRating;
  /** Plain text; trimmed, control characters removed, at most REVIEW_TEXT_MAX characters. */
  readonly text?: string | null;
  /** The name to sign with (plain text, at most REVIEW_NAME_MAX); none: "Verified buyer". */
  readonly name?: string | null;
  /** BCP 47 language of the text, such as `en` or `de`. */
  readonly language: string;
}

/** A review as the public sees it: never the order it came from. */
export interface PublicReview {
  readonly id: string;
  readonly productId: string;
  /** The variant the author bought (the catalog's id), or null for a product without variants. */
  readonly variantId: string | null;
  readonly rating: ReviewRating;
  readonly text: string | null;
  readonly name: string | null;
  readonly language: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Every review comes from a paid order. */
  readonly verifiedBuyer: true;
}

/** A review as its author sees it (the answer to their own writes): with its moderation status. */
export interface OwnReview extends PublicReview {
  /** `published`: public; `pending`: waits for the merchant; `hidden`: the merchant hid it. */
  readonly status: 'published' | 'pending' | 'hidden';
  /** Until when the author may change it (ISO 8601): 30 days after writing it, or the token's end if sooner. */
  readonly editableUntil: string;
}

/**
 * `POST /api/reviews/own` with `{ token }`: what the order may review and what it has reviewed
 * (in any status), for a form that offers to write or to change.
 */
export interface OwnReviewsResponse {
  readonly expiresAt: string;
  readonly products: ReviewInvitation['products'];
  readonly reviews: readonly OwnReview[];
}

/** What `POST` and `PUT /api/reviews` answer. */
export interface ReviewWriteResponse {
  readonly review: OwnReview;
}

/** A product's published reviews in numbers. */
export interface ReviewAggregate {
  /** Published reviews. */
  readonly count: number;
  /** Their mean rating, to two decimals; 0 without reviews. */
  readonly average: number;
  /** How many gave 1, 2, 3, 4 and 5 stars (index 0 is 1 star). */
  readonly stars: readonly [number, number, number, number, number];
}

/**
 * A product's stars on its card (★ 4.6 (23)): the average and count of its published reviews.
 * The catalog's envelope (core/catalog/envelope.ts) and `GET /api/products` pages carry them for
 * their products, so the first view is rendered with them.
 */
export type ProductRating = Pick<ReviewAggregate, 'average' | 'count'>;

/** Ratings by product id: only products with at least one published review are in it. */
export type ProductRatings = Readonly<Record<string, ProductRating>>;

/** `GET /api/reviews?ids=a,b,c`: the aggregate of each product asked for (zeros without reviews). */
export interface ReviewAggregatesResponse {
  readonly aggregates: Readonly<Record<string, ReviewAggregate>>;
}

/**
 * `GET /api/reviews/:productId?page=1&sort=newest&rating=5`: one page of a product's published
 * reviews, REVIEWS_PAGE_SIZE at a time, and the product's aggregate (whatever the filter).
 */
export interface ReviewsPageResponse {
  readonly productId: string;
  readonly sort: ReviewSort;
  /** The star filter, or null for all. */
  readonly rating: ReviewRating | null;
  readonly page: number;
  readonly pageSize: number;
  /** Reviews matching the filter, on all pages. */
  readonly total: number;
  readonly reviews: readonly PublicReview[];
  readonly aggregate: ReviewAggregate;
}

/**
 * The review token of a paid order, as the confirmation (`GET /api/checkout/sessions/:id`) and
 * the `onOrder` hook get it.
 */
export interface ReviewInvitation {
  readonly token: string;
  /** When the token stops working (ISO 8601). */
  readonly expiresAt: string;
  /** The products it may review (each once), as the order names them. */
  readonly products: readonly { readonly productId: string; readonly variantId: string | null }[];
}
