import { currencyExponent } from '../money/money';

/**
 * A price as a shop export writes it ("12.9", "12,90", "1.234,50", "1,234.50") in integer minor
 * units, read digit by digit so no float ever rounds it.
 */

export type PriceRead = { ok: true; amount: number } | { ok: false; reason: string };

/**
 * Reads a decimal price. `decimalMark` is the file's: it decides only a number with one
 * separator followed by exactly three digits ("1.234" is 1234 in a German file, 1.234 in an
 * English one); otherwise the last separator followed by one or two digits is the decimal mark,
 * and any other separator groups thousands.
 * @example minorUnits('12,90', 'EUR', ',') // { ok: true, amount: 1290 }
 * @example minorUnits('1.234,50', 'EUR', ',') // { ok: true, amount: 123450 }
 */
export function minorUnits(text: string, currency: string, decimalMark: ',' | '.'): PriceRead {
  const value = text.replace(/[\s\u00a0\u202f]/g, '');
  const shown = JSON.stringify(text);
  if (value.startsWith('-')) return { ok: false, reason: `the price ${shown} is negative` };
  if (!/^\d[\d.,]*$/.test(value) || /[.,]$/.test(value)) return { ok: false, reason: `the price ${shown} is not a number` };
  const separators = value.replace(/\d/g, '');
  let whole = value;
  let fraction = '';
  const last = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','));
  if (last >= 0) {
    const mark = value[last] as ',' | '.';
    const after = value.slice(last + 1);
    const onlyOnce = separators.length === 1;
    const isDecimal = onlyOnce ? after.length !== 3 || mark === decimalMark : separators.at(-1) !== separators[0] || after.length !== 3;
    if (isDecimal) {
      whole = value.slice(0, last);
      fraction = after;
    }
    const grouping = whole.replace(/\d/g, '');
    if (grouping && (new Set(grouping).size > 1 || grouping.includes(mark) && isDecimal || !/^\d{1,3}(?:[.,]\d{3})*$/.test(whole))) {
      return { ok: false, reason: `the price ${shown} is not a number (its thousands are not grouped by three)` };
    }
    whole = whole.replace(/[.,]/g, '');
  }
  const digits = currencyExponent(currency);
  const kept = fraction.slice(0, digits);
  if (/[1-9]/.test(fraction.slice(digits))) {
    return { ok: false, reason: `the price ${shown} has more decimals than ${currency} has (${digits})` };
  }
  const amount = Number(`${whole}${kept.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(amount)) return { ok: false, reason: `the price ${shown} is too large` };
  return { ok: true, amount };
}
