import { describe, expect, it } from 'vitest';
import { sameProductsKept } from './same-products';
import type { Product } from '../../core/catalog/types';

const product = (id: string, stock?: number): Product =>
  ({ id, title: { en: id }, description: { en: '' }, images: [], price: 500, options: [], variants: [], availability: 'in_stock', tags: [], ...(stock === undefined ? {} : { stock }) }) as unknown as Product;

describe('sameProductsKept', () => {
  it('gives back the object the widget has for a product that did not change, and the new one for one that did', () => {
    const known = [product('a'), product('b', 3)];
    const answer = [product('b', 2), product('a'), product('c')];
    const kept = sameProductsKept(known, answer);
    expect(kept[0]).toBe(answer[0]);
    expect(kept[1]).toBe(known[0]);
    expect(kept[2]).toBe(answer[2]);
  });
});
