import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generatedCatalog } from '../../../scripts/bench-catalog.mjs';
import { parseCatalog } from './parse';
import { buildProductIndex, queryProducts, type ProductQuery } from './query';
import { decodeNumbers, encodeNumbers, encodeSearchIndex, readSearchIndex, SEARCH_INDEX_FORMAT } from './search-index';
import type { ProductSort } from './search';

/** 1,000 of the bench's products: 20 categories, English and German, variants, sales. */
const parsed = parseCatalog(generatedCatalog(1000));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
const { products } = parsed.catalog;
const full = buildProductIndex(products);
/** The file as the widget receives it: written by the build, read back as JSON. */
const read = readSearchIndex(JSON.parse(JSON.stringify(encodeSearchIndex(products))));
if (!read.ok) throw new Error(read.problem);
const compact = read.index;

const QUERIES = ['', 'espresso', 'Espresso blend', 'müsli', 'MUSLI', 'muesli', 'Birchermüsli', 'straße', 'strasse', 'espreso', 'chirst', 'hazlenut', 'kaffe', 'mug tea', 'xyzzy', '500', 'edition', 'linen'];
const SORTS: ProductSort[] = ['featured', 'price-asc', 'price-desc', 'newest'];

describe('the search index file', () => {
  it('answers every query, category, sort and page as queryProducts does over the whole catalog', () => {
    for (const q of QUERIES) {
      for (const categoryId of [null, 'coffee', 'c12']) {
        for (const sort of SORTS) {
          for (const page of [{ offset: 0, limit: 48 }, { offset: 48, limit: 48 }, { all: true }] satisfies ProductQuery[]) {
            const query = { q, categoryId, sort, ...page };
            const expected = queryProducts(full, query);
            const got = queryProducts(compact, query);
            expect({ q, categoryId, sort, total: got.total, ids: got.products.map((p) => p.id), categories: got.categories }).toEqual({ q, categoryId, sort, total: expected.total, ids: expected.products.map((p) => p.id), categories: expected.categories });
          }
        }
      }
    }
  });

  it('finds German words by their umlauts or without them, and words with a typo', () => {
    const ids = (q: string) => queryProducts(compact, { q, all: true }).products.map((p) => p.id);
    expect(ids('Müsli').length).toBeGreaterThan(0);
    expect(ids('musli')).toEqual(ids('Müsli'));
    expect(ids('espreso')).toEqual(ids('espresso'));
  });

  it('orders "Most liked" by the counts given, then in catalog order, as over the whole catalog', () => {
    const likes = { [products[7]!.id]: 3, [products[500]!.id]: 5, [products[2]!.id]: 3 };
    const query = { sort: 'liked' as const, likes, limit: 5 };
    expect(queryProducts(compact, query).products.map((p) => p.id)).toEqual(queryProducts(full, query).products.map((p) => p.id));
    expect(queryProducts(compact, query).products.map((p) => p.id).slice(0, 3)).toEqual([products[500]!.id, products[2]!.id, products[7]!.id]);
  });

  it('numbers products by their place in the catalog, so the number says which shard holds one', () => {
    expect(compact.products.map((p) => p.position)).toEqual(products.map((p) => p.position));
    expect(compact.products.map((p) => p.id)).toEqual(products.map((p) => p.id));
  });

  it('leaves the descriptions out', () => {
    const text = JSON.stringify(encodeSearchIndex(products));
    expect(text).not.toContain('Nordlicht');
    expect(text).not.toContain(products[0]!.description.en!.slice(0, 30));
  });
});

describe('readSearchIndex: an untrusted file', () => {
  const good = encodeSearchIndex(products.slice(0, 40));
  it.each([
    ['not an object', null],
    ['another format', { ...good, format: 'fanshop/search-index@2' }],
    ['an id that is no product id', { ...good, ids: ['<img>', ...good.ids.slice(1)] }],
    ['a category number out of range', { ...good, category: [99, ...good.category.slice(1)] }],
    ['a missing price', { ...good, price: good.price.slice(1) }],
    ['words out of order', { ...good, words: [...good.words].reverse() }],
    ['a posting past the last product', { ...good, postings: [encodeNumbers([40]), ...good.postings.slice(1)] }],
    ['a posting that is no list', { ...good, postings: ['*', ...good.postings.slice(1)] }],
    ['fewer postings than words', { ...good, postings: good.postings.slice(1) }],
  ])('refuses %s', (_, file) => {
    expect(readSearchIndex(file).ok).toBe(false);
  });

  it('reads the file it was written as', () => {
    expect(readSearchIndex(JSON.parse(JSON.stringify(good)))).toMatchObject({ ok: true });
    expect(good.format).toBe(SEARCH_INDEX_FORMAT);
  });
});

describe('encodeNumbers', () => {
  it('writes ascending numbers as letters that decodeNumbers reads back', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2_000_000 }), { maxLength: 200 }), (list) => {
        const sorted = [...list].sort((a, b) => a - b);
        expect([...decodeNumbers(encodeNumbers(sorted), 2_000_001)!]).toEqual(sorted);
      }),
    );
  });

  it('refuses a number at or above the bound, a cut number and letters outside base64url', () => {
    expect(decodeNumbers(encodeNumbers([3, 40]), 40)).toBeNull();
    expect(decodeNumbers(encodeNumbers([3, 4000]).slice(0, -1), 10_000)).toBeNull();
    expect(decodeNumbers('A+', 10)).toBeNull();
    expect([...decodeNumbers('AAhG', 100)!]).toEqual([0, 1, 40]);
  });
});
