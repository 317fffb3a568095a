import type { Product } from './types';
import { productOffer } from './offer';

/**
 * What searching and sorting share: how text is folded, and the sorts. The search itself, with
 * its index, is query.ts (the server's and the widget's alike).
 */

/**
 * Folds case and accents so a shopper without umlauts on the keyboard still finds products:
 * lower case, `ß` to `ss`, then NFD and the combining marks removed.
 * @example normalizeForSearch('MÜSLI Straße') // "musli strasse"
 */
export function normalizeForSearch(text: string): string {
  return text.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

export type ProductSort = 'featured' | 'price-asc' | 'price-desc' | 'newest' | 'liked';

/** What "Newest" orders by (descending): the product's creation time, 0 when unknown. */
export const createdTime = (product: Product): number => Date.parse(product.createdAt) || 0;

/** What each sort orders by, ascending; worked out once per product, not once per comparison. */
const sortKeys: Record<Exclude<ProductSort, 'liked'>, (product: Product) => number> = {
  featured: (product) => product.position,
  'price-asc': (product) => productOffer(product).price,
  'price-desc': (product) => -productOffer(product).price,
  newest: (product) => -createdTime(product),
};

/**
 * A product's like count; hasOwn, since a product may be called "constructor" and a plain
 * object of counts would then answer with Object's constructor.
 */
const likeCount = (likes: Readonly<Record<string, number>>, id: string): number => {
  const count = Object.hasOwn(likes, id) ? likes[id] : 0;
  return typeof count === 'number' && Number.isFinite(count) ? count : 0;
};

/**
 * A sorted copy. Prices compare by the price a card shows (offer.ts: the product's, or its
 * cheapest variant in stock);
 * ties keep their order in the input, since Array.prototype.sort is stable (ES2019).
 * `liked` orders by `likes` (like counts by product id).
 * @example sortProducts(products, 'price-asc')
 */
export function sortProducts(products: readonly Product[], sort: ProductSort, likes: Readonly<Record<string, number>> = {}): Product[] {
  // Most liked first (counts from the likes API); equal counts keep the catalog's order.
  // hasOwn: the sort often comes from a URL parameter, and "constructor" must not pick Object.
  const key = sort === 'liked' ? (product: Product) => -likeCount(likes, product.id) : Object.hasOwn(sortKeys, sort) ? sortKeys[sort as keyof typeof sortKeys] : sortKeys.featured;
  const tieBreak = sort === 'liked' ? (a: Product, b: Product) => a.position - b.position : () => 0;
  // productOffer walks the variants: once per product here, rather than twice per comparison.
  const keyed = products.map((product) => ({ product, key: key(product) }));
  keyed.sort((a, b) => a.key - b.key || tieBreak(a.product, b.product));
  return keyed.map((entry) => entry.product);
}
