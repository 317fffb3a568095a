import { describe, expect, it } from 'vitest';
import { minorUnits } from './price';

const amount = (text: string, mark: ',' | '.' = '.', currency = 'EUR') => {
  const read = minorUnits(text, currency, mark);
  return read.ok ? read.amount : read.reason;
};

describe('minorUnits', () => {
  it('reads dot decimals into cents without float error', () => {
    expect(amount('12.9')).toBe(1290);
    expect(amount('12.90')).toBe(1290);
    expect(amount('0.1')).toBe(10);
    expect(amount('19.99')).toBe(1999);
    expect(amount('1.005', '.', 'KWD')).toBe(1005);
    expect(amount('7')).toBe(700);
    expect(amount('1234567.89')).toBe(123456789);
  });
  it('reads decimal commas and German thousands', () => {
    expect(amount('12,90', ',')).toBe(1290);
    expect(amount('12,9', ',')).toBe(1290);
    expect(amount('1.234,50', ',')).toBe(123450);
    expect(amount('1.234.567,00', ',')).toBe(123456700);
    expect(amount('1.234', ',')).toBe(123400);
  });
  it('reads English thousands', () => {
    expect(amount('1,234.50')).toBe(123450);
    expect(amount('1,234')).toBe(123400);
  });
  it('reads a one-or-two-digit fraction after either mark whatever the file’s mark', () => {
    expect(amount('12,90', '.')).toBe(1290);
    expect(amount('12.90', ',')).toBe(1290);
  });
  it('accepts trailing zeros beyond the currency’s digits', () => {
    expect(amount('12.9000')).toBe(1290);
  });
  it('writes yen without minor units', () => {
    expect(amount('1500', '.', 'JPY')).toBe(1500);
    expect(amount('1,500', '.', 'JPY')).toBe(1500);
  });
  it('refuses what is not a price, saying why', () => {
    expect(amount('abc')).toBe('the price "abc" is not a number');
    expect(amount('-5')).toBe('the price "-5" is negative');
    expect(amount('12.999')).toBe('the price "12.999" has more decimals than EUR has (2)');
    expect(amount('1.234', '.')).toBe('the price "1.234" has more decimals than EUR has (2)');
    expect(amount('12.')).toBe('the price "12." is not a number');
    expect(amount('€12')).toBe('the price "€12" is not a number');
    expect(amount('1,23,4.5')).toBe('the price "1,23,4.5" is not a number (its thousands are not grouped by three)');
    expect(amount('1.234.5,6', ',')).toBe('the price "1.234.5,6" is not a number (its thousands are not grouped by three)');
    expect(amount('1,5', '.', 'JPY')).toBe('the price "1,5" has more decimals than JPY has (0)');
  });
});
