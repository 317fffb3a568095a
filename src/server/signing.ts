/**
 * HMAC-SHA256 signatures of short texts under one of the shop's secrets, for the links the
 * server hands out: review tokens (reviews/token.ts) and unsubscribe links (wishes/token.ts).
 * Web Crypto, so Node and Workers sign and check alike. Each purpose signs with its own key,
 * derived from the secret and the purpose's name, so one secret serves several purposes
 * without a signature of one ever passing for another.
 */

const encoder = new TextEncoder();

/** base64url without padding (RFC 4648 §5). */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url text, or undefined when it is not one. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
}

export interface Signer {
  /** The signature of `text`, base64url. */
  sign(text: string): Promise<string>;
  /**
   * Whether `signature` is this signer's of `text`, compared in constant time. One spelling per
   * signature: the last character's unused bits must be zero, so a link is never accepted in a
   * second form.
   */
  verify(text: string, signature: string): Promise<boolean>;
}

/**
 * A signer for one purpose under `secret`.
 * @example const signer = hmacSigner(secret, 'fanshop review tokens v1'); await signer.verify(body, await signer.sign(body)) // true
 */
export function hmacSigner(secret: string, purpose: string): Signer {
  const key = crypto.subtle
    .importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    .then((master) => crypto.subtle.sign('HMAC', master, encoder.encode(purpose)))
    .then((derived) => crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));
  return {
    async sign(text) {
      return base64url(new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(text))));
    },
    async verify(text, signature) {
      const bytes = fromBase64url(signature);
      return !!bytes && base64url(bytes) === signature && crypto.subtle.verify('HMAC', await key, bytes, encoder.encode(text));
    },
  };
}
