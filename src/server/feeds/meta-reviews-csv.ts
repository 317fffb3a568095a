import type { Catalog } from '../../core/catalog/types';
import { localize } from '../../core/catalog/localize';
import { productPageUrl } from '../../core/catalog/product-urls';
import type { Review } from '../reviews/store';
import { csvDocument } from './csv';

/**
 * The shop's reviews as Meta's product ratings and reviews feed (Commerce Manager, a data feed
 * of type PRODUCT_RATINGS_AND_REVIEWS), in CSV, with the columns of Meta's "Product Review Feed
 * Schema" (https://developers.facebook.com/docs/commerce-platform/platforms/feed-schema-csv):
 * - required: `store.name`, `store.storeUrls`, `reviewID`, `rating` (1–5), `content` (a
 *   non-empty text: reviews of stars alone are left out), `created_at` (ISO 8601),
 *   `incentivized`, `product.name` and `product.url`;
 * - filled as well: `aggregator`, `updated_at`, `has_verified_purchase` (always true: only
 *   buyers review), `reviewer.name` with `reviewer.isAnonymous` (a review signed with no name is
 *   "Anonymous", as the schema wants a name whenever isAnonymous is given), and
 *   `product.productIdentifiers.skus`, the ids the catalog feed (meta-csv.ts) names the product's
 *   items by, so Meta matches reviews to catalog items.
 * Lists are JSON arrays in their cell, as Meta's own commerce extensions write them; booleans are
 * `true` and `false`. Only published reviews of products still in the catalog are in it.
 */
export const META_REVIEW_FEED_COLUMNS = [
  'aggregator',
  'store.name',
  'store.storeUrls',
  'reviewID',
  'rating',
  'content',
  'created_at',
  'updated_at',
  'incentivized',
  'has_verified_purchase',
  'reviewer.name',
  'reviewer.isAnonymous',
  'product.name',
  'product.url',
  'product.productIdentifiers.skus',
] as const;

type Column = (typeof META_REVIEW_FEED_COLUMNS)[number];

export interface MetaReviewFeedOptions {
  /** Absolute base of product links: the catalog's `shop.baseUrl` unless given. */
  readonly baseUrl?: string | undefined;
  /** Language of product names; the catalog's default unless given. */
  readonly locale?: string | undefined;
}

/**
 * @example metaReviewsCsv(catalog, await store.allReviews(['published'])) // "aggregator,store.name,…\r\nFanshop,…\r\n"
 */
export function metaReviewsCsv(catalog: Catalog, reviews: readonly Review[], options: MetaReviewFeedOptions = {}): string {
  const baseUrl = (options.baseUrl ?? catalog.shop.baseUrl).replace(/\/+$/, '');
  const locale = options.locale ?? catalog.shop.defaultLocale;
  const text = (value: Readonly<Record<string, string>>) => localize(value, locale, catalog.shop.defaultLocale);
  const products = new Map(catalog.products.map((p) => [p.id, p]));
  const store: Partial<Record<Column, string>> = {
    aggregator: 'Fanshop',
    'store.name': text(catalog.shop.name),
    'store.storeUrls': JSON.stringify([new URL(baseUrl).host]),
  };
  const rows = reviews.flatMap((review) => {
    const product = products.get(review.productId);
    if (review.status !== 'published' || !product || !review.text) return [];
    const fields: Partial<Record<Column, string>> = {
      ...store,
      reviewID: review.id,
      rating: String(review.rating),
      content: review.text,
      created_at: review.createdAt,
      updated_at: review.updatedAt,
      incentivized: 'false',
      has_verified_purchase: 'true',
      'reviewer.name': review.name ?? 'Anonymous',
      'reviewer.isAnonymous': review.name ? 'false' : 'true',
      'product.name': text(product.title),
      'product.url': productPageUrl(baseUrl, product.id),
      'product.productIdentifiers.skus': JSON.stringify(product.variants.length ? product.variants.map((v) => v.id) : [product.id]),
    };
    return [META_REVIEW_FEED_COLUMNS.map((column) => fields[column] ?? '')];
  });
  return csvDocument(META_REVIEW_FEED_COLUMNS, rows);
}
