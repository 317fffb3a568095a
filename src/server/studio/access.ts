import { base64url } from '../signing';
import { parsePasswordHash, PBKDF2_ITERATIONS, verifyPassword, type PasswordHash } from './password';
import { sessionKeeper, type SessionKeeper } from './session';

/** The studio's password as the settings give it: its hash (FANSHOP_ADMIN_PASSWORD_HASH), or itself (FANSHOP_ADMIN_PASSWORD, the demo's). */
export type StudioPassword = { readonly hash: string } | { readonly plain: string };

export interface StudioAccess {
  check(password: string): Promise<boolean>;
  readonly sessions: SessionKeeper;
}

/**
 * The password check and the session keeper, made once, on first use (a plain password's hash
 * takes one PBKDF2 run, ~50 ms, which no request before the studio's should wait for).
 *
 * Sessions are signed with a key from the stored hash: the same on every instance and every
 * Workers isolate without another setting, and a new password ends every session. A plain
 * password is hashed with a fixed salt for the same reason (each isolate must arrive at the same
 * key); a hash from `fanshop hash-password` has its own random salt.
 */
export function studioAccess(password: StudioPassword): () => Promise<StudioAccess> {
  let made: Promise<StudioAccess> | undefined;
  return () =>
    (made ??= (async () => {
      const stored = 'hash' in password ? parsePasswordHash(password.hash) : await fixedSaltHash(password.plain);
      // settings/schema.ts refuses a hash it cannot parse, so this is a caller's mistake.
      if (!stored) throw new Error('[fanshop] FANSHOP_ADMIN_PASSWORD_HASH is not a hash made by: npx fanshop hash-password');
      return {
        check: (candidate) => verifyPassword(candidate, stored),
        sessions: sessionKeeper(`${base64url(stored.salt)}.${base64url(stored.hash)}`),
      };
    })());
}

const FIXED_SALT = new TextEncoder().encode('fanshop studio password v1');

async function fixedSaltHash(plain: string): Promise<PasswordHash> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(plain.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const hash = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: FIXED_SALT, iterations: PBKDF2_ITERATIONS }, key, 256));
  return { iterations: PBKDF2_ITERATIONS, salt: Uint8Array.from(FIXED_SALT), hash };
}
