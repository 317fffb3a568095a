import type { Product } from '../../core/catalog/types';
import { localize } from '../../core/catalog/localize';
import { findVariant } from '../../core/catalog/find-variant';

/** The options of a variant as a shopper reads them ("Black / M"), or '' for none. */
export function variantLabel(product: Product | undefined, variantId: string | null, locale: string, fallback: string): string {
  const variant = product && variantId ? findVariant(product, variantId) : undefined;
  if (!product || !variant) return '';
  return product.options
    .map((o) => o.values.find((v) => v.id === variant.options[o.id]))
    .map((v) => (v ? localize(v.label, locale, fallback) : ''))
    .filter(Boolean)
    .join(' / ');
}
