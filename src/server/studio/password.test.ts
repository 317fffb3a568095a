import { describe, expect, it } from 'vitest';
import { hashPassword, parsePasswordHash, PBKDF2_ITERATIONS, verifyPassword } from './password';

describe('the studio password hash', () => {
  it('is self-describing, salted and checks the right password only', async () => {
    const text = await hashPassword('correct horse battery');
    expect(text).toMatch(new RegExp(`^pbkdf2-sha256\\$${PBKDF2_ITERATIONS}\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(text).not.toContain('correct horse');
    const stored = parsePasswordHash(text)!;
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('gives the same password a different hash each time (a new salt)', async () => {
    expect(await hashPassword('same', 1000)).not.toBe(await hashPassword('same', 1000));
  });

  it('refuses hash texts it cannot check, including more iterations than Workers compute', () => {
    for (const bad of ['', 'plain', 'pbkdf2-sha256$100000$abc', 'pbkdf2-sha1$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'pbkdf2-sha256$100001$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAA'])
      expect(parsePasswordHash(bad)).toBeUndefined();
  });

  it('takes the same text of a password typed with composed or decomposed accents', async () => {
    const stored = parsePasswordHash(await hashPassword('Kaffee-Café', 1000))!;
    expect(await verifyPassword('Kaffee-Cafe\u0301', stored)).toBe(true);
  });
});
