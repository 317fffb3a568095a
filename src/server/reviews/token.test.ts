import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH, reviewTokens } from './token';
import { cleanText, parseReviewRequest } from './request';

const tokens = reviewTokens('a-review-secret-of-at-least-32-characters');
const claims = { orderId: 'cs_test_a1', products: [{ productId: 'tee', variantId: 'tee-m' }, { productId: 'mug', variantId: null }], expiresAt: new Date('2027-03-01T00:00:00Z') };
const before = new Date('2027-02-28T23:59:59Z');

describe('review tokens', () => {
  it('give back exactly the claims they were signed with, until they expire', async () => {
    const token = await tokens.sign(claims);
    expect(token).toMatch(/^r1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(await tokens.verify(token, before)).toEqual({ ok: true, claims });
    expect(await tokens.verify(token, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    // The same claims, the same token: asking again never makes a new one.
    expect(await tokens.sign(claims)).toBe(token);
  });

  it('are refused when signed with another secret, changed, cut or not tokens at all', async () => {
    const token = await tokens.sign(claims);
    const other = await reviewTokens('another-secret-of-at-least-32-characters').sign(claims);
    const [, body, signature] = token.split('.') as [string, string, string];
    const longer = Buffer.from(JSON.stringify({ s: 'cs_test_a1', p: [['tee', 'tee-m'], ['mug', null], ['cap', null]], e: 1_900_000_000 })).toString('base64url');
    // The signature's last character carries 2 unused bits: another spelling of the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = `${signature.slice(0, -1)}${alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1]}`;
    expect(Buffer.from(respelled, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    for (const bad of [`r1.${body}.${respelled}`, other, `r1.${longer}.${signature}`, `r2.${body}.${signature}`, `r1.${body}`, `r1.${body}.${signature}.x`, `r1.${body}.${signature.slice(1)}`, 'r1.%%%.%%%', '', 'x'.repeat(MAX_TOKEN_LENGTH + 1)]) {
      expect(await tokens.verify(bad, before), bad.slice(0, 40)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuse a correctly signed body that is not claims', async () => {
    // Signed as the shop signs, by a secret that leaked into a test: the shape is still checked.
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('a-review-secret-of-at-least-32-characters'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const derived = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('fanshop review tokens v1'));
    const signer = await crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const body = Buffer.from(JSON.stringify({ s: 1, p: 'tee', e: 'soon' })).toString('base64url');
    const signature = Buffer.from(await crypto.subtle.sign('HMAC', signer, new TextEncoder().encode(`r1.${body}`))).toString('base64url');
    expect(await tokens.verify(`r1.${body}.${signature}`, before)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('review texts', () => {
  it('are trimmed plain text without control or bidi-override characters, at most one empty line in a row', () => {
    expect(cleanText('  Great\r\n\r\n\r\nmug\u0007 \u202Eevil\u202C\tok ', { lines: true })).toBe('Great\n\nmug evil ok');
    expect(cleanText('Ann\n  Lee', { lines: false })).toBe('Ann Lee');
    expect(cleanText(' \u0000 \n ', { lines: true })).toBeNull();
    expect(cleanText('<img src=x onerror=alert(1)>', { lines: true })).toBe('<img src=x onerror=alert(1)>');
  });

  it('are limited in characters, not bytes, and the language tag is canonical', () => {
    const base = { token: 't', productId: 'tee', rating: 5, language: 'de-at' };
    const emoji = parseReviewRequest({ ...base, text: '😀'.repeat(2000) });
    expect(emoji.ok && emoji.request.language).toBe('de-AT');
    expect(parseReviewRequest({ ...base, text: '😀'.repeat(2001) }).ok).toBe(false);
    expect(parseReviewRequest({ ...base, rating: 4.5 })).toEqual({ ok: false, issues: [{ path: 'rating', message: 'must be a whole number of stars from 1 to 5' }] });
    expect(parseReviewRequest(null)).toMatchObject({ ok: false, issues: [{ path: 'body' }] });
  });
});
