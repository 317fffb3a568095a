import { describe, expect, it } from 'vitest';
import { cartIds, cartMetadata, METADATA_MAX_KEYS, METADATA_MAX_VALUE, OTHER_METADATA_KEYS } from './cart-metadata';

const longId = (prefix: string) => `${prefix}-`.padEnd(100, 'x');

describe('cartMetadata', () => {
  it('fits the largest cart, 100 lines of 100-character product and variant ids, into Stripe’s metadata limits', () => {
    const lines = Array.from({ length: 100 }, (_, i) => ({ productId: longId(`p${i}`), variantId: longId(`v${i}`) }));
    const metadata = cartMetadata(lines);
    expect(Object.keys(metadata).length + OTHER_METADATA_KEYS).toBeLessThanOrEqual(METADATA_MAX_KEYS);
    for (const [key, value] of Object.entries(metadata)) {
      expect(key.length).toBeLessThanOrEqual(40);
      expect(value.length).toBeLessThanOrEqual(METADATA_MAX_VALUE);
      expect(value.length).toBeGreaterThan(0);
    }
    expect(cartIds(metadata)).toEqual(lines.map((l) => [l.productId, l.variantId]));
  });

  it('reads back lines with and without a variant, in order', () => {
    const lines = [{ productId: 'mug', variantId: null }, { productId: 'shirt', variantId: 'shirt-m' }, { productId: 'cap', variantId: null }];
    expect(cartMetadata(lines)).toEqual({ fanshop_cart_0: 'mug,shirt/shirt-m,cap' });
    expect(cartIds({ ...cartMetadata(lines), fanshop_total: '100' })).toEqual([['mug', null], ['shirt', 'shirt-m'], ['cap', null]]);
  });

  it('refuses a cart its ids cannot be kept for, rather than lose them', () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ productId: longId(`p${i}`), variantId: longId(`v${i}`) }));
    expect(() => cartMetadata(lines)).toThrow(/more than Stripe takes/);
  });
});

describe('cartIds', () => {
  it('reads the JSON of sessions made before the cart was cut into pieces', () => {
    expect(cartIds({ fanshop_cart: '[["bircher-muesli-mix",null,2],["espresso-blend","espresso-1kg-whole",1]]' })).toEqual([['bircher-muesli-mix', null], ['espresso-blend', 'espresso-1kg-whole']]);
  });

  it('is empty for a session without a cart, or with one it cannot read', () => {
    expect(cartIds(null)).toEqual([]);
    expect(cartIds({})).toEqual([]);
    expect(cartIds({ fanshop_cart: '14 lines' })).toEqual([]);
  });
});
