/** What names a cart line: a product, and its variant when it has variants. */
export interface LineRef {
  readonly productId: string;
  readonly variantId: string | null;
}

/**
 * The one key of a cart line: lines with the same key are the same thing to buy, and merge (the
 * widget's cart, its saved copy, and the server's checkout, which merges repeated lines before
 * checking limits). NUL cannot occur in catalog ids.
 * @example lineKey({ productId: 'hoodie', variantId: 'hoodie-m' }) // "hoodie\u0000hoodie-m"
 */
export function lineKey(line: LineRef): string {
  return `${line.productId}\u0000${line.variantId ?? ''}`;
}

/**
 * The id Meta and the catalog feed know a line by: the variant's id where there is a variant
 * (one feed row per variant), else the product's. The Pixel and the Conversions API send it.
 */
export function catalogItemId(line: LineRef): string;
/** An order line of a session whose ids were not kept (an older cart) has none: null. */
export function catalogItemId(line: { readonly productId: string | null; readonly variantId: string | null }): string | null;
export function catalogItemId(line: { readonly productId: string | null; readonly variantId: string | null }): string | null {
  return line.variantId ?? line.productId;
}
