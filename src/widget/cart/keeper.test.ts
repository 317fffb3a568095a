// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCatalog, type Catalog } from '../../core/catalog';
import * as cartRestore from '../shop/cart-restore';
import type { Shop } from '../shop/context';
import { createShopStore } from '../shop/store';
import { cartKeeper, keepCart } from './keeper';
import { cartStorageKey } from './persistence';
import { addLine, createCartStore, type CartLine } from './store';

const parsed = parseCatalog({
  shop: { id: 'nordlicht', name: 'Nordlicht', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://shop.example.com' },
  products: [
    { id: 'mug', title: 'Mug', price: 1200 },
    { id: 'beans', title: 'Beans', price: 1490 },
  ],
});
if (!parsed.ok) throw new Error('test catalog is invalid');
const catalog: Catalog = parsed.catalog;

const mug: CartLine = { productId: 'mug', variantId: null, quantity: 1, unitPrice: 1200, title: 'Mug' };
const beans: CartLine = { productId: 'beans', variantId: null, quantity: 2, unitPrice: 1490, title: 'Beans' };
const limits = { maxQuantity: 99, maxLines: 50 };

function shop(lines: CartLine[] = []): Shop {
  const store = createShopStore();
  store.setState({ status: 'ready', catalog });
  return { cart: createCartStore(lines), store, limits, locale: 'en', disposers: [], more: { get: () => undefined, load: () => new Promise(() => {}) } } as unknown as Shop;
}

const saved = () => JSON.parse(localStorage.getItem(cartStorageKey('nordlicht')) ?? 'null');
const save = (lines: CartLine[]) => localStorage.setItem(cartStorageKey('nordlicht'), JSON.stringify({ v: 1, lines }));
const add = (s: Shop, line: CartLine) => addLine(s.cart, { ...line, available: Infinity }, line.quantity, limits);

/** The restore chunk, arriving when the test says so, or failing. */
function chunk() {
  let arrive!: () => void;
  let fail!: (error: Error) => void;
  const loaded = new Promise<typeof cartRestore>((resolve, reject) => {
    arrive = () => resolve(cartRestore);
    fail = reject;
  });
  return { load: vi.fn(() => loaded), arrive, fail };
}
const never = () => new Promise<typeof cartRestore>(() => {});

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('the cart keeper', () => {
  it('restores the saved cart once, however often it is asked to be ready', async () => {
    save([mug]);
    const s = shop();
    const { load, arrive } = chunk();
    const keeper = keepCart(s, catalog, load);
    arrive();
    expect(await Promise.all([keeper.ready(), keeper.ready(), keeper.ready()])).toEqual([true, true, true]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(s.cart.getState().lines).toEqual([mug]);
  });

  it('saves nothing before the restore, so saved lines the shopper has not seen yet are kept', () => {
    save([mug]);
    const s = shop();
    keepCart(s, catalog, never);
    add(s, beans);
    expect(saved()).toEqual({ v: 1, lines: [mug] });
  });

  it('saves lines added before the restore together with the saved ones as soon as it is done', async () => {
    save([mug]);
    const s = shop([beans]);
    const { load, arrive } = chunk();
    const keeper = keepCart(s, catalog, load);
    arrive();
    await keeper.ready();
    expect(s.cart.getState().lines).toEqual([mug, beans]);
    expect(saved()).toEqual({ v: 1, lines: [mug, beans] });
  });

  it('saves every change after the restore', async () => {
    const s = shop();
    const { load, arrive } = chunk();
    const keeper = keepCart(s, catalog, load);
    arrive();
    await keeper.ready();
    add(s, beans);
    expect(saved()).toEqual({ v: 1, lines: [beans] });
  });

  it('stops waiting for a restore that never arrives after its timeout', async () => {
    const keeper = keepCart(shop(), catalog, never, 20);
    expect(await keeper.ready()).toBe(false);
  });

  it('stops waiting at once when the restore chunk fails, and tries again on the next ready', async () => {
    save([mug]);
    const s = shop();
    const first = chunk();
    const load = vi.fn().mockImplementationOnce(first.load).mockImplementation(() => Promise.resolve(cartRestore));
    const keeper = keepCart(s, catalog, load, 60_000);
    first.fail(new Error('chunk failed'));
    expect(await keeper.ready()).toBe(false);
    expect(await keeper.ready()).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
    expect(s.cart.getState().lines).toEqual([mug]);
  });

  it('tries a failed restore again on its own, so the saved cart comes back without a ready()', async () => {
    save([mug]);
    const s = shop();
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockRejectedValueOnce(new Error('still offline')).mockImplementation(() => Promise.resolve(cartRestore));
    keepCart(s, catalog, load, 60_000, false, [5, 5]);
    await vi.waitFor(() => expect(s.cart.getState().lines).toEqual([mug]));
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('gives up retrying on its own after its last delay, leaving the saved cart as it was', async () => {
    save([mug]);
    const s = shop();
    const load = vi.fn().mockRejectedValue(new Error('offline'));
    keepCart(s, catalog, load, 60_000, false, [5]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(load).toHaveBeenCalledTimes(2);
    expect(saved().lines).toEqual([mug]);
  });

  it('empties the cart and the saved cart after a paid order even when the restore never arrives', async () => {
    save([mug]);
    const s = shop([beans]);
    await keepCart(s, catalog, never).clear();
    expect(s.cart.getState().lines).toEqual([]);
    expect(saved()).toEqual({ v: 1, lines: [] });
  });

  it('brings nothing back in a restore that arrives after a paid order, but keeps what was added since', async () => {
    save([mug]);
    const s = shop([mug]);
    const { load, arrive } = chunk();
    const keeper = keepCart(s, catalog, load);
    const clearing = keeper.clear();
    add(s, beans);
    arrive();
    await clearing;
    expect(await keeper.ready()).toBe(true);
    expect(s.cart.getState().lines).toEqual([beans]);
    expect(saved()).toEqual({ v: 1, lines: [beans] });
  });

  it('empties the saved cart after a paid order once restored, too', async () => {
    save([mug]);
    const s = shop();
    const { load, arrive } = chunk();
    const keeper = keepCart(s, catalog, load);
    arrive();
    await keeper.ready();
    await keeper.clear();
    expect(saved()).toEqual({ v: 1, lines: [] });
  });

  it('is made once per shop', () => {
    const s = shop();
    expect(cartKeeper(s)).toBe(cartKeeper(s));
  });

  describe('back from Stripe with a session', () => {
    // A catalog in which the mug has just sold out: the order took the last one.
    const soldOut = parseCatalog({ ...{ shop: catalog.shop }, products: [{ id: 'mug', title: 'Mug', price: 1200, stock: 0 }, { id: 'beans', title: 'Beans', price: 1490 }] });
    if (!soldOut.ok) throw new Error('test catalog is invalid');

    it('waits for the server’s word; a bought cart is the order: kept for the purchase, not checked against the stock it took, not brought back', async () => {
      save([mug]);
      const s = shop();
      // What would tell the shopper of a change to their cart (the mug sold out).
      const tell = vi.fn(() => new Promise<never>(() => {}));
      (s as unknown as { more: { load: typeof tell } }).more.load = tell;
      const { load, arrive } = chunk();
      const keeper = keepCart(s, soldOut.catalog, load, 5000, true);
      arrive();
      await new Promise((resolve) => setTimeout(resolve, 10));
      // Nothing restored, nothing saved, nothing said until the server has said.
      expect(s.cart.getState().lines).toEqual([]);
      expect(saved()).toEqual({ v: 1, lines: [mug] });
      keeper.settle(true);
      expect(await keeper.ready()).toBe(true);
      expect(keeper.bought()).toEqual([mug]);
      expect(s.cart.getState().lines).toEqual([]);
      expect(tell).not.toHaveBeenCalled();
      expect(saved()).toEqual({ v: 1, lines: [] });
    });

    it('brings a cart that was not bought back, checked against the catalog as always', async () => {
      save([mug, beans]);
      const s = shop();
      const tell = vi.fn(() => new Promise<never>(() => {}));
      (s as unknown as { more: { load: typeof tell } }).more.load = tell;
      const { load, arrive } = chunk();
      const keeper = keepCart(s, soldOut.catalog, load, 5000, true);
      arrive();
      keeper.settle(false);
      expect(await keeper.ready()).toBe(true);
      expect(keeper.bought()).toEqual([]);
      expect(s.cart.getState().lines).toEqual([beans]);
      expect(tell).toHaveBeenCalledTimes(1);
    });

    it('restores anyway when nobody says, after its timeout', async () => {
      save([beans]);
      const s = shop();
      const keeper = keepCart(s, catalog, () => Promise.resolve(cartRestore), 50, true);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(await keeper.ready()).toBe(true);
      expect(s.cart.getState().lines).toEqual([beans]);
    });
  });
});
