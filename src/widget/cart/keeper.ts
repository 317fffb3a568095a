import type { Catalog } from '../../core/catalog/types';
import type { Shop } from '../shop/context';
import type { CartLine } from './state';

/**
 * The one owner of the cart's saved copy in localStorage: nothing else reads or writes it, so
 * the order of restoring, saving and coming back from Stripe cannot go wrong. What it keeps true
 * whatever the shopper, the network and the machine do first:
 * - the saved cart is restored exactly once per mounted shop (shop/cart-restore.ts, a chunk of
 *   its own), and nothing is saved before that (but for the emptying after a paid order,
 *   below): an earlier save would overwrite saved lines the shopper has not been shown yet;
 * - right after the restore the saved cart is the cart in memory, lines added meanwhile
 *   included, and every change after it is saved;
 * - leaving for Stripe (start-checkout.ts) and coming back (return.ts) wait for the restore, for
 *   at most `timeoutMs`: a chunk that never arrives must not hold up a payment or the news of one;
 * - a paid order empties the cart and its saved copy, restored or not, and a restore that
 *   arrives after that brings nothing back;
 * - back from Stripe with a session (`?checkout=success&session_id=…` when the keeper is made),
 *   the restore waits until the server has said whether it was bought (`settle`): the saved
 *   lines of a bought cart are the order, not checked against the catalog (whose stock they may
 *   have just taken) and not brought back.
 */
export interface CartKeeper {
  /** Resolves true once the saved cart is the cart; false if the restore failed or timed out. */
  ready(): Promise<boolean>;
  /**
   * Back from Stripe with a session: what the server said of it (checkout/return.ts). Until
   * then, or `timeoutMs`, nothing is restored.
   */
  settle(bought: boolean): void;
  /** The lines the saved cart held when they turned out to be a paid order, as saved. */
  bought(): readonly CartLine[];
  /** Empties the cart and its saved copy (the order is paid). */
  clear(): Promise<void>;
}

type Restore = typeof import('../shop/cart-restore');

/**
 * The shop's keeper, made the first time anything needs it: right after the first paint
 * (boot.ts), or sooner when the shopper comes back from Stripe or presses Checkout first. Making
 * it starts the restore. `catalog`: the shop's loaded catalog (it is in the store once the grid
 * shows; the way back from Stripe may start before that).
 */
export function cartKeeper(shop: Shop, catalog = shop.store.getState().catalog!): CartKeeper {
  // Once per shop, after its first paint (or on the way back from Stripe): the shop's beacon
  // starts here too, so that it adds nothing to the first view's code (listening/listen.ts).
  if (!shop.keeper) void import('../listening/listen').then((m) => m.listen(shop));
  return (shop.keeper ??= keepCart(shop, catalog));
}

export function keepCart(
  shop: Shop,
  catalog: Catalog,
  load: () => Promise<Restore> = () => import('../shop/cart-restore'),
  timeoutMs = 5000,
  returning = /[?&]checkout=success\b/.test(location.search) && /[?&]session_id=/.test(location.search),
  retryMs: readonly number[] = [2000, 5000, 15000, 30000],
): CartKeeper {
  let settle: (bought: boolean) => void = () => {};
  const verdict = returning ? new Promise<boolean>((resolve) => ((settle = resolve), setTimeout(resolve, timeoutMs, false))) : false;
  let restoring: Promise<boolean> | undefined;
  let failures = 0;
  let restored = false;
  let cleared = false;
  let order: readonly CartLine[] = [];
  const restore = () =>
    (restoring ??= Promise.all([load(), verdict])
      .then(async ([m, bought]) => {
        // A big catalog's products of the saved lines are asked of its server first.
        const known = await m.savedLinesCatalog(shop, catalog, cleared || bought);
        const restoring = m.restoreCart(shop, known, cleared || bought);
        if (bought) order = restoring.saved;
        shop.disposers.push(restoring.stop);
        return (restored = true);
      })
      .catch((error: unknown) => {
        // Tried again a few times on its own (a phone between two cell towers; a big catalog's
        // products of the saved lines not sent), at once when the browser is back online, and on
        // the next ready(); until a restore succeeds nothing is saved, so no saved line is lost.
        restoring = undefined;
        console.error('[fanshop] could not restore the saved cart:', error);
        const delay = retryMs[failures++];
        if (delay !== undefined) setTimeout(() => void restore(), delay);
        if (typeof window !== 'undefined') window.addEventListener('online', () => void restore(), { once: true });
        return false;
      }));
  void restore();
  return {
    ready: () => Promise.race([restore(), new Promise<boolean>((resolve) => setTimeout(resolve, timeoutMs, false))]),
    settle: (bought) => settle(bought),
    bought: () => order,
    async clear() {
      cleared = true;
      shop.cart.setState({ lines: [] });
      // Once restored, that change is saved like any other. Before, the saved lines are the ones
      // just bought, so they go now, and `cleared` keeps a later restore from reading them;
      // checked again after the await, since a restore that came first has saved the cart.
      // (Imported here, not at the top: this chunk must start the restore without waiting for
      // the storage code and the schema library behind it.)
      if (restored) return;
      const { clearSavedCart } = await import('./persistence');
      if (!restored) clearSavedCart(catalog.shop.id);
    },
  };
}
