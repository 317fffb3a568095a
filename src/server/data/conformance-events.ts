import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/store';
import type { DataStores } from './stores';
import { insights } from '../insights/insights';
import type { Catalog } from '../../core/catalog/types';

/**
 * The widget's events in the conformance suite (conformance.ts), for every engine: the same
 * seeded events give the same numbers everywhere. Each case works in a period of its own (a day
 * in a year no other case writes to), so other cases' events never count.
 */
export function eventCases(stores: () => DataStores, id: (what: string) => string): void {
  let year = 2040;
  /** A day no other case uses, and a minute in it. */
  const day = () => {
    const start = Date.UTC((year += 1), 0, 1);
    return { from: new Date(start), to: new Date(start + 86_400_000), at: (minutes: number) => new Date(start + minutes * 60_000) };
  };
  const event = (at: Date, type: StoredEvent['type'], productId: string | null, extra: Partial<StoredEvent> = {}): StoredEvent => ({
    at,
    type,
    productId,
    query: null,
    results: null,
    shopper: 'shopper-aaaaaaaaaaaaaaaa',
    ...extra,
  });

  describe('events', () => {
    it('counts each type and product in the period [from, to), in type and code point order', async () => {
      const { from, to, at } = day();
      const [a, b] = [`B-${id('p')}`, `a-${id('p')}`];
      await stores().events.recordEvents([
        event(at(0), 'view', a),
        event(at(1), 'view', a, { shopper: 'shopper-bbbbbbbbbbbbbbbb' }),
        event(at(2), 'view', b),
        event(at(3), 'add_to_cart', a),
        event(at(4), 'begin_checkout', a),
        event(at(4), 'begin_checkout', b),
        event(at(5), 'like', b),
        event(at(6), 'share', b),
        event(at(7), 'wish', a),
        event(at(8), 'search', null, { query: 'hoodie', results: 3 }),
        // The period's edges: its first millisecond counts, the next period's does not.
        event(from, 'purchase', a),
        event(to, 'view', a),
        event(new Date(from.getTime() - 1), 'view', a),
      ]);
      // Upper case sorts before lower case by code point (the database's collation must not decide).
      expect(await stores().events.eventCounts(from, to)).toEqual([
        { type: 'add_to_cart', productId: a, count: 1 },
        { type: 'begin_checkout', productId: a, count: 1 },
        { type: 'begin_checkout', productId: b, count: 1 },
        { type: 'like', productId: b, count: 1 },
        { type: 'purchase', productId: a, count: 1 },
        { type: 'share', productId: b, count: 1 },
        { type: 'view', productId: a, count: 2 },
        { type: 'view', productId: b, count: 1 },
        { type: 'wish', productId: a, count: 1 },
      ]);
      expect(await stores().events.eventCounts(to, new Date(to.getTime() + 1))).toEqual([{ type: 'view', productId: a, count: 1 }]);
    });

    it('counts searches that found nothing by text, most searched first, then by text, up to the limit', async () => {
      const { from, to, at } = day();
      const search = (minute: number, query: string, results: number) => event(at(minute), 'search', null, { query, results });
      await stores().events.recordEvents([
        search(0, 'unicorn', 0),
        search(1, 'unicorn', 0),
        search(2, 'Zebra', 0),
        search(3, 'yeti', 0),
        search(4, 'yeti', 0),
        search(5, 'hoodie', 4),
        search(6, 'alpaca', 0),
      ]);
      expect(await stores().events.zeroResultSearches(from, to, 10)).toEqual([
        { query: 'unicorn', count: 2 },
        { query: 'yeti', count: 2 },
        { query: 'Zebra', count: 1 },
        { query: 'alpaca', count: 1 },
      ]);
      expect(await stores().events.zeroResultSearches(from, to, 1)).toEqual([{ query: 'unicorn', count: 2 }]);
      // Searches are not in the funnel's counts.
      expect(await stores().events.eventCounts(from, to)).toEqual([]);
    });

    it('gives the studio the same numbers from the same events and orders (insights/insights.ts)', async () => {
      const { from, to, at } = day();
      const [mug, tee] = [id('mug'), id('tee')];
      await stores().events.recordEvents([
        event(at(0), 'view', mug),
        event(at(1), 'view', mug),
        event(at(2), 'view', tee),
        event(at(3), 'add_to_cart', mug),
        event(at(4), 'begin_checkout', mug),
        event(at(5), 'like', tee),
        event(at(6), 'search', null, { query: 'unicorn', results: 0 }),
      ]);
      const order = (orderId: string, minutes: number, quantity: number) => ({
        id: orderId,
        createdAt: at(minutes).toISOString(),
        livemode: false,
        currency: 'EUR',
        amountSubtotal: 1800 * quantity,
        amountTotal: 1800 * quantity,
        customerEmail: null,
        shippingAddress: null,
        lines: [{ productId: mug, variantId: null, title: 'Mug', quantity, amountTotal: 1800 * quantity }],
        paymentIntent: null,
        oversold: false,
      });
      await stores().orders.saveOrder(order(id('cs'), 10, 2));
      await stores().orders.saveOrder(order(id('cs'), 20, 1));
      const catalog = { shop: { id: 'fans', name: 'Fans', currency: 'EUR', defaultLocale: 'en' }, products: [{ id: mug, title: { en: 'Mug' } }], categories: [] } as unknown as Catalog;
      const numbers = await insights(stores(), catalog, { from, to, firstDay: 'first', lastDay: 'last' });
      expect(numbers.funnel).toEqual({ views: 3, addsToCart: 1, checkouts: 1, purchases: 2 });
      expect(numbers.products.filter((p) => p.productId === mug || p.productId === tee)).toEqual([
        { productId: mug, title: 'Mug', views: 2, addsToCart: 1, checkouts: 1, purchases: 2, units: 3, likes: 0, shares: 0, wishes: 0, rating: null, ratingCount: 0 },
        { productId: tee, title: tee, views: 1, addsToCart: 0, checkouts: 0, purchases: 0, units: 0, likes: 1, shares: 0, wishes: 0, rating: null, ratingCount: 0 },
      ]);
      expect(numbers.mostLiked).toEqual([{ productId: tee, title: tee, count: 1 }]);
      expect(numbers.zeroResultSearches).toEqual([{ query: 'unicorn', count: 1 }]);
      expect(numbers.orders.count).toBe(2);
      expect(numbers.orders.total).toBe(5400);
    });

    it('keeps concurrent batches whole and exact', async () => {
      const { from, to, at } = day();
      const p = id('p');
      await Promise.all(Array.from({ length: 20 }, (_, i) => stores().events.recordEvents([event(at(i), 'view', p), event(at(i), 'add_to_cart', p)])));
      expect(await stores().events.eventCounts(from, to)).toEqual([
        { type: 'add_to_cart', productId: p, count: 20 },
        { type: 'view', productId: p, count: 20 },
      ]);
      await stores().events.recordEvents([]);
    });
  });
}
