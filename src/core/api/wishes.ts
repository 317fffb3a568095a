/**
 * "I want this" (`POST /api/wishes`) as the widget and the server both see it
 * (server/wishes/route.ts): a shopper leaves an email for a product that is sold out or coming
 * soon, and the merchant's `onRestock` hook gets it once the product can be bought.
 */

/** The longest email address taken (RFC 5321's limit on a path). */
export const WISH_EMAIL_MAX = 254;

export interface WishRequestBody {
  readonly productId: string;
  /** The variant wished for; leave it out for the product as a whole (all of it sold out). */
  readonly variantId?: string | null;
  readonly email: string;
  /** BCP 47: the language the shopper will be written to in. */
  readonly language: string;
  /** The shopper ticked the consent sentence: one email when it can be bought, and an unsubscribe link. */
  readonly consent: true;
}

/**
 * What `POST /api/wishes` answers, whether the email is new for the product or was left
 * before: nothing about who else is on the list, nor whether this address was.
 */
export interface WishResponse {
  readonly received: true;
}
