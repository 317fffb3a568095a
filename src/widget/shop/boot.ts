import type { Catalog } from '../../core/catalog/types';
import type { Shop } from './context';
import { loadCatalog, type CatalogLoadResult } from './load';
import { afterPaint } from './after-paint';
import { catalogReadyState } from './store';
import { loadRating } from '../ui/rating-part';

/**
 * Loads (or reloads, from Retry) the catalog and shows the grid; then, off the critical path,
 * the cart keeper restores the saved cart (cart/keeper.ts). `pending` is a load mount() started
 * early, in parallel with the message table.
 */
export async function reloadCatalog(shop: Shop, pending?: Promise<CatalogLoadResult>): Promise<void> {
  shop.store.setState({ status: 'loading', errorKind: null });
  // Back from Stripe, the cart and the news come first: their code loads with the catalog, and
  // once it is in, its handler (which starts the cart keeper) is queued ahead of the grid's
  // first render, which keeps a slow phone busy for seconds.
  const returning = checkoutReturn();
  const result = await (pending ?? loadCatalog(catalogUrl(shop.config.catalog), widgetOrigin));
  if (!result.ok) {
    shop.store.setState({ status: 'error', errorKind: result.kind });
    return;
  }
  if (result.ratings) await loadRating(shop.more);
  shop.store.setState(catalogReadyState(result));
  catalogShown(shop, result.catalog, returning);
}

/** Checks the way back from Stripe; prepares the returning news before the grid's first render. */
export function checkoutReturn(): Promise<typeof import('../checkout/return')> | null {
  return new URLSearchParams(location.search).has('checkout') ? import('../checkout/return') : null;
}

/**
 * With the grid on screen (rendered here, or hydrated from the server's first view): the news
 * of a return from Stripe, and the cart keeper, which restores the saved cart.
 */
export function catalogShown(shop: Shop, catalog: Catalog, returning: ReturnType<typeof checkoutReturn>): void {
  void returning?.then((m) => m.handleCheckoutReturn(shop, catalog, shop.config.checkoutUrl ?? new URL('/api/checkout', widgetOrigin).href, window));
  afterPaint(() => void import('../cart/keeper').then((m) => m.cartKeeper(shop, catalog)));
}

/**
 * Where this widget's code came from: a catalog from the same server arrives already parsed.
 * (The base is for the Worker that renders the first view, ssr.tsx, where workerd gives modules
 * no URL; a browser always does.)
 */
export const widgetOrigin = new URL(import.meta.url, 'file:').origin;

export function catalogUrl(configured: string): string {
  return new URL(configured, document.baseURI).href;
}
