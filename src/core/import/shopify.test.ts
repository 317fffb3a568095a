import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../catalog/parse';
import { importShopify } from './shopify';

// Real-shaped exports, their columns as Shopify's product CSV has them (fixtures/).
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const CDN = 'https://cdn.shopify.com/s/files/1/0000/0001/files/';
const OLD_CDN = 'https://cdn.shopify.com/s/files/1/0000/0002/products/';
const square = { width: 1000, height: 1000 };

describe('importShopify, current column names', () => {
  const result = importShopify(fixture('shopify-current.csv'), { currency: 'EUR', shopName: 'Nordlicht Supply', baseUrl: 'https://nordlicht.example' });

  it('makes one product per handle, with its variants, prices, stock and images', () => {
    expect(result.catalog?.products).toEqual([
      {
        id: 'tour-hoodie',
        title: 'Tour Hoodie',
        description: 'Heavy cotton & a soft inside.\n\n- Unisex fit\n- Wash at 30\u00a0°C',
        images: [
          { src: `${CDN}hoodie-black.jpg?v=1712`, alt: 'Black hoodie, front', ...square },
          { src: `${CDN}hoodie-sand.jpg?v=1712`, alt: 'Sand hoodie, front', ...square },
          { src: `${CDN}hoodie-back.jpg?v=1712`, ...square },
        ],
        price: 5900,
        category: 'hoodies',
        tags: ['merch', 'tour 2026'],
        options: [
          {
            id: 'color',
            name: 'Color',
            values: [
              { id: 'Black', label: 'Black', image: `${CDN}hoodie-black.jpg?v=1712` },
              { id: 'Sand', label: 'Sand', image: `${CDN}hoodie-sand.jpg?v=1712` },
            ],
          },
          { id: 'size', name: 'Size', values: ['M', 'L'] },
        ],
        variants: [
          { id: 'tour-hoodie-black-m', options: { color: 'Black', size: 'M' }, compareAtPrice: 6900, stock: 12, sku: 'HOOD-BLK-M' },
          { id: 'tour-hoodie-black-l', options: { color: 'Black', size: 'L' }, compareAtPrice: 6900, stock: 5, sku: 'HOOD-BLK-L' },
          { id: 'tour-hoodie-sand-m', options: { color: 'Sand', size: 'M' }, compareAtPrice: 6900, stock: 3, sku: 'HOOD-SND-M' },
          { id: 'tour-hoodie-sand-l', options: { color: 'Sand', size: 'L' }, price: 6250, compareAtPrice: 6900, stock: 0, sku: 'HOOD-SND-L' },
        ],
      },
      {
        id: 'enamel-mug',
        title: 'Enamel Mug',
        description: 'Camp mug.\nHolds 350\u00a0ml.',
        images: [{ src: `${CDN}mug.jpg`, alt: 'White enamel mug', ...square }],
        price: 1490,
        category: 'mugs',
        tags: ['camp', 'gift'],
      },
      {
        id: 'signed-poster',
        title: 'Signed Poster',
        description: 'Printed on 100% recycled paper, signed by the band.',
        price: 2500,
        category: 'posters',
        options: [{ id: 'size', name: 'Size', values: ['A2'] }],
        variants: [{ id: 'signed-poster-a2', options: { size: 'A2' }, sku: 'PST-A2' }],
      },
    ]);
  });

  it('makes the product types the categories', () => {
    expect(result.catalog?.categories).toEqual([
      { id: 'hoodies', title: 'Hoodies' },
      { id: 'mugs', title: 'Mugs' },
      { id: 'posters', title: 'Posters' },
    ]);
  });

  it('reports the draft and the bad price with their lines, and counts what it made', () => {
    expect(result.problems).toEqual([
      { line: 11, message: 'the product "Sticker Pack" is a draft; it was left out' },
      { line: 12, message: 'the price "abc" is not a number; this variant of "Signed Poster" was left out' },
    ]);
    expect(result.counts).toEqual({ products: 3, variants: 6, images: 4, categories: 3, skippedRows: 2 });
  });

  it('writes the shop from the options and passes the catalog check', () => {
    expect(result.catalog?.shop).toEqual({ id: 'nordlicht-supply', name: 'Nordlicht Supply', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://nordlicht.example' });
    const parsed = parseCatalog(result.catalog);
    expect(parsed.ok && parsed.warnings).toEqual([]);
  });
});

describe('importShopify, older column names', () => {
  const result = importShopify(fixture('shopify-legacy.csv'));

  it('reads "Handle", "Variant Price", "Variant Inventory Qty", "Image Src" and friends', () => {
    expect(result.catalog?.products).toEqual([
      {
        id: 'ocean-tee',
        title: 'Ocean Tee',
        description: 'Organic cotton tee.\n\nPrinted in Hamburg.',
        images: [
          { src: `${OLD_CDN}tee-front.jpg`, alt: 'Tee, front', ...square },
          { src: `${OLD_CDN}tee-back.jpg`, alt: 'Tee, back', ...square },
        ],
        price: 2500,
        category: 't-shirts',
        tags: ['summer'],
        options: [{ id: 'size', name: 'Size', values: ['S', 'M', 'XL'] }],
        variants: [
          { id: 'ocean-tee-s', options: { size: 'S' }, stock: 8, sku: 'TEE-S' },
          // Shopify lets stock go below zero; the catalog's lowest is 0 (sold out).
          { id: 'ocean-tee-m', options: { size: 'M' }, stock: 0, sku: 'TEE-M' },
          // A compare-at price below the price is no sale: left out.
          { id: 'ocean-tee-xl', options: { size: 'XL' }, price: 2700, stock: 1, sku: 'TEE-XL' },
        ],
      },
      {
        id: 'tote-bag',
        title: 'Tote Bag',
        images: [{ src: `${OLD_CDN}tote.png`, ...square }],
        price: 1200,
        compareAtPrice: 1500,
        category: 'bags',
      },
    ]);
    expect(result.problems).toEqual([{ line: 5, message: 'the product "Logo Cap" is not published on the online store; it was left out' }]);
    expect(result.catalog?.shop).toEqual({ id: 'my-shop', name: 'My shop', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://shop.example.com' });
    expect(parseCatalog(result.catalog).ok).toBe(true);
  });
});

describe('importShopify, files it cannot use', () => {
  it('says a WooCommerce file is not a Shopify export', () => {
    const result = importShopify(fixture('woocommerce-export.csv'));
    expect(result.catalog).toBeUndefined();
    expect(result.problems).toEqual([{ line: 1, message: 'this is not a Shopify product export: it has no "URL handle" (or "Handle") and "Title" columns' }]);
  });

  it('leaves out a product none of whose variants can be imported, saying so', () => {
    const csv = 'Handle,Title,Option1 Name,Option1 Value,Variant Price\nhat,Hat,Size,S,12.345\nhat,,,M,\n';
    const result = importShopify(csv);
    expect(result.catalog).toBeUndefined();
    expect(result.problems).toEqual([
      { line: 2, message: 'the price "12.345" has more decimals than EUR has (2); this variant of "Hat" was left out' },
      { line: 2, message: 'the product "Hat" was left out: none of its variants could be imported' },
      { line: 3, message: 'there is no price; this variant of "Hat" was left out' },
    ]);
    expect(result.counts.skippedRows).toBe(2);
  });

  it('keeps the first of two variants with the same options', () => {
    const csv = 'Handle,Title,Option1 Name,Option1 Value,Variant Price\ncap,Cap,Size,One,10\ncap,,,One,11\n';
    const result = importShopify(csv);
    expect(result.catalog?.products[0]?.variants).toEqual([{ id: 'cap-one', options: { size: 'One' } }]);
    expect(result.problems).toEqual([{ line: 3, message: 'this variant has the same options as the one on line 2 (One); it was left out' }]);
  });

  it('reads prices in yen without minor units', () => {
    const result = importShopify('Handle,Title,Variant Price\nbowl,Bowl,"1,500"\n', { currency: 'JPY' });
    expect(result.catalog?.products[0]?.price).toBe(1500);
  });
});

describe('importShopify, ids and values at the catalog’s limits', () => {
  it('keeps variant ids within 100 characters, even when one repeats', () => {
    const handle = 'h'.repeat(90);
    const csv = `Handle,Title,Option1 Name,Option1 Value,Variant Price\n${handle},Long,Size,${'x'.repeat(50)} a,1\n${handle},,,${'x'.repeat(50)} a!,2\n`;
    const result = importShopify(csv);
    const ids = result.catalog?.products[0]?.variants?.map((v) => v.id) ?? [];
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    expect(Math.max(...ids.map((id) => id.length))).toBeLessThanOrEqual(100);
    expect(parseCatalog(result.catalog).ok).toBe(true);
  });

  it('leaves out a variant whose option value is longer than the catalog allows', () => {
    const csv = `Handle,Title,Option1 Name,Option1 Value,Variant Price\nrug,Rug,Size,S,1\nrug,,,${'y'.repeat(201)},2\n`;
    const result = importShopify(csv);
    expect(result.catalog?.products[0]?.variants).toEqual([{ id: 'rug-s', options: { size: 'S' } }]);
    expect(result.problems).toEqual([{ line: 3, message: `the option value "${'y'.repeat(40)}"… is longer than 200 characters; this variant was left out` }]);
    expect(result.counts.skippedRows).toBe(1);
  });
});
