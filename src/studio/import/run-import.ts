import { importShopify, importWooCommerce, type ImportOptions, type ImportResult } from '../../core/import';
import { parseCatalog } from '../../core/catalog/parse';
import type { CatalogProblem } from '../../core/catalog/types';

export type Platform = 'shopify' | 'woocommerce';

/**
 * Which shop made an export, from its header line: Shopify's has "URL handle" (or "Handle")
 * and "Title"; WooCommerce's "Type" and "Regular price" (German: "Typ", "Regulärer Preis"),
 * comma or semicolon separated. Undefined when neither.
 */
export function detectPlatform(csv: string): Platform | undefined {
  const header = (csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').split(/[,;]/).map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase());
  const has = (...names: string[]) => names.some((name) => header.includes(name));
  if (has('url handle', 'handle') && has('title')) return 'shopify';
  if (has('type', 'typ') && has('regular price', 'regulärer preis')) return 'woocommerce';
  return undefined;
}

export interface StudioImport {
  readonly platform: Platform;
  readonly result: ImportResult;
  /** The catalog's own check, as `fanshop validate` makes it: what keeps it from being saved. */
  readonly catalogProblems: readonly CatalogProblem[];
}

/**
 * The import the CLI runs (`fanshop import`, core/import), in the merchant's browser: no file
 * leaves it until the merchant saves the catalog.
 */
export function runImport(csv: string, platform: Platform, options: ImportOptions): StudioImport {
  const result = (platform === 'shopify' ? importShopify : importWooCommerce)(csv, options);
  const check = result.catalog ? parseCatalog(result.catalog) : undefined;
  return { platform, result, catalogProblems: check && !check.ok ? check.errors : [] };
}
