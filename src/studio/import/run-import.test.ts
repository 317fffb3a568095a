import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectPlatform, runImport } from './run-import';

const fixture = (name: string) => readFileSync(new URL(`../../core/import/fixtures/${name}`, import.meta.url), 'utf8');

describe('the studio’s import', () => {
  it('tells Shopify’s and WooCommerce’s exports apart by their header, in both languages and separators', () => {
    expect(detectPlatform(fixture('shopify-current.csv'))).toBe('shopify');
    expect(detectPlatform(fixture('shopify-legacy.csv'))).toBe('shopify');
    expect(detectPlatform(fixture('woocommerce-export.csv'))).toBe('woocommerce');
    expect(detectPlatform(fixture('woocommerce-de-semicolon.csv'))).toBe('woocommerce');
    expect(detectPlatform('name,price\nA,1\n')).toBeUndefined();
  });

  it('gives the same catalog as the CLI’s importer, and a catalog that passes the check', () => {
    const done = runImport(fixture('shopify-current.csv'), 'shopify', { baseUrl: 'http://localhost:9100' });
    expect(done.result.catalog?.products.length).toBeGreaterThan(0);
    expect(done.catalogProblems).toEqual([]);
    expect(done.result.catalog?.shop.baseUrl).toBe('http://localhost:9100');
  });

  it('reports a file of the other shop as a problem on line 1', () => {
    const done = runImport(fixture('woocommerce-export.csv'), 'shopify', {});
    expect(done.result.catalog).toBeUndefined();
    expect(done.result.problems[0]).toMatchObject({ line: 1 });
  });
});

describe('the shop an import keeps', () => {
  it('is the current catalog’s id, name, currency, language and address', async () => {
    const { currentShop } = await import('./current-shop');
    const demo = JSON.parse(readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8'));
    const kept = currentShop(demo)!;
    expect(kept).toEqual({ shopId: demo.shop.id, shopName: expect.any(String), currency: demo.shop.currency, locale: demo.shop.defaultLocale, baseUrl: demo.shop.baseUrl });
    // Shoppers' saved carts are keyed by the shop's id: the imported catalog keeps it, whatever its name gives.
    const done = runImport(fixture('shopify-current.csv'), 'shopify', { ...kept, shopName: 'A name of its own' });
    expect(done.result.catalog?.shop.id).toBe(demo.shop.id);
    expect(currentShop({ shop: { name: 'x' } })).toBeUndefined();
    expect(currentShop('junk')).toBeUndefined();
  });
});
