import { describe, expect, it } from 'vitest';
import type { Order } from '../orders/order';
import type { Wish } from '../wishes/store';
import type { DataStores } from './stores';

/**
 * The wishes and recommendations cases of the conformance suite (conformance.ts), for every
 * engine. `stores` is read when a case runs; `id` makes ids no other case uses.
 */
export function fansCases(stores: () => DataStores, id: (what: string) => string): void {
  const t0 = Date.parse('2026-11-30T12:00:00Z');
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const wish = (extra: Partial<Wish> & Pick<Wish, 'productId'>): Omit<Wish, 'notifiedAt'> => ({
    id: id('wish'),
    variantId: null,
    email: 'fan@example.com',
    language: 'en',
    createdAt: at(0).toISOString(),
    ...extra,
  });

  describe('wishes', () => {
    it('keeps one wish per product, variant and email, and reads back exactly what was written', async () => {
      const p = id('p');
      const first = wish({ productId: p, variantId: 'p-m', email: 'Jürgen.Fan+tour@example.com', language: 'de', createdAt: at(1).toISOString() });
      expect(await stores().wishes.addWish(first)).toBe('created');
      expect(await stores().wishes.addWish({ ...first, id: id('wish'), language: 'en' })).toBe('exists');
      expect(await stores().wishes.getWish(first.id)).toEqual({ ...first, notifiedAt: null });
      // Another variant, the product as a whole and another email are wishes of their own.
      const whole = wish({ productId: p, createdAt: at(2).toISOString() });
      expect(await stores().wishes.addWish(wish({ productId: p, variantId: 'p-l', createdAt: at(3).toISOString() }))).toBe('created');
      expect(await stores().wishes.addWish(whole)).toBe('created');
      expect(await stores().wishes.addWish({ ...whole, id: id('wish') })).toBe('exists');
      expect(await stores().wishes.addWish(wish({ productId: p, variantId: 'p-m', email: 'ann@example.com', createdAt: at(0).toISOString() }))).toBe('created');
      expect((await stores().wishes.listWishes(p)).map((w) => [w.variantId, w.email])).toEqual([
        ['p-m', 'ann@example.com'],
        ['p-m', 'Jürgen.Fan+tour@example.com'],
        [null, 'fan@example.com'],
        ['p-l', 'fan@example.com'],
      ]);
      const counts = (await stores().wishes.wishCounts()).filter((c) => c.productId === p);
      expect(counts).toEqual([
        { productId: p, variantId: null, pending: 1, notified: 0 },
        { productId: p, variantId: 'p-l', pending: 1, notified: 0 },
        { productId: p, variantId: 'p-m', pending: 2, notified: 0 },
      ]);
      expect(await stores().wishes.listWishes(id('p'))).toEqual([]);
    });

    it('gives each waiting wish of a product or variant to one claim only, also when 10 race, and takes it again once notified', async () => {
      const [p, q] = [id('p'), id('p')];
      const a = wish({ productId: p, variantId: 'p-s', email: 'a@example.com', createdAt: at(1).toISOString() });
      const b = wish({ productId: p, variantId: 'p-s', email: 'b@example.com', createdAt: at(0).toISOString() });
      const whole = wish({ productId: q });
      for (const w of [a, b, whole]) await stores().wishes.addWish(w);
      const mine = (targets: { productId: string; variantId: string | null }[]) => targets.filter((t) => t.productId === p || t.productId === q);
      expect(mine(await stores().wishes.pendingWishTargets())).toEqual([
        { productId: p, variantId: 'p-s' },
        { productId: q, variantId: null },
      ].sort((x, y) => byCodePoint(x.productId, y.productId)));

      const claims = await Promise.all(Array.from({ length: 10 }, () => stores().wishes.claimWishes({ productId: p, variantId: 'p-s' }, at(10))));
      const won = claims.filter((c) => c.length);
      expect(won).toHaveLength(1);
      expect(won[0]!.map((w) => w.email)).toEqual(['b@example.com', 'a@example.com']);
      expect(won[0]!.every((w) => w.notifiedAt === at(10).toISOString())).toBe(true);
      expect(await stores().wishes.claimWishes({ productId: p, variantId: 'p-s' }, at(11))).toEqual([]);
      // The product as a whole is another target: still waiting.
      expect(await stores().wishes.claimWishes({ productId: q, variantId: 'p-s' }, at(11))).toEqual([]);
      expect(mine(await stores().wishes.pendingWishTargets())).toEqual([{ productId: q, variantId: null }]);
      expect((await stores().wishes.wishCounts()).filter((c) => c.productId === p)).toEqual([{ productId: p, variantId: 'p-s', pending: 0, notified: 2 }]);

      // Sold out again and asked again: the wish waits again, in the language asked in now.
      expect(await stores().wishes.addWish({ ...a, id: id('wish'), language: 'de' })).toBe('renewed');
      expect(await stores().wishes.getWish(a.id)).toEqual({ ...a, language: 'de', notifiedAt: null });
      expect((await stores().wishes.claimWishes({ productId: p, variantId: 'p-s' }, at(20))).map((w) => w.id)).toEqual([a.id]);
    });

    it('forgets an unsubscribed wish, once', async () => {
      const p = id('p');
      const w = wish({ productId: p });
      await stores().wishes.addWish(w);
      expect(await stores().wishes.removeWish(w.id)).toBe(true);
      expect(await stores().wishes.removeWish(w.id)).toBe(false);
      expect(await stores().wishes.getWish(w.id)).toBeUndefined();
      expect(await stores().wishes.listWishes(p)).toEqual([]);
      // Asking again is a new wish.
      expect(await stores().wishes.addWish({ ...w, id: id('wish') })).toBe('created');
    });
  });

  describe('recommendations', () => {
    const order = (lines: (string | null)[]): Order => ({
      id: id('cs_test'),
      createdAt: at(0).toISOString(),
      livemode: false,
      currency: 'EUR',
      amountSubtotal: 1000,
      amountTotal: 1000,
      customerEmail: null,
      shippingAddress: null,
      lines: lines.map((productId, i) => ({ productId, variantId: productId ? `${productId}-v${i}` : null, title: 'x', quantity: 1, amountTotal: 100 })),
      paymentIntent: null,
      oversold: false,
    });

    it('ranks what the same fans like by how many of them like it, ties by id, never the product itself', async () => {
      const [t, a, b, c, d, e] = ['t', 'a', 'b', 'c', 'd', 'e'].map((x) => id(x)) as [string, string, string, string, string, string];
      const [s1, s2, s3, s4, s5] = Array.from({ length: 5 }, () => id('shopper'));
      const likes: [string, string[]][] = [
        [s1!, [t, a, b, c]],
        [s2!, [t, a, b]],
        [s3!, [t, a, d]],
        [s4!, [a, b, c, e]], // likes nothing of t's: not counted
        [s5!, [t]],
      ];
      for (const [shopper, products] of likes) for (const p of products) await stores().likes.setLike(p, shopper, true);
      await stores().likes.setLike(b, s2!, false);
      const [first, second] = [c, d].sort(byCodePoint) as [string, string];
      expect(await stores().recommendations.alsoLiked(t, 10)).toEqual([
        { productId: a, count: 3 },
        { productId: b, count: 1 },
        { productId: first, count: 1 },
        { productId: second, count: 1 },
      ].sort((x, y) => y.count - x.count || byCodePoint(x.productId, y.productId)));
      expect((await stores().recommendations.alsoLiked(t, 2)).map((r) => r.productId)).toEqual([a, [b, c, d].sort(byCodePoint)[0]]);
      expect(await stores().recommendations.alsoLiked(id('nobody'), 4)).toEqual([]);
    });

    it('ranks what was bought in the same paid orders by in how many, each order once', async () => {
      const [t, a, b, x] = ['t', 'a', 'b', 'x'].map((p) => id(p)) as [string, string, string, string];
      const orders = [order([t, a, a, x]), order([t, x]), order([t, b, null]), order([a, x])];
      for (const o of orders) expect(await stores().orders.saveOrder(o)).toBe('created');
      // A replayed order counts once.
      expect(await stores().orders.saveOrder(orders[1]!)).toBe('exists');
      const [one, two] = [a, b].sort(byCodePoint);
      expect(await stores().recommendations.boughtTogether(t, 4)).toEqual([
        { productId: x, count: 2 },
        { productId: one, count: 1 },
        { productId: two, count: 1 },
      ]);
      expect(await stores().recommendations.boughtTogether(x, 1)).toEqual([{ productId: [a, t].sort(byCodePoint)[0]!, count: 2 }]);
      expect(await stores().recommendations.boughtTogether(id('never'), 4)).toEqual([]);
    });
  });
}
