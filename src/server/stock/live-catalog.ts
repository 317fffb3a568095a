import type { Catalog, Product } from '../../core/catalog/types';
import { sha256Hex } from '../hash';
import type { LoadedCatalog } from '../catalog/source';
import { recentRead, STALE_MS, type RecentRead } from '../data/recent-read';
import { stockChanges } from './observed-stock';
import { stockItemId, type StockCount, type StockStore } from './store';

/** The items whose stock the catalog tracks (a `stock` number), worked out once per parsed catalog. */
const tracked = new WeakMap<Catalog, StockCount[]>();

export function trackedItems(catalog: Catalog): StockCount[] {
  let items = tracked.get(catalog);
  if (!items) tracked.set(catalog, (items = trackedItemsOf(catalog.products)));
  return items;
}

/** The items of these products whose stock the catalog tracks. */
export function trackedItemsOf(products: readonly Product[]): StockCount[] {
  const items: StockCount[] = [];
  for (const product of products) {
    if (product.stock !== undefined) items.push({ item: stockItemId(product.id, null), stock: product.stock });
    for (const variant of product.variants) if (variant.stock !== undefined) items.push({ item: stockItemId(product.id, variant.id), stock: variant.stock });
  }
  return items;
}

/** The catalog with every tracked `stock` replaced by what can be bought now. */
export function withLiveStock(catalog: Catalog, available: Readonly<Record<string, number>>): Catalog {
  return { ...catalog, products: withLiveStockProducts(catalog.products, available) };
}

/** These products with every tracked `stock` replaced by what can be bought now. */
export function withLiveStockProducts(products: readonly Product[], available: Readonly<Record<string, number>>): Product[] {
  const live = (item: string, stock: number | undefined) => (stock === undefined ? undefined : (available[item] ?? stock));
  return products.map((product): Product => {
    const hasTracked = product.stock !== undefined || product.variants.some((v) => v.stock !== undefined);
    if (!hasTracked) return product;
    return {
      ...product,
      ...(product.stock !== undefined ? { stock: live(stockItemId(product.id, null), product.stock) } : {}),
      variants: product.variants.map((variant) => (variant.stock === undefined ? variant : { ...variant, stock: live(stockItemId(product.id, variant.id), variant.stock)! })),
    };
  });
}

/**
 * Live stock for a few products (a page of a big catalog): only their items are asked of the
 * store, so a page of 48 costs the same at 100 or 100,000 products. `tag` changes whenever any
 * of their live numbers does (for ETags). If the stock cannot be read, the catalog's own numbers
 * are used and the log says why, as for the whole catalog.
 */
export async function liveProducts(stock: Pick<StockStore, 'available'> | undefined, products: readonly Product[], now = new Date()): Promise<{ products: readonly Product[]; tag: string }> {
  const items = stock ? trackedItemsOf(products) : [];
  if (!stock || !items.length) return { products, tag: '' };
  try {
    const available = await stock.available(items, now);
    return { products: withLiveStockProducts(products, available), tag: await sha256Hex(JSON.stringify(items.map((i) => available[i.item])), 8) };
  } catch (error) {
    console.error('[fanshop] cannot read live stock; the catalog’s own stock numbers are served:', error);
    return { products, tag: '' };
  }
}

export interface LiveCatalog {
  readonly catalog: Catalog;
  /** Changes whenever any live stock number does: for ETags. */
  readonly stockTag: string;
}

/**
 * The catalog as shoppers should see it: stock less what is sold and held (stock/store.ts),
 * asked of the store at most once per `maxAgeMs` (default 2 s) whatever the traffic, read ahead
 * of its end so that no visitor waits on it after a pause of up to a minute (data/recent-read.ts,
 * `STALE_MS`), and at once when the catalog changes or this server holds or sells stock. A
 * catalog that tracks no stock is given back as it is.
 */
export function liveCatalogLoader(stock: StockStore, options: { maxAgeMs?: number; now?: () => number } = {}): (catalog: Catalog) => Promise<LiveCatalog> {
  const maxAge = options.maxAgeMs ?? 2000;
  const now = options.now ?? Date.now;
  let last: { source: Catalog; live: RecentRead<LiveCatalog> } | undefined;
  // What this server sold or held shows on the next page (stock/observed-stock.ts).
  stockChanges(stock)?.(() => last?.live.forget());
  return (catalog) => {
    if (last?.source !== catalog) {
      const items = trackedItems(catalog);
      // The same numbers give back the same object, so what is made from it (the envelope, its
      // first views) is not made again for every read.
      let previous: LiveCatalog | undefined;
      const read = async (time: number): Promise<LiveCatalog> => {
        if (!items.length) return { catalog, stockTag: '' };
        const available = await stock.available(items, new Date(time));
        const stockTag = await sha256Hex(JSON.stringify(items.map((i) => available[i.item])), 8);
        if (previous?.stockTag !== stockTag) previous = { catalog: withLiveStock(catalog, available), stockTag };
        return previous;
      };
      last = { source: catalog, live: recentRead(read, { maxAgeMs: maxAge, staleMs: STALE_MS, now }) };
    }
    return last.live.get();
  };
}

/**
 * The catalog loader with live stock in its parse and its ETag: what the widget's catalog,
 * product pages and the Meta feed show, so a product's page says Sold out when its card does.
 * The merchant's text stays as written. If the stock cannot be read, the catalog's own numbers
 * are used (checkout still holds the line) and the log says why.
 */
export function withLiveStockLoader(load: () => Promise<LoadedCatalog>, live: (catalog: Catalog) => Promise<LiveCatalog>): () => Promise<LoadedCatalog> {
  let last: { loaded: LoadedCatalog; live: LiveCatalog; made: LoadedCatalog } | undefined;
  return async () => {
    const loaded = await load();
    if (!loaded.result.ok) return loaded;
    let current: LiveCatalog;
    try {
      current = await live(loaded.result.catalog);
    } catch (error) {
      console.error('[fanshop] cannot read live stock; the catalog’s own stock numbers are served:', error);
      return loaded;
    }
    if (last && last.loaded === loaded && last.live === current) return last.made;
    const etag = current.stockTag ? `"${loaded.etag.slice(1, -1)}-${current.stockTag}"` : loaded.etag;
    const made: LoadedCatalog = { ...loaded, etag, result: { ...loaded.result, catalog: current.catalog } };
    last = { loaded, live: current, made };
    return made;
  };
}
