/**
 * Domain types of a catalog, after `parseCatalog` has checked the untrusted JSON.
 * Nothing downstream re-validates these: they are the shop's vocabulary.
 */

/** A text in one or more locales, keyed by BCP 47 tag (`en`, `de`, `de-AT`). Never empty. */
export type LocalizedText = Readonly<Record<string, string>>;

/**
 * `in_stock`: sold by its stock; `out_of_stock`: sold out (marked so, or no stock left when the
 * catalog was read); `coming_soon`: not on sale yet, whatever its stock: shoppers may ask to be
 * told when it is (the catalog's `"availability": "coming_soon"`).
 */
export type Availability = 'in_stock' | 'out_of_stock' | 'coming_soon';

export interface Shop {
  readonly id: string;
  readonly name: LocalizedText;
  /** ISO 4217, upper case: `EUR`. */
  readonly currency: string;
  readonly defaultLocale: string;
  /** Absolute URL, no trailing slash. Product pages live under it. */
  readonly baseUrl: string;
  /**
   * Some product has a `paymentLink`: the shop sells through Stripe Payment Links ("Buy now"),
   * for merchants without a server, and has no cart. Derived when the catalog is parsed.
   */
  readonly paymentLinks: boolean;
}

export interface Category {
  readonly id: string;
  readonly title: LocalizedText;
}

export interface ProductImage {
  readonly src: string;
  readonly alt: LocalizedText;
  readonly width: number;
  readonly height: number;
}

export interface ProductOptionValue {
  readonly id: string;
  readonly label: LocalizedText;
  /** A CSS colour for a swatch, for example `#1d4ed8`. */
  readonly swatch?: string;
  /** Which of the product's images shows this value (the file's `image`, as an index). */
  readonly imageIndex?: number;
}

export interface ProductOption {
  readonly id: string;
  readonly name: LocalizedText;
  readonly values: readonly ProductOptionValue[];
}

export interface ProductVariant {
  readonly id: string;
  /** Option id -> value id, one entry per option of the product. */
  readonly options: Readonly<Record<string, string>>;
  /** Minor units; the product's price when the catalog leaves it out. */
  readonly price: number;
  readonly compareAtPrice?: number;
  /** Units left; `undefined` means not tracked (unlimited). */
  readonly stock?: number;
  readonly sku?: string;
  /** A Stripe Price to charge instead of `price` (the server still checks stock and limits). */
  readonly stripePriceId?: string;
}

export interface Product {
  readonly id: string;
  readonly title: LocalizedText;
  /** Plain text; paragraphs separated by a blank line. */
  readonly description: LocalizedText;
  readonly images: readonly ProductImage[];
  /** Minor units of the shop's currency. */
  readonly price: number;
  readonly compareAtPrice?: number;
  readonly options: readonly ProductOption[];
  readonly variants: readonly ProductVariant[];
  /** Units left for a product without variants; `undefined` means not tracked. */
  readonly stock?: number;
  readonly availability: Availability;
  readonly categoryId?: string;
  readonly tags: readonly string[];
  /** ISO 8601 date-time. */
  readonly createdAt: string;
  /** Position in the catalog file: the "featured" order. */
  readonly position: number;
  /** A Stripe Price to charge instead of `price`, for a product without variants. */
  readonly stripePriceId?: string;
  /** A Stripe Payment Link: shops without a server sell the product through it ("Buy now"). */
  readonly paymentLink?: string;
}

export interface Catalog {
  readonly shop: Shop;
  readonly categories: readonly Category[];
  readonly products: readonly Product[];
}

/** One thing wrong (an error) or odd (a warning) in a catalog file. */
export interface CatalogProblem {
  /** JSON path, for example `products[3].variants[1].price`; empty for the root. */
  readonly path: string;
  /** A plain sentence that says what is wrong and what was found. */
  readonly message: string;
}

export type CatalogParseResult =
  | { readonly ok: true; readonly catalog: Catalog; readonly warnings: readonly CatalogProblem[] }
  | { readonly ok: false; readonly errors: readonly CatalogProblem[]; readonly warnings: readonly CatalogProblem[] };
