import { describe, expect, it } from 'vitest';
import { catalogItemId, lineKey } from './line-key';

describe('lineKey', () => {
  it('is the same for the same product and variant, and differs otherwise', () => {
    expect(lineKey({ productId: 'hoodie', variantId: 'm' })).toBe(lineKey({ productId: 'hoodie', variantId: 'm' }));
    expect(lineKey({ productId: 'hoodie', variantId: 'm' })).not.toBe(lineKey({ productId: 'hoodie', variantId: 'l' }));
  });

  it('cannot be made to collide by ids that contain each other', () => {
    expect(lineKey({ productId: 'a', variantId: 'bc' })).not.toBe(lineKey({ productId: 'ab', variantId: 'c' }));
  });
});

describe('catalogItemId', () => {
  it('is the variant’s id where there is one, as the feed’s rows are, else the product’s', () => {
    expect(catalogItemId({ productId: 'hoodie', variantId: 'hoodie-m' })).toBe('hoodie-m');
    expect(catalogItemId({ productId: 'mug', variantId: null })).toBe('mug');
    expect(catalogItemId({ productId: null, variantId: null })).toBeNull();
  });
});
