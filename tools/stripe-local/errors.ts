/**
 * Stripe's error envelope: `{ error: { code, doc_url, message, param, request_log_url, type } }`
 * with the HTTP status carrying the class of failure. stripe-node turns the status and `type`
 * into its error classes (`generateV1Error` in `stripe/esm/Error.js`): 400/404 ->
 * StripeInvalidRequestError (StripeIdempotencyError when type is `idempotency_error`), 401 ->
 * StripeAuthenticationError, 402 -> StripeCardError, 5xx -> StripeAPIError.
 * https://docs.stripe.com/api/errors and https://docs.stripe.com/error-codes
 */

/** The subset of Stripe's error codes this stand-in answers with (names as in stripe-node's `Code`). */
export type StripeErrorCode =
  | 'parameter_unknown'
  | 'parameter_missing'
  | 'parameter_invalid_empty'
  | 'parameter_invalid_integer'
  | 'parameter_invalid_string_blank'
  | 'parameters_exclusive'
  | 'url_invalid'
  | 'email_invalid'
  | 'amount_too_small'
  | 'resource_missing'
  | 'idempotency_key_in_use';

export type StripeErrorType = 'invalid_request_error' | 'idempotency_error' | 'api_error';

export interface StripeErrorInit {
  type?: StripeErrorType;
  code?: StripeErrorCode;
  message: string;
  param?: string;
}

/** The JSON inside `{ error: ... }`, keys in the order Stripe sends them. */
export interface StripeErrorBody {
  code?: StripeErrorCode;
  doc_url?: string;
  message: string;
  param?: string;
  request_log_url: null;
  type: StripeErrorType;
}

/**
 * Builds an error body the way Stripe does: `doc_url` only when there is a code, and
 * `request_log_url` null because there is no Dashboard to link to.
 * @example stripeError({ code: 'parameter_unknown', param: 'foo', message: 'Received unknown parameter: foo' })
 */
export function stripeError(init: StripeErrorInit): StripeErrorBody {
  return {
    ...(init.code ? { code: init.code, doc_url: `https://stripe.com/docs/error-codes/${init.code.replace(/_/g, '-')}` } : {}),
    message: init.message,
    ...(init.param !== undefined ? { param: init.param } : {}),
    request_log_url: null,
    type: init.type ?? 'invalid_request_error',
  };
}

/** A failed API call: the HTTP status and the error body to send with it. */
export interface ApiFailure {
  status: 400 | 401 | 404 | 409 | 413 | 500;
  error: StripeErrorBody;
}

export const invalid = (init: StripeErrorInit): ApiFailure => ({ status: 400, error: stripeError(init) });

/**
 * 401 as Stripe sends it. Stripe shows the key with its middle masked, so logs never hold it.
 * https://docs.stripe.com/keys
 */
export function authenticationFailure(key: string | null): ApiFailure {
  if (key === null) {
    return {
      status: 401,
      error: stripeError({
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      }),
    };
  }
  const hint = /^(sk|rk)_live_/.test(key) ? ' This local stand-in is test mode only: use an sk_test_ key.' : '';
  return { status: 401, error: stripeError({ message: `Invalid API Key provided: ${maskKey(key)}${hint}` }) };
}

/** `sk_test_51Habc...wxyz` -> `sk_test_************wxyz`, as Stripe's 401 messages show keys. */
export function maskKey(key: string): string {
  if (key.length <= 12) return '*'.repeat(key.length);
  const prefix = /^[a-z]{2}_(test|live)_/.exec(key)?.[0] ?? '';
  return `${prefix}${'*'.repeat(key.length - prefix.length - 4)}${key.slice(-4)}`;
}

/** 404 for an id that does not exist, worded like Stripe's `resource_missing`. */
export function noSuch(objectName: string, id: string, param?: string): ApiFailure {
  return {
    status: 404,
    error: stripeError({ code: 'resource_missing', message: `No such ${objectName}: '${id}'`, ...(param ? { param } : {}) }),
  };
}
