import type { Product } from './types';

/**
 * The lowest and highest price of a product in minor units: over its variants, or its price.
 * @example productPriceRange(mug) // { min: 1490, max: 4990 }
 */
export function productPriceRange(product: Product): { min: number; max: number } {
  if (!product.variants.length) return { min: product.price, max: product.price };
  const prices = product.variants.map((variant) => variant.price);
  return { min: Math.min(...prices), max: Math.max(...prices) };
}
