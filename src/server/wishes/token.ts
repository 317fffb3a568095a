import { hmacSigner } from '../signing';

/**
 * Unsubscribe links of "Notify me": `u1.<wish id>.<signature>`, HMAC-SHA256 under the shop's
 * FANSHOP_REVIEW_SECRET with a key of their own (signing.ts). They do not expire: a link in an
 * email must work whenever it is clicked. The wish id is random and names nothing personal.
 */
export interface UnsubscribeTokens {
  sign(wishId: string): Promise<string>;
  /** The wish id of a token this shop signed, or undefined. */
  verify(token: string): Promise<string | undefined>;
}

/** Wish ids are UUIDs; with the prefix and the signature a token is about 90 characters. */
export const MAX_UNSUBSCRIBE_TOKEN_LENGTH = 200;

/**
 * @example const tokens = unsubscribeTokens(settings.FANSHOP_REVIEW_SECRET); await tokens.verify(await tokens.sign(wish.id)) // wish.id
 */
export function unsubscribeTokens(secret: string): UnsubscribeTokens {
  const signer = hmacSigner(secret, 'fanshop unsubscribe links v1');
  return {
    async sign(wishId) {
      return `u1.${wishId}.${await signer.sign(`u1.${wishId}`)}`;
    },
    async verify(token) {
      if (token.length > MAX_UNSUBSCRIBE_TOKEN_LENGTH) return undefined;
      const [version, wishId, signature, ...rest] = token.split('.');
      if (version !== 'u1' || !wishId || !/^[\w-]+$/.test(wishId) || signature === undefined || rest.length) return undefined;
      return (await signer.verify(`u1.${wishId}`, signature)) ? wishId : undefined;
    },
  };
}

/**
 * The one-click unsubscribe link of a wish, on the shop's server (the catalog's baseUrl): a GET
 * shows a page with a button, a POST (the button, or a mail client's RFC 8058 one-click)
 * unsubscribes. Put it in the email's `List-Unsubscribe` header with `List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click`, and in its text.
 * @example unsubscribeUrl('https://shop.example', 'u1.abc.def') // "https://shop.example/api/wishes/unsubscribe?token=u1.abc.def"
 */
export function unsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/wishes/unsubscribe?token=${encodeURIComponent(token)}`;
}
