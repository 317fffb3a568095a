import { describe, expect, it } from 'vitest';
import de from './messages-de';
import en from './messages-en';
import { checkoutErrorText } from './error-text';

describe('checkoutErrorText', () => {
  it('names the quantity limit the server applied', () => {
    expect(checkoutErrorText(en, { code: 'invalid_quantity', maxQuantity: 5 }, 99)).toBe('Please choose a quantity from 1 to 5 for this item.');
  });

  it('names the shop’s own maxQuantity when the server did not say', () => {
    expect(checkoutErrorText(en, { code: 'invalid_quantity' }, 12)).toBe('Please choose a quantity from 1 to 12 for this item.');
  });

  it('ignores a limit from the server that is not a whole number above zero', () => {
    for (const maxQuantity of [0, -3, 2.5, Number.NaN]) expect(checkoutErrorText(en, { code: 'invalid_quantity', maxQuantity }, 12)).toContain('from 1 to 12 ');
  });

  it('names the limit in German too', () => {
    expect(checkoutErrorText(de, { code: 'invalid_quantity', maxQuantity: 5 }, 99)).toBe('Bitte wähle eine Menge von 1 bis 5 für diesen Artikel.');
  });

  it('gives the sentence of every other code', () => {
    expect(checkoutErrorText(en, { code: 'sold_out' }, 99)).toBe('This item has just sold out. Please remove it.');
  });

  it('gives the general sentence for a code it does not know', () => {
    expect(checkoutErrorText(de, { code: 'catalog_unavailable' }, 99)).toBe(de.errors.other);
  });
});
