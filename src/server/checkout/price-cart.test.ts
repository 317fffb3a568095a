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

describe('priceCart', () => {
  it('charges the catalog price, whatever the request carried', () => {
    const request = parseCheckoutRequest({ lines: [{ productId: simple.id, quantity: 2, price: 1, unitAmount: 1, total: 1 }], returnUrl: 'http://localhost:8787/' }, limits);
    expect(request.ok).toBe(true);
    const priced = priceCart(catalog, request.ok ? request.request.lines : [], 'en');
    expect(priced.ok && priced.cart.lines[0]!.unitAmount).toBe(simple.price);
    expect(priced.ok && priced.cart.total).toBe(simple.price * 2);
  });

  it('charges a variant its own price and names its options', () => {
    const priced = priceCart(catalog, [line(withVariants.id, 1, pricey.id)], 'de');
    expect(priced.ok).toBe(true);
    if (!priced.ok) return;
    expect(priced.cart.lines[0]!.unitAmount).toBe(pricey.price);
    expect(priced.cart.lines[0]!.name).toMatch(/\(.+\)$/);
    expect(priced.cart.currency).toBe('EUR');
  });

  it('merges lines for the same product before checking stock', () => {
    const priced = priceCart(catalog, [line(limited.id, limited.stock!), line(limited.id, 1)], 'en');
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
    expect(priceCart(catalog, lines, 'en')).toMatchObject({ ok: false, error: { code, lineIndex } });
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

  it('names the quantity limit in an invalid_quantity error, and only there', () => {
    expect(parseCheckoutRequest({ ...ok, lines: [line(simple.id, 5)] }, { maxQuantity: 4, maxLines: 50 })).toMatchObject({ ok: false, error: { code: 'invalid_quantity', maxQuantity: 4 } });
    expect(parseCheckoutRequest({ ...ok, lines: [line(simple.id, 1), line(limited.id, 1)] }, { maxQuantity: 99, maxLines: 1 })).toEqual({
      ok: false,
      error: { code: 'too_many_lines', message: 'A checkout takes at most 1 lines.' },
    });
  });

  it('takes its limits from configuration', () => {
    expect(parseCheckoutRequest({ ...ok, lines: [line(simple.id, 5)] }, { maxQuantity: 4, maxLines: 50 })).toMatchObject({ ok: false, error: { code: 'invalid_quantity' } });
    expect(parseCheckoutRequest({ ...ok, lines: [line(simple.id, 1), line(limited.id, 1)] }, { maxQuantity: 99, maxLines: 1 })).toMatchObject({ ok: false, error: { code: 'too_many_lines' } });
  });
});
