/**
 * Object ids that look like Stripe's: a type prefix and base62 randomness from Web Crypto, so
 * code that checks `startsWith('cs_test_')` or stores ids in a column sized for Stripe's keeps
 * working. Lengths follow the examples in Stripe's OpenAPI fixtures.
 * https://docs.stripe.com/api/checkout/sessions/object
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` base62 characters, unbiased (bytes >= 248 are drawn again). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export const newId = {
  /** `cs_test_a1…`, 66 characters like the fixture's. */
  checkoutSession: () => `cs_test_a1${randomBase62(56)}`,
  /** The embedded-page secret Stripe.js is initialised with: the session id plus a secret. */
  clientSecret: (sessionId: string) => `${sessionId}_secret_${randomBase62(24)}`,
  event: () => `evt_1${randomBase62(23)}`,
  paymentIntent: () => `pi_3${randomBase62(23)}`,
  lineItem: () => `li_1${randomBase62(23)}`,
  price: () => `price_1${randomBase62(23)}`,
  product: () => `prod_${randomBase62(14)}`,
  request: () => `req_${randomBase62(14)}`,
};
