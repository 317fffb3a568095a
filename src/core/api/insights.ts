/**
 * The studio's numbers (`GET /api/studio/insights?from=YYYY-MM-DD&to=YYYY-MM-DD`,
 * server/insights/), as the server sends them and the studio's Insights screen reads them.
 * Days are UTC; `to` is the last day counted (the period is [from 00:00, to + 1 day 00:00)).
 * Amounts are integer minor units of `currency`.
 */
export interface FunnelCounts {
  readonly views: number;
  readonly addsToCart: number;
  readonly checkouts: number;
  /** Paid orders (the orders store, which the webhook fills: the truth, whatever the widget sent). */
  readonly purchases: number;
}

export interface ProductInsight extends FunnelCounts {
  readonly productId: string;
  /** The catalog's title, or the id of a product the catalog no longer has. */
  readonly title: string;
  /** Units bought in the period's paid orders. */
  readonly units: number;
  readonly likes: number;
  readonly shares: number;
  readonly wishes: number;
  /** The published reviews' average (all time), null without any. */
  readonly rating: number | null;
  readonly ratingCount: number;
}

export interface RankedProduct {
  readonly productId: string;
  readonly title: string;
  readonly count: number;
}

export interface OrderInsight {
  readonly id: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly total: number;
  readonly currency: string;
  readonly items: number;
}

export interface InsightsResponse {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly funnel: FunnelCounts;
  /** Every product with anything in the period, or a rating; most viewed first. */
  readonly products: readonly ProductInsight[];
  readonly mostLiked: readonly RankedProduct[];
  readonly mostShared: readonly RankedProduct[];
  readonly mostWished: readonly RankedProduct[];
  /** Searches that found nothing: what fans want that the shop does not have. */
  readonly zeroResultSearches: readonly { readonly query: string; readonly count: number }[];
  readonly orders: { readonly count: number; readonly total: number; readonly list: readonly OrderInsight[] };
  /** Reviews waiting for the merchant now (not per period). */
  readonly pendingReviews: number;
}

/** The tables `GET /api/studio/insights.csv?table=` writes. */
export const INSIGHTS_TABLES = ['funnel', 'products', 'searches', 'orders'] as const;
export type InsightsTable = (typeof INSIGHTS_TABLES)[number];

/** The longest period asked for at once, in days. */
export const INSIGHTS_MAX_DAYS = 366;
