import { productOffer } from './offer';
import { letterBits, buildProductIndex, type IndexedProduct, type OrderedSort, type ProductIndex } from './query';
import { createdTime, sortProducts } from './search';
import type { Product } from './types';

/**
 * A catalog's search index as a file, for static hosting (`fanshop build`, cli/build.ts): what
 * `queryProducts` needs to search, filter by category and sort a catalog, without the products
 * themselves. The widget loads it only when the shopper searches, filters, sorts or asks for
 * more (widget/shop/static-source.ts), and then fetches the cards of a page from the shards.
 *
 * The words are those of the titles, descriptions (every locale) and tags, as the server's
 * index has them, so a search finds exactly what the server finds; the texts are not in it.
 * Products are numbered in catalog order (their position), so a product's number also says
 * which shard holds it. Each word's products are a string of gaps (`encodeNumbers`); prices and
 * creation times are kept as the sorts need them: the offer price, and the rank of `createdAt`.
 */
export const SEARCH_INDEX_FORMAT = 'fanshop/search-index@1';

export interface SearchIndexFile {
  readonly format: typeof SEARCH_INDEX_FORMAT;
  /** Product ids in catalog order; a product's number is its place here. */
  readonly ids: readonly string[];
  readonly categoryIds: readonly string[];
  /** Per product, its category's number in `categoryIds`; -1: none. */
  readonly category: readonly number[];
  /** Per product, the price "Price" sorts by (offer.ts), in minor units. */
  readonly price: readonly number[];
  /** Per product, the rank of its creation time, 0 for the newest; equal times, equal ranks. */
  readonly newest: readonly number[];
  /** The distinct normalised words, sorted as JavaScript compares strings. */
  readonly words: readonly string[];
  /** Per word, the numbers of the products that have it (`encodeNumbers`). */
  readonly postings: readonly string[];
}

/** A product of a static index: its id, and its number, which is its position in the catalog. */
export interface StaticIndexedProduct extends IndexedProduct {
  readonly position: number;
}

/** base64url's letters: 5 bits of a number each, the 6th says another letter follows. */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUES = new Map([...DIGITS].map((digit, value) => [digit.charCodeAt(0), value]));

/**
 * Ascending whole numbers as text: the first, then each gap less one, 5 bits a letter, high
 * bits first. A word in many products has small gaps, one letter each, which gzip shrinks well.
 * @example encodeNumbers([0, 1, 40]) // "AAhG"
 */
export function encodeNumbers(numbers: ArrayLike<number>): string {
  let text = '';
  for (let k = 0; k < numbers.length; k++) {
    let rest = k ? numbers[k]! - numbers[k - 1]! - 1 : numbers[k]!;
    let letters = DIGITS[rest & 31]!;
    while ((rest >>>= 5)) letters = DIGITS[32 | (rest & 31)]! + letters;
    text += letters;
  }
  return text;
}

/** The numbers of `encodeNumbers`, or null when the text is not such a list below `below`. */
export function decodeNumbers(text: string, below: number): Uint32Array | null {
  const numbers: number[] = [];
  let value = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const digit = DIGIT_VALUES.get(text.charCodeAt(i));
    if (digit === undefined) return null;
    value = value * 32 + (digit & 31);
    if (value >= below) return null;
    if (digit & 32) continue;
    // The first number as it is, each next one a gap less one after the last.
    previous += value + 1;
    if (previous >= below) return null;
    numbers.push(previous);
    value = 0;
  }
  // A number whose last letter is missing.
  return text && DIGIT_VALUES.get(text.charCodeAt(text.length - 1))! & 32 ? null : Uint32Array.from(numbers);
}

/**
 * The search index file of a catalog's products (in any order: they are numbered by position).
 * @example JSON.stringify(encodeSearchIndex(catalog.products))
 */
export function encodeSearchIndex(products: readonly Product[]): SearchIndexFile {
  const ordered = sortProducts(products, 'featured');
  const index = buildProductIndex(ordered);
  const times = ordered.map(createdTime);
  const distinctTimes = [...new Set(times)].sort((a, b) => b - a);
  const rank = new Map(distinctTimes.map((time, at) => [time, at]));
  return {
    format: SEARCH_INDEX_FORMAT,
    ids: ordered.map((product) => product.id),
    categoryIds: index.categoryIds,
    category: [...index.category],
    price: ordered.map((product) => productOffer(product).price),
    newest: times.map((time) => rank.get(time)!),
    words: index.words,
    postings: index.postings.map(encodeNumbers),
  };
}

const isWholeNumbers = (list: unknown, length: number, min: number, max: number): list is number[] =>
  Array.isArray(list) && list.length === length && list.every((n) => Number.isSafeInteger(n) && n >= min && n <= max);

/**
 * The index for `queryProducts` of an untrusted search index file (fetched by the widget), or
 * what is wrong with it: its products are ids only, numbered in catalog order.
 * @example const read = readSearchIndex(await response.json()); if (read.ok) queryProducts(read.index, { q: 'müsli' })
 */
export function readSearchIndex(json: unknown): { ok: true; index: ProductIndex<StaticIndexedProduct> } | { ok: false; problem: string } {
  const fail = (problem: string) => ({ ok: false as const, problem });
  if (typeof json !== 'object' || json === null) return fail('is not an object');
  const file = json as Partial<Record<keyof SearchIndexFile, unknown>>;
  if (file.format !== SEARCH_INDEX_FORMAT) return fail(`format must be "${SEARCH_INDEX_FORMAT}"`);
  const { ids, categoryIds, category, price, newest, words, postings } = file;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && /^[\w-]{1,100}$/.test(id))) return fail('ids must be a list of product ids');
  const count = ids.length;
  if (!Array.isArray(categoryIds) || !categoryIds.every((id) => typeof id === 'string')) return fail('categoryIds must be a list of strings');
  if (!isWholeNumbers(category, count, -1, categoryIds.length - 1)) return fail('category must give each product a category number or -1');
  if (!isWholeNumbers(price, count, 0, Number.MAX_SAFE_INTEGER)) return fail('price must give each product a price');
  if (!isWholeNumbers(newest, count, 0, count)) return fail('newest must give each product a rank');
  if (!Array.isArray(words) || !words.every((word, at) => typeof word === 'string' && word !== '' && (at === 0 || words[at - 1] < word))) return fail('words must be distinct strings in order');
  if (!Array.isArray(postings) || postings.length !== words.length) return fail('postings must have one entry per word');
  const lists: Uint32Array[] = [];
  for (const entry of postings) {
    const numbers = typeof entry === 'string' ? decodeNumbers(entry, count) : null;
    if (!numbers) return fail(`postings[${lists.length}] is not a list of product numbers`);
    lists.push(numbers);
  }
  const byPosition = Uint32Array.from(ids, (_, at) => at);
  const keys: Record<OrderedSort, readonly number[]> = { 'price-asc': price, 'price-desc': price.map((p) => -p), newest };
  const orders = new Map<OrderedSort, Uint32Array>();
  // Stable sorts of catalog order, as sortProducts does.
  const orderOf = (sort: OrderedSort) => {
    let order = orders.get(sort);
    if (!order) orders.set(sort, (order = Uint32Array.from([...byPosition].sort((a, b) => keys[sort][a]! - keys[sort][b]!))));
    return order;
  };
  return {
    ok: true,
    index: {
      products: ids.map((id: string, position) => ({ id, position })),
      words: words as string[],
      letters: Uint32Array.from(words as string[], letterBits),
      postings: lists,
      category: Int32Array.from(category),
      categoryIds: categoryIds as string[],
      byPosition,
      orderOf,
    },
  };
}
