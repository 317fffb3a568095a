import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';

/**
 * The pages that carry the shop (/shop, /frame, and /facebook/tab when opened without
 * Facebook's signed request) are in the visitor's language: `?locale=` first, then
 * Accept-Language (page-locale.ts, as product pages do). The widget reads the page's `lang`.
 */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const app = createApp({ catalog: { read: async () => demo }, facebook: { appSecret: 'test-app-secret' } });

async function get(path: string, acceptLanguage?: string) {
  const res = await app.request(path, { headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {} });
  const html = await res.text();
  return { status: res.status, html, lang: /<html lang="([^"]*)">/.exec(html)?.[1], vary: res.headers.get('Vary') ?? '' };
}

describe.each(['/shop', '/frame', '/facebook/tab'])('GET %s', (path) => {
  it('is in German for a browser that asks for German', async () => {
    const page = await get(path, 'de-DE,de;q=0.9,en;q=0.8');
    expect(page.status).toBe(200);
    expect(page.lang).toBe('de');
  });

  it('is in the first language of the browser’s the shop speaks', async () => {
    expect((await get(path, 'fr-FR, de;q=0.7, en;q=0.5')).lang).toBe('de');
    expect((await get(path, 'fr-FR, en;q=0.7, de;q=0.5')).lang).toBe('en');
  });

  it('is in English for a browser that asks for nothing the shop speaks, or for nothing', async () => {
    expect((await get(path, 'fr-FR, it;q=0.5')).lang).toBe('en');
    expect((await get(path)).lang).toBe('en');
  });

  it('is in the language ?locale= names, whatever the browser asks for', async () => {
    expect((await get(`${path}?locale=en`, 'de-DE,de;q=0.9')).lang).toBe('en');
    expect((await get(`${path}?locale=de`, 'en-US')).lang).toBe('de');
  });

  it('tells caches that it depends on Accept-Language', async () => {
    expect((await get(path, 'de')).vary).toMatch(/\bAccept-Language\b/);
  });
});

describe('GET /shop', () => {
  it('hands a full ?locale= tag to the widget for its money formatting', async () => {
    const page = await get('/shop?locale=de-AT', 'en-US');
    expect(page.lang).toBe('de');
    expect(page.html).toContain('data-locale="de-AT"');
  });

  it('leaves the widget’s language to the page’s lang when ?locale= is not given', async () => {
    expect((await get('/shop', 'de-DE')).html).not.toContain('data-locale');
  });
});
