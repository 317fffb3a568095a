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
 *   `{ "products": [...] }` in the catalog format; product number n is in the file named
 *   `shards` with `{n}` replaced by n / shardSize (rounded down);
 * - `directory`: where a product is, by id, without the index (a shared link, a saved cart):
 *   as many files as shards, `{n}` in the name replaced by `idBucket(id, shard count)`, each
 *   `{ "positions": { "<id>": <number>, ... } }` for the ids of that bucket. A few hundred
 *   bytes where the index has a hundred kilobytes at 10,000 products.
 *
 * File names are relative to the first page; `fanshop build` puts a hash of their content in
 * them (one for all the shards, one for the directory: the first page names each kind in one
 * string, however many files), so a host may cache them for ever, and a new build names new ones.
 */
export const STATIC_PAGES_FORMAT = 'fanshop/static-pages@1';

/**
 * A catalog with more products than this is not sent whole to the widget, by the server
 * (server/catalog/route.ts) or by `fanshop build`: the first page is, and the rest on demand.
 *
 * Measured 2026-11-30 with `BENCH_NETWORK=slow4g npm run bench static` (scripts/bench-static.mjs:
 * the bench's generated catalog built whole and paged, served with gzip by a file server,
 * Chromium at 412x915, cold cache, 150 ms round trip and 1.6 Mbit/s down, 7 rounds, medians, on
 * two shared cores). Paged, the first page is 29.4 KB gzip whatever the size; whole, about
 * 0.58 KB a product. Two runs: shards of 100 at a load average of 5.9 to 8.4, then shards of 25
 * (as now) at 9.1 to 14.0, busier, so slower:
 *
 * | products | first card whole / paged | bytes before it | first search whole / paged |
 * |---|---|---|---|
 * | 100 | 1,685 / 1,623 ms; 1,906 / 1,733 ms | 85.9 / 55.9 KB | 40 / 900 ms; 61 / 865 ms |
 * | 150 | 1,868 / 1,593 ms; 2,229 / 1,956 ms | 113.8 / 55.9 KB | 46 / 1,074 ms; 84 / 1,070 ms |
 * | 200 | 1,992 / 1,552 ms; 2,305 / 1,765 ms | 142.4 / 55.9 KB | 55 / 1,226 ms; 83 / 1,164 ms |
 * | 300 | 2,304 / 1,568 ms; 2,551 / 1,722 ms | 199.0 / 55.9 KB | 76 / 1,518 ms; 117 / 1,705 ms |
 * | 500 | 2,969 / 1,565 ms; 3,132 / 2,008 ms | 313.4 / 55.9 KB | 97 / 2,148 ms; 176 / 2,493 ms |
 *
 * At 100 the whole catalog costs every shopper 62 to 173 ms (4 to 10 %) more before the first
 * card, and makes the first search, category, sort or "Show more" instant instead of about
 * 0.9 s (the index and the shards over a phone's network); at 150 it costs about 275 ms
 * (15 %), and more for every product after. So 100 stays. On the loopback network (no
 * throttling, load average 6.5 to 10.7) the first cards were within noise up to 300 (100: 422
 * / 337 ms, 300: 443 / 467 ms) and 679 / 462 ms at 500. The server's whole catalog arrives
 * parsed, so its widget skips the checker; the bytes and the round trips it trades are the same.
 */
export const WHOLE_CATALOG_MAX_PRODUCTS = 100;

/** Cards of the first page (the widget shows 48 and "Show more" asks for 48 more). */
export const FIRST_PAGE_SIZE = 48;

/**
 * Products per shard file. A page of search results is spread over the catalog, a card a shard,
 * and a product of the bench's catalogs is about 0.58 KB gzip: 25 make a shard of about 15 KB,
 * where 100 made 58 KB for each scattered card; 48 cards in catalog order ("Show more") are 2
 * or 3 shards either way.
 */
export const SHARD_SIZE = 25;

/** The `paged` field of a static first page. */
export interface StaticPaging {
  readonly format: typeof STATIC_PAGES_FORMAT;
  readonly total: number;
  /** Products in each category. */
  readonly categories: Readonly<Record<string, number>>;
  readonly index: string;
  /** The shards' name, with `{n}` for the shard's number. */
  readonly shards: string;
  readonly shardSize: number;
  /** The directory files' name, with `{n}` for the bucket. */
  readonly directory: string;
}

/**
 * Which directory file lists a product id: FNV-1a (32 bits) of its UTF-16 code units, mod `count`.
 * @example idBucket('espresso-blend', 100) // a number from 0 to 99
 */
export function idBucket(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count;
}

/** A file name beside the first page: no folder, no scheme, nothing a URL would read otherwise. */
const FILE_NAME = /^[\w.-]{1,200}$/;
/** The same with `{n}` once, for a number. */
const isNumberedName = (name: unknown): name is string => typeof name === 'string' && /^[\w.-]*\{n\}[\w.-]*$/.test(name) && name.length <= 200;

/** The file of shard or directory bucket `n`, relative to the first page. */
export const numbered = (name: string, n: number): string => name.replace('{n}', String(n));

/** How many shards (and directory files) a static catalog has. */
export const shardCount = (paging: Pick<StaticPaging, 'total' | 'shardSize'>): number => Math.ceil(paging.total / paging.shardSize);

/**
 * The `paged` field of an untrusted static first page, checked against its catalog (already
 * parsed): a sentence saying what is wrong, or the paging with its files as given.
 */
export function readStaticPaging(json: unknown, catalog: Catalog): StaticPaging | string {
  if (typeof json !== 'object' || json === null) return 'must be an object';
  const paging = json as Partial<Record<keyof StaticPaging, unknown>>;
  if (paging.format !== STATIC_PAGES_FORMAT) return `format must be "${STATIC_PAGES_FORMAT}"`;
  const { total, categories, index, shards, shardSize, directory } = paging;
  if (!Number.isSafeInteger(total) || (total as number) < catalog.products.length) return 'total must be the number of products';
  if (!Number.isSafeInteger(shardSize) || (shardSize as number) < 1) return 'shardSize must be a whole number from 1';
  if (typeof index !== 'string' || !FILE_NAME.test(index)) return 'index must be a file name';
  if (!isNumberedName(shards)) return 'shards must be a file name with {n}';
  if (!isNumberedName(directory)) return 'directory must be a file name with {n}';
  if (typeof categories !== 'object' || categories === null || !Object.values(categories).every((n) => Number.isSafeInteger(n) && n >= 0)) {
    return 'categories must count the products of each category';
  }
  return { format: STATIC_PAGES_FORMAT, total: total as number, categories: { ...(categories as Record<string, number>) }, index, shards, shardSize: shardSize as number, directory };
}
