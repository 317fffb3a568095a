import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compressUnlessWorkers } from './compress';
import { rememberedGzip, gzipBytes } from './remembered-gzip';

const page = `<!doctype html><p>${'A card of the shop. '.repeat(400)}</p>`;

function app(body = page, headers: Record<string, string> = {}) {
  const a = new Hono();
  a.use('*', compressUnlessWorkers());
  a.get('/page', (c) => c.body(body, 200, { 'Content-Type': 'text/html; charset=utf-8', ETag: '"v1"', ...headers }));
  a.get('/image', (c) => c.body(new Uint8Array(1000), 200, { 'Content-Type': 'image/png' }));
  return a;
}

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['*', true],
    ['*;q=0', false],
    ['br, *;q=0.1', true],
    ['x-gzip', true],
    [undefined, false],
  ])('%s -> %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('compressUnlessWorkers', () => {
  it('gzips a text answer for a client that accepts it, with its length, Vary and a weak ETag', async () => {
    const res = await app().request('/page', { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('ETag')).toBe('W/"v1"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get('Content-Length')).toBe(String(bytes.byteLength));
    expect(gunzipSync(bytes).toString()).toBe(page);
  });

  it('sends the same text, with Vary, to a client that does not accept gzip', async () => {
    const res = await app().request('/page', { headers: { 'Accept-Encoding': 'br;q=1, gzip;q=0' } });
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('ETag')).toBe('"v1"');
    expect(await res.text()).toBe(page);
  });

  it('leaves alone small answers, images, no-transform answers and HEAD', async () => {
    const gz = { 'Accept-Encoding': 'gzip' };
    const small = await app('<p>tiny</p>').request('/page', { headers: gz });
    expect([small.headers.get('Content-Encoding'), await small.text()]).toEqual([null, '<p>tiny</p>']);
    expect((await app().request('/image', { headers: gz })).headers.get('Content-Encoding')).toBeNull();
    const kept = await app(page, { 'Cache-Control': 'no-transform' }).request('/page', { headers: gz });
    expect(kept.headers.get('Content-Encoding')).toBeNull();
    expect((await app().request('/page', { method: 'HEAD', headers: gz })).headers.get('Content-Encoding')).toBeNull();
  });

  it('adds Accept-Encoding to a Vary the answer already has', async () => {
    const res = await app(page, { Vary: 'Accept-Language' }).request('/page', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Vary')).toBe('Accept-Language, Accept-Encoding');
  });
});

describe('rememberedGzip', () => {
  const text = (s: string) => new TextEncoder().encode(s);

  it('compresses the same bytes once, even asked twice at once, and other bytes again', async () => {
    let compressed = 0;
    const gzip = rememberedGzip((t) => (compressed++, gzipBytes(t)));
    const [a, b] = await Promise.all([gzip(text(page)), gzip(text(page))]);
    expect(a).toBe(b);
    expect(await gzip(text(page))).toBe(a);
    expect(compressed).toBe(1);
    expect(gunzipSync(await gzip(text(`${page}!`))).toString()).toBe(`${page}!`);
    expect(compressed).toBe(2);
  });

  it('forgets the least recently used beyond 64 answers, and a failed compression', async () => {
    let compressed = 0;
    let fail = false;
    const gzip = rememberedGzip(async (t) => {
      compressed++;
      if (fail) throw new Error('no memory');
      return gzipBytes(t);
    });
    await gzip(text('page 0'));
    for (let i = 1; i <= 64; i++) {
      await gzip(text(`page ${i}`));
      // Page 0 used again after page 1: page 1 is the oldest when the 65th arrives.
      if (i === 1) await gzip(text('page 0'));
    }
    expect(compressed).toBe(65);
    await gzip(text('page 0'));
    expect(compressed).toBe(65);
    await gzip(text('page 1'));
    expect(compressed).toBe(66);
    fail = true;
    await expect(gzip(text('new'))).rejects.toThrow('no memory');
    fail = false;
    await gzip(text('new'));
    expect(compressed).toBe(68);
  });
});
