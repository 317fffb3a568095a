/** Product exports of other shops as Fanshop catalogs: CSV text in, a catalog and its problems out. */
export { importShopify } from './shopify';
export { importWooCommerce } from './woocommerce';
export { IMPORT_DEFAULTS, type ImportOptions, type ImportCounts } from './assemble';
export type { ImportProblem } from './draft';
export type { ImportResult } from './result';
