import type { Catalog } from '../../core/catalog/types';
import type { CartLine, CartLimits } from './store';
import { availableUnits } from '../../core/catalog/availability';
import { findVariant } from '../../core/catalog/find-variant';

export type CartChange =
  | { readonly kind: 'gone'; readonly line: CartLine }
  | { readonly kind: 'sold_out'; readonly line: CartLine }
  | { readonly kind: 'repriced'; readonly line: CartLine; readonly before: number; readonly after: number }
  | { readonly kind: 'reduced'; readonly line: CartLine; readonly before: number; readonly after: number };

/**
 * Checks stored lines against today's catalog: lines whose product or variant is gone or sold
 * out are dropped, prices follow the catalog, quantities shrink to the stock and limits. Every
 * change is returned so the shopper can be told.
 */
export function reconcileCart(
  lines: readonly CartLine[],
  catalog: Catalog,
  limits: CartLimits,
): { lines: CartLine[]; changes: CartChange[] } {
  const byId = new Map(catalog.products.map((p) => [p.id, p]));
  const kept: CartLine[] = [];
  const changes: CartChange[] = [];
  for (const stored of lines.slice(0, limits.maxLines)) {
    const product = byId.get(stored.productId);
    const variant = product ? findVariant(product, stored.variantId) : undefined;
    // A product that gained or lost variants no longer matches the stored line.
    if (!product || (stored.variantId === null) !== (product.variants.length === 0) || (stored.variantId !== null && !variant)) {
      changes.push({ kind: 'gone', line: stored });
      continue;
    }
    const available = availableUnits(product, variant);
    if (available <= 0) {
      changes.push({ kind: 'sold_out', line: stored });
      continue;
    }
    let line = stored;
    const price = variant ? variant.price : product.price;
    if (price !== line.unitPrice) {
      changes.push({ kind: 'repriced', line, before: line.unitPrice, after: price });
      line = { ...line, unitPrice: price };
    }
    const most = Math.min(available, limits.maxQuantity);
    if (line.quantity > most) {
      changes.push({ kind: 'reduced', line, before: line.quantity, after: most });
      line = { ...line, quantity: most };
    }
    kept.push(line);
  }
  return { lines: kept, changes };
}
