import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from './parse';
import { buildProductIndex, queryProducts, searchWords, type ProductQuery } from './query';
import { normalizeForSearch, sortProducts } from './search';
import type { Product } from './types';

function productsOf(products: object[]): readonly Product[] {
  const result = parseCatalog({
    shop: { id: 'shop', name: 'Shop', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://shop.example.com' },
    categories: [{ id: 'food', title: 'Food' }, { id: 'merch', title: 'Merch' }, { id: 'kitchen', title: 'Kitchen' }],
    products,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.catalog.products;
}

const products = productsOf([
  { id: 'muesli', title: { en: 'Bircher muesli', de: 'Birchermüsli' }, description: { en: 'Oats with hazelnuts.', de: 'Haferflocken mit Haselnüssen.' }, price: 590, category: 'food', tags: ['breakfast'], createdAt: '2026-01-15' },
  { id: 'mug', title: { en: 'Enamel mug', de: 'Emaillebecher' }, price: 1200, category: 'merch', createdAt: '2026-03-01T09:00:00Z' },
  { id: 'stollen', title: { de: 'Dresdner Christstollen' }, description: { de: 'Mit Rosinen und Mandeln.' }, price: 1590, category: 'food' },
  {
    id: 'shirt', title: 'Logo shirt', price: 2490, category: 'merch', createdAt: '2026-03-01T09:00:00Z',
    options: [{ id: 'size', name: 'Size', values: ['S', 'XL'] }],
    variants: [{ id: 'shirt-s', options: { size: 'S' }, price: 990 }, { id: 'shirt-xl', options: { size: 'XL' }, price: 2890 }],
  },
  { id: 'bag', title: 'Tote bag', price: 1200, category: 'merch', tags: ['Straße'], createdAt: '2025-12-24' },
  { id: 'espresso', title: 'Espresso blend', description: 'Crème, dark chocolate.', price: 1490, category: 'food', createdAt: '2026-02-01' },
  { id: 'cup', title: { en: 'Espresso cup', de: 'Espressotasse' }, price: 890, category: 'kitchen', createdAt: '2026-02-02' },
  { id: 'cakes-tin', title: 'Cakes tin', price: 1900, category: 'kitchen' },
  { id: 'pancake', title: 'Pancake mix', price: 450, category: 'food' },
  { id: 'cane', title: 'Cane sugar', price: 300, category: 'food' },
  { id: 'stand', title: 'Cake stand', price: 3900, category: 'kitchen' },
  { id: 'sticker', title: 'Sticker', price: 100 },
]);
const index = buildProductIndex(products);

/**
 * The substring search the widget had before query.ts, as the measure of what must still be
 * found: every whitespace-separated token inside the product's titles, descriptions or tags.
 */
function substringSearch(list: readonly Product[], query: string): Product[] {
  const tokens = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  const haystack = (p: Product) => normalizeForSearch([...Object.values(p.title), ...Object.values(p.description), ...p.tags].join('\n'));
  return list.filter((p) => tokens.every((token) => haystack(p).includes(token)));
}
const ids = (list: readonly Product[]): string[] => list.map((product) => product.id);
const search = (q: string, query: Omit<ProductQuery, 'q'> = {}): string[] => ids(queryProducts(index, { q, limit: 100, ...query }).products);

describe('queryProducts: matching', () => {
  it('finds a product by a whole word of its title, description or tags', () => {
    expect(search('mug')).toEqual(['mug']);
    expect(search('breakfast')).toEqual(['muesli']);
    expect(search('rosinen')).toEqual(['stollen']);
  });

  it('finds words the last query word begins, while it is being typed', () => {
    expect(search('enam')).toEqual(['mug']);
    expect(search('tote b')).toEqual(['bag']);
    expect(search('chri')).toEqual(['stollen']);
  });

  it('takes a single letter as the start of a word only when it is the last word', () => {
    expect(search('t')).toEqual(['bag', 'cakes-tin']);
    expect(search('t bag')).toEqual([]);
  });

  it('finds a word inside a longer one, as German compounds need', () => {
    expect(search('musli')).toEqual(['muesli']);
    expect(search('becher')).toEqual(['mug']);
    expect(search('tasse')).toEqual(['cup']);
    expect(search('stollen mandeln')).toEqual(['stollen']);
  });

  it('forgives one substitution, transposition, insertion or deletion in a word of 4 letters or more', () => {
    expect(search('shirt')).toEqual(['shirt']);
    expect(search('shurt')).toEqual(['shirt']);
    expect(search('sihrt')).toEqual(['shirt']);
    expect(search('shiirt')).toEqual(['shirt']);
    expect(search('shrt')).toEqual(['shirt']);
    expect(search('enamle mug')).toEqual(['mug']);
  });

  it('forgives two typos from 8 letters, and none in a word of 3', () => {
    expect(search('chirstsollen')).toEqual(['stollen']);
    expect(search('hzaelnts oats')).toEqual(['muesli']);
    expect(search('hzaelnst oats')).toEqual([]);
    expect(search('hazelnts')).toEqual(['muesli']);
    expect(search('mgu')).toEqual([]);
    expect(search('shxxt')).toEqual([]);
  });

  it('gives every match with `all`, whatever the limit', () => {
    expect(queryProducts(index, { all: true, limit: 2, offset: 5 }).products).toHaveLength(products.length);
  });

  it('forgives no typo in a word with a digit: a code or a size means that one', () => {
    const coded = buildProductIndex(productsOf([
      { id: 'a', title: 'Batch', price: 100, tags: ['batch517'] },
      { id: 'b', title: 'Batch', price: 100, tags: ['batch518'] },
      { id: 'c', title: 'Mug 500ml', price: 100 },
    ]));
    const find = (q: string) => ids(queryProducts(coded, { q }).products);
    expect(find('batch517')).toEqual(['a']);
    expect(find('400ml')).toEqual([]);
    expect(find('batch51')).toEqual(['a', 'b']);
  });

  it('forgives a typo in the start of a word being typed', () => {
    expect(search('chirst')).toEqual(['stollen']);
    expect(search('espressso cup')).toEqual(['cup']);
  });

  it('folds case, accents and ß', () => {
    expect(search('MÜSLI')).toEqual(['muesli']);
    expect(search('haselnusse')).toEqual(['muesli']);
    expect(search('strasse')).toEqual(['bag']);
    expect(search('Straße')).toEqual(['bag']);
    expect(search('CREME')).toEqual(['espresso']);
  });

  it('finds a product whose title exists only in German, and German titles of English products', () => {
    expect(search('christstollen rosinen')).toEqual(['stollen']);
    expect(search('haferflocken')).toEqual(['muesli']);
  });

  it('requires every word of the query to match', () => {
    expect(search('enamel mug')).toEqual(['mug']);
    expect(search('mug shirt')).toEqual([]);
    expect(search('espresso tasse')).toEqual(['cup']);
  });

  it('splits words at punctuation, in the query as in the catalog', () => {
    expect(search('logo-shirt')).toEqual(['shirt']);
    expect(search('crème,')).toEqual(['espresso']);
  });

  it('finds at least what the substring search the widget had finds for words of 3 letters or more', () => {
    for (const q of ['bircher', 'ersmu', 'llebe', 'ocolat', 'ffee', 'tin', 'cake', 'pres', 'oll', 'and', 'nel mug']) {
      expect(search(q)).toEqual(expect.arrayContaining(ids(substringSearch(products, q))));
    }
  });
});

describe('buildProductIndex', () => {
  it('indexes exactly the words searchWords finds in the titles, descriptions and tags', () => {
    const tricky = productsOf([
      { id: 'a', title: { en: 'Crème-brûlée’s naïve Straße', de: 'Cre\u0300me ΟΔΟΣ x² 日本茶 İstanbul' }, description: 'Tea—(green) & café/bar', price: 1, tags: ['A_B', 'c.d'] },
      { id: 'b', title: 'TEA', price: 1 },
    ]);
    const text = tricky.flatMap((product) => [...Object.values(product.title), ...Object.values(product.description), ...product.tags]).join(' ');
    expect(buildProductIndex(tricky).words).toEqual([...new Set(searchWords(text))].sort());
  });
});

describe('queryProducts: ranking and sorting', () => {
  it('ranks exact matches first, then prefixes and words inside words, then typos, each in catalog order', () => {
    expect(search('cake')).toEqual(['stand', 'cakes-tin', 'pancake', 'cane']);
  });

  it('ranks by the worst of the words, so one exact word does not lift a typo in another', () => {
    expect(search('espresso cup')).toEqual(['cup']);
    expect(search('espreso blend')).toEqual(['espresso']);
    expect(search('cake s')).toEqual(['stand', 'cane']);
  });

  it('sorts by price, newest or likes as sortProducts does, ignoring how well each matched', () => {
    const matches = products.filter((product) => ['stand', 'cakes-tin', 'pancake', 'cane'].includes(product.id));
    expect(search('cake', { sort: 'price-asc' })).toEqual(['cane', 'pancake', 'cakes-tin', 'stand']);
    expect(search('cake', { sort: 'price-desc' })).toEqual(ids(sortProducts(matches, 'price-desc')));
    expect(search('', { sort: 'price-asc' })).toEqual(ids(sortProducts(products, 'price-asc')));
    expect(search('', { sort: 'newest' })).toEqual(['mug', 'shirt', 'cup', 'espresso', 'muesli', 'bag', 'stollen', 'cakes-tin', 'pancake', 'cane', 'stand', 'sticker']);
    const likes = { cane: 2, stand: 2, pancake: 5, mug: 9, constructor: 4 };
    expect(search('cake', { sort: 'liked', likes })).toEqual(['pancake', 'cane', 'stand', 'cakes-tin']);
    expect(search('', { sort: 'liked', likes })).toEqual(ids(sortProducts(products, 'liked', likes)));
  });

  it('sorts by the price a card shows: the cheapest variant', () => {
    expect(search('shirt mug', { sort: 'price-asc' })).toEqual([]);
    expect(search('', { sort: 'price-asc', categoryId: 'merch' })).toEqual(['shirt', 'mug', 'bag']);
  });

  it('keeps catalog order for an empty query, whatever it matched', () => {
    expect(search('')).toEqual(ids(products));
    expect(search('  ,; ')).toEqual(ids(products));
  });
});

describe('queryProducts: categories and pages', () => {
  it('counts the text matches per category whatever category is chosen, and totals the chosen one', () => {
    const result = queryProducts(index, { q: 'espresso', categoryId: 'kitchen' });
    expect(ids(result.products)).toEqual(['cup']);
    expect(result.total).toBe(1);
    expect(result.categories).toEqual({ food: 1, kitchen: 1 });
  });

  it('counts every product per category for an empty query, leaving out products without one', () => {
    const result = queryProducts(index, {});
    expect(result.total).toBe(products.length);
    expect(result.categories).toEqual({ food: 5, merch: 3, kitchen: 3 });
  });

  it('finds nothing in a category no product is in, and still counts the others', () => {
    const result = queryProducts(index, { q: 'mug', categoryId: 'toys' });
    expect(result).toEqual({ total: 0, products: [], categories: { merch: 1 } });
  });

  it('gives the page asked for, with the total of every page', () => {
    const page = (offset: number, limit: number) => queryProducts(index, { offset, limit });
    expect(ids(page(0, 5).products)).toEqual(ids(products.slice(0, 5)));
    expect(ids(page(5, 5).products)).toEqual(ids(products.slice(5, 10)));
    expect(ids(page(10, 5).products)).toEqual(ids(products.slice(10)));
    expect(page(20, 5)).toMatchObject({ total: products.length, products: [] });
  });

  it('gives 48 products a page unless asked otherwise', () => {
    const many = productsOf(Array.from({ length: 120 }, (_, n) => ({ id: `p${n}`, title: `Product ${n}`, price: 100 })));
    const result = queryProducts(buildProductIndex(many), { q: 'product' });
    expect(result.products).toHaveLength(48);
    expect(queryProducts(buildProductIndex(many), { limit: 500 }).products).toHaveLength(100);
  });

  it('clamps odd offsets and limits from a URL instead of throwing', () => {
    const page = (offset: unknown, limit: unknown) => ids(queryProducts(index, { offset, limit } as ProductQuery).products);
    expect(page(-3, 2)).toEqual(['muesli', 'mug']);
    expect(page(Number.NaN, 0)).toEqual(['muesli']);
    expect(page(1.8, 1.5)).toEqual(['mug']);
    expect(page('2', '1')).toEqual(ids(products).slice(0, 12));
    expect(page(-Infinity, -Infinity)).toEqual(['muesli']);
    expect(page(Infinity, Infinity)).toEqual([]);
    expect(page(1e300, 2)).toEqual([]);
  });

  it('falls back to defaults for other odd fields instead of throwing', () => {
    const odd = { q: 42, categoryId: {}, sort: 'constructor', likes: 'many' } as unknown as ProductQuery;
    expect(queryProducts(index, odd).total).toBe(products.length);
    expect(ids(queryProducts(index, { sort: 'liked', likes: null } as unknown as ProductQuery).products)).toEqual(ids(products));
    expect(queryProducts(index, { q: 'a'.repeat(10_000) }).total).toBe(0);
    expect(queryProducts(index, { q: 'mug '.repeat(1000) }).total).toBe(1);
    expect(queryProducts(buildProductIndex([]), { q: 'mug' })).toEqual({ total: 0, products: [], categories: {} });
  });
});

/**
 * 10,000 products cloned from the demo catalog: 20 categories, every clone with two made-up
 * words in its titles so the index holds a few thousand distinct words, as a real catalog would.
 * Prints how long building and querying take (not asserted: wall-clock times flake).
 */
describe('queryProducts at 10,000 products', () => {
  const demo = parseCatalog(JSON.parse(readFileSync(fileURLToPath(new URL('../../../public/catalog.json', import.meta.url)), 'utf8')));
  if (!demo.ok) throw new Error('the demo catalog does not parse');
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vi', 'po', 'da', 'fe', 'gu', 'bo', 'zi'];
  const madeUp = (n: number) => [n % 14, Math.floor(n / 14) % 14, Math.floor(n / 196) % 14].map((s) => syllables[s]).join('');
  const big: Product[] = Array.from({ length: 10_000 }, (_, i) => {
    const product = demo.catalog.products[i % demo.catalog.products.length]!;
    const title = Object.fromEntries(Object.entries(product.title).map(([locale, text], n) => [locale, `${text} ${madeUp(i * (n + 3) + n)}`]));
    return { ...product, id: `${product.id}-${i}`, title, categoryId: `category-${i % 20}`, position: i };
  });
  // Wall-clock and CPU time: on a busy machine the two differ, and CPU time says what the code costs.
  const timed = <T>(work: () => T): { result: T; ms: string } => {
    const [wall, cpu] = [performance.now(), process.cpuUsage()];
    const result = work();
    const used = process.cpuUsage(cpu);
    return { result, ms: `${(performance.now() - wall).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)` };
  };
  const firstBuild = timed(() => buildProductIndex(big));
  const bigIndex = firstBuild.result;

  const queries: ProductQuery[] = [
    { q: 'espresso' }, { q: 'espr' }, { q: 'esspresso' }, { q: 'kaffee bohnen' }, { q: 'hazelnut chocolate' },
    { q: 'dark chocolat' }, { q: 'hazlenut granola' }, { q: 'tee' }, { q: 't' }, { q: 'müsli', categoryId: 'category-3' },
    { q: 'mug', sort: 'price-asc' }, { q: 'coffee', sort: 'newest', offset: 48 }, { q: '', sort: 'price-desc' }, { q: 'roast', sort: 'liked', likes: { 'espresso-blend-0': 3 } },
  ];

  const allMatches = (q: string) => {
    const found: string[] = [];
    for (let offset = 0, total = 1; offset < total; offset += 100) {
      const page = queryProducts(bigIndex, { q, offset, limit: 100 });
      found.push(...ids(page.products));
      total = page.total;
    }
    return found;
  };

  it('finds every product the substring search finds, across the clones', () => {
    for (const q of ['espresso', 'kaffee bohnen', 'müsli', 'chocolate', 'birchermüsli', 'lebecher', 'tasse', 'hazelnut oat']) {
      const found = new Set(allMatches(q));
      expect(substringSearch(big, q).filter((product) => !found.has(product.id))).toEqual([]);
    }
  }, 60_000);

  it('answers each query, and prints how long building and querying took', () => {
    const again = [timed(() => buildProductIndex(big)).ms, timed(() => buildProductIndex(big)).ms];
    // The first build is the one a server makes: code not yet optimised by the JIT.
    const lines = [`build: first ${firstBuild.ms}, then ${again.join(', ')}; ${big.length} products, ${bigIndex.words.length} distinct words`];
    for (const query of queries) {
      const times: number[] = [];
      let total = 0;
      for (let run = 0; run < 25; run++) {
        const start = performance.now();
        total = queryProducts(bigIndex, query).total;
        times.push(performance.now() - start);
      }
      const first = times[0]!.toFixed(2);
      times.sort((a, b) => a - b);
      const at = (share: number) => times[Math.min(times.length - 1, Math.floor(times.length * share))]!.toFixed(2);
      lines.push(`${JSON.stringify(query)}: ${total} matches, median ${at(0.5)} ms, p95 ${at(0.95)} ms, first ${first} ms`);
      expect(total).toBeGreaterThan(0);
    }
    console.log(lines.join('\n'));
  }, 60_000);
});
