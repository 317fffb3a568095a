import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../catalog/parse';
import { importWooCommerce } from './woocommerce';

// Real-shaped exports with WooCommerce's export columns (fixtures/): woocommerce-export.csv as
// WooCommerce writes it (a BOM, CRLF, newlines inside quoted descriptions), and a German shop's
// file (German column names, as WooCommerce writes them for a German admin) saved again by
// Excel (semicolons, decimal commas, umlauts).
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const UP = 'https://shop.example.org/wp-content/uploads/2026/03/';
const DE = 'https://laden.example.de/wp-content/uploads/2026/05/';
const square = { width: 1000, height: 1000 };

describe('importWooCommerce, an English export with a BOM, CRLF and quoted newlines', () => {
  const result = importWooCommerce(fixture('woocommerce-export.csv'), { currency: 'EUR' });

  it('makes simple products, and variable ones with their variations', () => {
    expect(result.catalog?.products).toEqual([
      {
        id: 'knit-beanie',
        title: 'Knit Beanie',
        description: 'A soft beanie, knitted in Portugal.\n\nHand wash only.\nDo not tumble dry.',
        images: [
          { src: `${UP}beanie.jpg`, ...square },
          { src: `${UP}beanie-2.jpg`, ...square },
        ],
        // On sale: the sale price is the price, the regular one is struck through.
        price: 1500,
        compareAtPrice: 1800,
        category: 'clothing-accessories',
        tags: ['winter', 'knit'],
        stock: 20,
      },
      {
        id: 'hoodie',
        title: 'Hoodie',
        description: 'Our classic hoodie.',
        images: [
          { src: `${UP}hoodie.jpg`, ...square },
          { src: `${UP}hoodie-blue.jpg`, ...square },
          { src: `${UP}hoodie-green.jpg`, ...square },
        ],
        price: 4000,
        category: 'clothing-hoodies',
        options: [
          {
            id: 'color',
            name: 'Color',
            values: [
              { id: 'Blue', label: 'Blue', image: `${UP}hoodie-blue.jpg` },
              { id: 'Green', label: 'Green', image: `${UP}hoodie-green.jpg` },
            ],
          },
          { id: 'size', name: 'Size', values: ['M', 'L'] },
        ],
        // In the parent's order of values (Blue before Green, M before L), not the file's.
        variants: [
          { id: 'hoodie-blue-m', options: { color: 'Blue', size: 'M' }, price: 4500, stock: 4, sku: 'woo-hoodie-blue-m' },
          { id: 'hoodie-blue-l', options: { color: 'Blue', size: 'L' }, price: 4500, sku: 'woo-hoodie-blue-l' },
          { id: 'hoodie-green-m', options: { color: 'Green', size: 'M' }, compareAtPrice: 4500, stock: 0, sku: 'woo-hoodie-green-m' },
        ],
      },
      { id: 'gift-card', title: 'Gift Card', description: 'Sent by email.', price: 2500, category: 'gifts' },
    ]);
  });

  it('names a category by its leaf and keeps its path in the id', () => {
    expect(result.catalog?.categories).toEqual([
      { id: 'clothing-accessories', title: 'Accessories' },
      { id: 'clothing-hoodies', title: 'Hoodies' },
      { id: 'gifts', title: 'Gifts' },
    ]);
  });

  it('reports every row left out with the line it starts on', () => {
    expect(result.problems).toEqual([
      { line: 10, message: 'this variation names "id:999" as its parent, which is not a published product in this file; it was left out' },
      { line: 11, message: 'the product "Secret Scarf" is a draft; it was left out' },
      { line: 13, message: '"Winter Bundle" is a grouped product, which a Fanshop catalog does not have (only simple and variable ones); it was left out' },
      { line: 14, message: 'the price "12.999" has more decimals than EUR has (2); the product "Wool Socks" was left out' },
    ]);
    expect(result.counts).toEqual({ products: 3, variants: 5, images: 5, categories: 3, skippedRows: 4 });
    expect(parseCatalog(result.catalog).ok).toBe(true);
  });
});

describe('importWooCommerce, a German shop’s semicolon file with German column names', () => {
  const result = importWooCommerce(fixture('woocommerce-de-semicolon.csv'), { currency: 'EUR', locale: 'de', shopName: 'Grüner Laden' });

  it('reads "Regulärer Preis", "Übergeordnetes Produkt", "Attribut 1 Wert(e)", decimal commas, thousands dots and umlauts', () => {
    expect(result.catalog).toEqual({
      shop: { id: 'gruener-laden', name: 'Grüner Laden', currency: 'EUR', defaultLocale: 'de', baseUrl: 'https://shop.example.com' },
      categories: [
        { id: 'kueche-becher', title: 'Becher' },
        { id: 'kleidung-pullover', title: 'Pullover' },
      ],
      products: [
        {
          id: 'kaffeebecher-oeko',
          title: 'Kaffeebecher Öko',
          description: 'Aus Bambusfasern – spülmaschinenfest.\nFür heiße Getränke.',
          images: [{ src: `${DE}becher.jpg`, ...square }],
          price: 990,
          compareAtPrice: 1290,
          category: 'kueche-becher',
          tags: ['Küche', 'Geschenk'],
          stock: 7,
        },
        {
          id: 'strickpullover-gruen',
          title: 'Strickpullover Grün',
          description: 'Wärmt im Winter.',
          images: [{ src: `${DE}pulli.jpg`, ...square }],
          price: 8950,
          category: 'kleidung-pullover',
          options: [{ id: 'groesse', name: 'Größe', values: ['S', 'M'] }],
          variants: [
            { id: 'strickpullover-gruen-s', options: { groesse: 'S' }, price: 123450, stock: 2, sku: 'pulli-s' },
            { id: 'strickpullover-gruen-m', options: { groesse: 'M' }, compareAtPrice: 9900, sku: 'pulli-m' },
          ],
        },
      ],
    });
    expect(result.problems).toEqual([
      { line: 6, message: 'the price "99,999" has more decimals than EUR has (2); this variation of "Strickpullover Grün" was left out' },
    ]);
    expect(parseCatalog(result.catalog).ok).toBe(true);
  });
});

describe('importWooCommerce, variations it cannot make', () => {
  const header = 'ID,Type,SKU,Name,Published,Regular price,Sale price,Parent,Attribute 1 name,Attribute 1 value(s)\n';

  it('leaves out a variation for "any" value and one that is private', () => {
    const csv = `${header}1,variable,cap,Cap,1,,,,Size,"S, M"\n2,variation,,Cap S,1,10,,id:1,Size,S\n3,variation,,Cap any,1,10,,id:1,Size,\n4,variation,,Cap M,0,10,,cap,Size,M\n`;
    const result = importWooCommerce(csv);
    expect(result.catalog?.products[0]?.variants).toEqual([{ id: 'cap-s', options: { size: 'S' } }]);
    expect(result.problems).toEqual([
      { line: 4, message: 'it leaves "Size" open (any Size), which a catalog variant cannot; this variation of "Cap" was left out' },
      { line: 5, message: 'it is private (not published); this variation of "Cap" was left out' },
    ]);
  });

  it('leaves out a variable product without variations, and reads "\\," inside a value', () => {
    const csv = `${header}1,variable,,Empty,1,,,,Size,S\n2,simple,,"Salt, pepper",1,"3,50",,,Mix,"salt\\, pepper, chili"\n`;
    const result = importWooCommerce(csv);
    expect(result.problems).toEqual([{ line: 2, message: 'the variable product "Empty" has no variations in this file; it was left out' }]);
    expect(result.catalog?.products).toEqual([{ id: 'salt-pepper', title: 'Salt, pepper', price: 350 }]);
  });

  it('ignores a sale price that is not below the regular one', () => {
    const result = importWooCommerce(`${header}1,simple,,Pen,1,2.00,2.00,,,\n`);
    expect(result.catalog?.products).toEqual([{ id: 'pen', title: 'Pen', price: 200 }]);
  });
});
