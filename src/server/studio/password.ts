import { base64url, fromBase64url } from '../signing';

/**
 * The studio's password, stored only as a slow salted hash: PBKDF2-HMAC-SHA256 through Web
 * Crypto, so Node and Workers make and check it alike. Written as one self-describing text,
 * `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url), which `npx fanshop hash-password`
 * prints for FANSHOP_ADMIN_PASSWORD_HASH.
 *
 * Iterations: 100,000, the most Cloudflare Workers compute (workerd refuses more: "iteration
 * counts above 100000 are not supported"; https://github.com/cloudflare/workerd/issues/1346,
 * where the limit is explained as about what fits the old 50 ms CPU budget). OWASP asks for
 * 600,000 with SHA-256; the login throttle (throttle.ts) makes up for part of the difference
 * against guessing online, and the hash never leaves the merchant's settings.
 */

export const PBKDF2_ITERATIONS = 100_000;
/** What workerd computes at most; a stored hash asking for more is refused, not tried. */
const MAX_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS));
}

/**
 * The hash text of `password` with a new random salt.
 * @example await hashPassword('correct horse') // 'pbkdf2-sha256$100000$…$…'
 */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `pbkdf2-sha256$${iterations}$${base64url(salt)}$${base64url(await derive(password, salt, iterations))}`;
}

export interface PasswordHash {
  readonly iterations: number;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly hash: Uint8Array<ArrayBuffer>;
}

/** The parts of a hash text, or undefined when it is not one this server can check. */
export function parsePasswordHash(text: string): PasswordHash | undefined {
  const parts = text.trim().split('$');
  if (parts.length !== 4 || parts[0] !== 'pbkdf2-sha256' || !/^[1-9]\d{0,6}$/.test(parts[1]!)) return undefined;
  const iterations = Number(parts[1]);
  const salt = fromBase64url(parts[2]!);
  const hash = fromBase64url(parts[3]!);
  if (iterations > MAX_ITERATIONS || !salt || salt.length < 8 || !hash || hash.length !== HASH_BITS / 8) return undefined;
  return { iterations, salt, hash };
}

/** Whether `password` is the one `stored` was made from; compared in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, stored.salt, stored.iterations);
  let difference = candidate.length ^ stored.hash.length;
  for (let i = 0; i < stored.hash.length; i++) difference |= (candidate[i] ?? 0) ^ stored.hash[i]!;
  return difference === 0;
}
