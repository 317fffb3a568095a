// @ts-check
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No Stripe secret key can reach the browser: everything the build serves (dist/client) is
 * scanned for secret (`sk_`) and restricted (`rk_`) key prefixes. `npm test` builds first.
 */
const client = new URL('../dist/client/', import.meta.url).pathname;

/** @param {string} dir @returns {string[]} */
const files = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

describe('the built assets', () => {
  it('contain no Stripe secret or restricted key', () => {
    if (!existsSync(client)) throw new Error('dist/client is missing: run npm run build first');
    const served = files(client);
    expect(served.length).toBeGreaterThan(10);
    const leaks = served.filter((file) => /\b(sk|rk)_(test|live)_[A-Za-z0-9]/.test(readFileSync(file, 'utf8')));
    expect(leaks).toEqual([]);
  });

  it('would catch a key if one were there (the pattern matches a real-looking key)', () => {
    expect(/\b(sk|rk)_(test|live)_[A-Za-z0-9]/.test('const key = "sk_live_51Habc";')).toBe(true);
  });
});
