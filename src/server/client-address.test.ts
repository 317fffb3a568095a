import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('1.2.3.4', '10.0.0.1', 0)).toBe('10.0.0.1');
  });

  it('is the address the trusted proxy saw, not one the visitor wrote in front of it', () => {
    // The visitor sent "X-Forwarded-For: 6.6.6.6"; Caddy appended the real address.
    expect(clientAddress('6.6.6.6, 203.0.113.7', '127.0.0.1', 1)).toBe('203.0.113.7');
    expect(clientAddress('6.6.6.6, 203.0.113.7, 10.1.1.1', '127.0.0.1', 2)).toBe('203.0.113.7');
  });

  it('falls back to the socket when the header is missing or shorter than the proxy chain', () => {
    expect(clientAddress(undefined, '127.0.0.1', 1)).toBe('127.0.0.1');
    expect(clientAddress('203.0.113.7', '127.0.0.1', 2)).toBe('127.0.0.1');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });
});
