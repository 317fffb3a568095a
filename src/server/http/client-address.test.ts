import { describe, expect, it } from 'vitest';
import { clientAddress, rateLimitKey } from './client-address';

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

  it('gives the rate limit key of the address, from the socket and from a proxy alike', () => {
    expect(clientAddress(undefined, '::ffff:203.0.113.7', 0)).toBe('203.0.113.7');
    expect(clientAddress('[2001:db8::1]:443', '127.0.0.1', 1)).toBe(clientAddress(undefined, '2001:DB8:0:0::77', 0));
  });
});

describe('rateLimitKey', () => {
  it.each([
    ['an IPv4-mapped IPv6 address and its IPv4 address', ['1.2.3.4', '::ffff:1.2.3.4', '::FFFF:1.2.3.4', '::ffff:102:304', '0:0:0:0:0:ffff:1.2.3.4']],
    ['an IPv4 address with and without a port', ['1.2.3.4', '1.2.3.4:5678', '[::ffff:1.2.3.4]:80']],
    ['one IPv6 address written in any form, with a port, a zone or in brackets', ['2001:db8::1', '2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8:0:0::1', '[2001:db8::1]:443', '[2001:db8::1]', '2001:db8::1%eth0']],
    ['two addresses of one /64, which one client may hold all of', ['2001:db8:0:7::1', '2001:db8:0:7:a9f2:1c00:4e:5b1', '2001:db8:0:7:ffff:ffff:ffff:ffff']],
  ])('is the same for %s', (_, forms) => {
    expect(new Set(forms.map(rateLimitKey)).size).toBe(1);
  });

  it.each([
    ['two IPv4 addresses', ['1.2.3.4', '1.2.3.5']],
    ['an IPv4 address and an IPv6 address ending in the same bits', ['1.2.3.4', '::1.2.3.4']],
    ['neighbouring /64s', ['2001:db8:0:7::1', '2001:db8:0:8::1']],
    ['IPv6 addresses that share only their first 48 bits', ['2001:db8:1::1', '2001:db8:1:1::1']],
  ])('tells apart %s', (_, forms) => {
    expect(new Set(forms.map(rateLimitKey)).size).toBe(forms.length);
  });

  it('keeps text that is no address as it is', () => {
    expect(rateLimitKey('unknown')).toBe('unknown');
    expect(rateLimitKey('2001:db8::1::2')).toBe('2001:db8::1::2');
  });
});
