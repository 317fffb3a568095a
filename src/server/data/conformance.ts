import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../orders/order';
import type { DataStores } from './stores';
import type { StockCount } from '../stock/store';
import { takenStock } from '../stock/taken-stock';
import { reviewCases } from './conformance-reviews';
import { fansCases } from './conformance-fans';
import { eventCases } from './conformance-events';

/**
 * The one set of cases every engine of data/stores.ts must pass: PGlite, a Postgres server and
 * the Durable Object in workerd each call this from their own test file. Every case uses ids of
 * its own, so one store serves the whole suite and cases never see each other's data.
 */
export function storeConformance(engine: string, open: () => Promise<DataStores>, options: { timeout?: number } = {}): void {
  let stores: DataStores;
  let n = 0;
  /** An id no other case uses. */
  const id = (what: string) => `${what}-${Date.now().toString(36)}-${(n += 1)}`;
  const timeout = options.timeout ?? 20_000;
  const t0 = new Date('2026-11-30T12:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  describe(`${engine}: data stores`, { timeout }, () => {
    beforeAll(async () => {
      stores = await open();
    }, 60_000);
    afterAll(async () => {
      await stores?.close();
    });

    describe('likes', () => {
      it('counts one like per shopper and product, and takes exactly that like away', async () => {
        const p = id('p');
        expect(await stores.likes.setLike(p, 'ann', true)).toEqual({ count: 1, liked: true });
        expect(await stores.likes.setLike(p, 'ann', true)).toEqual({ count: 1, liked: true });
        expect(await stores.likes.setLike(p, 'bob', true)).toEqual({ count: 2, liked: true });
        expect(await stores.likes.setLike(p, 'ann', false)).toEqual({ count: 1, liked: false });
        expect(await stores.likes.setLike(p, 'ann', false)).toEqual({ count: 1, liked: false });
        expect(await stores.likes.setLike(p, 'cyd', false)).toEqual({ count: 1, liked: false });
      });

      it('counts products nobody likes as 0 and says which the shopper likes, in the order asked', async () => {
        const [a, b, c] = [id('a'), id('b'), id('c')];
        await stores.likes.setLike(a, 'ann', true);
        await stores.likes.setLike(c, 'ann', true);
        await stores.likes.setLike(c, 'bob', true);
        expect(await stores.likes.counts([a, b, c])).toEqual({ [a]: 1, [b]: 0, [c]: 2 });
        expect(await stores.likes.counts([])).toEqual({});
        expect(await stores.likes.likedBy('ann', [c, b, a])).toEqual([c, a]);
        expect(await stores.likes.likedBy('zed', [a, b, c])).toEqual([]);
      });

      it('is exact under 100 concurrent likes and a shopper flipping their like concurrently', async () => {
        const p = id('p');
        const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => stores.likes.setLike(p, `s${i}`, true)));
        expect(answers.every((a) => a.liked)).toBe(true);
        expect(Math.max(...answers.map((a) => a.count))).toBe(100);
        expect((await stores.likes.counts([p]))[p]).toBe(100);
        const flips = await Promise.all(Array.from({ length: 21 }, (_, i) => stores.likes.setLike(p, 'flipper', i % 2 === 0)));
        const last = flips.at(-1);
        const liked = (await stores.likes.likedBy('flipper', [p])).length === 1;
        expect((await stores.likes.counts([p]))[p]).toBe(liked ? 101 : 100);
        expect(last?.liked).toBe(true);
      });

      it('keeps ids as given: unicode shoppers and long ids', async () => {
        const p = id('p').padEnd(200, 'x');
        const shopper = 'ü-😀-' + 'y'.repeat(100);
        await stores.likes.setLike(p, shopper, true);
        expect(await stores.likes.likedBy(shopper, [p])).toEqual([p]);
      });
    });

    describe('orders', () => {
      const order = (orderId: string, createdAt: string, extra: Partial<Order> = {}): Order => ({
        id: orderId,
        createdAt,
        livemode: false,
        currency: 'EUR',
        amountSubtotal: 4200,
        amountTotal: 4690,
        customerEmail: 'fan@example.com',
        shippingAddress: { name: 'Jürgen Fan', line1: 'Hauptstraße 1', line2: null, postalCode: '10115', city: 'Berlin', state: null, country: 'DE' },
        lines: [
          { productId: 'tee', variantId: 'tee-m', title: 'Tour tee — M', quantity: 2, amountTotal: 4000 },
          { productId: null, variantId: null, title: 'Sticker', quantity: 1, amountTotal: 200 },
        ],
        paymentIntent: 'pi_123',
        oversold: false,
        ...extra,
      });

      it('writes an order once per id and reads back exactly what was written', async () => {
        const first = order(id('cs_test'), '2026-11-30T10:00:00.000Z');
        expect(await stores.orders.saveOrder(first)).toBe('created');
        expect(await stores.orders.saveOrder({ ...first, amountTotal: 1, oversold: true })).toBe('exists');
        expect(await stores.orders.getOrder(first.id)).toEqual(first);
        expect(await stores.orders.getOrder(id('cs_test'))).toBeUndefined();
        const bare = order(id('cs_test'), '2026-11-30T10:00:01.000Z', { customerEmail: null, shippingAddress: null, paymentIntent: null, oversold: true, lines: [] });
        await stores.orders.saveOrder(bare);
        expect(await stores.orders.getOrder(bare.id)).toEqual(bare);
      });

      it('creates exactly one of 20 concurrent saves of one session', async () => {
        const o = order(id('cs_test'), '2026-11-30T10:00:00.000Z');
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => stores.orders.saveOrder({ ...o, amountTotal: i })));
        expect(results.filter((r) => r === 'created')).toHaveLength(1);
        expect((await stores.orders.getOrder(o.id))?.amountTotal).toBe(results.indexOf('created'));
      });

      it('lists orders oldest first', async () => {
        const late = order(id('cs_test'), '2030-01-02T00:00:00.000Z');
        const early = order(id('cs_test'), '2030-01-01T00:00:00.000Z');
        await stores.orders.saveOrder(late);
        await stores.orders.saveOrder(early);
        const ids = (await stores.orders.listOrders()).map((o) => o.id);
        expect(ids.indexOf(early.id)).toBeGreaterThanOrEqual(0);
        expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(late.id));
        const all = await stores.orders.listOrders();
        expect(all.map((o) => o.createdAt)).toEqual(all.map((o) => o.createdAt).sort());
      });

      it('records a webhook event once, also when 10 deliveries race', async () => {
        const e = id('evt');
        expect(await stores.orders.hasProcessedEvent(e)).toBe(false);
        expect(await stores.orders.markEventProcessed(e)).toBe(true);
        expect(await stores.orders.markEventProcessed(e)).toBe(false);
        expect(await stores.orders.hasProcessedEvent(e)).toBe(true);
        const raced = id('evt');
        const results = await Promise.all(Array.from({ length: 10 }, () => stores.orders.markEventProcessed(raced)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('stock', () => {
      /**
       * The store's `available`, checked against the same worked out from its `taken` (what the
       * pages of a big catalog show: stock/taken-stock.ts), first, since `available` records.
       */
      const availableOf = async (items: StockCount[], now: Date) => {
        const fromTaken = await takenStock(stores.stock, 0).available(items, now);
        const direct = await stores.stock.available(items, now);
        expect(fromTaken).toEqual(direct);
        return direct;
      };
      const available = async (item: string, stock: number, now = at(0)) => (await availableOf([{ item, stock }], now))[item];
      const hold = async (key: string, lines: { item: string; stock: number; quantity: number }[], minutes = 30, now = at(0)) => stores.stock.reserve(key, lines, at(minutes), now);

      it('has the catalog’s stock of an item it has not seen, and never less than 0', async () => {
        const [a, b] = [id('item'), id('item')];
        expect(await availableOf([{ item: a, stock: 5 }, { item: b, stock: 0 }], at(0))).toEqual({ [a]: 5, [b]: 0 });
        expect(await availableOf([], at(0))).toEqual({});
      });

      it('holds reserved units until released, all or nothing', async () => {
        const [a, b] = [id('item'), id('item')];
        const held = await hold(id('key'), [{ item: a, stock: 5, quantity: 2 }]);
        expect(held.ok).toBe(true);
        expect(await available(a, 5)).toBe(3);
        // The second line cannot be held: the first is not held either.
        const refused = await hold(id('key'), [{ item: a, stock: 5, quantity: 1 }, { item: b, stock: 1, quantity: 2 }]);
        expect(refused).toEqual({ ok: false, lineIndex: 1, available: 1 });
        expect(await available(a, 5)).toBe(3);
        expect(await available(b, 1)).toBe(1);
        const tooMany = await hold(id('key'), [{ item: a, stock: 5, quantity: 4 }]);
        expect(tooMany).toEqual({ ok: false, lineIndex: 0, available: 3 });
        if (!held.ok) throw new Error('unreachable');
        expect(await stores.stock.release(held.reservation.id)).toBe('released');
        expect(await stores.stock.release(held.reservation.id)).toBe('not_held');
        expect(await stores.stock.release(id('nope'))).toBe('unknown');
        expect(await available(a, 5)).toBe(5);
      });

      it('gives a held key’s reservation back instead of holding twice; an ended one makes way for a new one', async () => {
        const a = id('item');
        const key = id('key');
        const first = await hold(key, [{ item: a, stock: 3, quantity: 1 }], 30, at(0));
        const again = await hold(key, [{ item: a, stock: 3, quantity: 1 }], 35, at(5));
        if (!first.ok || !again.ok) throw new Error('both should hold');
        expect(first.reservation.replay).toBe(false);
        expect(again.reservation).toEqual({ id: first.reservation.id, expiresAt: first.reservation.expiresAt, replay: true });
        expect(first.reservation.expiresAt.getTime()).toBe(at(30).getTime());
        expect(await available(a, 3, at(5))).toBe(2);
        await stores.stock.release(first.reservation.id);
        const fresh = await hold(key, [{ item: a, stock: 3, quantity: 1 }], 40, at(10));
        if (!fresh.ok) throw new Error('should hold');
        expect(fresh.reservation.id).not.toBe(first.reservation.id);
        expect(fresh.reservation.replay).toBe(false);
        // After expiry, the key makes a new reservation too.
        const afterExpiry = await hold(key, [{ item: a, stock: 3, quantity: 1 }], 80, at(50));
        if (!afterExpiry.ok) throw new Error('should hold');
        expect(afterExpiry.reservation.id).not.toBe(fresh.reservation.id);
      });

      it('stops counting a reservation once it has expired, though nothing released it', async () => {
        const a = id('item');
        const held = await hold(id('key'), [{ item: a, stock: 2, quantity: 2 }], 30, at(0));
        expect(held.ok).toBe(true);
        expect(await available(a, 2, at(29))).toBe(0);
        expect(await available(a, 2, at(30))).toBe(2);
        expect((await hold(id('key'), [{ item: a, stock: 2, quantity: 2 }], 60, at(31))).ok).toBe(true);
      });

      it('turns a reservation into a sale once, which outlives its expiry', async () => {
        const a = id('item');
        const held = await hold(id('key'), [{ item: a, stock: 4, quantity: 3 }]);
        if (!held.ok) throw new Error('should hold');
        expect(await stores.stock.sell(held.reservation.id, at(10))).toEqual({ outcome: 'sold', oversold: false });
        expect(await stores.stock.sell(held.reservation.id, at(11))).toEqual({ outcome: 'sold_before', oversold: false });
        expect(await stores.stock.release(held.reservation.id)).toBe('not_held');
        expect(await available(a, 4, at(100))).toBe(1);
        expect(await stores.stock.sell(id('nope'), at(10))).toEqual({ outcome: 'unknown', oversold: false });
      });

      it('counts a payment after release as a sale, oversold only when the units went to someone else', async () => {
        const [a, b] = [id('item'), id('item')];
        // Released, nobody took the units: a plain sale.
        const early = await hold(id('key'), [{ item: a, stock: 2, quantity: 1 }]);
        if (!early.ok) throw new Error('should hold');
        await stores.stock.release(early.reservation.id);
        expect(await stores.stock.sell(early.reservation.id, at(40))).toEqual({ outcome: 'sold', oversold: false });
        expect(await available(a, 2, at(40))).toBe(1);
        // Released, then the last unit sold to another shopper: oversold, and stock stays at 0.
        const late = await hold(id('key'), [{ item: b, stock: 1, quantity: 1 }], 30, at(0));
        if (!late.ok) throw new Error('should hold');
        await stores.stock.release(late.reservation.id);
        const other = await hold(id('key'), [{ item: b, stock: 1, quantity: 1 }], 30, at(1));
        if (!other.ok) throw new Error('should hold');
        expect(await stores.stock.sell(other.reservation.id, at(2))).toEqual({ outcome: 'sold', oversold: false });
        expect(await stores.stock.sell(late.reservation.id, at(3))).toEqual({ outcome: 'sold', oversold: true });
        expect(await stores.stock.sell(late.reservation.id, at(4))).toEqual({ outcome: 'sold_before', oversold: true });
        expect(await available(b, 1, at(5))).toBe(0);
      });

      it('treats a payment after expiry like one after release', async () => {
        const a = id('item');
        const mine = await hold(id('key'), [{ item: a, stock: 1, quantity: 1 }], 30, at(0));
        if (!mine.ok) throw new Error('should hold');
        const theirs = await hold(id('key'), [{ item: a, stock: 1, quantity: 1 }], 70, at(40));
        expect(theirs.ok).toBe(true);
        // Their reservation holds the unit now: my late payment is oversold.
        expect(await stores.stock.sell(mine.reservation.id, at(41))).toEqual({ outcome: 'sold', oversold: true });
      });

      it('starts a new count when the merchant changes the catalog’s stock', async () => {
        const a = id('item');
        const sale = await hold(id('key'), [{ item: a, stock: 5, quantity: 2 }]);
        if (!sale.ok) throw new Error('should hold');
        await stores.stock.sell(sale.reservation.id, at(1));
        expect(await available(a, 5, at(2))).toBe(3);
        // The merchant counted 10 on the shelf: 10 from now on, less what is held.
        const held = await hold(id('key'), [{ item: a, stock: 10, quantity: 1 }], 30, at(3));
        expect(held.ok).toBe(true);
        expect(await available(a, 10, at(4))).toBe(9);
        if (!held.ok) throw new Error('should hold');
        await stores.stock.sell(held.reservation.id, at(5));
        expect(await available(a, 10, at(6))).toBe(9);
        expect(await available(a, 3, at(7))).toBe(3);
      });

      it('holds the last 3 units for exactly 3 of 50 concurrent checkouts', async () => {
        const a = id('item');
        const results = await Promise.all(Array.from({ length: 50 }, () => hold(id('key'), [{ item: a, stock: 3, quantity: 1 }])));
        expect(results.filter((r) => r.ok)).toHaveLength(3);
        expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.lineIndex === 0 && r.available === 0)).toBe(true);
        expect(await available(a, 3)).toBe(0);
      });

      it('holds carts naming the same items in opposite orders, concurrently, without losing a unit', async () => {
        const [a, b] = [id('item'), id('item')];
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            hold(id('key'), i % 2 ? [{ item: a, stock: 10, quantity: 1 }, { item: b, stock: 10, quantity: 1 }] : [{ item: b, stock: 10, quantity: 1 }, { item: a, stock: 10, quantity: 1 }]),
          ),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(10);
        expect(await availableOf([{ item: a, stock: 10 }, { item: b, stock: 10 }], at(0))).toEqual({ [a]: 0, [b]: 0 });
      });
    });

    reviewCases(() => stores, id);
    fansCases(() => stores, id);
    eventCases(() => stores, id);
  });
}
