import type Stripe from 'stripe';

/**
 * The cart's product and variant ids, kept in the Checkout Session's metadata so the webhook
 * (orders, Meta's Purchase) and the shopper's confirmation can name what was bought: Stripe's
 * line items carry names and amounts, and a line priced by a catalog `stripePriceId` carries no
 * product data of ours at all.
 *
 * Stripe takes at most 50 metadata keys of up to 40 characters, each value up to 500 characters
 * (https://docs.stripe.com/api/metadata). One value holds about two lines of the longest ids,
 * so the cart is written as one text, `<product>/<variant>,<product>,…` in line item order, cut
 * into 500-character pieces under the keys `fanshop_cart_0`, `fanshop_cart_1`, … Ids are
 * letters, digits, "-" and "_" (core/catalog/schema.ts), so "," and "/" never occur in them.
 *
 * The largest cart, FANSHOP_MAX_LINES=100 lines of 100-character product and variant ids, is
 * 100 × 201 characters and 99 commas: 20,199 characters, 41 pieces. With the session's 5 other
 * keys (session-params.ts, and the reservation's id: checkout/route.ts) that is 46 of Stripe's 50.
 */
export const METADATA_MAX_KEYS = 50;
export const METADATA_MAX_VALUE = 500;
/** Keys set besides the cart: fanshop_total, fanshop_ua, fanshop_fbp, fanshop_fbc (session-params.ts) and fanshop_reservation. */
export const OTHER_METADATA_KEYS = 5;
const PREFIX = 'fanshop_cart_';

/** The metadata entries for a cart's lines (ids only; quantities are in the line items). */
export function cartMetadata(lines: readonly { readonly productId: string; readonly variantId: string | null }[]): Record<string, string> {
  const text = lines.map((l) => (l.variantId ? `${l.productId}/${l.variantId}` : l.productId)).join(',');
  const pieces = Math.ceil(text.length / METADATA_MAX_VALUE);
  // Unreachable within the request and catalog limits (see above); a cart without its ids
  // would make orders that cannot be fulfilled, so it is an error, not a shorter text.
  if (pieces > METADATA_MAX_KEYS - OTHER_METADATA_KEYS) throw new Error(`[fanshop] a cart of ${lines.length} lines needs ${pieces} metadata values, more than Stripe takes`);
  return Object.fromEntries(Array.from({ length: pieces }, (_, i) => [`${PREFIX}${i}`, text.slice(i * METADATA_MAX_VALUE, (i + 1) * METADATA_MAX_VALUE)]));
}

/**
 * `[productId, variantId]` per line item, in order, as cartMetadata wrote them; [] when the
 * session has none. Sessions made before the cart was written this way (they stay open for a
 * day) have it as JSON `[[productId, variantId, quantity], …]` in `fanshop_cart`.
 */
export function cartIds(metadata: Stripe.Metadata | null | undefined): [string | null, string | null][] {
  if (!metadata) return [];
  let text = '';
  for (let i = 0; metadata[`${PREFIX}${i}`] !== undefined; i++) text += metadata[`${PREFIX}${i}`];
  if (text) {
    return text.split(',').map((line) => {
      const [productId = '', variantId = ''] = line.split('/');
      return [productId || null, variantId || null];
    });
  }
  return legacyCartIds(metadata['fanshop_cart']);
}

function legacyCartIds(json: string | undefined): [string | null, string | null][] {
  try {
    const cart: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(cart)
      ? cart.map((l) => (Array.isArray(l) ? [typeof l[0] === 'string' ? l[0] : null, typeof l[1] === 'string' ? l[1] : null] : [null, null]))
      : [];
  } catch {
    return [];
  }
}

/** The session's metadata key naming its stock reservation (checkout/route.ts sets it, the webhook reads it). */
export const RESERVATION_KEY = 'fanshop_reservation';
