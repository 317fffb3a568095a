import { describe, expect, it, vi } from 'vitest';
import {
  addLine,
  cartItemCount,
  cartSubtotal,
  clearCart,
  createCartStore,
  lineTotal,
  removeLine,
  setLineQuantity,
  type CartLine,
  type CartLimits,
} from './store';

const limits: CartLimits = { maxQuantity: 99, maxLines: 50 };

const mug = { productId: 'mug', variantId: null, unitPrice: 1200, title: 'Mug', available: Infinity };
const shirtNavy = { productId: 'shirt', variantId: 'shirt-navy', unitPrice: 2490, title: 'Shirt', available: Infinity };
const shirtSand = { productId: 'shirt', variantId: 'shirt-sand', unitPrice: 2690, title: 'Shirt', available: Infinity };

const line = (productId: string, variantId: string | null, quantity: number, unitPrice = 100): CartLine => ({
  productId,
  variantId,
  quantity,
  unitPrice,
  title: productId,
});

describe('addLine', () => {
  it('adds a new line with the quantity, price and title the shopper saw', () => {
    const store = createCartStore();
    const result = addLine(store, mug, 2, limits);
    expect(result).toEqual({
      ok: true,
      added: 2,
      line: { productId: 'mug', variantId: null, quantity: 2, unitPrice: 1200, title: 'Mug' },
    });
    expect(store.getState().lines).toEqual([{ productId: 'mug', variantId: null, quantity: 2, unitPrice: 1200, title: 'Mug' }]);
  });

  it('merges the same product and variant into one line', () => {
    const store = createCartStore();
    addLine(store, shirtNavy, 1, limits);
    const result = addLine(store, shirtNavy, 2, limits);
    expect(result).toMatchObject({ ok: true, added: 2 });
    expect(store.getState().lines).toHaveLength(1);
    expect(store.getState().lines[0]?.quantity).toBe(3);
  });

  it('keeps different variants of one product on separate lines', () => {
    const store = createCartStore();
    addLine(store, shirtNavy, 1, limits);
    addLine(store, shirtSand, 1, limits);
    expect(store.getState().lines.map((l) => l.variantId)).toEqual(['shirt-navy', 'shirt-sand']);
  });

  it('keeps a product without variants apart from a variant of the same product', () => {
    const store = createCartStore();
    addLine(store, { ...shirtNavy, variantId: null }, 1, limits);
    addLine(store, shirtNavy, 1, limits);
    expect(store.getState().lines).toHaveLength(2);
  });

  it('adds only up to maxQuantity and reports how many units were really added', () => {
    const store = createCartStore();
    addLine(store, mug, 3, { maxQuantity: 5, maxLines: 50 });
    const result = addLine(store, mug, 10, { maxQuantity: 5, maxLines: 50 });
    expect(result).toMatchObject({ ok: true, added: 2, line: { quantity: 5 } });
    expect(store.getState().lines[0]?.quantity).toBe(5);
  });

  it('adds only up to the stock left when the stock is below maxQuantity', () => {
    const store = createCartStore();
    const result = addLine(store, { ...mug, available: 4 }, 10, limits);
    expect(result).toMatchObject({ ok: true, added: 4, line: { quantity: 4 } });
  });

  it("refuses with reason 'limit' and the limit when the line already holds the most allowed", () => {
    const store = createCartStore();
    addLine(store, { ...mug, available: 4 }, 4, limits);
    const result = addLine(store, { ...mug, available: 4 }, 1, limits);
    expect(result).toEqual({ ok: false, reason: 'limit', limit: 4 });
    expect(store.getState().lines[0]?.quantity).toBe(4);
  });

  it("refuses with reason 'limit' a product with no stock left and adds no line", () => {
    const store = createCartStore();
    expect(addLine(store, { ...mug, available: 0 }, 1, limits)).toEqual({ ok: false, reason: 'limit', limit: 0 });
    expect(store.getState().lines).toEqual([]);
  });

  it("refuses a new line with reason 'full' and the line limit when maxLines lines are in the cart", () => {
    const store = createCartStore([line('a', null, 1), line('b', null, 1)]);
    const result = addLine(store, mug, 1, { maxQuantity: 99, maxLines: 2 });
    expect(result).toEqual({ ok: false, reason: 'full', limit: 2 });
    expect(store.getState().lines.map((l) => l.productId)).toEqual(['a', 'b']);
  });

  it('still adds units to an existing line when the cart holds maxLines lines', () => {
    const store = createCartStore([line('a', null, 1), line('mug', null, 1)]);
    const result = addLine(store, mug, 1, { maxQuantity: 99, maxLines: 2 });
    expect(result).toMatchObject({ ok: true, added: 1, line: { quantity: 2 } });
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity])("refuses a quantity of %s with reason 'invalid' and changes nothing", (quantity) => {
    const store = createCartStore([line('a', null, 1)]);
    const before = store.getState();
    const result = addLine(store, mug, quantity, limits);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(store.getState()).toBe(before);
  });

  it('takes the current price when units are added to an existing line', () => {
    const store = createCartStore();
    addLine(store, mug, 1, limits);
    addLine(store, { ...mug, unitPrice: 1300 }, 1, limits);
    expect(store.getState().lines[0]).toMatchObject({ quantity: 2, unitPrice: 1300 });
  });
});

describe('setLineQuantity', () => {
  it('sets the quantity of the line and returns it', () => {
    const store = createCartStore([line('a', null, 1), line('b', 'b1', 1)]);
    expect(setLineQuantity(store, 'b', 'b1', 7, 99)).toBe(7);
    expect(store.getState().lines.map((l) => l.quantity)).toEqual([1, 7]);
  });

  it('clamps the quantity to the limit', () => {
    const store = createCartStore([line('a', null, 1)]);
    expect(setLineQuantity(store, 'a', null, 120, 10)).toBe(10);
    expect(store.getState().lines[0]?.quantity).toBe(10);
  });

  it('rounds a fractional quantity down to whole units', () => {
    const store = createCartStore([line('a', null, 1)]);
    expect(setLineQuantity(store, 'a', null, 2.9, 10)).toBe(2);
    expect(store.getState().lines[0]?.quantity).toBe(2);
  });

  it('removes the line when the quantity is 0', () => {
    const store = createCartStore([line('a', null, 3), line('b', null, 1)]);
    expect(setLineQuantity(store, 'a', null, 0, 99)).toBe(0);
    expect(store.getState().lines.map((l) => l.productId)).toEqual(['b']);
  });

  it('removes the line when the quantity is negative', () => {
    const store = createCartStore([line('a', null, 3)]);
    setLineQuantity(store, 'a', null, -2, 99);
    expect(store.getState().lines).toEqual([]);
  });

  it('leaves the cart unchanged for a line that is not in it', () => {
    const store = createCartStore([line('a', null, 3)]);
    const before = store.getState();
    expect(setLineQuantity(store, 'a', 'other-variant', 5, 99)).toBe(0);
    expect(store.getState()).toBe(before);
  });
});

describe('removeLine and clearCart', () => {
  it('removes only the line of that product and variant and returns it', () => {
    const store = createCartStore([line('shirt', 'navy', 1), line('shirt', 'sand', 2)]);
    expect(removeLine(store, 'shirt', 'sand')).toEqual(line('shirt', 'sand', 2));
    expect(store.getState().lines).toEqual([line('shirt', 'navy', 1)]);
  });

  it('returns undefined and changes nothing when the line is not in the cart', () => {
    const store = createCartStore([line('shirt', 'navy', 1)]);
    expect(removeLine(store, 'shirt', null)).toBeUndefined();
    expect(store.getState().lines).toHaveLength(1);
  });

  it('empties the cart', () => {
    const store = createCartStore([line('a', null, 1), line('b', null, 2)]);
    clearCart(store);
    expect(store.getState().lines).toEqual([]);
    expect(cartItemCount(store.getState())).toBe(0);
  });
});

describe('cart totals', () => {
  it('counts units across all lines', () => {
    expect(cartItemCount({ lines: [line('a', null, 2), line('b', 'x', 3)] })).toBe(5);
  });

  it('counts an empty cart as 0 items with a subtotal of 0', () => {
    expect(cartItemCount({ lines: [] })).toBe(0);
    expect(cartSubtotal({ lines: [] }, 'EUR')).toEqual({ amount: 0, currency: 'EUR' });
  });

  it('multiplies a line total exactly in minor units', () => {
    expect(lineTotal(line('a', null, 3, 1999), 'EUR')).toEqual({ amount: 5997, currency: 'EUR' });
  });

  it('adds 10 and 20 cents to exactly 30 cents, not 0.30000000000000004', () => {
    const state = { lines: [line('a', null, 1, 10), line('b', null, 1, 20)] };
    expect(cartSubtotal(state, 'EUR')).toEqual({ amount: 30, currency: 'EUR' });
  });

  it('sums many small prices without drift', () => {
    const lines = Array.from({ length: 50 }, (_, i) => line(`p${i}`, null, 3, 1999));
    expect(cartSubtotal({ lines }, 'EUR').amount).toBe(50 * 5997);
  });

  it('gives the subtotal in the currency asked for', () => {
    expect(cartSubtotal({ lines: [line('a', null, 2, 1500)] }, 'JPY')).toEqual({ amount: 3000, currency: 'JPY' });
  });
});

describe('subscribers', () => {
  it('are told of every change with the new lines', () => {
    const store = createCartStore();
    const listener = vi.fn();
    store.subscribe(listener);
    addLine(store, mug, 1, limits);
    setLineQuantity(store, 'mug', null, 4, 99);
    removeLine(store, 'mug', null);
    expect(listener.mock.calls.map(([state]) => state.lines.map((l: CartLine) => l.quantity))).toEqual([[1], [4], []]);
  });

  it('are not told of a refused addition', () => {
    const store = createCartStore();
    const listener = vi.fn();
    store.subscribe(listener);
    addLine(store, mug, 0, limits);
    addLine(store, { ...mug, available: 0 }, 1, limits);
    expect(listener).not.toHaveBeenCalled();
  });
});
