// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { inMemoryData, type InMemoryData } from '../../server/data/postgres/memory';
import { parseCatalog } from '../../core/catalog/parse';
import { createEventBus } from '../social/events';
import type { Shop } from '../shop/context';
import { catalogReadyState, createShopStore } from '../shop/store';
import { BEACON_INTERVAL_MS, sendBatch } from './beacon';
import { listen, listeningEndpoint } from './listen';

/**
 * The shop's beacon from the widget's side: what leaves, when, and when nothing does. Batches
 * go to the real route (server/events/route.ts through app.request(), events in PGlite).
 */
const origin = 'https://shop.example';
const file = {
  shop: { id: 'fans', name: 'Fans', currency: 'EUR', defaultLocale: 'en', baseUrl: origin },
  products: [
    { id: 'tee', title: 'Tee', price: 2500 },
    { id: 'cap', title: 'Cap', price: 1500 },
  ],
};
let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
}, 60_000);
afterAll(async () => data?.close());
beforeEach(async () => {
  await data.empty();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

let server: ReturnType<typeof createApp>;
beforeAll(() => {
  server = createApp({ catalog: { read: async () => JSON.stringify(file) }, events: { store: data.events, rateLimitPerMinute: 1000, allowedOrigins: [origin], clientAddress: () => 'test' } });
});

function shop(options: { analytics?: 'on' | 'off'; events?: string | undefined; gpc?: boolean } = {}) {
  const parsed = parseCatalog(file);
  if (!parsed.ok) throw new Error('test catalog is invalid');
  const store = createShopStore();
  store.setState(catalogReadyState({ catalog: parsed.catalog, served: true, events: 'events' in options ? options.events : '/api/events' }));
  const events = createEventBus(new EventTarget(), {});
  const sent: { url: string; body: { shopper: string; events: Record<string, unknown>[] } }[] = [];
  const answers: (Response | Promise<Response>)[] = [];
  const send = (url: string, body: string) => {
    sent.push({ url, body: JSON.parse(body) });
    answers.push(server.request(url, { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: origin }, body }));
  };
  const fan = { config: { analytics: options.analytics, catalog: `${origin}/catalog.json` }, store, events, disposers: [] } as unknown as Shop;
  return { shop: fan, sent, answers, send, item: (productId: string) => ({ productId, variantId: null, quantity: 1, value: 25, currency: 'EUR' }) };
}
const day = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

describe('listen', () => {
  it('sends what fans do in one batch at most every 5 s, and the server counts it', async () => {
    const s = shop();
    listen(s.shop, s.send);
    s.shop.events.emit('view_item', s.item('tee'));
    s.shop.events.emit('search', { query: ' Unicorn ', categoryId: null, resultCount: 0 });
    vi.advanceTimersByTime(BEACON_INTERVAL_MS - 1);
    expect(s.sent).toEqual([]);
    s.shop.events.emit('add_to_cart', s.item('tee'));
    vi.advanceTimersByTime(1);
    expect(s.sent).toHaveLength(1);
    expect(s.sent[0]!.url).toBe(`${origin}/api/events`);
    expect(s.sent[0]!.body.events.map((e) => e.type)).toEqual(['view', 'search', 'add_to_cart']);
    // The next batch waits its own 5 s from its first event.
    s.shop.events.emit('view_item', s.item('cap'));
    vi.advanceTimersByTime(BEACON_INTERVAL_MS - 1);
    expect(s.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(s.sent).toHaveLength(2);
    expect((await Promise.all(s.answers)).map((r) => r.status)).toEqual([204, 204]);
    expect(await data.events.eventCounts(day.from, day.to)).toEqual([
      { type: 'add_to_cart', productId: 'tee', count: 1 },
      { type: 'view', productId: 'cap', count: 1 },
      { type: 'view', productId: 'tee', count: 1 },
    ]);
    expect(await data.events.zeroResultSearches(day.from, day.to, 5)).toEqual([{ query: 'unicorn', count: 1 }]);
  });

  it('records the view of a product opened from the URL before it started, once', () => {
    const s = shop();
    // ProductDetail told view_item and set `viewed` before the beacon started (after the first paint).
    s.shop.events.emit('view_item', s.item('cap'));
    s.shop.store.setState({ viewed: 'cap' });
    listen(s.shop, s.send);
    s.shop.events.emit('like', { productId: 'cap', count: 1, value: 15, currency: 'EUR' });
    vi.advanceTimersByTime(BEACON_INTERVAL_MS);
    expect(s.sent[0]!.body.events).toEqual([
      { type: 'view', at: Date.now() - BEACON_INTERVAL_MS, productIds: ['cap'] },
      { type: 'like', at: Date.now() - BEACON_INTERVAL_MS, productIds: ['cap'] },
    ]);
  });

  it('sends at once when the page is hidden or left, and nothing when the queue is empty', () => {
    const s = shop();
    listen(s.shop, s.send);
    s.shop.events.emit('like', { productId: 'tee', count: 3, value: 25, currency: 'EUR' });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(s.sent).toHaveLength(1);
    s.shop.events.emit('begin_checkout', { value: 50, currency: 'EUR', items: [s.item('tee'), s.item('cap'), s.item('tee')] });
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('pagehide'));
    expect(s.sent).toHaveLength(2);
    expect(s.sent[1]!.body.events).toEqual([{ type: 'begin_checkout', at: Date.now(), productIds: ['tee', 'cap'] }]);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    for (const dispose of s.shop.disposers) dispose();
  });

  it('sends nothing personal: the shopper id, types, product ids, a search’s text and count, and times only', () => {
    const s = shop();
    listen(s.shop, s.send);
    const at = Date.now();
    s.shop.events.emit('share', { productId: 'tee', method: 'copy', url: 'https://shop.example/p/tee?ref=ann@example.com' });
    s.shop.events.emit('wish_submit', { productId: 'cap', variantId: 'cap-red' });
    s.shop.events.emit('purchase', { transactionId: 'cs_test_1', value: 25, currency: 'EUR', items: [s.item('tee')] });
    s.shop.events.emit('review_submit', { productId: 'tee', variantId: null, rating: 5, change: false, status: 'published' });
    s.shop.events.emit('search', { query: '', categoryId: 'caps', resultCount: 1 });
    vi.advanceTimersByTime(BEACON_INTERVAL_MS);
    const [batch] = s.sent;
    expect(Object.keys(batch!.body)).toEqual(['shopper', 'events']);
    expect(batch!.body.shopper).toMatch(/^[\w-]{24}$/);
    expect(batch!.body.events).toEqual([
      { type: 'share', at, productIds: ['tee'] },
      { type: 'wish', at, productIds: ['cap'] },
      { type: 'purchase', at, productIds: ['tee'] },
    ]);
    // The same anonymous id the likes use, kept on the device.
    expect(localStorage.getItem('fanshop:shopper')).toBe(batch!.body.shopper);
  });

  it('sends more than 50 events as batches of 50, the most the server takes', () => {
    const s = shop();
    listen(s.shop, s.send);
    for (let i = 0; i < 120; i += 1) s.shop.events.emit('view_item', s.item('tee'));
    vi.advanceTimersByTime(BEACON_INTERVAL_MS);
    expect(s.sent.map((b) => b.body.events.length)).toEqual([50, 50, 20]);
  });

  it.each([
    ['the browser asks for Global Privacy Control', { gpc: true }],
    ['the merchant turned it off (data-analytics="off")', { analytics: 'off' as const }],
    ['the server keeps no events (FANSHOP_ANALYTICS=off, static hosting)', { events: undefined }],
  ])('sends nothing when %s', (_, options) => {
    const s = shop(options);
    const gpc = 'gpc' in options;
    if (gpc) Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      expect(listeningEndpoint(s.shop)).toBeNull();
      listen(s.shop, s.send);
      s.shop.events.emit('view_item', s.item('tee'));
      window.dispatchEvent(new Event('pagehide'));
      vi.advanceTimersByTime(BEACON_INTERVAL_MS * 2);
      expect(s.sent).toEqual([]);
      expect(s.shop.disposers).toEqual([]);
    } finally {
      if (gpc) Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true });
    }
  });
});

describe('sendBatch', () => {
  it('uses navigator.sendBeacon with text/plain, and a keepalive fetch when the beacon is refused', async () => {
    const beacons: Blob[] = [];
    const fetches: RequestInit[] = [];
    let accept = true;
    vi.stubGlobal('navigator', { sendBeacon: (_url: string, blob: Blob) => (beacons.push(blob), accept) });
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => (fetches.push(init), Promise.resolve(new Response(null, { status: 204 }))));
    try {
      sendBatch('/api/events', '{"a":1}');
      expect(beacons[0]!.type).toBe('text/plain');
      expect(await beacons[0]!.text()).toBe('{"a":1}');
      expect(fetches).toEqual([]);
      accept = false;
      sendBatch('/api/events', '{"a":2}');
      expect(fetches).toEqual([{ method: 'POST', body: '{"a":2}', keepalive: true, credentials: 'omit', headers: { 'Content-Type': 'text/plain' } }]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
