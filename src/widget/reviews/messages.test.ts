import { describe, expect, it } from 'vitest';
import en from './messages-en';
import de from './messages-de';
import { loadReviewMessages } from './messages';
import type { ReviewError } from './form';

/** Every reason the form can fail for, each of which the shopper must be told in words. */
const reasons: (ReviewError | 'rating_missing')[] = [
  'rating_missing',
  'network',
  'review_token_invalid',
  'review_token_expired',
  'product_not_in_order',
  'review_edit_closed',
  'review_not_found',
  'invalid_request',
  'rate_limited',
  'reviews_not_configured',
  'reviews_unavailable',
  'other',
];

describe('the reviews’ texts', () => {
  it.each(reasons)('say in English and in German what %s means', (reason) => {
    expect(en.errors[reason]).toMatch(/\w/);
    expect(de.errors[reason]).toMatch(/\w/);
    expect(de.errors[reason]).not.toBe(en.errors[reason]);
  });

  it('have the same labels in both languages', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(de.errors).sort()).toEqual(Object.keys(en.errors).sort());
  });

  it('count in each language’s words', () => {
    expect(en.average('4.6', 23)).toBe('4.6 out of 5 (23 reviews)');
    expect(de.average('4,6', 1)).toBe('4,6 von 5 (1 Bewertung)');
    expect(de.stars(1)).toBe('1 Stern');
  });

  it('take the merchant’s labels over the defaults', async () => {
    const t = await loadReviewMessages('de', { de: { rateWhatYouBought: 'Wie war’s?' } });
    expect(t.rateWhatYouBought).toBe('Wie war’s?');
    expect(t.send).toBe(de.send);
  });
});
