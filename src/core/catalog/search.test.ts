import { describe, expect, it } from 'vitest';
import { parseCatalog } from './parse';
import { normalizeForSearch, sortProducts } from './search';
import type { Product } from './types';

function productsOf(products: object[]): readonly Product[] {
  const result = parseCatalog({
    shop: { id: 'shop', name: 'Shop', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://shop.example.com' },
    categories: [{ id: 'food', title: 'Food' }, { id: 'merch', title: 'Merch' }],
    products,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.catalog.products;
}

const products = productsOf([
  { id: 'muesli', title: 'Müsli', description: 'Oats with hazelnuts.', price: 590, category: 'food', tags: ['breakfast'], createdAt: '2026-01-15' },
  { id: 'mug', title: { en: 'Enamel mug', de: 'Emaillebecher' }, price: 1200, category: 'merch', createdAt: '2026-03-01T09:00:00Z' },
  { id: 'stollen', title: { de: 'Dresdner Christstollen' }, description: { de: 'Mit Rosinen und Mandeln.' }, price: 1590, category: 'food' },
  {
    id: 'shirt', title: 'Logo shirt', price: 2490, category: 'merch', createdAt: '2026-03-01T09:00:00Z',
    options: [{ id: 'size', name: 'Size', values: ['S', 'XL'] }],
    variants: [{ id: 'shirt-s', options: { size: 'S' }, price: 990 }, { id: 'shirt-xl', options: { size: 'XL' }, price: 2890 }],
  },
  { id: 'bag', title: 'Tote bag', price: 1200, category: 'merch', tags: ['Straße'], createdAt: '2025-12-24' },
]);
const ids = (list: readonly Product[]): string[] => list.map((product) => product.id);

describe('normalizeForSearch', () => {
  it('folds case, accents and ß so a plain keyboard query matches', () => {
    expect(normalizeForSearch('MÜSLI Straße Crème')).toBe('musli strasse creme');
  });
});

describe('sortProducts', () => {
  it('puts the most liked first, and keeps the catalog order among equal counts', () => {
    const sorted = ids(sortProducts(products, 'liked', { mug: 3, bag: 7, stollen: 3 }));
    const catalogOrder = ids(products);
    const byCatalog = (a: string, b: string) => catalogOrder.indexOf(a) - catalogOrder.indexOf(b);
    expect(sorted).toEqual(['bag', ...['mug', 'stollen'].sort(byCatalog), ...catalogOrder.filter((id) => !['bag', 'mug', 'stollen'].includes(id))]);
  });

  it('counts no likes for a product whose id an object inherits, such as "constructor"', () => {
    const withConstructor = productsOf([
      { id: 'constructor', title: 'Constructor kit', price: 100 },
      { id: 'kit', title: 'Kit', price: 100 },
    ]);
    expect(ids(sortProducts(withConstructor, 'liked', { kit: 1 }))).toEqual(['kit', 'constructor']);
  });

  it('sorts by the lowest price a product can be bought for, keeping ties in their input order', () => {
    expect(ids(sortProducts(products, 'price-asc'))).toEqual(['muesli', 'shirt', 'mug', 'bag', 'stollen']);
    expect(ids(sortProducts(products, 'price-desc'))).toEqual(['stollen', 'mug', 'bag', 'shirt', 'muesli']);
  });

  it('keeps ties in the order they were given, not in catalog order', () => {
    const reversed = [...products].reverse();
    expect(ids(sortProducts(reversed, 'price-asc'))).toEqual(['muesli', 'shirt', 'bag', 'mug', 'stollen']);
  });

  it('sorts newest first and puts products without a date last', () => {
    expect(ids(sortProducts(products, 'newest'))).toEqual(['mug', 'shirt', 'muesli', 'bag', 'stollen']);
  });

  it('restores catalog order for "featured" and does not change its input', () => {
    const shuffled = [products[3], products[0], products[4], products[2], products[1]] as Product[];
    expect(ids(sortProducts(shuffled, 'featured'))).toEqual(ids(products));
    expect(ids(shuffled)).toEqual(['shirt', 'muesli', 'bag', 'stollen', 'mug']);
  });

  it('falls back to featured for a sort name it does not know, such as one from a URL', () => {
    expect(ids(sortProducts([...products].reverse(), 'constructor' as never))).toEqual(ids(products));
  });
});
