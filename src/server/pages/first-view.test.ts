import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { firstView } from './first-view';
import { parseCatalog } from '../../core/catalog/parse';
import { ENVELOPE_FORMAT, type CatalogEnvelope } from '../../core/catalog/envelope';

const parsed = parseCatalog(JSON.parse(readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('the demo catalog does not parse');
const envelope: CatalogEnvelope = { format: ENVELOPE_FORMAT, catalog: parsed.catalog, warnings: [] };
const options = { envelope: async () => envelope, pageUrl: 'https://shop.example/shop', catalogPath: '/catalog.json', pageLang: 'en' };

describe('firstView', () => {
  it('renders an envelope once per page setting: the next visitor gets the same HTML without a render', async () => {
    const first = await firstView(options);
    expect(await firstView(options)).toBe(first);
    const german = await firstView({ ...options, pageLang: 'de' });
    expect(String(german)).toContain('In den Warenkorb');
    expect(await firstView({ ...options, product: 'stoneware-mug' })).not.toBe(first);
    // Another envelope (the stock changed) is rendered afresh.
    const again = await firstView({ ...options, envelope: async () => ({ ...envelope }) });
    expect(again).not.toBe(first);
    expect(String(again)).toBe(String(first));
  });
});
