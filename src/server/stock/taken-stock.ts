import { recentRead, STALE_MS } from '../data/recent-read';
import { stockChanges } from './observed-stock';
import type { StockCount, StockStore } from './store';

/**
 * The stock store's `available` for the pages of a big catalog, from one read of what sales and
 * holds take (`taken`), shared by every page and keystroke for `maxAgeMs` (default 2 s, as long
 * as the whole catalog's live stock is kept: live-catalog.ts) and read ahead of its end
 * (data/recent-read.ts). An item nobody bought or holds
 * has its catalog number; the store is asked itself only for an item whose catalog number
 * changed since units of it were sold (it records the new number, which starts a new count).
 *
 * Before, each page asked the store for its own items: two or three queries per keystroke,
 * 5 to 20 ms of PGlite at 10,000 products (issue 12's bench), and again for every product not
 * seen in the last 2 s. Shoppers see stock at most 2 s old; checkout reserves through the store
 * itself, so nothing is sold on an old number. data/conformance.ts holds every engine's `taken`
 * to give what its `available` gives.
 */
export function takenStock(stock: Pick<StockStore, 'available' | 'taken'>, maxAgeMs = 2000): Pick<StockStore, 'available'> {
  const recent = recentRead((time) => stock.taken(new Date(time)), { maxAgeMs, staleMs: maxAgeMs && STALE_MS });
  stockChanges(stock as StockStore)?.(() => recent.forget());
  return {
    async available(items, now) {
      if (!items.length) return {};
      const taken = await recent.get(now.getTime());
      const answer: Record<string, number> = {};
      const renumbered: StockCount[] = [];
      for (const { item, stock: number } of items) {
        const sold = taken.sold.get(item);
        if (sold && sold.baseline !== number) renumbered.push({ item, stock: number });
        else answer[item] = Math.max(0, number - (sold?.sold ?? 0) - (taken.held.get(item) ?? 0));
      }
      return renumbered.length ? { ...answer, ...(await stock.available(renumbered, now)) } : answer;
    },
  };
}
