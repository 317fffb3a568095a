import { availableUnits, comingSoon } from '../../core/catalog/availability';
import { localize } from '../../core/catalog/localize';
import type { Catalog, Product, ProductVariant } from '../../core/catalog/types';
import { apiError, type ApiError } from '../http/api-error';
import type { CheckoutLineRequest } from './request';

/** A cart line as the catalog prices it: what Stripe is asked to charge. */
export interface PricedLine {
  readonly productId: string;
  readonly variantId: string | null;
  readonly quantity: number;
  /** Minor units, from the catalog. */
  readonly unitAmount: number;
  readonly stripePriceId: string | undefined;
  /** Product title (and variant values) in the shopper's language. */
  readonly name: string;
  readonly imageUrl: string | undefined;
  /** The catalog's stock of it (Infinity when not tracked): what a reservation is counted from. */
  readonly stock: number;
}

export interface PricedCart {
  readonly currency: string;
  readonly lines: readonly PricedLine[];
  /** Minor units. */
  readonly total: number;
}

function variantLabel(product: Product, variant: ProductVariant, locale: string, fallback: string): string {
  return product.options
    .map((o) => o.values.find((value) => value.id === variant.options[o.id]))
    .map((value) => (value ? localize(value.label, locale, fallback) : ''))
    .filter(Boolean)
    .join(' / ');
}

/**
 * Products by id, built once per parsed catalog rather than once per checkout: the catalog
 * object is replaced only when its file changes (catalog/source.ts), so with 1,000 products a
 * checkout costs a few lookups instead of a pass over the whole catalog.
 */
const indexes = new WeakMap<Catalog, ReadonlyMap<string, Product>>();

function productsById(catalog: Catalog): ReadonlyMap<string, Product> {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map(catalog.products.map((p) => [p.id, p]));
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * Prices a cart from the catalog alone. The lines come merged from parseCheckoutRequest (one
 * per product and variant), so stock is checked against what the shopper really buys. The
 * first problem found is returned with the index of the request line it concerns.
 */
export function priceCart(catalog: Catalog, lines: readonly CheckoutLineRequest[], locale: string): { ok: true; cart: PricedCart } | { ok: false; error: ApiError } {
  const fallback = catalog.shop.defaultLocale;
  const products = productsById(catalog);
  const priced: PricedLine[] = [];
  for (const line of lines) {
    const { index } = line;
    // A Map, not an object: ids like "__proto__" or "constructor" find nothing.
    const product = products.get(line.productId);
    if (!product) return { ok: false, error: apiError('unknown_product', 'This product is not in the shop.', { lineIndex: index }) };
    let variant: ProductVariant | undefined;
    if (product.variants.length) {
      if (line.variantId === null) return { ok: false, error: apiError('variant_required', 'Choose a size or colour for this product.', { lineIndex: index }) };
      variant = product.variants.find((candidate) => candidate.id === line.variantId);
      if (!variant) return { ok: false, error: apiError('unknown_variant', 'This option of the product is not in the shop.', { lineIndex: index }) };
    } else if (line.variantId !== null) {
      return { ok: false, error: apiError('unknown_variant', 'This product has no options.', { lineIndex: index }) };
    }
    if (comingSoon(product)) return { ok: false, error: apiError('coming_soon', 'This product is not on sale yet.', { lineIndex: index }) };
    const stock = availableUnits(product, variant);
    if (stock <= 0) return { ok: false, error: apiError('sold_out', 'This product is sold out.', { lineIndex: index }) };
    if (line.quantity > stock) return { ok: false, error: apiError('quantity_above_stock', `Only ${stock} of this product are left.`, { lineIndex: index }) };
    const title = localize(product.title, locale, fallback);
    const label = variant ? variantLabel(product, variant, locale, fallback) : '';
    const image = product.images[0];
    priced.push({
      productId: product.id,
      variantId: variant?.id ?? null,
      quantity: line.quantity,
      unitAmount: variant ? variant.price : product.price,
      stripePriceId: variant ? variant.stripePriceId : product.stripePriceId,
      name: label ? `${title} (${label})` : title,
      imageUrl: image ? new URL(image.src, `${catalog.shop.baseUrl}/`).href : undefined,
      stock,
    });
  }
  const total = priced.reduce((sum, l) => sum + l.unitAmount * l.quantity, 0);
  return { ok: true, cart: { currency: catalog.shop.currency, lines: priced, total } };
}
