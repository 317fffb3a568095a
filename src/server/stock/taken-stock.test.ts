import { describe, expect, it } from 'vitest';
import { takenStock } from './taken-stock';
import type { StockCount, StockTaken } from './store';
import { READ_AHEAD_DELAY_MS } from '../data/recent-read';

/**
 * A store whose sales and holds the test sets, and which records what it was asked. Its
 * `available` is the one a real store gives for a changed catalog number: a new count.
 */
function fakeStore() {
  const state = { sold: new Map<string, { baseline: number; sold: number }>(), held: new Map<string, number>(), reads: 0, asked: [] as string[][], fail: false };
  return {
    state,
    taken: async (): Promise<StockTaken> => {
      state.reads++;
      if (state.fail) throw new Error('down');
      return { sold: new Map(state.sold), held: new Map(state.held) };
    },
    available: async (items: readonly StockCount[]) => {
      state.asked.push(items.map((i) => i.item));
      return Object.fromEntries(items.map((i) => [i.item, Math.max(0, i.stock - (state.held.get(i.item) ?? 0))]));
    },
  };
}
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('takenStock', () => {
  it('gives an item nobody bought or holds its catalog number, and takes sales and holds off the others', async () => {
    const store = fakeStore();
    store.state.sold.set('a', { baseline: 5, sold: 2 });
    store.state.held.set('a', 1);
    store.state.held.set('b', 4);
    const stock = takenStock(store);
    expect(await stock.available([{ item: 'a', stock: 5 }, { item: 'b', stock: 3 }, { item: 'c', stock: 7 }], at(0))).toEqual({ a: 2, b: 0, c: 7 });
    expect(store.state.asked).toEqual([]);
  });

  it('reads sales and holds once for every page within a second, ahead in the next, and shows a sale at most 2 seconds late', async () => {
    const store = fakeStore();
    const stock = takenStock(store);
    expect(await stock.available([{ item: 'a', stock: 3 }], at(0))).toEqual({ a: 3 });
    store.state.sold.set('a', { baseline: 3, sold: 3 });
    expect(await stock.available([{ item: 'a', stock: 3 }, { item: 'b', stock: 1 }], at(999))).toEqual({ a: 3, b: 1 });
    expect(store.state.reads).toBe(1);
    // In the second second the page still gets the read of 0 at once, and the next read begins.
    expect(await stock.available([{ item: 'a', stock: 3 }], at(1999))).toEqual({ a: 3 });
    await new Promise((resolve) => setTimeout(resolve, READ_AHEAD_DELAY_MS + 50));
    expect(store.state.reads).toBe(2);
    expect(await stock.available([{ item: 'a', stock: 3 }], at(2000))).toEqual({ a: 0 });
    expect(store.state.reads).toBe(2);
  });

  it('asks the store itself for an item whose catalog number changed since units of it were sold', async () => {
    const store = fakeStore();
    store.state.sold.set('a', { baseline: 3, sold: 2 });
    store.state.sold.set('b', { baseline: 4, sold: 1 });
    const stock = takenStock(store);
    expect(await stock.available([{ item: 'a', stock: 10 }, { item: 'b', stock: 4 }], at(0))).toEqual({ a: 10, b: 3 });
    expect(store.state.asked).toEqual([['a']]);
  });

  it('keeps nothing from a read that failed', async () => {
    const store = fakeStore();
    store.state.fail = true;
    const stock = takenStock(store);
    await expect(stock.available([{ item: 'a', stock: 3 }], at(0))).rejects.toThrow('down');
    store.state.fail = false;
    expect(await stock.available([{ item: 'a', stock: 3 }], at(1))).toEqual({ a: 3 });
    expect(store.state.reads).toBe(2);
  });

  it('asks nothing for no items', async () => {
    const store = fakeStore();
    expect(await takenStock(store).available([], at(0))).toEqual({});
    expect(store.state.reads).toBe(0);
  });
});
