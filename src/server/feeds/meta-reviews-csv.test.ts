import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../core/catalog/parse';
import type { Catalog } from '../../core/catalog/types';
import type { Review } from '../reviews/store';
import { META_REVIEW_FEED_COLUMNS, metaReviewsCsv } from './meta-reviews-csv';

const parsed = parseCatalog(JSON.parse(readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('the demo catalog is valid');
const catalog: Catalog = parsed.catalog;

const review = (id: string, extra: Partial<Review> = {}): Review => ({
  id,
  productId: 'espresso-blend',
  variantId: 'espresso-1kg-whole',
  orderId: 'cs_test_private',
  rating: 4,
  text: 'Good',
  name: null,
  language: 'en',
  status: 'published',
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  ...extra,
});

/** The CSV's records as objects by column (RFC 4180 as csv.ts writes it). */
function records(csv: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < csv.length; i += 1) {
    const ch = csv[i]!;
    if (quoted && ch === '"' && csv[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += ch;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 1;
    } else {
      field += ch;
    }
  }
  const [header, ...body] = rows;
  expect(header).toEqual([...META_REVIEW_FEED_COLUMNS]);
  return body.map((r) => Object.fromEntries(header!.map((column, i) => [column, r[i] ?? ''])));
}

describe("Meta's ratings and reviews feed", () => {
  it('has a record per published review with text, with every column Meta requires', () => {
    const csv = metaReviewsCsv(catalog, [review('rev-1', { name: 'Erika', text: 'Rich, "dark"\nand smooth 😀' }), review('rev-2', { productId: 'bircher-muesli-mix', variantId: null, rating: 5 })], { baseUrl: 'https://shop.example/' });
    expect(records(csv)).toEqual([
      {
        aggregator: 'Fanshop',
        'store.name': 'Nordlicht Supply',
        'store.storeUrls': '["shop.example"]',
        reviewID: 'rev-1',
        rating: '4',
        content: 'Rich, "dark"\nand smooth 😀',
        created_at: '2026-11-30T09:00:00.000Z',
        updated_at: '2026-12-01T09:00:00.000Z',
        incentivized: 'false',
        has_verified_purchase: 'true',
        'reviewer.name': 'Erika',
        'reviewer.isAnonymous': 'false',
        'product.name': 'Nordlicht espresso blend',
        'product.url': 'https://shop.example/p/espresso-blend',
        'product.productIdentifiers.skus': JSON.stringify(catalog.products.find((p) => p.id === 'espresso-blend')!.variants.map((v) => v.id)),
      },
      expect.objectContaining({ reviewID: 'rev-2', 'reviewer.name': 'Anonymous', 'reviewer.isAnonymous': 'true', 'product.productIdentifiers.skus': '["bircher-muesli-mix"]' }),
    ]);
    expect(csv).not.toContain('cs_test_private');
  });

  it('leaves out stars without text, reviews not published, and products no longer in the catalog', () => {
    const csv = metaReviewsCsv(catalog, [review('no-text', { text: null }), review('held', { status: 'pending' }), review('hidden', { status: 'hidden' }), review('gone', { productId: 'discontinued' })]);
    expect(records(csv)).toEqual([]);
  });

  it('names products in the language asked for', () => {
    const [record] = records(metaReviewsCsv(catalog, [review('rev-1')], { locale: 'de' }));
    expect(record?.['product.name']).toBe(catalog.products.find((p) => p.id === 'espresso-blend')!.title.de);
  });
});
