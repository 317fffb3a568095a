/**
 * What both importers read from a file before it becomes a catalog: products with their
 * variants in the shop's own words, prices already in minor units. `assemble.ts` turns them
 * into the catalog format.
 */

export interface DraftVariant {
  /** The option values in the order of the product's option names. */
  readonly values: readonly string[];
  readonly price: number;
  /** The regular price when the variant is on sale. */
  readonly compareAtPrice?: number;
  /** Units on hand; absent when the shop does not count them. */
  readonly stock?: number;
  readonly sku?: string;
  /** The image shown for this variant (a URL also listed in the product's images). */
  readonly image?: string;
  /** Where the variant was read, for problems found later. */
  readonly line: number;
}

export interface DraftImage {
  readonly src: string;
  readonly alt?: string;
}

export interface DraftProduct {
  /** The id the shop uses (Shopify's handle, WooCommerce's name), made into a catalog id later. */
  readonly key: string;
  readonly title: string;
  readonly description?: string;
  readonly images: DraftImage[];
  /** The category's path from the top ("Clothing", "Hoodies"); empty when there is none. */
  readonly category: readonly string[];
  readonly tags: readonly string[];
  /** Option names; empty for a product without variants (then it has exactly one variant). */
  readonly optionNames: readonly string[];
  readonly variants: DraftVariant[];
  /** The line of the product's first row. */
  readonly line: number;
}

export interface ImportProblem {
  /** The line of the file where the row starts; 0 for the file as a whole. */
  readonly line: number;
  readonly message: string;
}

/** A product, variant or row left out, and why. */
export type Report = (line: number, message: string) => void;
