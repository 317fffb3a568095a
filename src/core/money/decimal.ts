import { currencyExponent, type Money } from './money';

/**
 * The amount as a plain decimal string with a dot and the currency's own number of minor digits,
 * for machines (Open Graph `product:price:amount`, schema.org `price`, Meta feeds), never for
 * people (that is `formatMoney`). Computed on the integer, so no float ever rounds it.
 * @example decimalAmount({ amount: 2490, currency: 'EUR' }) // "24.90"
 * @example decimalAmount({ amount: 1500, currency: 'JPY' }) // "1500"
 */
export function decimalAmount(m: Money): string {
  const digits = currencyExponent(m.currency);
  const sign = m.amount < 0 ? '-' : '';
  const units = String(Math.abs(m.amount)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${units}`;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}
