import type { Context } from 'hono';
import type { ApiError, ApiErrorCode } from '../../core/api/errors';

export type { ApiError, ApiErrorCode };

/**
 * Every error code the shop's JSON APIs answer (checkout, likes, webhooks, the catalog), each
 * with its one HTTP status, whichever route answers it. The widget shows a translated message
 * for the codes it knows (src/widget/checkout/messages-en.ts) and a general "try again" for the
 * rest, so a new code here needs no change in the widget to be safe.
 */
export const API_ERROR_STATUS = {
  /** The body is not JSON. */
  malformed_json: 400,
  /** The body is JSON but not the request the route takes (a field missing or of the wrong shape). */
  invalid_request: 400,
  too_many_ids: 400,
  signature_missing: 400,
  signature_invalid: 400,
  /** A correctly signed Stripe event that lacks a field the webhook needs. */
  invalid_event: 400,
  origin_not_allowed: 403,
  session_not_found: 404,
  // The cart and the catalog disagree (the catalog changed since the page loaded).
  unknown_product: 409,
  unknown_variant: 409,
  variant_required: 409,
  sold_out: 409,
  quantity_above_stock: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  empty_cart: 422,
  too_many_lines: 422,
  invalid_quantity: 422,
  rate_limited: 429,
  /** A fault of this server (a bug): logged with the route, never shown in detail. */
  internal_error: 500,
  /** Stripe could not be reached or failed itself (a network error or a 5xx): try again. */
  payment_provider_error: 502,
  catalog_unavailable: 503,
  likes_unavailable: 503,
  /** Checkout or webhooks lack a setting (STRIPE_SECRET_KEY, a store); the log says which. */
  checkout_not_configured: 503,
  webhook_not_configured: 503,
  // Reviews (reviews/route.ts): a token that is not ours, or no longer good, or a product the
  // order did not buy; a second review of one product from one order; an edit after 30 days.
  review_token_invalid: 403,
  review_token_expired: 403,
  product_not_in_order: 403,
  review_edit_closed: 403,
  review_exists: 409,
  review_not_found: 404,
  reviews_unavailable: 503,
  /** FANSHOP_REVIEW_SECRET is not set: no review can be written (the log says so). */
  reviews_not_configured: 503,
  /** The catalog marks the product coming soon: not on sale yet (checkout), like `sold_out`. */
  coming_soon: 409,
  /** "Notify me" for a product that can be bought now (wishes/route.ts). */
  product_available: 409,
  wishes_unavailable: 503,
  /** FANSHOP_REVIEW_SECRET, which also signs unsubscribe links, is not set. */
  wishes_not_configured: 503,
  recommendations_unavailable: 503,
  // The studio (studio/): no password is set, so nothing of it exists; no (valid) session; a
  // wrong password; a catalog the server does not read from a file; a catalog that does not
  // pass `fanshop validate`.
  studio_off: 404,
  studio_signed_out: 401,
  studio_password_wrong: 401,
  studio_catalog_not_a_file: 409,
  studio_catalog_invalid: 422,
  /** FANSHOP_ANALYTICS=off: the shop keeps no events (events/route.ts). */
  analytics_off: 403,
  events_unavailable: 503,
} as const satisfies Record<ApiErrorCode, number>;

/**
 * An error with the fields it carries besides its code and message (lineIndex, a limit, …).
 * @example apiError('invalid_quantity', 'The quantity must be a whole number from 1 to 99.', { lineIndex: 2 })
 */
export function apiError(code: ApiErrorCode, message: string, fields: { readonly [K in Exclude<keyof ApiError, 'code' | 'message'>]?: ApiError[K] | undefined } = {}): ApiError {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return { code, message, ...defined };
}

/** The JSON answer for an error, with the status of its code. */
export function errorResponse(c: Context, error: ApiError, headers?: Record<string, string>): Response {
  return c.json({ error }, API_ERROR_STATUS[error.code], headers);
}
