import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';
import { ENVELOPE_FORMAT, isCatalogEnvelope } from '../../core/catalog/envelope';
import { catalogLoader } from './source';
import { parsedEnvelope } from './route';

const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const appWith = (text: () => string) => createApp({ catalog: { read: async () => text() } });

describe('GET /catalog.json', () => {
  it('serves the merchant’s file as written, with an ETag and open CORS', async () => {
    const res = await appWith(() => demo).request('/catalog.json');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(demo);
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{24}"$/);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('answers a repeat visit with the same ETag by 304', async () => {
    const app = appWith(() => demo);
    const etag = (await app.request('/catalog.json?fanshop=1')).headers.get('ETag')!;
    const again = await app.request('/catalog.json?fanshop=1', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the parsed catalog to the widget when asked with ?fanshop=1', async () => {
    const res = await appWith(() => demo).request('/catalog.json?fanshop=1');
    const body = await res.json();
    expect(isCatalogEnvelope(body)).toBe(true);
    expect(body.format).toBe(ENVELOPE_FORMAT);
    expect(body.catalog.products.length).toBeGreaterThanOrEqual(24);
    // Parsed means normalised: plain strings became localized maps, variants carry prices.
    expect(typeof body.catalog.shop.name).toBe('object');
    expect(body.catalog.products.every((p: { variants: { price: number }[] }) => p.variants.every((v) => Number.isInteger(v.price)))).toBe(true);
  });

  it('answers 422 with every problem and its JSON path when the catalog is invalid', async () => {
    const broken = JSON.parse(demo);
    broken.products[3].price = 12.5;
    delete broken.shop.currency;
    const res = await appWith(() => JSON.stringify(broken)).request('/catalog.json?fanshop=1');
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'products[3].price', message: 'must be a whole number of cents, got 12.5' },
        { path: 'shop.currency', message: 'is required' },
      ]),
    );
  });

  it('answers 422 naming the problem when the file is not JSON', async () => {
    const res = await appWith(() => '{ "shop": ').request('/catalog.json?fanshop=1');
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].message).toMatch(/^is not valid JSON/);
  });

  it('parses again as soon as the file changes', async () => {
    let text = demo;
    const app = appWith(() => text);
    const first = await (await app.request('/catalog.json?fanshop=1')).json();
    const edited = JSON.parse(demo);
    edited.products[0].price = 999;
    text = JSON.stringify(edited);
    const second = await (await app.request('/catalog.json?fanshop=1')).json();
    expect(second.catalog.products[0].price).toBe(999);
    expect(first.catalog.products[0].price).not.toBe(999);
  });

  it('answers 503 catalog_unavailable without a stack trace when the file cannot be read', async () => {
    const app = createApp({ catalog: { read: async () => Promise.reject(new Error('EACCES /secret/path')) } });
    const res = await app.request('/catalog.json');
    expect(res.status).toBe(503);
    expect(await res.text()).not.toMatch(/EACCES|secret|at /);
  });
});

describe('demo pages', () => {
  it.each(['/', '/shop', '/frame', '/demo/hostile'])('%s is HTML under a strict Content-Security-Policy', async (path) => {
    const res = await appWith(() => demo).request(path);
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    // No inline script: only scripts by URL, and data blocks the browser does not run (/shop's first view).
    expect(await res.text()).not.toMatch(/<script(?![^>]*\ssrc=)(?! type="application\/json")[^>]*>/);
  });

  it('lets any site frame the full-page shop, and no other page', async () => {
    const app = appWith(() => demo);
    expect((await app.request('/shop')).headers.get('Content-Security-Policy')).toContain('frame-ancestors *');
    expect((await app.request('/')).headers.get('Content-Security-Policy')).toContain("frame-ancestors 'self'");
  });

  it('passes only a well-formed ?locale= into the shop page', async () => {
    const app = appWith(() => demo);
    expect(await (await app.request('/shop?locale=de')).text()).toContain('data-locale="de"');
    expect(await (await app.request('/shop?locale=%22%3E%3Cscript%3E')).text()).not.toContain('<script>');
  });
});

describe('GET /catalog.json?fanshop=1&view=… (the script tag’s first view, src/widget/embed.ts)', () => {
  const view = (options: unknown[]) => `/catalog.json?fanshop=1&view=${encodeURIComponent(JSON.stringify(options))}`;
  /** The answer's three parts: the head line, the shadow root's HTML, the envelope. */
  async function parts(res: Response) {
    const text = await res.text();
    const start = text.indexOf('\n') + 1;
    const head = JSON.parse(text.slice(0, start));
    return { head, html: text.slice(start, start + head.length), envelope: JSON.parse(text.slice(start + head.length)) };
  }

  it('starts with the shop’s first view in the visitor’s language, then the same envelope as ?fanshop=1', async () => {
    const app = appWith(() => demo);
    const res = await app.request(view([null, { catalog: '/catalog.json' }, {}, '']), { headers: { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/vnd.fanshop.first-view; charset=utf-8');
    expect(res.headers.get('Vary')).toContain('Accept-Language');
    const { head, html, envelope } = await parts(res);
    expect(head).toMatchObject({ format: 'fanshop/first-view@1', locale: 'de-DE', product: null, theme: {} });
    expect(head.stylesheet).toMatch(/^fanshop-first-view-[\w-]+\.css$/);
    expect(html).toMatch(/^<section class="root" part="root" lang="de-DE"/);
    expect(html).toContain('In den Warenkorb');
    expect(html).toContain('src="http://localhost/images/');
    expect(envelope).toEqual(await (await app.request('/catalog.json?fanshop=1')).json());
    // Its own ETag (the options and the languages are in it), and a repeat visit is a 304.
    const etag = res.headers.get('ETag')!;
    expect(etag).not.toBe((await app.request('/catalog.json?fanshop=1')).headers.get('ETag'));
    const again = await app.request(view([null, { catalog: '/catalog.json' }, {}, '']), { headers: { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.8', 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const english = await app.request(view([null, { catalog: '/catalog.json' }, {}, '']), { headers: { 'Accept-Language': 'en-GB', 'If-None-Match': etag } });
    expect(english.status).toBe(200);
    expect((await parts(english)).head.locale).toBe('en-GB');
  });

  it('renders with the options the widget mounts with: window.FanshopConfig, then the script’s data-*, then the div’s', async () => {
    const res = await appWith(() => demo).request(
      view([{ showTitle: false, labels: { addToCart: 'Buy' } }, { catalog: '/catalog.json', locale: 'de', themePrimary: '#aa0000' }, { locale: 'en', product: 'nordlicht-hoodie', themeRadius: '4px' }, 'de']),
    );
    const { head, html } = await parts(res);
    expect(head.locale).toBe('en');
    expect(head.product).toBe('nordlicht-hoodie');
    expect(head.theme).toEqual({ '--fanshop-primary': '#aa0000', '--fanshop-radius': '4px' });
    // config.ts viewKey: locale, product, heading level, title, labels, theme.
    expect(JSON.parse(head.key)).toEqual(['en', 'nordlicht-hoodie', 2, false, { addToCart: 'Buy' }, { primary: '#aa0000', radius: '4px' }]);
    expect(html).toContain('data-detail');
    expect(html).toContain('>Buy<');
    expect(html).not.toContain('shop-title');
  });

  it('escapes what the options carry: a label cannot open an element', async () => {
    const { html } = await parts(await appWith(() => demo).request(view([{ labels: { addToCart: '<img src=x onerror=alert(1)>' } }, { catalog: '/catalog.json' }, {}, 'en'])));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });

  it('sends the envelope alone for a view parameter that is not the loader’s, and for a broken catalog', async () => {
    const app = appWith(() => demo);
    for (const bad of ['not json', '[1,2]', JSON.stringify([null, { catalog: 5 }, {}, 'en']), JSON.stringify([null, null, { a: [] }, 'en']), JSON.stringify([[], null, {}, 'en']), JSON.stringify([null, null, {}, 7])]) {
      const res = await app.request(`/catalog.json?fanshop=1&view=${encodeURIComponent(bad)}`);
      expect(res.headers.get('Content-Type'), bad).toBe('application/json; charset=utf-8');
      expect(isCatalogEnvelope(await res.json())).toBe(true);
    }
    const broken = JSON.parse(demo);
    delete broken.shop.currency;
    const res = await appWith(() => JSON.stringify(broken)).request(view([null, { catalog: '/catalog.json' }, {}, 'en']));
    expect(res.status).toBe(422);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
  });
});

describe('parsedEnvelope', () => {
  it('gives the same envelope object while the catalog stays the same, and a new one when it changes', async () => {
    let text = demo;
    const load = catalogLoader({ read: async () => text });
    const first = await parsedEnvelope(load);
    expect((await parsedEnvelope(load)).envelope).toBe(first.envelope);
    text = demo.replace('Nordlicht espresso blend', 'Nordlicht espresso');
    const changed = await parsedEnvelope(load);
    expect(changed.envelope).not.toBe(first.envelope);
    expect(changed.etag).not.toBe(first.etag);
  });
});
