import type { Catalog } from '../../core/catalog/types';
import type { CartLine } from '../cart/state';
import { loadCart, persistCart, safeStorage, saveCart } from '../cart/persistence';
import { reconcileCart } from '../cart/reconcile';
import { addLine, createCartStore } from '../cart/store';
import type { Shop } from './context';
import { describeChange } from './describe-change';
import { addNotices } from './notices';

/**
 * The cart keeper's restore step (cart/keeper.ts calls it, once): brings back the shopper's saved
 * cart once the grid is on screen (this module loads after the first product card, so it costs
 * the first view nothing). The saved lines are reconciled against today's catalog, lines the
 * shopper added in the meantime are merged in, every change is told, and from here on the saved
 * cart is the cart. `cleared`: an order was paid before this ran, so the saved lines were bought
 * and do not come back. Returns the function that stops saving, and the saved lines as they were.
 */
export function restoreCart(shop: Shop, catalog: Catalog, cleared = false): { stop: () => void; saved: CartLine[] } {
  const storage = safeStorage(() => window.localStorage);
  const shopId = catalog.shop.id;
  const saved = loadCart(storage, shopId);
  const { lines, changes } = reconcileCart(cleared ? [] : saved, catalog, shop.limits);
  const merged = createCartStore(lines);
  for (const line of shop.cart.getState().lines) {
    addLine(merged, { ...line, available: Infinity }, line.quantity, shop.limits);
  }
  shop.cart.setState({ lines: merged.getState().lines });
  // Saved at once, whether or not anything changed: lines added before this ran are in memory
  // only, and a shopper who now leaves for Stripe without touching the cart again must find
  // them on the way back. A reconciled cart is also what the next page load finds.
  saveCart(storage, shopId, shop.cart.getState().lines);
  if (changes.length) void shop.more.load().then((t) => addNotices(shop.store, changes.map((c) => describeChange(c, t, shop.locale, catalog.shop.currency))));
  return { stop: persistCart(shop.cart, storage, shopId), saved };
}

/**
 * The catalog to reconcile the saved cart against. A big catalog browsed through its server
 * (shop/remote.ts) has only the products the widget was sent: those of the saved lines are asked
 * for first. A failed request rejects, so no line is taken for gone because the network was.
 */
export async function savedLinesCatalog(shop: Shop, catalog: Catalog, cleared: boolean): Promise<Catalog> {
  if (cleared || !shop.store.getState().paged) return catalog;
  const saved = loadCart(safeStorage(() => window.localStorage), catalog.shop.id);
  await (await import('./remote')).ensureProducts(shop, saved.map((line) => line.productId));
  return shop.store.getState().catalog ?? catalog;
}
