import { formatMoney, money } from '../../core/money';
import { loadCart, persistCart, saveCart, type KeyValueStorage } from '../cart/persistence';
import { reconcileCart, type CartChange } from '../cart/reconcile';
import type { Messages } from '../i18n/messages';
import type { Shop } from './context';
import { loadCatalog } from './load';
import { addNotices } from './store';

const storages = new WeakMap<Shop, { storage: KeyValueStorage; persisting?: () => void }>();

/** Remembers where this shop keeps its cart; `reloadCatalog` reads it. */
export function attachStorage(shop: Shop, storage: KeyValueStorage): void {
  storages.set(shop, { storage });
}

/**
 * Loads (or reloads, from Retry) the catalog, then restores the stored cart reconciled against
 * it and tells the shopper what changed.
 */
export async function reloadCatalog(shop: Shop): Promise<void> {
  shop.store.setState({ status: 'loading', errorKind: null });
  const result = await loadCatalog(new URL(shop.config.catalog, document.baseURI).href);
  if (!result.ok) {
    shop.store.setState({ status: 'error', errorKind: result.kind });
    return;
  }
  const { catalog } = result;
  const entry = storages.get(shop);
  if (entry && !entry.persisting) {
    const { lines, changes } = reconcileCart(loadCart(entry.storage, catalog.shop.id), catalog, shop.limits);
    shop.cart.setState({ lines });
    entry.persisting = persistCart(shop.cart, entry.storage, catalog.shop.id);
    // Save at once so a reconciled cart is what the next page load finds.
    if (changes.length) saveCart(entry.storage, catalog.shop.id, lines);
    addNotices(shop.store, changes.map((c) => describeChange(c, shop.t, shop.locale, catalog.shop.currency)));
  }
  shop.store.setState({ status: 'ready', catalog });
}

export function describeChange(change: CartChange, t: Messages, locale: string, currency: string): string {
  const title = change.line.title;
  switch (change.kind) {
    case 'gone':
      return t.noticeGone(title);
    case 'sold_out':
      return t.noticeSoldOut(title);
    case 'repriced':
      return t.noticeRepriced(title, formatMoney(money(change.before, currency), locale), formatMoney(money(change.after, currency), locale));
    case 'reduced':
      return t.noticeReduced(title, change.after);
  }
}

export function stopPersisting(shop: Shop): void {
  storages.get(shop)?.persisting?.();
}
