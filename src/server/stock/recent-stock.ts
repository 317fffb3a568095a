import type { StockCount, StockStore } from './store';

/** Items kept at most; past it the memory starts again (a catalog of 10,000 products has some thousands). */
const MAX_ITEMS = 50_000;

/**
 * The stock store's `available`, each item's answer kept for `maxAgeMs` (default 2 s, as long
 * as the whole catalog's live stock is kept: live-catalog.ts): the pages of a big catalog ask
 * the store only for the items it has not answered for in that time. Every /shop visit sends
 * the same first page, and typing asks for a page per keystroke, often of the same products;
 * each read of the store cost 4 ms of the server's CPU in PGlite (issue 12's bench at 10,000
 * products). Shoppers see stock at most 2 s old, as on a catalog that travels whole; checkout
 * reserves through the store itself, so nothing is sold on an old number.
 */
export function recentStock(stock: Pick<StockStore, 'available'>, maxAgeMs = 2000): Pick<StockStore, 'available'> {
  let kept = new Map<string, { stock: number; available: number; at: number }>();
  return {
    async available(items, now) {
      const time = now.getTime();
      const answer: Record<string, number> = {};
      const missing: StockCount[] = [];
      for (const item of items) {
        const known = kept.get(item.item);
        // A changed catalog number is a new count (store.ts): asked again.
        if (known && known.stock === item.stock && time - known.at < maxAgeMs && time >= known.at) answer[item.item] = known.available;
        else missing.push(item);
      }
      if (!missing.length) return answer;
      const read = await stock.available(missing, now);
      if (kept.size + missing.length > MAX_ITEMS) kept = new Map();
      for (const item of missing) {
        const available = read[item.item];
        if (available === undefined) continue;
        answer[item.item] = available;
        kept.set(item.item, { stock: item.stock, available, at: time });
      }
      return answer;
    },
  };
}
