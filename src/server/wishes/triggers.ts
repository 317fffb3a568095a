import type { Catalog } from '../../core/catalog/types';
import type { LoadedCatalog } from '../catalog/source';
import type { StockStore } from '../stock/store';
import { restockChecker } from './restock';
import type { WishesOptions } from './route';

/**
 * When the restock check (restock.ts) runs, on Node and Workers alike: app.ts asks `due()` after
 * every request (on Workers keeping the request alive for the check with `waitUntil`), which
 * starts it (once, without overlap) when the catalog has changed since the last check, when the
 * webhook has released a reservation, or when `restockCheckMs` (a minute) has passed. Nothing
 * runs without a wish store, its unsubscribe tokens and an `onRestock` hook.
 */
export function restockTriggers(wishes: WishesOptions | undefined, stock: StockStore | undefined) {
  const interval = wishes?.restockCheckMs ?? 60_000;
  const now = () => wishes?.now?.() ?? Date.now();
  let checker: ReturnType<typeof restockChecker> | undefined;
  let seen: LoadedCatalog | undefined;
  let changed = false;
  let lastAt = -Infinity;
  return {
    /** The loader, noting when it gives a new catalog. */
    watch(load: () => Promise<LoadedCatalog>): () => Promise<LoadedCatalog> {
      return async () => {
        const loaded = await load();
        if (seen !== loaded) {
          changed = seen !== undefined || changed;
          seen = loaded;
        }
        return loaded;
      };
    },
    start(catalog: () => Promise<Catalog | null>) {
      if (wishes?.onRestock && wishes.tokens) checker = restockChecker({ store: wishes.store, stock, catalog, tokens: wishes.tokens, onRestock: wishes.onRestock, now: wishes.now });
    },
    released: () => {
      changed = true;
    },
    due(): Promise<number> | undefined {
      if (!checker || !(changed || now() - lastAt >= interval)) return undefined;
      changed = false;
      lastAt = now();
      return checker.check();
    },
  };
}
