import { RECOMMENDATIONS_PER_ROW, type ProductRef, type RecommendationSource } from '../../core/api/recommendations';
import { soldOut } from '../../core/catalog/availability';
import type { Catalog, Product } from '../../core/catalog/types';
import type { LikesStore } from '../likes/store';
import { liveProducts } from '../stock/live-catalog';
import type { StockStore } from '../stock/store';
import type { Ranked, RecommendationStore } from './store';

/** Ranked products asked of the store per row: room for those the live catalog leaves out. */
const CANDIDATES = 24;
/** How long a product's rankings are kept (per catalog version): like the likes counts' cache, short. */
export const RECOMMENDATIONS_MAX_AGE_MS = 60_000;
/** Rankings kept per catalog version; the oldest go first. */
const MAX_CACHED = 2_000;

interface Rankings {
  readonly liked: readonly Ranked[];
  readonly bought: readonly Ranked[];
}

export interface RecommenderOptions {
  readonly store: RecommendationStore;
  /** Like counts for the category fallback; without them, the category in catalog order. */
  readonly likes?: LikesStore | undefined;
  /** Live stock: a product sold out now is never recommended (stock/live-catalog.ts). */
  readonly stock?: StockStore | undefined;
  readonly maxAgeMs?: number;
  /** Milliseconds since the epoch; tests move it. */
  readonly now?: () => number;
}

/**
 * Recommendations from the shop's data (recommendations/store.ts) and the catalog: the store's
 * rankings of a product, kept per catalog version for `maxAgeMs`, then only products the catalog
 * sells and that can be bought now (live stock, read for the few candidates only), and, where
 * the data gives fewer than a row, the same category's most liked products.
 */
export function recommender(options: RecommenderOptions) {
  const maxAge = options.maxAgeMs ?? RECOMMENDATIONS_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const cache = new WeakMap<Catalog, Map<string, { at: number; value: Promise<unknown> }>>();
  const indexes = new WeakMap<Catalog, Map<string, Product>>();

  /** A value kept per catalog version for maxAge; a failure is not kept. */
  function cached<T>(catalog: Catalog, key: string, make: () => Promise<T>): Promise<T> {
    let entries = cache.get(catalog);
    if (!entries) cache.set(catalog, (entries = new Map()));
    const time = now();
    const hit = entries.get(key);
    if (hit && time - hit.at < maxAge) return hit.value as Promise<T>;
    const value = make();
    const entry = { at: time, value };
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > MAX_CACHED) entries.delete(entries.keys().next().value!);
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return value;
  }

  const byId = (catalog: Catalog) => {
    let map = indexes.get(catalog);
    if (!map) indexes.set(catalog, (map = new Map(catalog.products.map((p) => [p.id, p]))));
    return map;
  };

  const rankings = (catalog: Catalog, productId: string) =>
    cached(catalog, `p:${productId}`, async (): Promise<Rankings> => {
      const [liked, bought] = await Promise.all([options.store.alsoLiked(productId, CANDIDATES), options.store.boughtTogether(productId, CANDIDATES)]);
      return { liked, bought };
    });

  /** The category's products (those without one: the uncategorised), most liked first, then catalog order. */
  const categoryPool = (catalog: Catalog, categoryId: string | undefined) =>
    cached(catalog, `c:${categoryId ?? ''}`, async (): Promise<readonly Product[]> => {
      const members = catalog.products.filter((p) => p.categoryId === categoryId);
      const counts = options.likes ? await options.likes.counts(members.map((p) => p.id)) : {};
      return members.toSorted((a, b) => (counts[b.id] ?? 0) - (counts[a.id] ?? 0) || a.position - b.position).slice(0, CANDIDATES * 2);
    });

  /** The candidates that can be bought now, as live stock says, by id. */
  async function purchasable(candidates: readonly Product[]): Promise<Set<string>> {
    const unique = [...new Map(candidates.map((p) => [p.id, p])).values()];
    const live = await liveProducts(options.stock, unique, new Date(now()));
    return new Set(live.products.filter((p) => !soldOut(p)).map((p) => p.id));
  }

  /** Up to a row of refs from the lists in order, each product once, none of `excluded`. */
  function row(lists: readonly (readonly { product: Product; source: RecommendationSource }[])[], open: Set<string>, excluded: ReadonlySet<string>): ProductRef[] {
    const refs: ProductRef[] = [];
    const taken = new Set(excluded);
    for (const list of lists) {
      for (const { product, source } of list) {
        if (refs.length === RECOMMENDATIONS_PER_ROW) return refs;
        if (taken.has(product.id) || !open.has(product.id)) continue;
        taken.add(product.id);
        refs.push({ id: product.id, source });
      }
    }
    return refs;
  }

  const known = (catalog: Catalog, ranked: readonly Ranked[], source: RecommendationSource) =>
    ranked.flatMap((r) => {
      const product = byId(catalog).get(r.productId);
      return product ? [{ product, source }] : [];
    });

  return {
    /** A catalog product's two rows. */
    async forProduct(catalog: Catalog, product: Product): Promise<{ alsoLiked: ProductRef[]; boughtTogether: ProductRef[] }> {
      const [ranked, pool] = await Promise.all([rankings(catalog, product.id), categoryPool(catalog, product.categoryId)]);
      const liked = known(catalog, ranked.liked, 'likes');
      const bought = known(catalog, ranked.bought, 'orders');
      const fallback = pool.map((p) => ({ product: p, source: 'category' as const }));
      const open = await purchasable([...liked, ...bought, ...fallback].map((c) => c.product));
      const self = new Set([product.id]);
      return { alsoLiked: row([liked, fallback], open, self), boughtTogether: row([bought], open, self) };
    },

    /** The cart's row: its products' rankings added up, then their categories' most liked. */
    async forCart(catalog: Catalog, products: readonly Product[]): Promise<ProductRef[]> {
      const all = await Promise.all(products.map((p) => rankings(catalog, p.id)));
      const scores = new Map<string, { likes: number; orders: number }>();
      for (const { liked, bought } of all) {
        for (const r of liked) scores.set(r.productId, { likes: (scores.get(r.productId)?.likes ?? 0) + r.count, orders: scores.get(r.productId)?.orders ?? 0 });
        for (const r of bought) scores.set(r.productId, { likes: scores.get(r.productId)?.likes ?? 0, orders: (scores.get(r.productId)?.orders ?? 0) + r.count });
      }
      const ranked = [...scores]
        .map(([id, s]) => ({ id, s, total: s.likes + s.orders }))
        .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .flatMap(({ id, s }) => {
          const product = byId(catalog).get(id);
          return product ? [{ product, source: (s.orders >= s.likes ? 'orders' : 'likes') as RecommendationSource }] : [];
        })
        .slice(0, CANDIDATES * 2);
      const pools = await Promise.all([...new Set(products.map((p) => p.categoryId))].map((category) => categoryPool(catalog, category)));
      const fallback = pools.flat().map((p) => ({ product: p, source: 'category' as const }));
      const open = await purchasable([...ranked, ...fallback].map((c) => c.product));
      return row([ranked, fallback], open, new Set(products.map((p) => p.id)));
    },
  };
}

export type Recommender = ReturnType<typeof recommender>;
