import { describe, expect, it } from 'vitest';
import { normalizeEmail, parseWishRequest } from './request';
import { unsubscribeTokens } from './token';

describe('normalizeEmail', () => {
  it.each([
    [' Fan@Example.COM ', 'Fan@example.com'],
    ['jürgen.fan+tour@bücher.example', 'jürgen.fan+tour@xn--bcher-kva.example'],
    ["o'neil_99@mail.co.uk", "o'neil_99@mail.co.uk"],
    ['a@b.xn--p1ai', 'a@b.xn--p1ai'],
  ])('keeps %s as %s', (input, output) => {
    expect(normalizeEmail(input)).toBe(output);
  });

  it.each(['', 'fan', 'fan@', '@example.com', 'fan@example', 'fan@example.c', 'fan@@example.com', 'fan..x@example.com', '.fan@example.com', 'fan@-example.com', 'fan@example.com:25', 'fan@example.com/x', 'f an@example.com', '"fan"@example.com', 'fan@[192.0.2.1]', 'fan@exa_mple.com', `${'x'.repeat(65)}@example.com`, `fan@${'a'.repeat(250)}.com`, 'fan@example.123'])('refuses %j', (input) => {
    expect(normalizeEmail(input)).toBeUndefined();
  });
});

describe('parseWishRequest', () => {
  const ok = { productId: 'tee', email: 'Fan@Example.com', language: 'DE-at', consent: true };
  it('takes a wish, the email normalised, the language canonical, no variant as null', () => {
    expect(parseWishRequest(ok)).toEqual({ ok: true, request: { productId: 'tee', variantId: null, email: 'Fan@example.com', language: 'de-AT' } });
    expect(parseWishRequest({ ...ok, variantId: 'tee-m' })).toMatchObject({ ok: true, request: { variantId: 'tee-m' } });
  });

  it('says every field that is wrong', () => {
    const parsed = parseWishRequest({ productId: '', email: 5, language: 'english!', consent: 'yes' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.path).sort()).toEqual(['consent', 'email', 'language', 'productId']);
    expect(parseWishRequest({ ...ok, email: 'not an email' })).toEqual({ ok: false, issues: [{ path: 'email', message: 'must be an email address such as fan@example.com' }] });
    expect(parseWishRequest({ ...ok, consent: false })).toMatchObject({ ok: false, issues: [{ path: 'consent' }] });
  });
});

describe('unsubscribe tokens', () => {
  const tokens = unsubscribeTokens('a-review-secret-of-at-least-32-characters');
  it('give back the wish they were signed for, and nothing for a changed, foreign or review token', async () => {
    const token = await tokens.sign('6a1c2b4e-1111-4222-8333-944455556666');
    expect(token).toMatch(/^u1\.[\w-]+\.[A-Za-z0-9_-]{43}$/);
    expect(await tokens.verify(token)).toBe('6a1c2b4e-1111-4222-8333-944455556666');
    const other = await unsubscribeTokens('another-secret-of-at-least-32-characters').sign('6a1c2b4e-1111-4222-8333-944455556666');
    const [, id, signature] = token.split('.') as [string, string, string];
    for (const bad of [other, `u1.${id}x.${signature}`, `u2.${id}.${signature}`, `u1.${id}`, `u1.${id}.${signature}.x`, '', 'x'.repeat(300)]) expect(await tokens.verify(bad)).toBeUndefined();
  });
});
