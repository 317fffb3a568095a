import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblems, parseCatalog } from './parse';
import { availableUnits, comingSoon, soldOut, wishable } from './availability';
import type { Catalog, CatalogParseResult, CatalogProblem } from './types';

const read = (relative: string): string => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
const minimalText = read('./fixtures/minimal.json');
const demoPath = fileURLToPath(new URL('../../../public/catalog.json', import.meta.url));

// Tests edit a fresh copy; `any` because broken catalogs are the point.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;
const minimal = (): Raw => JSON.parse(minimalText);
const changed = (edit: (file: Raw) => void) => () => {
  const file = minimal();
  edit(file);
  return file;
};

function catalogOf(result: CatalogParseResult): Catalog {
  if (!result.ok) throw new Error(`expected a valid catalog:\n${formatProblems(result.errors)}`);
  return result.catalog;
}
function errorsOf(result: CatalogParseResult): readonly CatalogProblem[] {
  if (result.ok) throw new Error('expected problems, the catalog parsed');
  return result.errors;
}

describe('parseCatalog on valid catalogs', () => {
  it.skipIf(!existsSync(demoPath))('parses the demo catalog with no errors and no warnings', () => {
    const result = parseCatalog(JSON.parse(readFileSync(demoPath, 'utf8')));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('parses the minimal fixture with no errors and no warnings', () => {
    const result = parseCatalog(minimal());
    expect(catalogOf(result).products).toHaveLength(4);
    expect(result.warnings).toEqual([]);
  });

  it('accepts a catalog with only the required fields', () => {
    const file = {
      shop: { id: 's', name: 'S', currency: 'JPY', defaultLocale: 'ja', baseUrl: 'http://localhost:8080' },
      products: [{ id: 'p', title: 'P', price: 0 }],
    };
    expect(catalogOf(parseCatalog(file)).products[0]?.price).toBe(0);
  });
});

interface BrokenCase {
  readonly name: string;
  readonly input: () => unknown;
  readonly path: string;
  readonly message: string;
}

const broken: BrokenCase[] = [
  { name: 'a fractional price', input: changed((f) => (f.products[0].price = 12.5)), path: 'products[0].price', message: 'must be a whole number of cents, got 12.5' },
  { name: 'a fractional variant price', input: changed((f) => (f.products[3].variants[1].price = 26.9)), path: 'products[3].variants[1].price', message: 'must be a whole number of cents, got 26.9' },
  { name: 'a price written as text', input: changed((f) => (f.products[1].price = '5.90')), path: 'products[1].price', message: 'must be a whole number of cents, got a string ("5.90")' },
  { name: 'a price too large to count exactly', input: changed((f) => (f.products[1].price = 1e300)), path: 'products[1].price', message: 'must be a whole number of cents, got 1e+300' },
  { name: 'a missing title', input: changed((f) => delete f.products[2].title), path: 'products[2].title', message: 'is required' },
  { name: 'an empty title', input: changed((f) => (f.products[1].title = '')), path: 'products[1].title', message: 'must not be empty' },
  { name: 'a title longer than 200 characters', input: changed((f) => (f.products[1].title = 'x'.repeat(201))), path: 'products[1].title', message: 'must be at most 200 characters, got 201' },
  { name: 'a currency that is not an ISO code', input: changed((f) => (f.shop.currency = 'euro')), path: 'shop.currency', message: 'must be a three-letter ISO 4217 currency code such as EUR, got "euro"' },
  { name: 'a negative stock', input: changed((f) => (f.products[1].stock = -1)), path: 'products[1].stock', message: 'must be 0 or more, got -1' },
  { name: 'an id with a space', input: changed((f) => (f.products[0].id = 'a b')), path: 'products[0].id', message: 'may only contain letters, digits, "-" and "_", got "a b"' },
  { name: 'a Stripe price id that is not one', input: changed((f) => (f.products[0].stripePriceId = 'prod_123')), path: 'products[0].stripePriceId', message: 'must be a Stripe price id such as "price_1PgafyB7WZ01zgkW", got "prod_123"' },
  { name: 'a payment link that is not https', input: changed((f) => (f.products[0].paymentLink = 'http://buy.stripe.com/x')), path: 'products[0].paymentLink', message: 'must be an https address of a Stripe Payment Link' },
  { name: 'a product without a payment link where another has one', input: changed((f) => f.products.forEach((p: Raw, i: number) => i !== 1 && (p.paymentLink = `https://buy.stripe.com/test_${i}`))), path: 'products[1].paymentLink', message: 'is required once a product has one (products[0] does)' },
  { name: 'an option value naming an image the product does not have', input: changed((f) => (f.products[0].options[1].values[0].image = 'images/other.svg')), path: 'products[0].options[1].values[0].image', message: 'must be the src of one of this product\'s images ("images/espresso.svg"), got "images/other.svg"' },
  { name: 'an id too long for a URL', input: changed((f) => (f.products[0].id = 'x'.repeat(101))), path: 'products[0].id', message: 'must be at most 100 characters, got 101' },
  { name: 'an empty shop id', input: changed((f) => (f.shop.id = '')), path: 'shop.id', message: 'must not be empty' },
  { name: 'a category the file does not have', input: changed((f) => (f.products[0].category = 'tea')), path: 'products[0].category', message: 'names no category of this file, got "tea"' },
  { name: 'two products with one id', input: changed((f) => (f.products[2].id = 'muesli')), path: 'products[2].id', message: 'product id "muesli" is already used at products[1].id' },
  { name: 'two variants with one id in different products', input: changed((f) => (f.products[3].variants[0].id = 'espresso-250-whole')), path: 'products[3].variants[0].id', message: 'variant id "espresso-250-whole" is already used at products[0].variants[0].id' },
  { name: 'two categories with one id', input: changed((f) => f.categories.push({ id: 'coffee', title: 'Tea' })), path: 'categories[2].id', message: 'category id "coffee" is already used at categories[0].id' },
  { name: 'a compareAtPrice below the price', input: changed((f) => (f.products[0].compareAtPrice = 1290)), path: 'products[0].compareAtPrice', message: 'must be above the price (1490) to show a sale, got 1290' },
  { name: 'a variant compareAtPrice equal to its price', input: changed((f) => (f.products[3].variants[1].compareAtPrice = 2690)), path: 'products[3].variants[1].compareAtPrice', message: 'must be above the price (2690)' },
  { name: 'a variant option naming a missing value', input: changed((f) => (f.products[0].variants[0].options.size = '500 g')), path: 'products[0].variants[0].options.size', message: 'must be one of "250 g", "1 kg", got "500 g"' },
  { name: 'a variant missing an option', input: changed((f) => delete f.products[0].variants[1].options.grind), path: 'products[0].variants[1].options.grind', message: 'is required: choose one of "whole", "fine"' },
  { name: 'a variant naming an option the product lacks', input: changed((f) => (f.products[3].variants[0].options.size = 'M')), path: 'products[3].variants[0].options.size', message: 'names no option of this product; its options are "colour"' },
  { name: 'two variants with the same options', input: changed((f) => (f.products[3].variants[1].options.colour = 'navy')), path: 'products[3].variants[1].options', message: 'repeats the options of products[3].variants[0]' },
  { name: 'options without variants', input: changed((f) => delete f.products[3].variants), path: 'products[3].variants', message: 'is required when a product has options' },
  { name: 'variants without options', input: changed((f) => delete f.products[3].options), path: 'products[3].options', message: 'is required when a product has variants' },
  { name: 'more than 3 options', input: changed((f) => f.products[3].options.push(...['a', 'b', 'c'].map((id) => ({ id, name: id, values: ['x'] })))), path: 'products[3].options', message: 'may have at most 3 options, got 4' },
  { name: 'two options with one id', input: changed((f) => f.products[3].options.push({ id: 'colour', name: 'Fit', values: ['slim'] })), path: 'products[3].options[1].id', message: 'option id "colour" is already used at products[3].options[0].id' },
  { name: 'an option value listed twice', input: changed((f) => f.products[0].options[0].values.push('250 g')), path: 'products[0].options[0].values[2]', message: 'value "250 g" is listed twice in this option' },
  { name: 'an option value object without a label', input: changed((f) => delete f.products[3].options[0].values[0].label), path: 'products[3].options[0].values[0].label', message: 'is required' },
  { name: 'a swatch that is not a colour', input: changed((f) => (f.products[3].options[0].values[0].swatch = 'red; display: none')), path: 'products[3].options[0].values[0].swatch', message: 'must be a CSS colour such as "#1d4ed8" or "navy", got "red; display: none"' },
  { name: 'an image without a width', input: changed((f) => delete f.products[0].images[0].width), path: 'products[0].images[0].width', message: 'is required' },
  { name: 'an image 0 pixels wide', input: changed((f) => (f.products[2].images[0].width = 0)), path: 'products[2].images[0].width', message: 'must be at least 1 pixel, got 0' },
  { name: 'an image source with a script scheme', input: changed((f) => (f.products[0].images[0].src = 'javascript:alert(1)')), path: 'products[0].images[0].src', message: 'must be a path relative to the catalog file or an http(s) address' },
  { name: 'a baseUrl that is not absolute', input: changed((f) => (f.shop.baseUrl = 'shop.example.com')), path: 'shop.baseUrl', message: 'must be an absolute address starting with https://, such as "https://shop.example.com", got "shop.example.com"' },
  { name: 'a defaultLocale that is not a language code', input: changed((f) => (f.shop.defaultLocale = 'English')), path: 'shop.defaultLocale', message: 'must be a language code such as "en" or "de-AT", got "English"' },
  { name: 'a missing shop', input: changed((f) => delete f.shop), path: 'shop', message: 'is required' },
  { name: 'products that are not a list', input: changed((f) => (f.products = { id: 'mug' })), path: 'products', message: 'must be a list, got an object' },
  { name: 'a root that is a list', input: () => [minimal()], path: '', message: 'must be a JSON object with "shop" and "products", got a list' },
  { name: 'a root that is null', input: () => null, path: '', message: 'must be a JSON object with "shop" and "products", got null' },
  { name: 'a root that is a string', input: () => 'catalog.json', path: '', message: 'got a string ("catalog.json")' },
  { name: 'a localized text that is an empty object', input: changed((f) => (f.products[0].title = {})), path: 'products[0].title', message: 'must name at least one language, such as { "en": "Mug" }' },
  { name: 'a localized text with a number in one language', input: changed((f) => (f.products[0].title.de = 5)), path: 'products[0].title.de', message: 'must be a string, got a number (5)' },
  { name: 'a localized text keyed by something that is not a language', input: changed((f) => (f.categories[0].title = { 'de AT': 'Kaffee' })), path: 'categories[0].title["de AT"]', message: 'must be a language code such as "en" or "de-AT", got "de AT"' },
  { name: 'a description that is a number', input: changed((f) => (f.products[1].description = 42)), path: 'products[1].description', message: 'must be a string or an object of languages, such as { "en": "Mug", "de": "Becher" }, got a number (42)' },
  { name: 'tags written as one string', input: changed((f) => (f.products[1].tags = 'summer')), path: 'products[1].tags', message: 'must be a list, got a string ("summer")' },
  { name: 'a createdAt that is not a date', input: changed((f) => (f.products[0].createdAt = 'yesterday')), path: 'products[0].createdAt', message: 'must be a date such as "2026-03-01" or "2026-03-01T09:00:00Z", got "yesterday"' },
  { name: 'a createdAt on a day that does not exist', input: changed((f) => (f.products[1].createdAt = '2026-02-30')), path: 'products[1].createdAt', message: 'must be a day that exists in the calendar, got "2026-02-30"' },
  { name: 'an availability with an unknown value', input: changed((f) => (f.products[1].availability = 'sold out')), path: 'products[1].availability', message: 'must be "in_stock", "out_of_stock" or "coming_soon", got "sold out"' },
];

describe('parseCatalog on broken catalogs', () => {
  it.each(broken)('reports $name at its JSON path', ({ input, path, message }) => {
    const result = parseCatalog(input());
    expect(errorsOf(result)).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  it('reports every problem of a file together rather than stopping at the first', () => {
    const file = minimal();
    file.shop.currency = 'eur';
    file.products[0].price = 12.5;
    delete file.products[2].title;
    expect(errorsOf(parseCatalog(file)).map((p) => p.path)).toEqual(['shop.currency', 'products[0].price', 'products[2].title']);
  });

  it('reports every cross-field problem together as well', () => {
    const file = minimal();
    file.products[2].id = 'muesli';
    file.products[0].category = 'tea';
    file.products[3].variants[0].options.colour = 'red';
    expect(errorsOf(parseCatalog(file))).toHaveLength(3);
  });

  it('answers instead of throwing for inputs that are not JSON at all', () => {
    const hostile: unknown[] = [undefined, 0, true, Symbol('x'), () => 1, new Map(), new Date(), Object.create(null)];
    for (const input of hostile) expect(parseCatalog(input).ok).toBe(false);
  });

  it('answers instead of throwing when reading the input throws', () => {
    const trap = { get shop(): never { throw new Error('boom'); }, products: [] };
    expect(errorsOf(parseCatalog(trap))).toEqual([{ path: '', message: 'could not be read: boom' }]);
  });

  it('reports deeply nested garbage at the field it replaced without recursing into it', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const file = minimal();
    file.products[0].variants[0] = deep;
    expect(errorsOf(parseCatalog(file))[0]?.path).toBe('products[0].variants[0].id');
  });
});

describe('parseCatalog on unknown fields', () => {
  it('warns about a misspelled field with its path and still parses', () => {
    const file = minimal();
    file.products[2].prize = 1200;
    const result = parseCatalog(file);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ path: 'products[2].prize', message: 'unknown field "prize" is ignored' }]);
  });

  it('warns about unknown fields inside option values, images and variants', () => {
    const file = minimal();
    file.products[3].options[0].values[1].color = '#fff';
    file.products[0].images[0].caption = 'Bag';
    file.products[0].variants[1]['in stock'] = true;
    expect(parseCatalog(file).warnings.map((w) => w.path)).toEqual([
      'products[0].images[0].caption',
      'products[0].variants[1]["in stock"]',
      'products[3].options[0].values[1].color',
    ]);
  });

  it('also warns when the file has errors, so a typo and its consequence show up together', () => {
    const file = minimal();
    file.products[1].prize = 590;
    delete file.products[1].price;
    const result = parseCatalog(file);
    expect(errorsOf(result)).toEqual([{ path: 'products[1].price', message: 'is required' }]);
    expect(result.warnings).toEqual([{ path: 'products[1].prize', message: 'unknown field "prize" is ignored' }]);
  });

  it('accepts a top-level "$schema" without a warning', () => {
    expect(JSON.parse(minimalText).$schema).toBeTypeOf('string');
    expect(parseCatalog(minimal()).warnings).toEqual([]);
  });

  it('does not pollute Object.prototype through "__proto__" or "constructor" keys', () => {
    const text = minimalText
      .replace('"shop": {', '"__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } }, "shop": {')
      .replace('"title": "Müsli",', '"title": { "en": "Müsli", "__proto__": { "polluted": true } }, "__proto__": { "polluted": true },');
    const result = parseCatalog(JSON.parse(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(catalogOf(result).products[1]?.title).toEqual({ en: 'Müsli' });
    expect(result.warnings.map((w) => w.path)).toEqual(['__proto__', 'constructor', 'products[1].__proto__']);
  });
});

describe('parseCatalog normalisation', () => {
  const catalog = catalogOf(parseCatalog(minimal()));
  const [espresso, muesli, mug, shirt] = catalog.products as [Catalog['products'][number], ...Catalog['products']];

  it('turns a plain string into a text of the default locale', () => {
    expect(muesli?.title).toEqual({ en: 'Müsli' });
    expect(catalog.shop.name).toEqual({ en: 'Nordlicht Supply' });
  });

  it('turns string option values into values with the string as id and label', () => {
    expect(espresso.options[0]?.values[0]).toEqual({ id: '250 g', label: { en: '250 g' } });
    expect(shirt?.options[0]?.values[0]).toEqual({ id: 'navy', label: { en: 'Navy' }, swatch: '#1d4ed8' });
  });

  it('gives a variant without a price the product price and sale, and keeps its own price otherwise', () => {
    expect(espresso.variants.map((v) => [v.price, v.compareAtPrice])).toEqual([[1490, 1790], [4990, undefined]]);
  });

  it('derives availability from the file, the product stock or the variants stock', () => {
    expect(espresso.availability).toBe('in_stock');
    expect(muesli?.availability).toBe('out_of_stock');
    expect(mug?.availability).toBe('in_stock');
    expect(shirt?.availability).toBe('out_of_stock');
    const file = minimal();
    file.products[2].availability = 'out_of_stock';
    expect(catalogOf(parseCatalog(file)).products[2]?.availability).toBe('out_of_stock');
  });

  it('keeps a product marked coming soon off sale whatever its stock, and lets shoppers wish for it', () => {
    const file = minimal();
    file.products[0].availability = 'coming_soon';
    file.products[2].availability = 'coming_soon';
    const [espressoSoon, , mugSoon] = catalogOf(parseCatalog(file)).products;
    expect(espressoSoon?.availability).toBe('coming_soon');
    expect(mugSoon?.availability).toBe('coming_soon');
    expect(availableUnits(espressoSoon!, espressoSoon!.variants[0])).toBe(0);
    expect(availableUnits(mugSoon!, undefined)).toBe(0);
    expect([soldOut(espressoSoon!), comingSoon(espressoSoon!), wishable(espressoSoon!, espressoSoon!.variants[0])]).toEqual([true, true, true]);
    // On sale: only what cannot be bought may be wished for.
    expect([wishable(espresso, undefined), wishable(espresso, espresso.variants[0]), wishable(muesli!, undefined), comingSoon(espresso)]).toEqual([false, false, true, false]);
  });

  it('fills in category, position, dates, tags, description and image alt text', () => {
    expect([espresso.categoryId, muesli?.categoryId]).toEqual(['coffee', undefined]);
    expect(catalog.products.map((p) => p.position)).toEqual([0, 1, 2, 3]);
    expect(catalog.products.map((p) => p.createdAt)).toEqual([
      '2026-03-01T09:00:00Z', '2026-01-15T00:00:00Z', '1970-01-01T00:00:00Z', '2026-02-10T12:30:00+01:00',
    ]);
    expect(mug?.tags).toEqual([]);
    expect(mug?.description).toEqual({ en: '' });
    expect(mug?.images[0]?.alt).toEqual({ en: 'Enamel mug', de: 'Emaillebecher' });
  });

  it('reads date-times without an offset as UTC and writes offsets as ECMAScript dates', () => {
    const file = minimal();
    file.products[0].createdAt = '2026-03-01T09:00';
    file.products[1].createdAt = '2026-03-01T09:00:00.5+0100';
    const [first, second] = catalogOf(parseCatalog(file)).products;
    expect([first?.createdAt, second?.createdAt]).toEqual(['2026-03-01T09:00Z', '2026-03-01T09:00:00.5+01:00']);
    expect(Date.parse(second?.createdAt ?? '')).toBe(Date.UTC(2026, 2, 1, 8, 0, 0, 500));
  });

  it('turns an option value’s image into the index of that product image', () => {
    const file = minimal();
    file.products[0].images.push({ src: 'images/espresso-fine.svg', width: 800, height: 800 });
    file.products[0].options[1].values[1].image = 'images/espresso-fine.svg';
    const values = catalogOf(parseCatalog(file)).products[0]!.options[1]!.values;
    expect(values.map((v) => v.imageIndex)).toEqual([undefined, 1]);
  });

  it('sells through Payment Links (no cart) when the products have links, and through the server otherwise', () => {
    expect(catalogOf(parseCatalog(minimal())).shop.paymentLinks).toBe(false);
    const linked = minimal();
    linked.products.forEach((p: Raw, i: number) => (p.paymentLink = `https://buy.stripe.com/test_${i}`));
    const catalog = catalogOf(parseCatalog(linked));
    expect(catalog.shop.paymentLinks).toBe(true);
    expect(catalog.products[2]!.paymentLink).toBe('https://buy.stripe.com/test_2');
  });

  it('keeps image sources as written and drops the trailing slash of the base URL', () => {
    expect(espresso.images[0]?.src).toBe('images/espresso.svg');
    expect(catalog.shop.baseUrl).toBe('https://shop.example.com');
  });
});

describe('formatProblems', () => {
  it('renders one "path: message" line per problem and names the root', () => {
    const text = formatProblems([{ path: 'products[0].price', message: 'is required' }, { path: '', message: 'must be a JSON object' }]);
    expect(text).toBe('products[0].price: is required\n(catalog): must be a JSON object');
  });
});
