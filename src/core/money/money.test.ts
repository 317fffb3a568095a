import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMoney, money, toMajorUnits } from './money';
import { addMoney, sumMoney, timesMoney } from './arithmetic';

// Intl output uses non-breaking spaces; compare with them normalised to plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('formats euros the English way with a leading symbol', () => {
    expect(plain(formatMoney({ amount: 2490, currency: 'EUR' }, 'en'))).toBe('€24.90');
  });
  it('formats euros the German way with a decimal comma and trailing symbol', () => {
    expect(plain(formatMoney({ amount: 2490, currency: 'EUR' }, 'de'))).toBe('24,90 €');
  });
  it('groups thousands by locale', () => {
    expect(plain(formatMoney({ amount: 123456789, currency: 'EUR' }, 'de'))).toBe('1.234.567,89 €');
    expect(plain(formatMoney({ amount: 123456789, currency: 'USD' }, 'en'))).toBe('$1,234,567.89');
  });
  it('knows currencies without minor units', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(plain(formatMoney({ amount: 1500, currency: 'JPY' }, 'en'))).toBe('¥1,500');
  });
  it('knows currencies with three minor digits', () => {
    expect(currencyExponent('KWD')).toBe(3);
    expect(toMajorUnits({ amount: 1500, currency: 'KWD' })).toBe(1.5);
  });
  it('adds and multiplies in integer minor units without float drift', () => {
    const tenCents = money(10, 'EUR');
    const twentyCents = money(20, 'EUR');
    expect(addMoney(tenCents, twentyCents).amount).toBe(30);
    expect(timesMoney(money(1999, 'EUR'), 3).amount).toBe(5997);
    expect(sumMoney([money(1, 'EUR'), money(2, 'EUR')], 'EUR')).toEqual({ amount: 3, currency: 'EUR' });
  });
  it('refuses to mix currencies', () => {
    expect(() => addMoney(money(1, 'EUR'), money(1, 'USD'))).toThrow(/EUR/);
  });
  it('refuses fractional amounts', () => {
    expect(() => money(12.5, 'EUR')).toThrow(/integer/);
  });
});
