import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import { observedStock, stockChanges } from './observed-stock';

let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
});
afterAll(() => data.close());

describe('observedStock', () => {
  it('tells its listeners of each hold, release and sale that changed stock, and of nothing else', async () => {
    const stock = observedStock(data.stock);
    let told = 0;
    const stop = stock.onChange(() => told++);
    const now = new Date();
    const until = new Date(now.getTime() + 60_000);
    const line = { item: 'observed-item', stock: 1, quantity: 1 };
    const held = await stock.reserve('cart-a', [line], until, now);
    expect(held.ok).toBe(true);
    expect(told).toBe(1);
    // The same cart again (a double click): the same hold, nothing changed.
    expect(await stock.reserve('cart-a', [line], until, now)).toMatchObject({ ok: true, reservation: { replay: true } });
    // Nothing left for another cart: refused, nothing changed.
    expect((await stock.reserve('cart-b', [line], until, now)).ok).toBe(false);
    expect(told).toBe(1);
    if (!held.ok) throw new Error('held');
    expect(await stock.sell(held.reservation.id, now)).toMatchObject({ outcome: 'sold' });
    expect(told).toBe(2);
    expect(await stock.sell(held.reservation.id, now)).toMatchObject({ outcome: 'sold_before' });
    expect(await stock.release(held.reservation.id)).not.toBe('released');
    expect(told).toBe(2);

    const other = await stock.reserve('cart-c', [{ item: 'observed-other', stock: 2, quantity: 1 }], until, now);
    if (!other.ok) throw new Error('held');
    expect(await stock.release(other.reservation.id)).toBe('released');
    expect(told).toBe(4);
    stop();
    await stock.reserve('cart-d', [{ item: 'observed-other', stock: 2, quantity: 1 }], until, now);
    expect(told).toBe(4);
  });

  it('is found by stockChanges; a plain store has none', () => {
    expect(stockChanges(observedStock(data.stock))).toBeTypeOf('function');
    expect(stockChanges(data.stock)).toBeUndefined();
  });
});
