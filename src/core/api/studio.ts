/**
 * The studio's API (`/api/studio/…`) as the studio's bundle and the server both see it
 * (server/studio/routes.ts). Every route needs the merchant's session cookie, and every change
 * a request from the shop's own origin.
 */
import type { ProductRating, ReviewRating } from './reviews';

/** `POST /api/studio/login`. */
export interface StudioLoginBody {
  readonly password: string;
}

/** `GET /api/studio/session` (and the login's answer): what the studio may do on this server. */
export interface StudioSession {
  readonly signedIn: true;
  /** ISO 8601: when the session ends and the merchant logs in again. */
  readonly expiresAt: string;
  /** The server reads its catalog from a file, so `PUT /api/studio/catalog` can save one. */
  readonly catalogFile: boolean;
}

export type StudioReviewStatus = 'published' | 'pending' | 'hidden';
export const STUDIO_REVIEW_STATUSES: readonly StudioReviewStatus[] = ['pending', 'published', 'hidden'];

/** A review as the merchant moderates it (never the order it came from). */
export interface StudioReview {
  readonly id: string;
  readonly productId: string;
  /** The product's title in the catalog, or null when the catalog no longer has it. */
  readonly productTitle: string | null;
  readonly variantId: string | null;
  readonly rating: ReviewRating;
  readonly text: string | null;
  readonly name: string | null;
  readonly language: string;
  readonly status: StudioReviewStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** `GET /api/studio/reviews?status=…`: the reviews of that status, newest first, and each reviewed product's published average. */
export interface StudioReviewsResponse {
  readonly reviews: readonly StudioReview[];
  /** Counts per status, for the tabs. */
  readonly counts: Readonly<Record<StudioReviewStatus, number>>;
  /** Published average and count per product that has any review, with its title. */
  readonly products: readonly (ProductRating & { readonly productId: string; readonly title: string | null })[];
}

/** `POST /api/studio/reviews/:id`. */
export interface StudioReviewStatusBody {
  readonly status: StudioReviewStatus;
}

/** `PUT /api/studio/catalog`'s answer. */
export interface StudioCatalogSaved {
  readonly saved: true;
  /** The file the old catalog was copied to, or null when there was none. */
  readonly backup: string | null;
  readonly products: number;
}
