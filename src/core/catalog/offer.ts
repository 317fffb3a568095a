import type { Product } from './types';

/** What a product is offered at, as one price: for a page's preview, its schema.org Offer. */
export interface ProductOffer {
  /** Minor units: the product's price, or the lowest of its variants that can be bought. */
  readonly price: number;
  /** The old price of that same product or variant, when it is on sale. */
  readonly compareAtPrice?: number;
  /** Variants cost different amounts: people read the price as "from". */
  readonly priceVaries: boolean;
  readonly inStock: boolean;
}

/**
 * The single price a product is advertised at: its own, or the cheapest variant still in stock
 * (the cheapest of all when every one is sold out). Variants without tracked stock count as in
 * stock, as they do in the shop.
 * @example productOffer(hoodie) // { price: 5490, compareAtPrice: 6900, priceVaries: true, inStock: true }
 */
export function productOffer(product: Product): ProductOffer {
  const inStock = product.availability === 'in_stock';
  if (!product.variants.length) {
    return { price: product.price, ...saleOf(product.price, product.compareAtPrice), priceVaries: false, inStock };
  }
  const available = product.variants.filter((variant) => variant.stock !== 0);
  const candidates = inStock && available.length ? available : product.variants;
  const cheapest = candidates.reduce((best, variant) => (variant.price < best.price ? variant : best));
  const priceVaries = product.variants.some((variant) => variant.price !== cheapest.price);
  return { price: cheapest.price, ...saleOf(cheapest.price, cheapest.compareAtPrice), priceVaries, inStock };
}

const saleOf = (price: number, compareAtPrice: number | undefined) =>
  compareAtPrice !== undefined && compareAtPrice > price ? { compareAtPrice } : {};
