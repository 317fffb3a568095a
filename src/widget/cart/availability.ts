import type { Product, ProductVariant } from '../../core/catalog/types';

/** Units a shopper can still buy of a product or variant; Infinity when stock is not tracked. */
export function availableUnits(product: Product, variant: ProductVariant | undefined): number {
  if (product.availability === 'out_of_stock') return 0;
  const stock = variant ? variant.stock : product.stock;
  return stock ?? Infinity;
}

export function findVariant(product: Product, variantId: string | null): ProductVariant | undefined {
  return variantId === null ? undefined : product.variants.find((v) => v.id === variantId);
}
