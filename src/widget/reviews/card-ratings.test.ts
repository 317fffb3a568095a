import { describe, expect, it, vi } from 'vitest';
import type { Product } from '../../core/catalog/types';
import { createShopStore } from '../shop/store';
import { setCardRating, withPageRatings } from './card-ratings';
import { Rating } from '../ui/rating-part';

const products = (...ids: string[]) => ids.map((id) => ({ id }) as Product);

describe('the cards’ stars in the shop’s store', () => {
  it('takes a page’s stars for its products, drops those it no longer rates, and keeps the others', () => {
    const mug = { average: 4.6, count: 23 };
    const known = { mug, tee: { average: 3, count: 1 }, cap: { average: 5, count: 2 } };
    const next = withPageRatings(known, products('mug', 'tee', 'new'), { mug: { average: 4.6, count: 23 }, new: { average: 2, count: 1 } });
    expect(next).toEqual({ mug, cap: { average: 5, count: 2 }, new: { average: 2, count: 1 } });
    // Unchanged: the same object, so the card selecting it does not render again.
    expect(next.mug).toBe(mug);
  });

  it('sets a product’s new numbers after the shopper’s review, its stars’ code and texts first, and no stars once it has no published review', async () => {
    const store = createShopStore();
    const more = { load: vi.fn(async () => undefined) };
    const shop = { store, more };
    await setCardRating(shop, 'mug', { average: 4, count: 1 });
    expect(more.load).toHaveBeenCalled();
    expect(Rating).toBeTypeOf('function');
    expect(store.getState().ratings).toEqual({ mug: { average: 4, count: 1 } });
    const before = store.getState().ratings;
    await setCardRating(shop, 'mug', { average: 4, count: 1 });
    expect(store.getState().ratings).toBe(before);
    await setCardRating(shop, 'mug', { average: 0, count: 0 });
    expect(store.getState().ratings).toEqual({});
  });
});
