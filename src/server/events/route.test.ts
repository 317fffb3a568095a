import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';
import type { EventStore } from './store';

/** /api/events through app.request(), with the demo catalog and events in PGlite, emptied before each case. */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const origin = 'http://localhost:8787';
const shopper = 'shopper-aaaaaaaaaaaa';
const now = Date.parse('2026-11-30T12:00:00Z');
const day = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
});
beforeEach(() => data.empty());
afterAll(() => data.close());

function app(overrides: { rateLimitPerMinute?: number; store?: EventStore | null } = {}) {
  return createApp({
    catalog: { read: async () => demo },
    events: {
      store: overrides.store === undefined ? data.events : overrides.store,
      rateLimitPerMinute: overrides.rateLimitPerMinute ?? 1000,
      allowedOrigins: [origin],
      clientAddress: (c) => c.req.header('X-Test-Client') ?? 'test',
      now: () => now,
    },
  });
}
type App = ReturnType<typeof app>;

const send = (a: App, body: unknown, headers: Record<string, string> = {}) =>
  a.request('/api/events', { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: origin, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /api/events', () => {
  it('keeps a beacon’s batch (text/plain) with 204: one row per known product, searches by their text', async () => {
    const res = await send(app(), {
      shopper,
      events: [
        { type: 'view', at: now - 1000, productIds: ['stoneware-mug'] },
        { type: 'view', at: now - 900, productIds: ['stoneware-mug', 'no-such-product'] },
        { type: 'begin_checkout', at: now - 800, productIds: ['stoneware-mug', 'linen-apron', 'stoneware-mug'] },
        { type: 'like', at: now - 700, productIds: ['no-such-product'] },
        { type: 'search', at: now - 600, query: '  Unicorn   Socks ', results: 0 },
        { type: 'search', at: now - 500, query: '   ', results: 0 },
      ],
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(await data.events.eventCounts(day.from, day.to)).toEqual([
      { type: 'begin_checkout', productId: 'linen-apron', count: 1 },
      { type: 'begin_checkout', productId: 'stoneware-mug', count: 1 },
      { type: 'view', productId: 'stoneware-mug', count: 2 },
    ]);
    expect(await data.events.zeroResultSearches(day.from, day.to, 10)).toEqual([{ query: 'unicorn socks', count: 1 }]);
  });

  it('takes application/json too, and keeps a widget’s time within the last ten minutes', async () => {
    const res = await send(app(), { shopper, events: [{ type: 'view', at: 0, productIds: ['stoneware-mug'] }, { type: 'view', at: now + 3_600_000, productIds: ['linen-apron'] }] }, { 'Content-Type': 'application/json' });
    expect(res.status).toBe(204);
    // Dated by the server's bounds: within the day, not 1970 or an hour ahead.
    expect(await data.events.eventCounts(new Date(now - 600_000), new Date(now + 1))).toEqual([
      { type: 'view', productId: 'linen-apron', count: 1 },
      { type: 'view', productId: 'stoneware-mug', count: 1 },
    ]);
  });

  it.each([
    ['a body that is not JSON', '{"shopper":', {}, 400, 'malformed_json'],
    ['a shopper id the widget does not make', { shopper: 'short', events: [{ type: 'view', at: now, productIds: ['stoneware-mug'] }] }, {}, 400, 'invalid_request'],
    ['an email in an event', { shopper, events: [{ type: 'wish', at: now, productIds: ['stoneware-mug'], email: 'fan@example.com' }] }, {}, 400, 'invalid_request'],
    ['a name beside the batch', { shopper, name: 'Ann', events: [{ type: 'view', at: now, productIds: ['stoneware-mug'] }] }, {}, 400, 'invalid_request'],
    ['an unknown type', { shopper, events: [{ type: 'review', at: now, productIds: ['stoneware-mug'] }] }, {}, 400, 'invalid_request'],
    ['an empty batch', { shopper, events: [] }, {}, 400, 'invalid_request'],
    ['a batch of 51 events', { shopper, events: Array.from({ length: 51 }, () => ({ type: 'view', at: now, productIds: ['stoneware-mug'] })) }, {}, 400, 'invalid_request'],
    ['a form post', 'shopper=x', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
    ['a body over 16 KB', { shopper, events: [{ type: 'search', at: now, query: 'x'.repeat(17_000), results: 0 }] }, {}, 413, 'body_too_large'],
    ['a page of another origin', { shopper, events: [{ type: 'view', at: now, productIds: ['stoneware-mug'] }] }, { Origin: 'https://evil.example' }, 403, 'origin_not_allowed'],
  ])('refuses %s with a JSON error and keeps nothing', async (_, body, headers, status, code) => {
    const res = await send(app(), body, headers as Record<string, string>);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(await data.events.eventCounts(day.from, day.to)).toEqual([]);
  });

  it('says where in the batch it went wrong', async () => {
    const res = await send(app(), { shopper, events: [{ type: 'view', at: now, productIds: ['stoneware-mug'] }, { type: 'view', at: 'now' }] });
    expect((await res.json()).error.message).toContain('events.1.at');
  });

  it('limits how many batches one client sends per minute, with Retry-After', async () => {
    const a = app({ rateLimitPerMinute: 2 });
    const batch = { shopper, events: [{ type: 'view', at: now, productIds: ['stoneware-mug'] }] };
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await send(a, batch, { 'X-Test-Client': 'busy' })).status);
    expect(statuses).toEqual([204, 204, 429]);
    const limited = await send(a, batch, { 'X-Test-Client': 'busy' });
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect((await send(a, batch, { 'X-Test-Client': 'other' })).status).toBe(204);
    expect(await data.events.eventCounts(day.from, day.to)).toEqual([{ type: 'view', productId: 'stoneware-mug', count: 3 }]);
  });

  it('keeps nothing with FANSHOP_ANALYTICS=off (403 analytics_off), and the envelope names no endpoint then', async () => {
    const off = app({ store: null });
    const res = await send(off, { shopper, events: [{ type: 'view', at: now, productIds: ['stoneware-mug'] }] });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'analytics_off' } });
    const [without, withEvents] = [await off.request('/catalog.json?fanshop=1'), await app().request('/catalog.json?fanshop=1')];
    expect((await without.json()).events).toBeUndefined();
    expect((await withEvents.json()).events).toBe('/api/events');
    // A copy cached before the setting changed is not revalidated as the same.
    expect(withEvents.headers.get('ETag')).not.toBe(without.headers.get('ETag'));
  });

  it('answers 503 events_unavailable when the store fails', async () => {
    const failing: EventStore = { ...data.events, recordEvents: () => Promise.reject(new Error('disk full')) };
    const res = await send(app({ store: failing }), { shopper, events: [{ type: 'view', at: now, productIds: ['stoneware-mug'] }] });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'events_unavailable' } });
  });
});
