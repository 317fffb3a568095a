import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { inMemoryData, type InMemoryData } from '../../server/data/postgres/memory';
import { unsubscribeTokens } from '../../server/wishes/token';
import { parseCatalog } from '../../core/catalog/parse';
import { memoryStorage, type KeyValueStorage } from '../cart/persistence';
import { createCartStore } from '../cart/state';
import { createEventBus, type FanshopWishPayload } from '../social/events';
import enMore from '../i18n/en-more';
import deMore from '../i18n/de-more';
import type { Messages } from '../i18n/messages';
import type { Shop } from './context';
import { catalogReadyState, createShopStore } from './store';
import { sendWish, wishError, wishErrorText, type WishError } from './wishes';

/**
 * "Notify me" from the widget's side, against the real server (server/app.ts through
 * app.request(), wishes in PGlite in memory): what each answer becomes for the shopper.
 */
const origin = 'https://shop.example';
const file = {
  shop: { id: 'fans', name: 'Fans', currency: 'EUR', defaultLocale: 'en', baseUrl: origin },
  products: [
    { id: 'tee', title: 'Tee', price: 2500, options: [{ id: 'size', name: 'Size', values: ['S', 'M'] }], variants: [{ id: 'tee-s', options: { size: 'S' }, stock: 2 }, { id: 'tee-m', options: { size: 'M' }, stock: 0 }] },
    { id: 'hoodie', title: 'Hoodie', price: 5900, stock: 10, availability: 'coming_soon' },
    { id: 'cap', title: 'Cap', price: 1500 },
  ],
};
let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
}, 60_000);
afterAll(async () => data?.close());
beforeEach(async () => data.empty());

function server(options: { rateLimitPerMinute?: number; configured?: boolean } = {}) {
  const app = createApp({
    catalog: { read: async () => JSON.stringify(file) },
    stock: data.stock,
    wishes: {
      store: data.wishes,
      tokens: options.configured === false ? undefined : unsubscribeTokens('a-review-secret-of-at-least-32-characters'),
      notConfigured: 'FANSHOP_REVIEW_SECRET is not set',
      rateLimitPerMinute: options.rateLimitPerMinute ?? 1000,
      allowedOrigins: [origin],
      clientAddress: () => 'test',
    },
  });
  const requests: { url: string; body: unknown }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    requests.push({ url, body: JSON.parse(String(init.body)) });
    return app.request(url, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: origin } });
  };
  return { fetch, requests, endpoint: `${origin}/api/wishes` };
}

function shop(locale = 'en') {
  const parsed = parseCatalog(file);
  if (!parsed.ok) throw new Error('test catalog is invalid');
  const store = createShopStore();
  store.setState(catalogReadyState({ catalog: parsed.catalog, served: true }));
  const told: FanshopWishPayload[] = [];
  const events = createEventBus(new EventTarget(), { on: { wish_submit: (p) => void told.push(p) } });
  return { shop: { locale, store, events, cart: createCartStore() } as unknown as Shop, told };
}

describe('sendWish', () => {
  it('sends the address the server would keep, tells wish_submit without it, and says "again" only to this device asking twice with it', async () => {
    const s = server();
    const { shop: fan, told } = shop('de-AT');
    const storage: KeyValueStorage = memoryStorage();
    expect(await sendWish(fan, { productId: 'tee', variantId: 'tee-m', email: ' Fan@Example.COM ' }, { ...s, storage })).toEqual({ ok: true, again: false });
    expect(s.requests[0]!.body).toEqual({ productId: 'tee', variantId: 'tee-m', email: 'Fan@example.com', language: 'de-AT', consent: true });
    expect(await sendWish(fan, { productId: 'tee', variantId: 'tee-m', email: 'Fan@example.com' }, { ...s, storage })).toEqual({ ok: true, again: true });
    // Another address, another size: new.
    expect(await sendWish(fan, { productId: 'tee', variantId: 'tee-m', email: 'other@example.com' }, { ...s, storage })).toEqual({ ok: true, again: false });
    expect(await sendWish(fan, { productId: 'hoodie', variantId: null, email: 'Fan@example.com' }, { ...s, storage })).toEqual({ ok: true, again: false });
    expect(told).toEqual([
      { productId: 'tee', variantId: 'tee-m' },
      { productId: 'tee', variantId: 'tee-m' },
      { productId: 'tee', variantId: 'tee-m' },
      { productId: 'hoodie', variantId: null },
    ]);
    expect(JSON.stringify(told)).not.toContain('@');
    // What this device keeps is a hash, never the address.
    expect(storage.getItem('fanshop:wishes:fans')).not.toContain('example');
    expect(await data.wishes.wishCounts()).toEqual(expect.arrayContaining([expect.objectContaining({ productId: 'tee', variantId: 'tee-m', pending: 2 })]));
  });

  it('checks the address with the server’s rule before sending anything', async () => {
    const s = server();
    for (const email of ['', 'fan', 'fan@example', 'fan@@example.com', 'fan example@example.com']) {
      expect(await sendWish(shop().shop, { productId: 'hoodie', variantId: null, email }, { ...s, storage: memoryStorage() })).toEqual({ ok: false, error: 'invalid_email' });
    }
    expect(s.requests).toEqual([]);
  });

  it('turns each refusal of the server into what the shopper can do', async () => {
    const s = server();
    const send = (productId: string, variantId: string | null, transport = s) => sendWish(shop().shop, { productId, variantId, email: 'fan@example.com' }, { ...transport, storage: memoryStorage() });
    expect(await send('cap', null)).toEqual({ ok: false, error: 'available' });
    expect(await send('tee', 'tee-s')).toEqual({ ok: false, error: 'available' });
    expect(await send('gone', null)).toEqual({ ok: false, error: 'gone' });
    expect(await send('tee', 'tee-xl')).toEqual({ ok: false, error: 'gone' });
    expect(await send('hoodie', null, server({ configured: false }))).toEqual({ ok: false, error: 'unavailable' });
    const limited = server({ rateLimitPerMinute: 1 });
    expect(await send('hoodie', null, limited)).toEqual({ ok: true, again: false });
    expect(await send('hoodie', null, limited)).toEqual({ ok: false, error: 'rate_limited' });
  });

  it('says a connection that fails is one to try again, and keeps nothing', async () => {
    const storage = memoryStorage();
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await sendWish(shop().shop, { productId: 'hoodie', variantId: null, email: 'fan@example.com' }, { endpoint: `${origin}/api/wishes`, fetch: offline, storage })).toEqual({ ok: false, error: 'failed' });
    expect(storage.getItem('fanshop:wishes:fans')).toBeNull();
  });
});

describe('wishError', () => {
  it('reads the server’s 400 about the email as a bad address, and other answers as what they are', async () => {
    const s = server();
    const post = (body: Record<string, unknown>) => s.fetch(s.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ language: 'en', consent: true, ...body }) });
    expect(await wishError(await post({ productId: 'hoodie', email: 'not an address' }))).toBe('invalid_email');
    expect(await wishError(await post({ productId: 'hoodie', email: 'fan@example.com', consent: false }))).toBe('failed');
    expect(await wishError(new Response('<html>Bad gateway</html>', { status: 502 }))).toBe('failed');
  });
});

describe('wishErrorText', () => {
  it('has a sentence for every error, in English and German', () => {
    const errors: WishError[] = ['invalid_email', 'available', 'gone', 'rate_limited', 'unavailable', 'failed'];
    for (const t of [enMore, deMore]) {
      const texts = errors.map((error) => wishErrorText(t as Messages, error));
      expect(new Set(texts).size).toBe(errors.length);
      for (const text of texts) expect(text.length).toBeGreaterThan(10);
    }
    expect(wishErrorText(deMore as Messages, 'invalid_email')).toBe('Gib eine E-Mail-Adresse wie name@beispiel.de ein.');
  });
});
