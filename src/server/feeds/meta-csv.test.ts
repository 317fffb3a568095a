import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../core/catalog/parse';
import type { Catalog } from '../../core/catalog/types';
import { csvField } from './csv';
import { META_FEED_COLUMNS, metaCatalogCsv } from './meta-csv';

/**
 * A CSV reader written from RFC 4180 alone, independent of the writer: fields separated by
 * commas, records by CRLF, a quoted field may hold commas, CR, LF and doubled quotes.
 */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') break;
        else field += text[i++];
      }
      i++;
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '"' || text[i] === '\n' || text[i] === '\r') {
      throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
    } else {
      field += text[i++];
    }
  }
  if (field !== '' || record.length) throw new Error('the last record does not end with CRLF');
  return records;
}

/** The feed as objects keyed by column, with the header checked. */
function items(csv: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(csv);
  expect(header).toEqual([...META_FEED_COLUMNS]);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]!])));
}

const demoJson = JSON.parse(readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8'));
function catalogFrom(json: unknown): Catalog {
  const result = parseCatalog(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.catalog;
}
const demo = catalogFrom({ ...demoJson, shop: { ...demoJson.shop, baseUrl: 'https://shop.example' } });
const byId = (csv: string) => new Map(items(csv).map((item) => [item.id, item]));

describe('the Meta catalog feed', () => {
  const feed = byId(metaCatalogCsv(demo));

  it('has one row per variant, grouped by the product, with Meta’s size and color from the options', () => {
    const hoodies = [...feed.values()].filter((item) => item.item_group_id === 'nordlicht-hoodie');
    expect(hoodies.map((item) => item.id)).toEqual([
      'hoodie-s-ice', 'hoodie-s-charcoal', 'hoodie-m-ice', 'hoodie-m-charcoal', 'hoodie-l-ice', 'hoodie-l-charcoal', 'hoodie-xl-ice', 'hoodie-xl-charcoal',
    ]);
    expect(feed.has('nordlicht-hoodie')).toBe(false);
    const common = {
      title: 'Nordlicht hoodie',
      description:
        'A warm, brushed-back hoodie in organic cotton fleece with a lined hood and a roomy front pocket. The ribbed cuffs and hem keep the cold out on windy walks to the bakery.\n\nThe charcoal colour is being retired, so it is reduced while sizes last. Ice blue stays in the range.\n\nThe cut is regular and true to size. Wash inside out at 30 °C.',
      condition: 'new',
      link: 'https://shop.example/p/nordlicht-hoodie',
      image_link: 'https://shop.example/images/hoodie-ice.svg',
      additional_image_link: 'https://shop.example/images/hoodie-charcoal.svg',
      brand: 'Nordlicht Supply',
      item_group_id: 'nordlicht-hoodie',
    };
    expect(feed.get('hoodie-s-ice')).toEqual({
      ...common, id: 'hoodie-s-ice', availability: 'in stock', price: '69.00 EUR', sale_price: '', size: 'S', color: 'Ice blue', quantity_to_sell_on_facebook: '8',
    });
    // On sale: price is the regular (compare-at) price, sale_price what the shopper pays. The
    // charcoal variant leads with the charcoal picture its colour names (option value "image").
    expect(feed.get('hoodie-s-charcoal')).toEqual({
      ...common, id: 'hoodie-s-charcoal', availability: 'in stock', price: '69.00 EUR', sale_price: '54.90 EUR', size: 'S', color: 'Charcoal', quantity_to_sell_on_facebook: '2',
      image_link: 'https://shop.example/images/hoodie-charcoal.svg', additional_image_link: 'https://shop.example/images/hoodie-ice.svg',
    });
    expect(feed.get('hoodie-m-charcoal')).toMatchObject({ availability: 'out of stock', quantity_to_sell_on_facebook: '0', sale_price: '54.90 EUR' });
  });

  it('names options that are neither size nor colour in the variant’s title', () => {
    expect(feed.get('espresso-1kg-filter')).toMatchObject({
      title: 'Nordlicht espresso blend – Filter grind', size: '1 kg', color: '', price: '44.90 EUR', availability: 'out of stock', quantity_to_sell_on_facebook: '0',
    });
  });

  it('has one row for a product without variants, with its sale, and an empty quantity when stock is not tracked', () => {
    expect(feed.get('cold-brew-packs')).toMatchObject({
      title: 'Cold brew coffee packs', item_group_id: '', size: '', color: '', price: '12.90 EUR', sale_price: '9.90 EUR', availability: 'in stock', quantity_to_sell_on_facebook: '',
    });
  });

  it('marks a sold-out product out of stock with nothing to sell', () => {
    expect(feed.get('enamel-mug-limited')).toEqual({
      id: 'enamel-mug-limited',
      title: 'Limited edition enamel mug',
      description: expect.stringMatching(/^A camping mug in white enamel/),
      availability: 'out of stock',
      condition: 'new',
      price: '18.90 EUR',
      sale_price: '',
      link: 'https://shop.example/p/enamel-mug-limited',
      image_link: 'https://shop.example/images/enamel-mug-limited.svg',
      additional_image_link: '',
      brand: 'Nordlicht Supply',
      item_group_id: '',
      size: '',
      color: '',
      quantity_to_sell_on_facebook: '0',
    });
  });

  it('lists further images, absolute and comma-separated', () => {
    expect(feed.get('roasters-sampler-box')!.additional_image_link).toBe(
      ['sampler-open', 'sampler-bags', 'sampler-cup', 'sampler-cards'].map((name) => `https://shop.example/images/${name}.svg`).join(','),
    );
  });

  it('writes every product or variant once, each record ended by CRLF', () => {
    const csv = metaCatalogCsv(demo);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(feed.size).toBe(demo.products.reduce((n, p) => n + (p.variants.length || 1), 0));
  });

  it('takes another base URL and language when asked', () => {
    const german = byId(metaCatalogCsv(demo, { baseUrl: 'https://example.com/laden/', locale: 'de' }));
    expect(german.get('hoodie-s-charcoal')).toMatchObject({
      title: 'Nordlicht-Kapuzenpullover',
      color: 'Anthrazit',
      link: 'https://example.com/laden/p/nordlicht-hoodie',
      image_link: 'https://example.com/laden/images/hoodie-charcoal.svg',
      // Meta's words stay US English in every language.
      availability: 'in stock',
      price: '69.00 EUR',
    });
  });

  it('quotes commas, quotes and line breaks so a hostile description comes back exactly', () => {
    const hostile = 'Strong, dark "Nordic" roast,\r\nwith a "quote", a comma,\nand a line break;\r\n"" done';
    const json = structuredClone(demoJson);
    json.products = [{ ...json.products.find((p: { id: string }) => p.id === 'cold-brew-packs'), title: 'Packs, "cold", brewed', description: hostile }];
    const csv = metaCatalogCsv(catalogFrom(json));
    const [item] = items(csv);
    expect(item).toMatchObject({ id: 'cold-brew-packs', title: 'Packs, "cold", brewed', description: hostile, price: '12.90 EUR' });
    expect(csv.split('\r\n')[1]).toBe('cold-brew-packs,"Packs, ""cold"", brewed","Strong, dark ""Nordic"" roast,');
  });

  it('leaves plain fields unquoted and quotes those with whitespace, as Meta asks', () => {
    expect(csvField('hoodie-s-ice')).toBe('hoodie-s-ice');
    expect(csvField('in stock')).toBe('"in stock"');
    expect(csvField('')).toBe('');
  });
});
