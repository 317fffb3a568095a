import type { Product } from '../../core/catalog/types';

/**
 * The server's products, each one the widget already has in the same form (the same JSON)
 * given back as the object it has: the grid keeps a card element per product object
 * (ui/Browse.tsx), so an answer that repeats products on screen (the next letter of a word, a
 * page asked for again) renders only the cards that changed.
 */
export function sameProductsKept(known: readonly Product[], products: readonly Product[]): Product[] {
  const byId = new Map(known.map((p) => [p.id, p]));
  return products.map((product) => {
    const kept = byId.get(product.id);
    return kept && JSON.stringify(kept) === JSON.stringify(product) ? kept : product;
  });
}
