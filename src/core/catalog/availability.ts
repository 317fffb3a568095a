import type { Product, ProductVariant } from './types';

/**
 * How many units of a product, or of one of its variants, a shopper can buy: 0 when the
 * catalog marks the product out of stock or coming soon, its tracked `stock` otherwise, and
 * Infinity when stock is not tracked. The one rule of availability: the widget's cards and cart,
 * the server's checkout, product pages and the Meta feed all ask here.
 * @example availableUnits(hoodie, hoodie.variants[0]) // 3
 */
export function availableUnits(product: Product, variant: ProductVariant | undefined): number {
  if (product.availability !== 'in_stock') return 0;
  const stock = variant ? variant.stock : product.stock;
  return stock ?? Infinity;
}

/** Whether nothing of the product can be bought: no units of it, or of any of its variants. */
export function soldOut(product: Product): boolean {
  return product.variants.length ? product.variants.every((variant) => availableUnits(product, variant) <= 0) : availableUnits(product, undefined) <= 0;
}

/** Whether the catalog marks the product as not on sale yet (`"availability": "coming_soon"`). */
export function comingSoon(product: Product): boolean {
  return product.availability === 'coming_soon';
}

/**
 * Whether a shopper may ask to be told when the product (or this variant of it) can be bought:
 * it is coming soon, or it cannot be bought now. Asked about the product as a whole, a product
 * with variants qualifies only when none of them can be bought.
 * @example wishable(soldOutTee, undefined) // true
 */
export function wishable(product: Product, variant: ProductVariant | undefined): boolean {
  if (comingSoon(product)) return true;
  return variant ? availableUnits(product, variant) <= 0 : soldOut(product);
}
