import { readdirSync } from 'node:fs';
import { expect, test } from './fixtures';

/**
 * Every text answer of the Node server travels gzipped to a client that accepts it, with
 * `Vary: Accept-Encoding` and a weak ETag that revalidates; the widget's hashed chunks are
 * cached for a year. Asked with Node's own fetch, which shows the bytes as they came.
 */
const port = Number(process.env.E2E_PORT ?? 8790);
const origin = `http://127.0.0.1:${port}`;
const chunk = readdirSync('dist/client').find((name) => /^fanshop-CartDrawer-[\w-]{8}\.mjs$/.test(name));

const paths = ['/', '/shop', '/frame', '/catalog.json', '/catalog.json?fanshop=1', '/p/nordlicht-hoodie', '/feeds/meta.csv', '/fanshop.js', '/fanshop.mjs', `/${chunk}`, '/product-page.css'];

test('every text answer is gzipped when the client accepts it, and the same text when it does not', async () => {
  expect(chunk).toBeDefined();
  for (const path of paths) {
    const plain = await fetch(`${origin}${path}`, { headers: { 'Accept-Encoding': 'identity', 'Accept-Language': 'en' } });
    const zipped = await fetch(`${origin}${path}`, { headers: { 'Accept-Encoding': 'gzip', 'Accept-Language': 'en' } });
    const raw = Buffer.from(await zipped.arrayBuffer());
    // Node's fetch decodes gzip itself; what came over the wire is told by the header.
    expect({ path, encoding: zipped.headers.get('Content-Encoding'), vary: /Accept-Encoding/i.test(zipped.headers.get('Vary') ?? '') }).toEqual({ path, encoding: 'gzip', vary: true });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(0);
    // (The served catalog's live stock may change between two requests while other journeys shop.)
    if (!path.startsWith('/catalog.json?')) expect(raw.toString('utf8')).toBe(text);
  }
});

test('the catalog revalidates by its weak ETag when gzipped, and the hashed chunks are immutable', async () => {
  const first = await fetch(`${origin}/catalog.json?fanshop=1`, { headers: { 'Accept-Encoding': 'gzip' } });
  const tag = first.headers.get('ETag');
  expect(tag).toMatch(/^W\/"/);
  const again = await fetch(`${origin}/catalog.json?fanshop=1`, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': tag! } });
  expect(again.status).toBe(304);
  const js = await fetch(`${origin}/${chunk}`);
  expect(js.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  expect((await fetch(`${origin}/fanshop.mjs`)).headers.get('Cache-Control')).toBe('no-cache');
});
