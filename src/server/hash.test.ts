import { describe, expect, it } from 'vitest';
import { sha256Hex } from './hash';

describe('sha256Hex', () => {
  it('gives the first bytes of the SHA-256 as Web Crypto computes them', async () => {
    const text = 'Tour Shirt – 2 × 24,90 €';
    const web = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('hex');
    expect(await sha256Hex(text, 16)).toBe(web.slice(0, 32));
    expect(await sha256Hex('', 12)).toBe('e3b0c44298fc1c149afbf4c8');
  });
});
