import { describe, expect, it } from 'vitest';
import { recentStock } from './recent-stock';
import type { StockCount } from './store';

/** A store that answers stock less `sold`, and records what it was asked. */
function countingStore(sold: Record<string, number> = {}) {
  const asked: string[][] = [];
  return {
    asked,
    sold,
    available: async (items: readonly StockCount[]) => {
      asked.push(items.map((i) => i.item));
      return Object.fromEntries(items.map((i) => [i.item, Math.max(0, i.stock - (sold[i.item] ?? 0))]));
    },
  };
}
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('recentStock', () => {
  it('asks the store only for items it has not answered for in the last 2 seconds', async () => {
    const store = countingStore();
    const recent = recentStock(store);
    expect(await recent.available([{ item: 'a', stock: 3 }, { item: 'b', stock: 1 }], at(0))).toEqual({ a: 3, b: 1 });
    expect(await recent.available([{ item: 'b', stock: 1 }, { item: 'c', stock: 2 }], at(1000))).toEqual({ b: 1, c: 2 });
    expect(store.asked).toEqual([['a', 'b'], ['c']]);
  });

  it('shows a sale at most 2 seconds late', async () => {
    const store = countingStore();
    const recent = recentStock(store);
    await recent.available([{ item: 'a', stock: 3 }], at(0));
    store.sold.a = 3;
    expect(await recent.available([{ item: 'a', stock: 3 }], at(1999))).toEqual({ a: 3 });
    expect(await recent.available([{ item: 'a', stock: 3 }], at(2000))).toEqual({ a: 0 });
  });

  it('asks again at once when the catalog’s own number for an item changes', async () => {
    const store = countingStore();
    const recent = recentStock(store);
    await recent.available([{ item: 'a', stock: 3 }], at(0));
    expect(await recent.available([{ item: 'a', stock: 10 }], at(10))).toEqual({ a: 10 });
    expect(store.asked).toEqual([['a'], ['a']]);
  });

  it('keeps nothing from a read that failed', async () => {
    let fail = true;
    const store = countingStore();
    const recent = recentStock({ available: (items) => (fail ? Promise.reject(new Error('down')) : store.available(items)) });
    await expect(recent.available([{ item: 'a', stock: 3 }], at(0))).rejects.toThrow('down');
    fail = false;
    expect(await recent.available([{ item: 'a', stock: 3 }], at(1))).toEqual({ a: 3 });
  });
});
