/**
 * Every error code the shop's APIs answer with, for every route: the server gives each its one
 * HTTP status (server/http/api-error.ts), the widget a translated sentence where a shopper can
 * act on it (widget/checkout/messages-*.ts) and a general "try again" otherwise.
 */
export const API_ERROR_CODES = [
  'malformed_json',
  'invalid_request',
  'too_many_ids',
  'signature_missing',
  'signature_invalid',
  'invalid_event',
  'origin_not_allowed',
  'session_not_found',
  'unknown_product',
  'unknown_variant',
  'variant_required',
  'sold_out',
  'quantity_above_stock',
  'body_too_large',
  'unsupported_media_type',
  'empty_cart',
  'too_many_lines',
  'invalid_quantity',
  'rate_limited',
  'internal_error',
  'payment_provider_error',
  'catalog_unavailable',
  'likes_unavailable',
  'checkout_not_configured',
  'webhook_not_configured',
  'review_token_invalid',
  'review_token_expired',
  'product_not_in_order',
  'review_edit_closed',
  'review_exists',
  'review_not_found',
  'reviews_unavailable',
  'reviews_not_configured',
  'coming_soon',
  'product_available',
  'wishes_unavailable',
  'wishes_not_configured',
  'recommendations_unavailable',
  'studio_off',
  'studio_signed_out',
  'studio_password_wrong',
  'studio_catalog_not_a_file',
  'studio_catalog_invalid',
  'analytics_off',
  'events_unavailable',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The `error` of an error answer. */
export interface ApiError {
  readonly code: ApiErrorCode;
  /** An English sentence for logs and API users; shoppers see the widget's translation. */
  readonly message: string;
  /** The index in the request of the cart line the error concerns (checkout). */
  readonly lineIndex?: number;
  /** `invalid_quantity`: the most units of one line the server accepts (FANSHOP_MAX_QUANTITY). */
  readonly maxQuantity?: number;
  /** `invalid_request` of a review: every field that is wrong, and why. */
  readonly issues?: readonly ApiIssue[];
}

/** One thing wrong with a request body: where (`rating`, `text`), and what it must be. */
export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

/** An error answer: `{ error: { code, message, … } }`. */
export interface ApiErrorBody {
  readonly error: ApiError;
}
