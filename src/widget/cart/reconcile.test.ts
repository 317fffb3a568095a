import { describe, expect, it } from 'vitest';
import { formatProblems, parseCatalog, type Catalog } from '../../core/catalog';
import { availableUnits } from '../../core/catalog/availability';
import { findVariant } from '../../core/catalog/find-variant';
import { reconcileCart } from './reconcile';
import type { CartLimits, CartLine } from './store';

const limits: CartLimits = { maxQuantity: 99, maxLines: 50 };

/** Today's catalog, through the same parser the widget uses; `edit` changes a fresh copy first. */
function catalog(edit: (file: CatalogFile) => void = () => {}): Catalog {
  const file: CatalogFile = {
    shop: { id: 'nordlicht', name: 'Nordlicht', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://shop.example.com' },
    products: [
      { id: 'mug', title: 'Mug', price: 1200 },
      { id: 'beans', title: 'Beans', price: 1490, stock: 5 },
      {
        id: 'shirt',
        title: 'Shirt',
        price: 2490,
        options: [{ id: 'colour', name: 'Colour', values: ['navy', 'sand', 'red'] }],
        variants: [
          { id: 'shirt-navy', options: { colour: 'navy' }, stock: 3 },
          { id: 'shirt-sand', options: { colour: 'sand' }, price: 2690 },
          { id: 'shirt-red', options: { colour: 'red' }, stock: 0 },
        ],
      },
    ],
  };
  edit(file);
  const result = parseCatalog(file);
  if (!result.ok) throw new Error(`test catalog is invalid:\n${formatProblems(result.errors)}`);
  return result.catalog;
}

interface ProductFile {
  id: string;
  title: string;
  price: number;
  stock?: number;
  availability?: 'in_stock' | 'out_of_stock';
  options?: { id: string; name: string; values: string[] }[];
  variants?: { id: string; options: Record<string, string>; price?: number; stock?: number }[];
}
interface CatalogFile {
  shop: Record<string, string>;
  products: ProductFile[];
}

const product = (file: CatalogFile, id: string): ProductFile => file.products.find((p) => p.id === id)!;

const mugLine: CartLine = { productId: 'mug', variantId: null, quantity: 2, unitPrice: 1200, title: 'Mug' };
const beansLine: CartLine = { productId: 'beans', variantId: null, quantity: 1, unitPrice: 1490, title: 'Beans' };
const navyLine: CartLine = { productId: 'shirt', variantId: 'shirt-navy', quantity: 1, unitPrice: 2490, title: 'Shirt' };
const sandLine: CartLine = { productId: 'shirt', variantId: 'shirt-sand', quantity: 1, unitPrice: 2690, title: 'Shirt' };

describe('reconcileCart', () => {
  it('passes unchanged lines through untouched and reports no change', () => {
    const lines = [mugLine, beansLine, navyLine, sandLine];
    const result = reconcileCart(lines, catalog(), limits);
    expect(result.changes).toEqual([]);
    expect(result.lines).toEqual(lines);
    result.lines.forEach((line, i) => expect(line).toBe(lines[i]));
  });

  it("drops a line whose product left the catalog and reports it as 'gone'", () => {
    const gone: CartLine = { ...mugLine, productId: 'teapot', title: 'Teapot' };
    const result = reconcileCart([gone, mugLine], catalog(), limits);
    expect(result.lines).toEqual([mugLine]);
    expect(result.changes).toEqual([{ kind: 'gone', line: gone }]);
  });

  it("drops a line whose variant left the catalog and reports it as 'gone'", () => {
    const gone: CartLine = { ...navyLine, variantId: 'shirt-green' };
    const result = reconcileCart([gone], catalog(), limits);
    expect(result.lines).toEqual([]);
    expect(result.changes).toEqual([{ kind: 'gone', line: gone }]);
  });

  it("reports a line without a variant as 'gone' once its product has variants", () => {
    const stale: CartLine = { ...navyLine, variantId: null };
    expect(reconcileCart([stale], catalog(), limits).changes).toEqual([{ kind: 'gone', line: stale }]);
  });

  it("reports a line with a variant as 'gone' once its product has none", () => {
    const stale: CartLine = { ...mugLine, variantId: 'mug-blue' };
    expect(reconcileCart([stale], catalog(), limits).changes).toEqual([{ kind: 'gone', line: stale }]);
  });

  it("drops a product whose stock is 0 and reports it as 'sold_out'", () => {
    const today = catalog((f) => (product(f, 'beans').stock = 0));
    const result = reconcileCart([beansLine, mugLine], today, limits);
    expect(result.lines).toEqual([mugLine]);
    expect(result.changes).toEqual([{ kind: 'sold_out', line: beansLine }]);
  });

  it("drops a variant whose stock is 0 and reports it as 'sold_out'", () => {
    const red: CartLine = { ...navyLine, variantId: 'shirt-red' };
    const result = reconcileCart([red, navyLine], catalog(), limits);
    expect(result.lines).toEqual([navyLine]);
    expect(result.changes).toEqual([{ kind: 'sold_out', line: red }]);
  });

  it("drops a product marked out_of_stock even when its stock is not tracked and reports 'sold_out'", () => {
    const today = catalog((f) => (product(f, 'mug').availability = 'out_of_stock'));
    const result = reconcileCart([mugLine], today, limits);
    expect(result.lines).toEqual([]);
    expect(result.changes).toEqual([{ kind: 'sold_out', line: mugLine }]);
  });

  it("follows a new price and reports it as 'repriced' with the price before and after", () => {
    const today = catalog((f) => (product(f, 'mug').price = 1350));
    const result = reconcileCart([mugLine], today, limits);
    expect(result.lines).toEqual([{ ...mugLine, unitPrice: 1350 }]);
    expect(result.changes).toEqual([{ kind: 'repriced', line: mugLine, before: 1200, after: 1350 }]);
  });

  it("follows a variant's own new price", () => {
    const today = catalog((f) => (product(f, 'shirt').variants![1]!.price = 2290));
    const result = reconcileCart([sandLine], today, limits);
    expect(result.lines[0]?.unitPrice).toBe(2290);
    expect(result.changes).toEqual([{ kind: 'repriced', line: sandLine, before: 2690, after: 2290 }]);
  });

  it("shrinks a quantity above the stock left and reports it as 'reduced'", () => {
    const many: CartLine = { ...beansLine, quantity: 8 };
    const result = reconcileCart([many], catalog(), limits);
    expect(result.lines).toEqual([{ ...beansLine, quantity: 5 }]);
    expect(result.changes).toEqual([{ kind: 'reduced', line: many, before: 8, after: 5 }]);
  });

  it("shrinks a quantity above a variant's stock and reports it as 'reduced'", () => {
    const many: CartLine = { ...navyLine, quantity: 4 };
    const result = reconcileCart([many], catalog(), limits);
    expect(result.lines[0]?.quantity).toBe(3);
    expect(result.changes).toEqual([{ kind: 'reduced', line: many, before: 4, after: 3 }]);
  });

  it("shrinks a quantity above maxQuantity and reports it as 'reduced'", () => {
    const many: CartLine = { ...mugLine, quantity: 40 };
    const result = reconcileCart([many], catalog(), { maxQuantity: 10, maxLines: 50 });
    expect(result.lines).toEqual([{ ...mugLine, quantity: 10 }]);
    expect(result.changes).toEqual([{ kind: 'reduced', line: many, before: 40, after: 10 }]);
  });

  it('reports both a new price and a smaller quantity for one line, and keeps both', () => {
    const many: CartLine = { ...beansLine, quantity: 9 };
    const today = catalog((f) => (product(f, 'beans').price = 1590));
    const result = reconcileCart([many], today, limits);
    expect(result.lines).toEqual([{ ...beansLine, quantity: 5, unitPrice: 1590 }]);
    expect(result.changes.map((c) => c.kind)).toEqual(['repriced', 'reduced']);
  });

  it('keeps only the first maxLines stored lines', () => {
    const result = reconcileCart([mugLine, beansLine, navyLine, sandLine], catalog(), { maxQuantity: 99, maxLines: 2 });
    expect(result.lines).toEqual([mugLine, beansLine]);
  });

  it('keeps the order of the lines it keeps', () => {
    const result = reconcileCart([sandLine, { ...mugLine, productId: 'gone' }, mugLine], catalog(), limits);
    expect(result.lines).toEqual([sandLine, mugLine]);
  });
});

describe('availableUnits', () => {
  const today = catalog();
  const find = (id: string) => today.products.find((p) => p.id === id)!;

  it('is Infinity for a product whose stock is not tracked', () => {
    expect(availableUnits(find('mug'), undefined)).toBe(Infinity);
  });

  it('is Infinity for a variant whose stock is not tracked', () => {
    const shirt = find('shirt');
    expect(availableUnits(shirt, findVariant(shirt, 'shirt-sand'))).toBe(Infinity);
  });

  it("is the product's stock when it is tracked", () => {
    expect(availableUnits(find('beans'), undefined)).toBe(5);
  });

  it("is the variant's stock, not the product's, for a variant", () => {
    const shirt = find('shirt');
    expect(availableUnits(shirt, findVariant(shirt, 'shirt-navy'))).toBe(3);
    expect(availableUnits(shirt, findVariant(shirt, 'shirt-red'))).toBe(0);
  });

  it('is 0 for a product marked out_of_stock whatever its stock says', () => {
    const marked = catalog((f) => {
      product(f, 'beans').availability = 'out_of_stock';
    }).products.find((p) => p.id === 'beans')!;
    expect(availableUnits(marked, undefined)).toBe(0);
  });
});

describe('findVariant', () => {
  it('finds a variant by id and nothing for null or an unknown id', () => {
    const shirt = catalog().products.find((p) => p.id === 'shirt')!;
    expect(findVariant(shirt, 'shirt-navy')?.id).toBe('shirt-navy');
    expect(findVariant(shirt, null)).toBeUndefined();
    expect(findVariant(shirt, 'shirt-green')).toBeUndefined();
  });
});
