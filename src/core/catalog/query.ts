import { normalizeForSearch, sortProducts, type ProductSort } from './search';
import type { Product } from './types';

/**
 * Product queries over large catalogs (10,000 products and more): free text with prefix,
 * substring and typo matching, a category filter with facet counts, a sort and a page. The
 * text goes into a token index once per catalog; a query then looks at the catalog's distinct
 * words (a few thousand) rather than at every product's text.
 *
 * A query word matches a word of the product's titles, descriptions (every locale) or tags:
 * - exactly (case, accents and ß folded as by `normalizeForSearch`);
 * - as a prefix, when it is the last word (the one being typed) or has 2 letters or more;
 * - inside the word, when it has 3 letters or more: German compounds ("müsli" finds
 *   "Birchermüsli"), as the substring search of search.ts does;
 * - with a typo (Damerau-Levenshtein: a letter added, dropped, changed or two swapped): 1 for
 *   words of 4 letters or more, 2 from 8; the last word also matches the start of a longer word
 *   with a typo ("chirst" finds "Christstollen"); never in a word with a digit (a code, a size).
 * Every word of the query must match (AND). Unlike search.ts, a word of 1 or 2 letters is not
 * looked for inside words ("ll" no longer finds "Stollen"): it would match most of a catalog.
 */

export interface ProductQuery {
  /** Free text; empty or without letters and digits: every product. */
  readonly q?: string;
  /** Only this category's products; null, undefined or empty: all. */
  readonly categoryId?: string | null;
  /** Unknown names sort as 'featured'. */
  readonly sort?: ProductSort;
  /** Like counts by product id, for 'liked'. */
  readonly likes?: Readonly<Record<string, number>>;
  /** Every match, not a page (`offset` and `limit` ignored): the widget searching a whole catalog. */
  readonly all?: boolean;
  /** Whole number from 0; default 0. */
  readonly offset?: number;
  /** Whole number from 1 to 100; default 48. */
  readonly limit?: number;
}

export interface ProductQueryResult<P = Product> {
  /** Products that match the text and the category. */
  readonly total: number;
  /** The page: matches offset to offset + limit. */
  readonly products: readonly P[];
  /** Products that match the text, by category id, whatever the category asked for; no key: none. */
  readonly categories: Readonly<Record<string, number>>;
}

/**
 * Built once per catalog by `buildProductIndex`, or read from a static site's search index
 * (search-index.ts, whose products are only ids); read only by `queryProducts`.
 */
export interface ProductIndex<P extends IndexedProduct = Product> {
  readonly products: readonly P[];
  /** Distinct normalised words, sorted, so the words a prefix starts are one range. */
  readonly words: readonly string[];
  /** Per word, the letters it has as bits: a word missing more of a query's letters than edits allow is skipped. */
  readonly letters: Uint32Array;
  /** Per word, the products (indices into `products`, ascending) that contain it. */
  readonly postings: readonly Uint32Array[];
  /** Per product, its category's number in `categoryIds`; -1: none. */
  readonly category: Int32Array;
  readonly categoryIds: readonly string[];
  /** Product indices in catalog order. */
  readonly byPosition: Uint32Array;
  /** Product indices in the order of a sort but 'liked' (search.ts's rules), worked out on first use. */
  readonly orderOf: (sort: OrderedSort) => Uint32Array;
}

/** What a query needs of a product beyond the index: its id, for like counts. */
export interface IndexedProduct {
  readonly id: string;
}

export type OrderedSort = Exclude<ProductSort, 'liked' | 'featured'>;
const orderedSorts: readonly string[] = ['price-asc', 'price-desc', 'newest'] satisfies OrderedSort[];

/** Words of a text: runs of letters and digits after folding case and accents. */
export const searchWords = (text: string): string[] => normalizeForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The index of a catalog's products, for `queryProducts`. It keeps the products it is given:
 * build it again when they change (live stock changes the price a product sorts by).
 * @example const index = buildProductIndex(catalog.products);
 */
export function buildProductIndex(products: readonly Product[]): ProductIndex {
  const { wordList, postingsOf } = indexWords(products);
  const sorted = wordList.map((word, id) => ({ word, id })).sort((a, b) => (a.word < b.word ? -1 : 1));
  const categoryIds = [...new Set(products.flatMap((product) => (product.categoryId === undefined ? [] : [product.categoryId])))];
  const categoryNumbers = new Map(categoryIds.map((id, number) => [id, number]));
  const positions = new Map(products.map((product, at) => [product, at]));
  const inPositionOrder = sortProducts(products, 'featured');
  // Sorting by price asks every product for its offer: a tenth of the build, so done when first asked.
  const orders = new Map<OrderedSort, Uint32Array>();
  const orderOf = (sort: OrderedSort) => {
    let order = orders.get(sort);
    if (!order) orders.set(sort, (order = Uint32Array.from(sortProducts(inPositionOrder, sort), (product) => positions.get(product)!)));
    return order;
  };
  return {
    products,
    words: sorted.map(({ word }) => word),
    letters: Uint32Array.from(sorted, ({ word }) => letterBits(word)),
    postings: sorted.map(({ id }) => postingsOf(id)),
    category: Int32Array.from(products, (product) => (product.categoryId === undefined ? -1 : categoryNumbers.get(product.categoryId)!)),
    categoryIds,
    byPosition: Uint32Array.from(inPositionOrder, (product) => positions.get(product)!),
    orderOf,
  };
}

/**
 * The distinct words of the products' titles, descriptions and tags, and which products have
 * each. Ten thousand products hold a million words or more, but only some thousands of distinct
 * ones: the text is cut at ASCII characters other than letters and digits (they separate words
 * after `normalizeForSearch` too, so no word changes), and each distinct piece is normalised
 * and split into words once.
 */
function indexWords(products: readonly Product[]): { wordList: string[]; postingsOf: (wordId: number) => Uint32Array } {
  const wordIds = new Map<string, number>();
  const piecesSeen = new Map<string, readonly number[]>();
  // Each product's word ids, once each, product after product; ends[at]: where its ids stop.
  let found: Int32Array = new Int32Array(1 << 16);
  let foundCount = 0;
  const ends = new Uint32Array(products.length);
  let lastSeenIn: Int32Array = new Int32Array(1 << 12).fill(-1);
  products.forEach((product, at) => {
    const text = [...Object.values(product.title), ...Object.values(product.description), ...product.tags].join('\n');
    for (const piece of text.split(/[^A-Za-z0-9\u0080-\uffff]+/)) {
      let words = piecesSeen.get(piece);
      if (!words) {
        words = searchWords(piece).map((word) => {
          const id = wordIds.get(word) ?? wordIds.size;
          wordIds.set(word, id);
          return id;
        });
        piecesSeen.set(piece, words);
        if (wordIds.size > lastSeenIn.length) lastSeenIn = grown(lastSeenIn, wordIds.size * 2, -1);
      }
      for (const word of words) {
        if (lastSeenIn[word] === at) continue;
        lastSeenIn[word] = at;
        if (foundCount === found.length) found = grown(found, found.length * 2, 0);
        found[foundCount++] = word;
      }
    }
    ends[at] = foundCount;
  });

  // Every word's products in one buffer: count them, then place each product under its words.
  const firsts = new Uint32Array(wordIds.size + 1);
  for (let k = 0; k < foundCount; k++) firsts[found[k]! + 1]!++;
  for (let word = 0; word < wordIds.size; word++) firsts[word + 1]! += firsts[word]!;
  const postings = new Uint32Array(foundCount);
  const next = firsts.slice();
  for (let k = 0, at = 0; k < foundCount; k++) {
    while (k >= ends[at]!) at++;
    postings[next[found[k]!]!++] = at;
  }
  return { wordList: [...wordIds.keys()], postingsOf: (word) => postings.subarray(firsts[word], firsts[word + 1]) };
}

/** A longer copy, the new part filled with `fill`. */
function grown(array: Int32Array, length: number, fill: number): Int32Array {
  const bigger = new Int32Array(length).fill(fill);
  bigger.set(array);
  return bigger;
}

/** Longer queries are cut: they come from URLs, and each word costs a pass over the words. */
const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_WORDS = 8;

/**
 * One page of the products matching a query, with the total and per-category counts. Never
 * throws: every field may come from a URL, and odd values fall back to their defaults.
 * With sort 'featured' and some text, better matches come first (every word exact, then
 * prefixes and words inside words, then typos), each in catalog order.
 * @example queryProducts(index, { q: 'musli', categoryId: 'food', sort: 'price-asc', limit: 24 })
 */
export function queryProducts<P extends IndexedProduct>(index: ProductIndex<P>, query: ProductQuery): ProductQueryResult<P> {
  const { q, categoryId, sort, likes, offset, limit, all } = query ?? {};
  const words = typeof q === 'string' ? searchWords(q.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_WORDS) : [];
  const tiers = words.length ? matchTiers(index, words) : undefined;
  const count = index.products.length;
  const filter = typeof categoryId === 'string' && categoryId !== '';
  const wanted = filter ? index.categoryIds.indexOf(categoryId) : -1;
  const inCategory = (at: number) => !filter || (wanted >= 0 && index.category[at] === wanted);

  const facets = new Array<number>(index.categoryIds.length).fill(0);
  let total = 0;
  for (let at = 0; at < count; at++) {
    if (tiers && !tiers[at]) continue;
    const category = index.category[at]!;
    if (category >= 0) facets[category]!++;
    if (inCategory(at)) total++;
  }
  const shown = (at: number) => (!tiers || tiers[at]! > 0) && inCategory(at);

  const ranked = rankMatches(index, shown, tiers, sort, likes);
  const start = wholeNumber(offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const size = wholeNumber(limit, 48, 1, 100);
  const products = (all === true ? ranked : ranked.slice(start, start + size)).map((at) => index.products[at]!);
  return { total, products, categories: Object.fromEntries(index.categoryIds.flatMap((id, n) => (facets[n] ? [[id, facets[n]]] : []))) };
}

/** The indices of the products `shown`, in the order of the sort. */
function rankMatches(index: ProductIndex<IndexedProduct>, shown: (at: number) => boolean, tiers: Uint8Array | undefined, sort: unknown, likes: unknown): number[] {
  const { byPosition } = index;
  if (sort === 'liked') {
    // Only the liked few need sorting; the others follow in catalog order. As sortProducts
    // orders them: most first, equal counts (and odd ones, as 0) in catalog order.
    const counts = (likes !== null && typeof likes === 'object' ? likes : {}) as Readonly<Record<string, number>>;
    const liked: { at: number; count: number }[] = [];
    const others: number[] = [];
    for (const at of byPosition) {
      if (!shown(at)) continue;
      const id = index.products[at]!.id;
      const count = Object.hasOwn(counts, id) ? counts[id] : 0;
      if (typeof count === 'number' && count > 0) liked.push({ at, count: Number.isFinite(count) ? count : 0 });
      else others.push(at);
    }
    return [...liked.sort((a, b) => b.count - a.count).map((entry) => entry.at), ...others];
  }
  const ordered = typeof sort === 'string' && orderedSorts.includes(sort);
  // 'featured' with text: better matches first, one list per tier, each in catalog order.
  const lists: number[][] = [[], [], [], []];
  for (const at of ordered ? index.orderOf(sort as OrderedSort) : byPosition) if (shown(at)) lists[!ordered && tiers ? tiers[at]! : 0]!.push(at);
  return lists.flat();
}

const wholeNumber = (value: unknown, fallback: number, min: number, max: number): number =>
  typeof value === 'number' && !Number.isNaN(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback;

/** How well a product matches: the worst of its query words' best matches. 0: no match. */
const EXACT = 1;
const PARTIAL = 2;
const TYPO = 3;

/** Per product, its tier for all of `words` (AND), 0 where some word does not match. */
function matchTiers(index: ProductIndex<IndexedProduct>, words: readonly string[]): Uint8Array {
  let result: Uint8Array | undefined;
  words.forEach((word, n) => {
    const tiers = new Uint8Array(index.products.length);
    for (const [wordId, tier] of matchingWords(index, word, n === words.length - 1)) {
      for (const at of index.postings[wordId]!) if (!tiers[at] || tier < tiers[at]!) tiers[at] = tier;
    }
    if (result) for (let at = 0; at < tiers.length; at++) result[at] = result[at] && tiers[at] ? Math.max(result[at]!, tiers[at]!) : 0;
    else result = tiers;
  });
  return result!;
}

/** The index's words a query word matches, with how well. */
function matchingWords(index: ProductIndex<IndexedProduct>, word: string, last: boolean): Map<number, number> {
  const { words, letters } = index;
  const found = new Map<number, number>();
  // Exact, then prefixes: one range of the sorted words, found by binary search.
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  if (words[lo] === word) found.set(lo, EXACT);
  const prefix = last || word.length >= 2;
  let end = lo;
  while (end < words.length && words[end]!.startsWith(word)) {
    if (prefix && words[end] !== word) found.set(end, PARTIAL);
    end++;
  }
  if (word.length < 3) return found;
  // Inside words and typos: a pass over the distinct words, most skipped by their letters.
  // No typos in a word with digits: "batch517" or "500ml" means that one, not its neighbours.
  const edits = /\d/.test(word) ? 0 : word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  const wordLetters = letterBits(word);
  for (let id = 0; id < words.length; id++) {
    if (id >= lo && id < end) continue;
    const missing = popCount(wordLetters & ~letters[id]!);
    if (missing > edits) continue;
    const candidate = words[id]!;
    if (missing === 0 && candidate.includes(word)) found.set(id, PARTIAL);
    else if (edits && (last ? candidate.length >= word.length - edits : Math.abs(candidate.length - word.length) <= edits) && withinEdits(word, candidate, edits, last)) found.set(id, TYPO);
  }
  return found;
}

/** A bit per letter (a-z exactly, anything else shares a bit by its code), so ⊆ tests are cheap. */
export function letterBits(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= 1 << (word.charCodeAt(i) % 32);
  return bits >>> 0;
}

function popCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest; rest &= rest - 1) count++;
  return count;
}

/**
 * Whether `word` is at most `edits` insertions, deletions, substitutions or swaps of two
 * neighbours away from `candidate` (optimal string alignment distance), or with `prefix`,
 * from some start of it. Stops as soon as a row of the table exceeds `edits`.
 */
function withinEdits(word: string, candidate: string, edits: number, prefix: boolean): boolean {
  // A start of the candidate longer than word.length + edits is further than `edits` away.
  const width = prefix ? Math.min(candidate.length, word.length + edits) : candidate.length;
  let before = new Uint16Array(width + 1);
  let previous = Uint16Array.from({ length: width + 1 }, (_, j) => j);
  let row = new Uint16Array(width + 1);
  for (let i = 1; i <= word.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= width; j++) {
      const same = word.charCodeAt(i - 1) === candidate.charCodeAt(j - 1);
      let cost = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (same ? 0 : 1));
      if (i > 1 && j > 1 && word.charCodeAt(i - 1) === candidate.charCodeAt(j - 2) && word.charCodeAt(i - 2) === candidate.charCodeAt(j - 1)) cost = Math.min(cost, before[j - 2]! + 1);
      row[j] = cost;
      if (cost < best) best = cost;
    }
    if (best > edits) return false;
    [before, previous, row] = [previous, row, before];
  }
  return prefix ? Math.min(...previous) <= edits : previous[width]! <= edits;
}
