import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';

/**
 * /facebook/tab through app.request(). The signed requests are made here the way Facebook makes
 * them: base64url JSON, signed with HMAC-SHA256 of that encoded text and the app secret.
 */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const secret = 'test-app-secret';
const now = Math.floor(Date.now() / 1000);

const encode = (text: string) => Buffer.from(text).toString('base64url');
function signed(payload: unknown, options: { key?: string } = {}) {
  const body = encode(typeof payload === 'string' ? payload : JSON.stringify(payload));
  return `${createHmac('sha256', options.key ?? secret).update(body).digest('base64url')}.${body}`;
}
const tabPayload = (extra: Record<string, unknown> = {}) => ({ algorithm: 'HMAC-SHA256', issued_at: now, user: { locale: 'de_DE', country: 'de', age: { min: 21 } }, page: { id: '1234', liked: false, admin: false }, app_data: 'organic-cotton-tshirt', ...extra });

const app = (facebook: { appSecret: string | undefined } = { appSecret: secret }) => createApp({ catalog: { read: async () => demo }, facebook });
const withoutSecret = () => app({ appSecret: undefined });
const post = (form: Record<string, string>, a = app()) =>
  a.request('/facebook/tab', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

afterEach(() => vi.restoreAllMocks());

describe('POST /facebook/tab', () => {
  it('opens the shop at the product named by app_data, in the viewer’s language, framable by Facebook only', async () => {
    const res = await post({ signed_request: signed(tabPayload()) });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<div data-fanshop data-heading-level="1" data-locale="de-DE" data-product="organic-cotton-tshirt"><template shadowrootmode="open">/);
    // The first view is the product's, rendered by the widget in the viewer's language.
    expect(html).toMatch(/<article class="detail" part="detail" data-detail="true" data-product-id="organic-cotton-tshirt">/);
    expect(html).toContain('In den Warenkorb');
    expect(html).toContain('<html lang="de-DE">');
    expect(html).toContain('<script src="/fanshop.js" data-catalog="/catalog.json" async></script>');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain('frame-ancestors https://www.facebook.com https://web.facebook.com https://*.facebook.com');
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('X-Frame-Options')).toBeNull();
  });

  it('accepts the algorithm in any case, as Facebook’s own sample does', async () => {
    const res = await post({ signed_request: signed(tabPayload({ algorithm: 'hmac-sha256' })) });
    expect(res.status).toBe(200);
  });

  it('opens the first view when app_data names no product of the catalog, or is missing', async () => {
    for (const payload of [tabPayload({ app_data: 'not-a-product' }), tabPayload({ app_data: undefined }), tabPayload({ app_data: '"><script>alert(1)</script>' })]) {
      const html = await (await post({ signed_request: signed(payload) })).text();
      expect(html).toContain('data-fanshop');
      expect(html).not.toMatch(/data-product=|data-detail/);
      expect(html).not.toContain('<script>alert');
    }
  });

  it('uses the default language when the locale is missing or not a language tag', async () => {
    for (const user of [undefined, { locale: 'x"><b' }]) {
      const html = await (await post({ signed_request: signed(tabPayload({ user })) })).text();
      expect(html).toContain('<html lang="en">');
      expect(html).not.toContain('data-locale');
    }
  });

  const encodedPayload = encode(JSON.stringify(tabPayload()));
  it.each([
    ['a forged signature', () => signed(tabPayload(), { key: 'someone-elses-secret' }), 'signature does not match'],
    ['a payload changed after signing', () => `${signed(tabPayload()).split('.')[0]}.${encode(JSON.stringify(tabPayload({ app_data: 'linen-apron' })))}`, 'signature does not match'],
    ['another algorithm', () => signed(tabPayload({ algorithm: 'HMAC-SHA1' })), 'not HMAC-SHA256'],
    ['no algorithm', () => signed(tabPayload({ algorithm: undefined })), 'lacks a field'],
    ['a payload that is not JSON', () => signed('{"algorithm":"HMAC-SHA256"'), 'not JSON'],
    ['a signature that is not base64url', () => `not+base64/!.${encodedPayload}`, 'not base64url'],
    ['a payload that is not base64url', () => `${signed(tabPayload()).split('.')[0]}.%%%`, 'not base64url'],
    ['no dot', () => encodedPayload, 'not two base64url parts'],
    ['three parts', () => `${signed(tabPayload())}.extra`, 'not two base64url parts'],
    ['an empty signature', () => `.${encodedPayload}`, 'not base64url'],
    ['a signed request issued more than a day ago', () => signed(tabPayload({ issued_at: now - 24 * 60 * 60 - 60 })), 'issued more than a day ago'],
    ['a signed request issued more than five minutes in the future', () => signed(tabPayload({ issued_at: now + 6 * 60 })), 'in the future'],
    ['a signed request without issued_at', () => signed(tabPayload({ issued_at: undefined })), 'lacks a field'],
  ])('refuses %s with 403 and no shop, and logs why', async (_, make, reason) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await post({ signed_request: make() });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).not.toContain('data-fanshop');
    expect(html).not.toContain('fanshop.js');
    expect(html).toContain('Facebook tab');
    expect(error).toHaveBeenCalledWith(expect.stringContaining(reason));
  });

  it('accepts a signed request issued up to a day ago, or up to five minutes ahead of this server’s clock', async () => {
    for (const issuedAt of [now - 23 * 60 * 60, now + 4 * 60]) expect((await post({ signed_request: signed(tabPayload({ issued_at: issuedAt })) })).status).toBe(200);
  });

  it('refuses a form with two signed_request fields rather than pick one', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const body = `signed_request=${encodeURIComponent(signed(tabPayload({ app_data: 'linen-apron' })))}&signed_request=${encodeURIComponent(signed(tabPayload()))}`;
    const res = await app().request('/facebook/tab', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('data-fanshop');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('more than one signed_request'));
  });

  it('refuses a request without a signed_request field', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await post({ something: 'else' });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('data-fanshop');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('no signed_request'));
  });

  it('refuses every signed request when FB_APP_SECRET is not set, and says so in the log', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await post({ signed_request: signed(tabPayload()) }, withoutSecret());
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('data-fanshop');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('FB_APP_SECRET is not set'));
  });

  it('refuses a body over 16 KB with 413 and no shop', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await post({ signed_request: signed(tabPayload({ pad: 'x'.repeat(17 * 1024) })) });
    expect(res.status).toBe(413);
    expect(await res.text()).not.toContain('data-fanshop');
  });

  it.each([
    ['declared by Content-Length', { 'Content-Length': String(8 * 1024 * 1024) }],
    ['sent without a length', {}],
  ])('refuses a body over 16 KB %s without reading it whole', async (_, headers) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 8 * 1024 * 1024) return controller.close();
        pulled += 16 * 1024;
        controller.enqueue(new TextEncoder().encode('a'.repeat(16 * 1024)));
      },
    });
    const res = await app().request('/facebook/tab', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(128 * 1024);
  });
});

describe('GET /facebook/tab', () => {
  // Its language follows ?locale= and Accept-Language like /shop's (src/server/pages/demo.test.ts).
  it('serves the shop at its first view, framable by Facebook, opening no product a parameter names', async () => {
    const res = await withoutSecret().request('/facebook/tab?app_data=organic-cotton-tshirt&product=organic-cotton-tshirt');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div data-fanshop data-heading-level="1"><template shadowrootmode="open">');
    expect(html).not.toContain('data-detail');
    expect(html).toContain('<article class="card" part="card" data-product-id="organic-cotton-tshirt">');
    expect(html).toContain('<html lang="en">');
    expect(res.headers.get('Content-Security-Policy')).toContain('frame-ancestors https://www.facebook.com');
  });
});
