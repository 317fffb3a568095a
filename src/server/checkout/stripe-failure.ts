import type { Context } from 'hono';
import { apiError, errorResponse } from '../http/api-error';

/**
 * Why a Stripe API call failed, as the SDK reports it (its error classes, `type` and
 * `statusCode`: https://docs.stripe.com/api/errors and https://docs.stripe.com/error-handling):
 *
 * - `unavailable`: Stripe could not be reached (StripeConnectionError: no connection, a
 *   timeout), failed itself (a 5xx, StripeAPIError) or asks us to slow down (429). Trying again
 *   later can work: the shopper gets 502 payment_provider_error.
 * - `refused`: Stripe answered and refused what this server sent (any other 4xx: invalid
 *   parameters, an unknown price, a wrong or restricted key, an idempotency key reused with
 *   other parameters). The same request fails the same way every time, so it is a bug in the
 *   server or a fault in its settings or catalog, never the shopper's network: logged as a bug,
 *   answered 500 internal_error.
 * - `other`: not an answer of Stripe's API at all (a bug of ours thrown inside the call).
 */
export type StripeFailure = 'unavailable' | 'refused' | 'other';

interface StripeErrorFields {
  readonly type?: unknown;
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly param?: unknown;
  readonly message?: unknown;
  readonly requestId?: unknown;
}

export function stripeFailure(error: unknown): StripeFailure {
  const { type, statusCode } = (error ?? {}) as StripeErrorFields;
  if (typeof type !== 'string' || !type.startsWith('Stripe')) return 'other';
  if (type === 'StripeConnectionError') return 'unavailable';
  if (typeof statusCode !== 'number') return 'other';
  return statusCode >= 500 || statusCode === 429 ? 'unavailable' : 'refused';
}

/**
 * The answer to a failed Stripe call made for `what` ("a Checkout Session"), logged: 502 when
 * Stripe is unavailable, 500 when it refused us. Anything that is not Stripe's answer is thrown
 * on to app.onError.
 */
export function stripeFailureResponse(c: Context, what: string, error: unknown): Response {
  const failure = stripeFailure(error);
  if (failure === 'other') throw error;
  if (failure === 'refused') {
    console.error(describeRefusal(what, error));
    return errorResponse(c, apiError('internal_error', 'The shop’s server could not do this; the fault is the shop’s, not yours.'));
  }
  console.error(`[fanshop] Stripe is not available for ${what}; the shopper may try again:`, error instanceof Error ? error.message : error);
  return errorResponse(c, apiError('payment_provider_error', 'The payment provider is not reachable; try again.'));
}

/** The log line for a refusal: what was asked, and Stripe's code, parameter, message and request id. */
export function describeRefusal(what: string, error: unknown): string {
  const { statusCode, code, param, message, requestId } = (error ?? {}) as StripeErrorFields;
  const details = [statusCode && `HTTP ${String(statusCode)}`, code && `code ${String(code)}`, param && `param ${String(param)}`, requestId && `request ${String(requestId)}`].filter(Boolean).join(', ');
  return `[fanshop] BUG: Stripe refused ${what} (${details}): ${String(message ?? error)}. The same request will fail again until the server, its settings or the catalog are fixed.`;
}
