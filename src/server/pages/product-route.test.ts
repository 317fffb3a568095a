import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';

const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const appWith = (read: () => Promise<string>) => createApp({ catalog: { read } });
const app = appWith(async () => demo);

describe('GET /p/:id over HTTP', () => {
  it('is gzipped for clients that accept it, with an ETag and five minutes of caching', async () => {
    const plain = await app.request('/p/nordlicht-hoodie');
    const zipped = await app.request('/p/nordlicht-hoodie', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Cache-Control')).toBe('public, max-age=300');
    expect(zipped.headers.get('Vary')).toBe('Accept-Language, Accept-Encoding');
    const body = Buffer.from(await zipped.arrayBuffer());
    const html = await plain.text();
    expect(body.length).toBeLessThan(html.length / 2);
    expect(gunzipSync(body).toString('utf8')).toBe(html);
    // The compressed body is another representation of the same page: the same tag, weak.
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(zipped.headers.get('ETag')).toBe(`W/${plain.headers.get('ETag')}`);
  });

  it('answers 304 without a body to If-None-Match with either form of its ETag', async () => {
    const first = await app.request('/p/nordlicht-hoodie', { headers: { 'Accept-Encoding': 'gzip' } });
    const weak = first.headers.get('ETag')!;
    for (const tag of [weak, weak.slice(2), `"other", ${weak}`]) {
      const again = await app.request('/p/nordlicht-hoodie', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': tag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('ETag')).toBe(weak.slice(2));
      expect(again.headers.get('Cache-Control')).toBe('public, max-age=300');
    }
    const changed = await app.request('/p/nordlicht-hoodie', { headers: { 'If-None-Match': '"stale"' } });
    expect(changed.status).toBe(200);
  });

  it('gets the strict CSP and the security headers of every other page', async () => {
    const page = await app.request('/p/nordlicht-hoodie');
    const shop = await app.request('/');
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('Content-Security-Policy')).toBe(shop.headers.get('Content-Security-Policy'));
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self';");
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(page.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });

  it('chooses its language from ?locale=, then fb_locale, then Accept-Language, then the catalog', async () => {
    const lang = async (path: string, acceptLanguage?: string) =>
      /<html lang="(\w+)">/.exec(await (await app.request(path, { headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {} })).text())?.[1];
    expect(await lang('/p/nordlicht-hoodie')).toBe('en');
    expect(await lang('/p/nordlicht-hoodie', 'de-AT,de;q=0.9,en;q=0.8')).toBe('de');
    expect(await lang('/p/nordlicht-hoodie', 'fr-FR, en;q=0.5, de;q=0.7')).toBe('de');
    expect(await lang('/p/nordlicht-hoodie', 'fr-FR')).toBe('en');
    expect(await lang('/p/nordlicht-hoodie?locale=en', 'de')).toBe('en');
    expect(await lang('/p/nordlicht-hoodie?fb_locale=de_DE', 'en')).toBe('de');
    expect(await lang('/p/nordlicht-hoodie?locale=xx', 'de')).toBe('de');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.request('/p/nordlicht-hoodie', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toMatch(/^"/);
    expect(await res.text()).toBe('');
  });

  it('is a real 404 page for an unknown product, in the shopper’s language, with the way to the shop', async () => {
    const en = await app.request('/p/no-such-thing');
    expect(en.status).toBe(404);
    expect(en.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(en.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    const enHtml = await en.text();
    expect(enHtml).toContain('<h1>Product not found</h1>');
    expect(enHtml).toContain('<p>This product is not in the shop, or not any more.</p>');
    expect(enHtml).toContain('<a href="/shop">See all products</a>');
    expect(enHtml).toContain('<meta name="robots" content="noindex">');
    const de = await app.request('/p/no-such-thing', { headers: { 'Accept-Language': 'de-DE' } });
    expect(de.status).toBe(404);
    const deHtml = await de.text();
    expect(deHtml).toContain('<html lang="de">');
    expect(deHtml).toContain('<h1>Produkt nicht gefunden</h1>');
    expect(deHtml).toContain('<a href="/shop">Alle Produkte ansehen</a>');
  });

  it('is a 503 page, not a crash, when the catalog is invalid or cannot be read', async () => {
    const broken = JSON.parse(demo);
    broken.products[0].price = 12.5;
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      for (const read of [async () => JSON.stringify(broken), async () => '{ not json', async () => Promise.reject(new Error('EACCES'))]) {
        const res = await appWith(read).request('/p/nordlicht-hoodie', { headers: { 'Accept-Language': 'de' } });
        expect(res.status).toBe(503);
        expect(res.headers.get('Retry-After')).toBe('60');
        expect(res.headers.get('Cache-Control')).toBe('no-store');
        const html = await res.text();
        expect(html).toContain('<h1>Der Shop wird gerade aktualisiert</h1>');
        expect(html).not.toContain('EACCES');
      }
    } finally {
      console.error = original;
    }
    expect(errors.length).toBeGreaterThan(0);
  });
});
