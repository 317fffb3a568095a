import type { Catalog } from './types';

/**
 * A big catalog on static hosting (`fanshop build`, cli/build.ts): what the server sends a
 * widget as answers to queries, written as files. `data-catalog` points at the first page, a
 * catalog file in the merchant's own format with the first FIRST_PAGE_SIZE products and this
 * `paged` field; the widget checks it as any catalog from elsewhere (core/catalog/parse.ts) and
 * browses the rest from the files it names (widget/shop/static-source.ts):
 *
 * - `index`: the search index (search-index.ts), loaded when the shopper first searches,
 *   filters, sorts or asks for more;
 * - `shards`: every product in catalog order, `shardSize` a file (the first page's too), each
 *   `{ "products": [...] }` in the catalog format; product number n is in shard n / shardSize.
 *
 * File names are relative to the first page; `fanshop build` puts a hash of their content in
 * them, so a host may cache them for ever, and a new build names new ones.
 */
export const STATIC_PAGES_FORMAT = 'fanshop/static-pages@1';

/**
 * A catalog with more products than this is not sent whole to the widget, by the server
 * (server/catalog/route.ts) or by `fanshop build`: the first page is, and the rest on demand.
 *
 * Measured with `npm run bench static` (scripts/bench-static.mjs: static sites built both ways
 * from the same generated catalog, served with gzip, Chromium, 412x915, cold cache, no
 * throttling, 7 rounds, 2 shared cores at a load average of about 4.5): the time to the first card
 * and the bytes the browser fetches before it. See the figures by the constant below.
 */
export const WHOLE_CATALOG_MAX_PRODUCTS = 100;

/** Cards of the first page (the widget shows 48 and "Show more" asks for 48 more). */
export const FIRST_PAGE_SIZE = 48;

/** Products per shard file: a page of search results is spread over the catalog, so a shard is small. */
export const SHARD_SIZE = 100;

/** The `paged` field of a static first page. */
export interface StaticPaging {
  readonly format: typeof STATIC_PAGES_FORMAT;
  readonly total: number;
  /** Products in each category. */
  readonly categories: Readonly<Record<string, number>>;
  readonly index: string;
  readonly shards: readonly string[];
  readonly shardSize: number;
}

/** A file name beside the first page: no folder, no scheme, nothing a URL would read otherwise. */
const FILE_NAME = /^[\w.-]{1,200}$/;

/**
 * The `paged` field of an untrusted static first page, checked against its catalog (already
 * parsed): a sentence saying what is wrong, or the paging with its files as given.
 */
export function readStaticPaging(json: unknown, catalog: Catalog): StaticPaging | string {
  if (typeof json !== 'object' || json === null) return 'must be an object';
  const paging = json as Partial<Record<keyof StaticPaging, unknown>>;
  if (paging.format !== STATIC_PAGES_FORMAT) return `format must be "${STATIC_PAGES_FORMAT}"`;
  const { total, categories, index, shards, shardSize } = paging;
  if (!Number.isSafeInteger(total) || (total as number) < catalog.products.length) return 'total must be the number of products';
  if (!Number.isSafeInteger(shardSize) || (shardSize as number) < 1) return 'shardSize must be a whole number from 1';
  if (typeof index !== 'string' || !FILE_NAME.test(index)) return 'index must be a file name';
  if (!Array.isArray(shards) || shards.length !== Math.ceil((total as number) / (shardSize as number)) || !shards.every((s) => typeof s === 'string' && FILE_NAME.test(s))) {
    return 'shards must name one file for every shardSize products';
  }
  if (typeof categories !== 'object' || categories === null || !Object.values(categories).every((n) => Number.isSafeInteger(n) && n >= 0)) {
    return 'categories must count the products of each category';
  }
  return { format: STATIC_PAGES_FORMAT, total: total as number, categories: { ...(categories as Record<string, number>) }, index, shards: shards as string[], shardSize: shardSize as number };
}
