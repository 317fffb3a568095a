import type { Product, ProductVariant } from './types';

/*
 * Apart from availability.ts, which a card needs (offer.ts): only the cart, the product view and
 * the server look a variant up by its id, so the widget's first view does not carry it.
 */

/** The product's variant with this id; undefined for `null` or an id it does not have. */
export function findVariant(product: Product, variantId: string | null): ProductVariant | undefined {
  return variantId === null ? undefined : product.variants.find((v) => v.id === variantId);
}
