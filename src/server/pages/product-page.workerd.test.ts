import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker } from '../../../scripts/build-worker.mjs';

/**
 * The product pages and the feed in workerd (through miniflare), as Cloudflare runs them. The
 * Workers runtime compresses responses itself, so the app must not (http/compress.ts): with
 * hono/compress a client asking for no encoding got gzip bytes under no Content-Encoding.
 * miniflare decodes what workerd encoded and names the encoding in `MF-Content-Encoding`.
 */
const root = new URL('../../../', import.meta.url).pathname;
const assets = existsSync(join(root, 'dist/client/catalog.json')) ? join(root, 'dist/client') : join(root, 'public');

let outDir = '';
let mf: Miniflare;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'fanshop-pages-worker-'));
  await buildWorker(outDir);
  mf = new Miniflare({
    compatibilityDate: '2026-07-30',
    modules: true,
    scriptPath: join(outDir, 'worker.mjs'),
    modulesRoot: outDir,
    // A Worker without secrets or a Durable Object: pages and feeds need neither.
    assets: { directory: assets, binding: 'ASSETS', routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true } },
  });
  await mf.ready;
}, 30_000);

afterAll(async () => {
  try {
    await mf?.dispose();
  } finally {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }
});

const get = (path: string, headers: Record<string, string> = {}) => mf.dispatchFetch(`https://shop.example${path}`, { headers });

describe('product pages in workerd', () => {
  it('serves /p/<id> compressed once by the runtime when asked, plain otherwise, with an ETag and a 304', async () => {
    const zipped = await get('/p/nordlicht-hoodie', { 'Accept-Encoding': 'gzip', 'Accept-Language': 'de' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('MF-Content-Encoding')).toBe('gzip');
    const html = await zipped.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta property="og:title" content="Nordlicht-Kapuzenpullover">');
    const plain = await get('/p/nordlicht-hoodie', { 'Accept-Encoding': 'identity', 'Accept-Language': 'de' });
    expect(plain.headers.get('MF-Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(html);

    const etag = zipped.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await get('/p/nordlicht-hoodie', { 'Accept-Language': 'de', 'If-None-Match': `W/${etag}` });
    expect(again.status).toBe(304);
    await again.arrayBuffer();
  });

  it('renders the widget’s first view in workerd: /shop’s grid and /p/<id>’s product view, in German', async () => {
    const page = await get('/shop', { 'Accept-Language': 'de' });
    const shop = await page.text();
    // The first view's stylesheet inside its shadow root, allowed by the CSP by its hash.
    const style = /<div data-fanshop data-heading-level="1"><template shadowrootmode="open"><style>([\s\S]*?)<\/style><section class="root"/.exec(shop)?.[1];
    expect(style).toContain(':host');
    expect(page.headers.get('Content-Security-Policy')).toContain(`'sha256-${createHash('sha256').update(style!, 'utf8').digest('base64')}'`);
    expect(shop).toContain('In den Warenkorb');
    expect(shop).toContain('<script type="application/json" data-fanshop-first-view>');
    const product = await (await get('/p/nordlicht-hoodie', { 'Accept-Language': 'de' })).text();
    expect(product).toContain('<h1 class="detail-title" part="detail-title" tabindex="-1">Nordlicht-Kapuzenpullover</h1>');
  });

  it('serves a 404 page for an unknown product and the Meta feed as CSV', async () => {
    const missing = await get('/p/nope');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1>Product not found</h1>');
    const feed = await get('/feeds/meta.csv', { 'Accept-Encoding': 'gzip' });
    expect(feed.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect((await feed.text()).split('\r\n')[0]).toBe(
      'id,title,description,availability,condition,price,sale_price,link,image_link,additional_image_link,brand,item_group_id,size,color,quantity_to_sell_on_facebook',
    );
  });
});
