import { parseCatalog } from './parse';
import { encodeSearchIndex } from './search-index';
import { FIRST_PAGE_SIZE, idBucket, numbered, SHARD_SIZE, shardCount, STATIC_PAGES_FORMAT, WHOLE_CATALOG_MAX_PRODUCTS, type StaticPaging } from './static-site';

/**
 * The files `fanshop build` writes (cli/build.ts) for a catalog file, as text by name: pure, so
 * the widget's tests serve the same files the command writes (static-site.ts says what each is).
 */

/** The file `data-catalog` points at. */
export const FIRST_PAGE_FILE = 'catalog.json';

type Json = Record<string, unknown>;

export interface StaticSiteOptions {
  /** An image path of the catalog as it must be written in the new files. */
  readonly image: (src: string) => string;
  /** A short text that changes with the content (a file's name carries it, for caching). */
  readonly hash: (text: string) => string;
  /** Up to this many products the catalog is written whole. */
  readonly maxWhole?: number;
}

/**
 * The files of a checked catalog file, by name in `--out`: the first page first, then the index
 * and the shards, and the directory files (names with a hash of their content). `image` turns an image path of the catalog into one
 * that is right from `--out`; `hash` names a file by its content.
 */
export function staticSiteFiles(file: Json, options: StaticSiteOptions): Map<string, string> {
  const { image, hash, maxWhole = WHOLE_CATALOG_MAX_PRODUCTS } = options;
  const products = (file.products as Json[]).map((product) => withImages(product, image));
  if (products.length <= maxWhole) return new Map([[FIRST_PAGE_FILE, JSON.stringify({ ...file, products })]]);
  const parsed = parseCatalog({ ...file, products });
  if (!parsed.ok) throw new Error('the catalog changed while it was written');
  const named = (prefix: string, text: string) => [`${prefix}.${hash(text)}.json`, text] as const;
  const index = named('catalog-index', JSON.stringify(encodeSearchIndex(parsed.catalog.products)));
  const shardTexts = Array.from({ length: shardCount({ total: products.length, shardSize: SHARD_SIZE }) }, (_, n) => JSON.stringify({ products: products.slice(n * SHARD_SIZE, (n + 1) * SHARD_SIZE) }));
  const shards = `catalog-products-{n}.${hash(shardTexts.join('\n'))}.json`;
  // The directory: one hash for all its files, so the first page names them in one string.
  const buckets = Array.from({ length: shardTexts.length }, () => ({}) as Record<string, number>);
  for (const p of parsed.catalog.products) buckets[idBucket(p.id, buckets.length)]![p.id] = p.position;
  const bucketTexts = buckets.map((positions) => JSON.stringify({ positions }));
  const directory = `catalog-ids-{n}.${hash(bucketTexts.join('\n'))}.json`;
  const categories: Record<string, number> = {};
  for (const p of parsed.catalog.products) if (p.categoryId !== undefined) categories[p.categoryId] = (categories[p.categoryId] ?? 0) + 1;
  const paged: StaticPaging = { format: STATIC_PAGES_FORMAT, total: products.length, categories, index: index[0], shards, shardSize: SHARD_SIZE, directory };
  const first = { shop: file.shop, ...(file.categories === undefined ? {} : { categories: file.categories }), products: products.slice(0, FIRST_PAGE_SIZE), paged };
  return new Map([
    [FIRST_PAGE_FILE, JSON.stringify(first)],
    index,
    ...shardTexts.map((text, n) => [numbered(shards, n), text] as const),
    ...bucketTexts.map((text, n) => [numbered(directory, n), text] as const),
  ]);
}

/** A product with its image paths (and the option values that name an image) passed through `image`. */
function withImages(product: Json, image: (src: string) => string): Json {
  const images = product.images as Json[] | undefined;
  const options = product.options as Json[] | undefined;
  return {
    ...product,
    ...(images && { images: images.map((img) => ({ ...img, src: image(img.src as string) })) }),
    ...(options && {
      options: options.map((option) => ({
        ...option,
        values: (option.values as unknown[]).map((value) => (typeof value === 'object' && value !== null && 'image' in value ? { ...value, image: image((value as Json).image as string) } : value)),
      })),
    }),
  };
}
