import type { Product, ProductVariant } from '../../core/catalog/types';
import { availableUnits } from '../../core/catalog/availability';

/** Option id -> value id. */
export type Selection = Readonly<Record<string, string>>;

export function matchVariant(product: Product, selection: Selection): ProductVariant | undefined {
  return product.variants.find((v) => product.options.every((o) => v.options[o.id] === selection[o.id]));
}

export function inStock(product: Product, variant: ProductVariant): boolean {
  return availableUnits(product, variant) > 0;
}

/** The first variant a shopper can buy, else the first: what the detail view starts with. */
export function initialSelection(product: Product): Selection {
  const variant = product.variants.find((v) => inStock(product, v)) ?? product.variants[0];
  return variant ? { ...variant.options } : {};
}

/**
 * Whether picking `valueId` for `optionId`, keeping the other choices, leads to a variant in
 * stock. Values for which it does not are shown disabled.
 */
export function valueAvailable(product: Product, selection: Selection, optionId: string, valueId: string): boolean {
  const wanted = { ...selection, [optionId]: valueId };
  const variant = matchVariant(product, wanted);
  return variant !== undefined && inStock(product, variant);
}

/**
 * Picks a value; when the other choices do not combine with it, moves them to the first
 * in-stock variant that has the picked value, so the shopper never lands on nothing.
 */
export function pick(product: Product, selection: Selection, optionId: string, valueId: string): Selection {
  const wanted = { ...selection, [optionId]: valueId };
  const exact = matchVariant(product, wanted);
  if (exact && inStock(product, exact)) return wanted;
  const other = product.variants.find((v) => v.options[optionId] === valueId && inStock(product, v));
  return other ? { ...other.options } : wanted;
}
