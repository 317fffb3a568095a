import { base64url, fromBase64url, hmacSigner } from '../signing';

/**
 * Review tokens: what proves a shopper bought what they review. A token names a paid Checkout
 * Session, the products (and variants) it bought and when the token stops working, signed with
 * HMAC-SHA256 under the shop's review secret (FANSHOP_REVIEW_SECRET) by signing.ts.
 *
 * Form: `r1.<claims>.<signature>`, both parts base64url (RFC 4648 §5), the claims JSON. The
 * token is self-contained, so the confirmation can hand it out before the webhook has saved the
 * order; it is made from the session's own creation time, so asking again gives the same token
 * and never a later expiry.
 */

/** How long after payment a token works: long enough for the goods to arrive and be tried. */
export const REVIEW_TOKEN_DAYS = 120;

export interface ReviewClaims {
  /** The Checkout Session id: the order. */
  readonly orderId: string;
  readonly products: readonly { readonly productId: string; readonly variantId: string | null }[];
  readonly expiresAt: Date;
}

export type TokenCheck = { readonly ok: true; readonly claims: ReviewClaims } | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

export interface ReviewTokens {
  sign(claims: ReviewClaims): Promise<string>;
  /** The claims of a token this shop signed that has not expired at `now`; why not otherwise. */
  verify(token: string, now: Date): Promise<TokenCheck>;
}

/**
 * The longest token accepted: 100 lines (Stripe's most) of products and variants with ids of
 * 100 characters (the catalog's longest) come to about 29,000. A usual cart's is a few hundred.
 */
export const MAX_TOKEN_LENGTH = 32_768;

const encoder = new TextEncoder();

/** The claims as signed: short keys, seconds, `[productId, variantId]` pairs. */
type Wire = { s: string; p: [string, string | null][]; e: number };

function isWire(value: unknown): value is Wire {
  if (typeof value !== 'object' || value === null) return false;
  const { s, p, e } = value as Record<string, unknown>;
  return (
    typeof s === 'string' &&
    Number.isSafeInteger(e) &&
    Array.isArray(p) &&
    p.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && (typeof pair[1] === 'string' || pair[1] === null))
  );
}

/**
 * Signs and checks review tokens with `secret` (32 characters or more).
 * @example
 * const tokens = reviewTokens(settings.FANSHOP_REVIEW_SECRET);
 * const token = await tokens.sign({ orderId: 'cs_test_1', products: [{ productId: 'tee', variantId: 'tee-m' }], expiresAt });
 * (await tokens.verify(token, new Date())).ok // true
 */
export function reviewTokens(secret: string): ReviewTokens {
  // Its own key: the secret also signs unsubscribe links (wishes/token.ts), with another.
  const signer = hmacSigner(secret, 'fanshop review tokens v1');
  return {
    async sign(claims) {
      const wire: Wire = { s: claims.orderId, p: claims.products.map((p) => [p.productId, p.variantId]), e: Math.floor(claims.expiresAt.getTime() / 1000) };
      const body = base64url(encoder.encode(JSON.stringify(wire)));
      return `r1.${body}.${await signer.sign(`r1.${body}`)}`;
    },
    async verify(token, now) {
      if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
      const [version, body, signed, ...rest] = token.split('.');
      if (version !== 'r1' || body === undefined || signed === undefined || rest.length) return { ok: false, reason: 'invalid' };
      if (!(await signer.verify(`r1.${body}`, signed))) return { ok: false, reason: 'invalid' };
      let wire: unknown;
      try {
        wire = JSON.parse(new TextDecoder().decode(fromBase64url(body)));
      } catch {
        return { ok: false, reason: 'invalid' };
      }
      if (!isWire(wire)) return { ok: false, reason: 'invalid' };
      if (wire.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { orderId: wire.s, products: wire.p.map(([productId, variantId]) => ({ productId, variantId })), expiresAt: new Date(wire.e * 1000) } };
    },
  };
}

/** When the review token of an order paid (created) at `paidAt` stops working. */
export const reviewTokenExpiry = (paidAt: Date) => new Date(paidAt.getTime() + REVIEW_TOKEN_DAYS * 86_400_000);

/**
 * The secret of the local test mode (Node without STRIPE_SECRET_KEY, never in production): known
 * to anyone who reads this file, which is fine where no real payment can be made, and the same
 * on every start, so review links keep working across restarts of a demo.
 */
export const LOCAL_TEST_MODE_REVIEW_SECRET = 'fanshop-local-test-mode-review-secret-not-for-real-shops';
