import { describe, expect, it } from 'vitest';
import { decimalAmount } from './decimal';

describe('decimalAmount', () => {
  it('writes cents with a dot and two digits', () => {
    expect(decimalAmount({ amount: 2490, currency: 'EUR' })).toBe('24.90');
    expect(decimalAmount({ amount: 5, currency: 'EUR' })).toBe('0.05');
    expect(decimalAmount({ amount: 0, currency: 'USD' })).toBe('0.00');
    expect(decimalAmount({ amount: 123456789, currency: 'EUR' })).toBe('1234567.89');
  });
  it('writes currencies without minor units as whole numbers', () => {
    expect(decimalAmount({ amount: 1500, currency: 'JPY' })).toBe('1500');
  });
  it('writes three digits for currencies that have them', () => {
    expect(decimalAmount({ amount: 1500, currency: 'KWD' })).toBe('1.500');
  });
  it('keeps the sign of a negative amount', () => {
    expect(decimalAmount({ amount: -7, currency: 'EUR' })).toBe('-0.07');
  });
});
