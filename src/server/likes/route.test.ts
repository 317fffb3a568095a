import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';
import type { LikesStore } from './store';
import { inMemoryData, type InMemoryData } from '../data/postgres/memory';

/** /api/likes through app.request(), with the demo catalog and likes in PGlite, emptied before each case. */
const demo = readFileSync(new URL('../../../public/catalog.json', import.meta.url), 'utf8');
const origin = 'http://localhost:8787';
const shopperA = 'shopper-aaaaaaaaaaaa';
const shopperB = 'shopper-bbbbbbbbbbbb';
let data: InMemoryData;
beforeAll(async () => {
  data = await inMemoryData();
});
beforeEach(() => data.empty());
afterAll(() => data.close());

function app(overrides: { rateLimitPerMinute?: number; store?: LikesStore } = {}) {
  return createApp({
    catalog: { read: async () => demo },
    likes: {
      store: overrides.store ?? data.likes,
      rateLimitPerMinute: overrides.rateLimitPerMinute ?? 1000,
      allowedOrigins: [origin],
      clientAddress: (c) => c.req.header('X-Test-Client') ?? 'test',
    },
  });
}
type App = ReturnType<typeof app>;

const like = (a: App, productId: string, body: unknown, headers: Record<string, string> = {}) =>
  a.request(`/api/likes/${productId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const read = (a: App, query: string, headers: Record<string, string> = { Origin: origin }) => a.request(`/api/likes?${query}`, { headers });

describe('POST /api/likes/:productId', () => {
  it('sets a shopper’s like and answers the product’s count, once per shopper', async () => {
    const a = app();
    const first = await like(a, 'stoneware-mug', { shopper: shopperA, liked: true });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ productId: 'stoneware-mug', count: 1, liked: true });
    expect(first.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(first.headers.get('Cache-Control')).toBe('no-store');
    expect(await (await like(a, 'stoneware-mug', { shopper: shopperA, liked: true })).json()).toEqual({ productId: 'stoneware-mug', count: 1, liked: true });
    expect(await (await like(a, 'stoneware-mug', { shopper: shopperB, liked: true })).json()).toEqual({ productId: 'stoneware-mug', count: 2, liked: true });
    expect(await (await like(a, 'stoneware-mug', { shopper: shopperA, liked: false })).json()).toEqual({ productId: 'stoneware-mug', count: 1, liked: false });
  });

  it.each([
    ['a product that is not in the catalog', 'no-such-product', { shopper: shopperA, liked: true }, {}, 409, 'unknown_product'],
    ['a body that is not JSON', 'stoneware-mug', '{"shopper":', {}, 400, 'malformed_json'],
    ['a shopper id the widget does not make', 'stoneware-mug', { shopper: 'short', liked: true }, {}, 400, 'invalid_request'],
    ['a shopper id with other characters', 'stoneware-mug', { shopper: 'shopper/../../etc/passwd', liked: true }, {}, 400, 'invalid_request'],
    ['liked that is not a boolean', 'stoneware-mug', { shopper: shopperA, liked: 'yes' }, {}, 400, 'invalid_request'],
    ['a form post', 'stoneware-mug', 'shopper=x', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
    ['a body over 1 KB', 'stoneware-mug', { shopper: shopperA, liked: true, pad: 'x'.repeat(1100) }, {}, 413, 'body_too_large'],
    ['a page of another origin', 'stoneware-mug', { shopper: shopperA, liked: true }, { Origin: 'https://evil.example' }, 403, 'origin_not_allowed'],
  ])('refuses %s with a JSON error', async (_, productId, body, headers, status, code) => {
    const res = await like(app(), productId, body, headers as Record<string, string>);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('limits how many likes one client changes per minute, with Retry-After', async () => {
    const a = app({ rateLimitPerMinute: 2 });
    const statuses = [];
    for (const id of ['stoneware-mug', 'linen-apron', 'merino-beanie']) statuses.push((await like(a, id, { shopper: shopperA, liked: true }, { 'X-Test-Client': 'busy' })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await like(a, 'merino-beanie', { shopper: shopperA, liked: true }, { 'X-Test-Client': 'busy' });
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await like(a, 'merino-beanie', { shopper: shopperB, liked: true }, { 'X-Test-Client': 'other' })).status).toBe(200);
  });

  it('refuses every like with a rate limit of 0 (FANSHOP_LIKES_RATE_LIMIT=0)', async () => {
    const res = await like(app({ rateLimitPerMinute: 0 }), 'stoneware-mug', { shopper: shopperA, liked: true }, { 'X-Test-Client': 'first-ever' });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('limits count reads per client too, ten times as loosely by default', async () => {
    const a = app({ rateLimitPerMinute: 1 });
    const read = (client: string) => a.request('/api/likes?ids=stoneware-mug', { headers: { 'X-Test-Client': client } });
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await read('reader')).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    expect((await read('another-reader')).status).toBe(200);
  });

  it('answers 503 when the store fails, and logs why', async () => {
    const broken: LikesStore = { ...data.likes, setLike: async () => { throw new Error('disk full'); } };
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await like(app({ store: broken }), 'stoneware-mug', { shopper: shopperA, liked: true });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'likes_unavailable' } });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('stoneware-mug'), expect.any(Error));
    error.mockRestore();
  });
});

describe('GET /api/likes', () => {
  it('answers the counts of the catalog’s products asked for, and which of them the shopper likes', async () => {
    const a = app();
    await like(a, 'stoneware-mug', { shopper: shopperA, liked: true });
    await like(a, 'stoneware-mug', { shopper: shopperB, liked: true });
    await like(a, 'linen-apron', { shopper: shopperB, liked: true });
    const res = await read(a, `ids=stoneware-mug,linen-apron,merino-beanie,not-a-product&shopper=${shopperA}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(await res.json()).toEqual({ counts: { 'stoneware-mug': 2, 'linen-apron': 1, 'merino-beanie': 0 }, liked: ['stoneware-mug'] });
    expect(await (await read(a, 'ids=linen-apron')).json()).toEqual({ counts: { 'linen-apron': 1 } });
  });

  it.each([
    ['more than 100 ids', `ids=${Array.from({ length: 101 }, (_, i) => `p${i}`).join(',')}`, 'too_many_ids'],
    ['no ids parameter', `shopper=${shopperA}`, 'invalid_request'],
    ['a shopper id the widget does not make', 'ids=stoneware-mug&shopper=x', 'invalid_request'],
  ])('refuses %s with 400', async (_, query, code) => {
    const res = await read(app(), query);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code } });
  });

  it('takes 100 ids', async () => {
    const res = await read(app(), `ids=${Array.from({ length: 99 }, (_, i) => `p${i}`).join(',')},stoneware-mug`);
    expect(await res.json()).toEqual({ counts: { 'stoneware-mug': 0 } });
  });
});

describe('CORS for /api/likes', () => {
  it('answers preflights for allowed origins only', async () => {
    const a = app();
    const ok = await a.request('/api/likes/stoneware-mug', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(ok.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST');
    const no = await a.request('/api/likes/stoneware-mug', { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(no.status).toBe(403);
    expect(no.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('does not let another site read counts', async () => {
    const res = await read(app(), 'ids=stoneware-mug', { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

it('has no likes routes when the app is made without likes', async () => {
  const a = createApp({ catalog: { read: async () => demo } });
  expect((await a.request('/api/likes?ids=stoneware-mug')).status).toBe(404);
});
