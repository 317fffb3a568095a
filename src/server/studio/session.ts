import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { base64url, hmacSigner, type Signer } from '../signing';

/**
 * The merchant's studio session: a cookie holding its expiry and a random id, signed with
 * HMAC-SHA256 (signing.ts), so the server keeps nothing per session and every instance of it
 * (Workers isolates) checks it alike. HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), Secure except over plain http to the local machine; over https it is a
 * `__Host-` cookie, which the browser keeps only from this exact host, on `/`, Secure.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#cookie_prefixes
 */

export const SESSION_HOURS = 12;
const SECURE_NAME = '__Host-fanshop-studio';
const LOCAL_NAME = 'fanshop-studio';
const VERSION = 'v1';

export interface SessionKeeper {
  /** Sets a new session's cookie on the answer; returns when it ends. */
  start(c: Context, now?: number): Promise<Date>;
  /** The session of this request's cookie, or undefined when there is none, it is forged, expired or logged out. */
  read(c: Context, now?: number): Promise<{ id: string; expiresAt: Date } | undefined>;
  /** Logs this request's session out: the cookie cleared, and its id refused until it would have ended. */
  end(c: Context): Promise<void>;
}

/** Plain http to this machine, the one place a cookie may go without Secure (browsers allow it there too). */
export function isLocalHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]');
}

/** Sessions signed under `secret` (a purpose of its own: no review token passes for a session). */
export function sessionKeeper(secret: string, options: { hours?: number } = {}): SessionKeeper {
  const signer: Signer = hmacSigner(secret, 'fanshop studio sessions v1');
  const lifetime = (options.hours ?? SESSION_HOURS) * 3_600_000;
  // Logged-out ids until their expiry: in memory, per instance, so a copied cookie of a logged-out
  // session is refused here; the cookie itself is deleted from the browser either way.
  const ended = new Map<string, number>();
  const name = (c: Context) => (isLocalHttp(c.req.url) ? LOCAL_NAME : SECURE_NAME);
  return {
    async start(c, now = Date.now()) {
      const expires = now + lifetime;
      const id = base64url(crypto.getRandomValues(new Uint8Array(18)));
      const body = `${VERSION}.${expires}.${id}`;
      const secure = !isLocalHttp(c.req.url);
      setCookie(c, name(c), `${body}.${await signer.sign(body)}`, { httpOnly: true, secure, sameSite: 'Strict', path: '/', expires: new Date(expires) });
      return new Date(expires);
    },
    async read(c, now = Date.now()) {
      const value = getCookie(c, name(c));
      const match = value ? /^(v1\.(\d{13})\.([\w-]{24}))\.([\w-]{43})$/.exec(value) : null;
      if (!match || !(await signer.verify(match[1]!, match[4]!))) return undefined;
      const expires = Number(match[2]);
      const id = match[3]!;
      if (expires <= now || expires > now + lifetime) return undefined;
      const endedUntil = ended.get(id);
      if (endedUntil !== undefined) return undefined;
      return { id, expiresAt: new Date(expires) };
    },
    async end(c) {
      const session = await this.read(c);
      if (session) {
        const now = Date.now();
        for (const [id, until] of ended) if (until <= now) ended.delete(id);
        ended.set(session.id, session.expiresAt.getTime());
      }
      deleteCookie(c, name(c), { path: '/', secure: !isLocalHttp(c.req.url), httpOnly: true, sameSite: 'Strict' });
    },
  };
}
