import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { parseCatalog } from '../../core/catalog/parse';
import { metaCatalogCsv } from './meta-csv';

const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const parsed = parseCatalog(JSON.parse(demo));
if (!parsed.ok) throw new Error('the demo catalog is invalid');
const appWith = (text: string) => createApp({ catalog: { read: async () => text } });

describe('GET /feeds/meta.csv', () => {
  it('serves the feed as UTF-8 CSV, gzipped when accepted, and revalidates by ETag', async () => {
    const app = appWith(demo);
    const res = await app.request('/feeds/meta.csv', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(metaCatalogCsv(parsed.catalog));
    const again = await app.request('/feeds/meta.csv', { headers: { 'If-None-Match': res.headers.get('ETag')! } });
    expect(again.status).toBe(304);
  });

  it('writes titles in the language asked for', async () => {
    const text = await (await appWith(demo).request('/feeds/meta.csv?locale=de')).text();
    expect(text).toBe(metaCatalogCsv(parsed.catalog, { locale: 'de' }));
    expect(text).toContain('Nordlicht-Kapuzenpullover');
  });

  it('answers 503 with a sentence when the catalog is invalid', async () => {
    const broken = JSON.parse(demo);
    broken.products[0].price = -1;
    const original = console.error;
    console.error = () => {};
    try {
      const res = await appWith(JSON.stringify(broken)).request('/feeds/meta.csv');
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/fanshop validate/);
    } finally {
      console.error = original;
    }
  });
});
