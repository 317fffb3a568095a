import { describe, expect, it } from 'vitest';
import { productOffer } from './offer';
import type { Product, ProductVariant } from './types';

const product = (fields: Partial<Product>): Product => ({
  id: 'p', title: { en: 'P' }, description: { en: '' }, images: [], price: 1000, options: [], variants: [],
  availability: 'in_stock', tags: [], createdAt: '2026-01-01T00:00:00Z', position: 0, ...fields,
});
const variant = (id: string, price: number, stock?: number, compareAtPrice?: number): ProductVariant => ({ id, options: {}, price, stock, compareAtPrice });

describe('productOffer', () => {
  it('is the product’s own price and sale without variants', () => {
    expect(productOffer(product({ price: 990, compareAtPrice: 1290 }))).toEqual({ price: 990, compareAtPrice: 1290, priceVaries: false, inStock: true, onSale: true });
  });
  it('is the cheapest variant still in stock, with that variant’s old price', () => {
    const p = product({ variants: [variant('a', 500, 0), variant('b', 700, 3, 900), variant('c', 800)] });
    expect(productOffer(p)).toEqual({ price: 700, compareAtPrice: 900, priceVaries: true, inStock: true, onSale: true });
  });
  it('is the cheapest of all variants when every one is sold out', () => {
    const p = product({ availability: 'out_of_stock', variants: [variant('a', 500, 0), variant('b', 400, 0)] });
    expect(productOffer(p)).toEqual({ price: 400, priceVaries: true, inStock: false, onSale: false });
  });
  it('ignores an old price that is not above the price', () => {
    expect(productOffer(product({ price: 990, compareAtPrice: 990 }))).toEqual({ price: 990, priceVaries: false, inStock: true, onSale: false });
  });
  it('is out of stock when the tracked stock is gone, though the catalog says in stock', () => {
    expect(productOffer(product({ stock: 0 })).inStock).toBe(false);
    expect(productOffer(product({ variants: [variant('a', 500, 0), variant('b', 600, 0)] })).inStock).toBe(false);
  });
  it('is on sale when any variant is, even if the advertised one is not', () => {
    const p = product({ variants: [variant('a', 500, 2), variant('b', 700, 3, 900)] });
    expect(productOffer(p)).toMatchObject({ price: 500, onSale: true });
    expect(productOffer(p).compareAtPrice).toBeUndefined();
  });
});
