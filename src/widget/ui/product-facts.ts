import type { Product } from '../../core/catalog/types';
import { productPriceRange } from '../../core/catalog/price-range';
import { availableUnits } from '../cart/availability';

/** What a card or the detail view shows about a product, derived from the catalog alone. */
export function productFacts(product: Product) {
  const range = productPriceRange(product);
  const compareAt = product.variants.length
    ? product.variants.find((v) => v.price === range.min && v.compareAtPrice !== undefined)?.compareAtPrice
    : product.compareAtPrice;
  const soldOut = product.variants.length
    ? product.availability === 'out_of_stock' || product.variants.every((v) => availableUnits(product, v) <= 0)
    : availableUnits(product, undefined) <= 0;
  const onSale = (compareAt !== undefined && compareAt > range.min) || product.variants.some((v) => v.compareAtPrice !== undefined && v.compareAtPrice > v.price);
  return { price: range.min, from: range.min !== range.max, compareAt, soldOut, onSale };
}

/** Plain-text description to paragraphs: a blank line starts a new one. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
