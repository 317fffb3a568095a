import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCatalog } from '../../core/catalog/parse';
import type { Catalog } from '../../core/catalog/types';
import { priceCart } from './price-cart';
import { parseCheckoutRequest } from './request';

const result = parseCatalog(JSON.parse(readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8')));
if (!result.ok) throw new Error('demo catalog must parse');
const catalog: Catalog = result.catalog;
const limits = { maxQuantity: 99, maxLines: 50 };
const simple = catalog.products.find((p) => !p.variants.length && p.stock === undefined && p.availability === 'in_stock')!;
const limited = catalog.products.find((p) => !p.variants.length && p.stock !== undefined && p.stock > 0)!;
const soldOut = catalog.products.find((p) => p.availability === 'out_of_stock')!;
const withVariants = catalog.products.find((p) => p.variants.some((v) => v.price !== p.price))!;
const pricey = withVariants.variants.find((v) => v.price !== withVariants.price && (v.stock ?? 1) > 0)!;
const line = (productId: string, quantity: number, variantId: string | null = null) => ({ productId, variantId, quantity });
/** Cart lines as parseCheckoutRequest hands them on: merged, each with its index in the request. */
const parsedLines = (lines: ReturnType<typeof line>[]) => {
  const parsed = parseCheckoutRequest({ lines, returnUrl: 'http://localhost:8787/' }, limits);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.request.lines;
};

describe('priceCart', () => {
  it('charges the catalog price, whatever the request carried', () => {
    const request = parseCheckoutRequest({ lines: [{ productId: simple.id, quantity: 2, price: 1, unitAmount: 1, total: 1 }], returnUrl: 'http://localhost:8787/' }, limits);
    expect(request.ok).toBe(true);
    const priced = priceCart(catalog, request.ok ? request.request.lines : [], 'en');
    expect(priced.ok && priced.cart.lines[0]!.unitAmount).toBe(simple.price);
    expect(priced.ok && priced.cart.total).toBe(simple.price * 2);
  });

  it('charges a variant its own price and names its options', () => {
    const priced = priceCart(catalog, parsedLines([line(withVariants.id, 1, pricey.id)]), 'de');
    expect(priced.ok).toBe(true);
    if (!priced.ok) return;
    expect(priced.cart.lines[0]!.unitAmount).toBe(pricey.price);
    expect(priced.cart.lines[0]!.name).toMatch(/\(.+\)$/);
    expect(priced.cart.currency).toBe('EUR');
  });

  it('merges lines for the same product before checking stock', () => {
    const priced = priceCart(catalog, parsedLines([line(limited.id, limited.stock!), line(limited.id, 1)]), 'en');
    expect(priced).toMatchObject({ ok: false, error: { code: 'quantity_above_stock', lineIndex: 0 } });
  });

  it.each([
    ['an unknown product', [line('no-such-product', 1)], 'unknown_product', 0],
    ['a prototype key as product id', [line(simple.id, 1), line('__proto__', 1)], 'unknown_product', 1],
    ['a sold-out product', [line(soldOut.id, 1)], 'sold_out', 0],
    ['a variant product without a variant', [line(withVariants.id, 1)], 'variant_required', 0],
    ['an unknown variant', [line(withVariants.id, 1, 'nope')], 'unknown_variant', 0],
    ['a variant on a simple product', [line(simple.id, 1, 'x')], 'unknown_variant', 0],
  ])('refuses %s, pointing at the line', (_, lines, code, lineIndex) => {
    expect(priceCart(catalog, parsedLines(lines), 'en')).toMatchObject({ ok: false, error: { code, lineIndex } });
  });

  it('refuses a product the catalog marks coming soon, with stock or without, as coming_soon', () => {
    const soon: Catalog = { ...catalog, products: catalog.products.map((p) => (p.id === simple.id || p.id === withVariants.id ? { ...p, availability: 'coming_soon' as const } : p)) };
    expect(priceCart(soon, parsedLines([line(limited.id, 1), line(simple.id, 1)]), 'en')).toMatchObject({ ok: false, error: { code: 'coming_soon', lineIndex: 1 } });
    expect(priceCart(soon, parsedLines([line(withVariants.id, 1, pricey.id)]), 'en')).toMatchObject({ ok: false, error: { code: 'coming_soon', lineIndex: 0 } });
  });
});

describe('parseCheckoutRequest', () => {
  const ok = { returnUrl: 'http://localhost:8787/shop' };
  it.each([
    ['no lines', { ...ok, lines: [] }, 'empty_cart', undefined],
    ['too many lines', { ...ok, lines: Array.from({ length: 51 }, () => line(simple.id, 1)) }, 'too_many_lines', undefined],
    ['quantity 0', { ...ok, lines: [line(simple.id, 0)] }, 'invalid_quantity', 0],
    ['a negative quantity', { ...ok, lines: [line(simple.id, 1), line(simple.id, -1)] }, 'invalid_quantity', 1],
    ['a fractional quantity', { ...ok, lines: [line(simple.id, 1.5)] }, 'invalid_quantity', 0],
    ['a quantity as a string', { ...ok, lines: [{ productId: simple.id, quantity: '2' }] }, 'invalid_quantity', 0],
    ['a quantity above the limit', { ...ok, lines: [line(simple.id, 100)] }, 'invalid_quantity', 0],
    ['a line that is not an object', { ...ok, lines: ['x'] }, 'invalid_request', 0],
    ['no return URL', { lines: [line(simple.id, 1)] }, 'invalid_request', undefined],
    ['an array body', [], 'invalid_request', undefined],
  ])('refuses %s', (_, body, code, lineIndex) => {
    const parsed = parseCheckoutRequest(body, limits);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.lineIndex).toBe(lineIndex);
  });

  it('merges lines of the same product and variant before checking the quantity limit, pointing at the first of them', () => {
    const lines = [line(simple.id, 99), line(limited.id, 1), line(simple.id, 99), line(simple.id, 99)];
    expect(parseCheckoutRequest({ ...ok, lines }, limits)).toMatchObject({ ok: false, error: { code: 'invalid_quantity', lineIndex: 0 } });
  });

  it('hands on one line per product and variant, with the summed quantity and the index of its first line', () => {
    const variants = withVariants.variants.slice(0, 2).map((v) => v.id);
    const parsed = parseCheckoutRequest({ ...ok, lines: [line(simple.id, 2), line(withVariants.id, 1, variants[0]), line(simple.id, 3), line(withVariants.id, 1, variants[1])] }, limits);
    expect(parsed.ok && parsed.request.lines).toEqual([
      { productId: simple.id, variantId: null, quantity: 5, index: 0 },
      { productId: withVariants.id, variantId: variants[0], quantity: 1, index: 1 },
      { productId: withVariants.id, variantId: variants[1], quantity: 1, index: 3 },
    ]);
  });

  it('takes its limits from configuration, and names the quantity limit in an invalid_quantity error only', () => {
    expect(parseCheckoutRequest({ ...ok, lines: [line(simple.id, 5)] }, { maxQuantity: 4, maxLines: 50 })).toMatchObject({ ok: false, error: { code: 'invalid_quantity', maxQuantity: 4 } });
    expect(parseCheckoutRequest({ ...ok, lines: [line(simple.id, 1), line(limited.id, 1)] }, { maxQuantity: 99, maxLines: 1 })).toEqual({
      ok: false,
      error: { code: 'too_many_lines', message: 'A checkout takes at most 1 lines.' },
    });
  });

});
