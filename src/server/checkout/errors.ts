/**
 * Every way a checkout request can be refused, with the HTTP status it gets. The widget shows a
 * translated message for each code, next to the cart line `lineIndex` points at.
 */
export type CheckoutErrorCode =
  | 'malformed_json'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'invalid_request'
  | 'empty_cart'
  | 'too_many_lines'
  | 'invalid_quantity'
  | 'unknown_product'
  | 'unknown_variant'
  | 'variant_required'
  | 'sold_out'
  | 'quantity_above_stock'
  | 'origin_not_allowed'
  | 'rate_limited'
  | 'session_not_found'
  | 'payment_provider_error';

export interface CheckoutError {
  readonly code: CheckoutErrorCode;
  /** An English sentence for logs and API users; shoppers see the widget's translation. */
  readonly message: string;
  readonly lineIndex?: number;
  /**
   * With `invalid_quantity`: the most units of one line this server accepts
   * (FANSHOP_MAX_QUANTITY), which may be fewer than the widget allows; its message names it.
   */
  readonly maxQuantity?: number;
}

export const errorStatus: Record<CheckoutErrorCode, 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502> = {
  malformed_json: 400,
  unsupported_media_type: 415,
  body_too_large: 413,
  invalid_request: 400,
  empty_cart: 422,
  too_many_lines: 422,
  invalid_quantity: 422,
  unknown_product: 409,
  unknown_variant: 409,
  variant_required: 409,
  sold_out: 409,
  quantity_above_stock: 409,
  origin_not_allowed: 403,
  rate_limited: 429,
  session_not_found: 404,
  payment_provider_error: 502,
};

export function checkoutError(code: CheckoutErrorCode, message: string, lineIndex?: number, limit?: { maxQuantity: number }): CheckoutError {
  return { code, message, ...(lineIndex === undefined ? {} : { lineIndex }), ...limit };
}
