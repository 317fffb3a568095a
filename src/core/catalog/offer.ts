import { availableUnits, soldOut } from './availability';
import type { Product } from './types';

/**
 * What a product is offered at, as one price: what its card shows, its page's preview and
 * schema.org Offer say, and price sorting orders by. One rule, so a shopper never reads one
 * price on the card and another on the shared page.
 */
export interface ProductOffer {
  /** Minor units: the product's price, or the lowest of its variants that can be bought. */
  readonly price: number;
  /** The old price of that same product or variant, when it is on sale. */
  readonly compareAtPrice?: number;
  /** Variants cost different amounts: people read the price as "from". */
  readonly priceVaries: boolean;
  /** Some of it can be bought (availability.ts). */
  readonly inStock: boolean;
  /** It, or any of its variants, is sold below its old price: the card's Sale badge. */
  readonly onSale: boolean;
}

/**
 * The single price a product is advertised at: its own, or the cheapest variant still in stock
 * (the cheapest of all when every one is sold out).
 * @example productOffer(hoodie) // { price: 5490, compareAtPrice: 6900, priceVaries: true, inStock: true, onSale: true }
 */
export function productOffer(product: Product): ProductOffer {
  const inStock = !soldOut(product);
  if (!product.variants.length) {
    const sale = saleOf(product.price, product.compareAtPrice);
    return { price: product.price, ...sale, priceVaries: false, inStock, onSale: 'compareAtPrice' in sale };
  }
  const available = product.variants.filter((variant) => availableUnits(product, variant) > 0);
  const candidates = available.length ? available : product.variants;
  const cheapest = candidates.reduce((best, variant) => (variant.price < best.price ? variant : best));
  const priceVaries = product.variants.some((variant) => variant.price !== cheapest.price);
  const onSale = product.variants.some((variant) => 'compareAtPrice' in saleOf(variant.price, variant.compareAtPrice));
  return { price: cheapest.price, ...saleOf(cheapest.price, cheapest.compareAtPrice), priceVaries, inStock, onSale };
}

const saleOf = (price: number, compareAtPrice: number | undefined): { compareAtPrice?: number } =>
  compareAtPrice !== undefined && compareAtPrice > price ? { compareAtPrice } : {};
